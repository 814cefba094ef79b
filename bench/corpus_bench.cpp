// Reading a JSON Lines corpus: the sample articles replicated to about 200 MB (set
// ATLAS_BENCH_CORPUS_MB to change it), parsed from memory, loaded into a Corpus, and streamed
// one article at a time. Figures: MB/s of input, and the process's peak resident memory
// (`peak_rss_MB`, cumulative over the run: run one benchmark at a time with
// --benchmark_filter to see each one's peak).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/article_stream.h"
#include "core/corpus.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

size_t targetBytes() {
  const char* mb = std::getenv("ATLAS_BENCH_CORPUS_MB");
  return (mb && *mb ? std::strtoul(mb, nullptr, 10) : 200u) << 20;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

struct File {
  fs::path dir, corpus;
  size_t bytes = 0;
  size_t articles = 0;
};

// The corpus, written once to a temporary folder a line at a time (the writer holds no copy).
const File& file() {
  static const File f = [] {
    File x;
    x.dir = fs::temp_directory_path() / ("atlas-corpus-bench-" + std::to_string(getpid()));
    fs::create_directories(x.dir);
    x.corpus = x.dir / "corpus.jsonl";
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    std::ofstream out(x.corpus, std::ios::binary);
    for (int copy = 0; x.bytes < targetBytes(); ++copy)
      for (const Article& a : samples.articles) {
        const std::string line =
            "{\"id\":\"" + a.id + "-" + std::to_string(copy) + "\",\"published\":\"" +
            (a.published ? a.published->iso() : std::string()) +
            "\",\"outlet\":" + jsonString(a.outlet) + ",\"title\":" + jsonString(a.id) +
            ",\"text\":" + jsonString(a.text) + "}\n";
        out << line;
        x.bytes += line.size();
        ++x.articles;
      }
    return x;
  }();
  return f;
}

void finish(benchmark::State& state) {
  const File& f = file();
  state.SetBytesProcessed(static_cast<int64_t>(f.bytes) * state.iterations());
  state.counters["corpus_MB"] = static_cast<double>(f.bytes) / 1e6;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The line parser alone: the bytes are already in memory.
void BM_ParseJsonlInMemory(benchmark::State& state) {
  const File& f = file();
  std::ifstream in(f.corpus, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = std::move(ss).str();
  for (auto _ : state) {
    Corpus c = parseJsonlCorpus(text, f.corpus);
    if (c.articles.size() != f.articles) state.SkipWithError("articles lost");
    state.PauseTiming();
    c = {};
    state.ResumeTiming();
  }
  finish(state);
}
BENCHMARK(BM_ParseJsonlInMemory)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// What the app does: the file read and every article kept in a Corpus.
void BM_LoadCorpusJsonl(benchmark::State& state) {
  const File& f = file();
  for (auto _ : state) {
    CorpusLoadResult r = loadCorpus(f.corpus);
    if (!r.corpus || r.corpus->articles.size() != f.articles) state.SkipWithError("not loaded");
    state.PauseTiming();  // freeing the corpus is not loading it
    r = {};
    state.ResumeTiming();
  }
  finish(state);
}
BENCHMARK(BM_LoadCorpusJsonl)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// One article at a time, none kept: memory stays at about one chunk.
void BM_StreamJsonl(benchmark::State& state) {
  const File& f = file();
  for (auto _ : state) {
    ArticleStreamOpenResult opened = openArticleStream(f.corpus);
    if (!opened.stream) {
      state.SkipWithError(opened.error.c_str());
      return;
    }
    Article a;
    Diagnostics diags;
    size_t n = 0;
    while (opened.stream->next(a, diags)) ++n;
    if (n != f.articles) state.SkipWithError("articles lost");
  }
  finish(state);
}
BENCHMARK(BM_StreamJsonl)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  fs::remove_all(file().dir, ec);
  return 0;
}
