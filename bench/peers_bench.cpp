// End-to-end `aleppo-atlas extract` against grep and ripgrep looking for the same names in the
// same corpus: the sample articles replicated to about 58 MB of JSON Lines, the patterns every
// spelling in the gazetteer (names and names after head words), matched as fixed strings.
// Figures: MB/s of each, in one run. grep and rg only find the byte strings; extract also splits
// sentences, folds, decides context and writes a JSON record per mention with its date and event.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/corpus.h"
#include "core/gazetteer.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

constexpr size_t kTargetBytes = 58u << 20;

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

struct Files {
  fs::path dir, corpus, patterns;
  size_t bytes = 0;
};

// The corpus and the patterns, written once to a temporary folder.
const Files& files() {
  static const Files f = [] {
    Files x;
    x.dir = fs::temp_directory_path() / ("atlas-peers-" + std::to_string(getpid()));
    fs::create_directories(x.dir);
    x.corpus = x.dir / "corpus.jsonl";
    x.patterns = x.dir / "names.txt";
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    std::ofstream out(x.corpus, std::ios::binary);
    for (int copy = 0; x.bytes < kTargetBytes; ++copy)
      for (const Article& a : samples.articles) {
        const std::string line =
            "{\"id\":\"" + a.id + "-" + std::to_string(copy) + "\",\"published\":\"" +
            (a.published ? a.published->iso() : std::string()) +
            "\",\"outlet\":" + jsonString(a.outlet) + ",\"text\":" + jsonString(a.text) + "}\n";
        out << line;
        x.bytes += line.size();
      }
    const Gazetteer g =
        *loadGazetteer(std::string(ATLAS_BENCH_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
    std::ofstream names(x.patterns);
    for (const Place& p : g.places) {
      for (const std::string& n : p.aliases) names << n << '\n';
      for (const std::string& n : p.contextAliases) names << n << '\n';
    }
    return x;
  }();
  return f;
}

void runCommand(benchmark::State& state, const std::string& command) {
  const Files& f = files();
  for (auto _ : state) {
    if (std::system(command.c_str()) != 0) {
      state.SkipWithError(("failed: " + command).c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(f.bytes) * state.iterations());
  state.counters["corpus_MB"] = static_cast<double>(f.bytes) / 1e6;
}

void BM_GrepFixedStrings(benchmark::State& state) {
  const Files& f = files();
  runCommand(state, "grep -F -o -f " + f.patterns.string() + " " + f.corpus.string() + " > " +
                        (f.dir / "grep.out").string());
}
BENCHMARK(BM_GrepFixedStrings)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_RipgrepFixedStrings(benchmark::State& state) {
  const Files& f = files();
  if (std::system("command -v rg > /dev/null") != 0) {
    state.SkipWithError("rg (Debian's ripgrep) is not installed");
    return;
  }
  runCommand(state, "rg -F -o -j 2 -f " + f.patterns.string() + " " + f.corpus.string() + " > " +
                        (f.dir / "rg.out").string());
}
BENCHMARK(BM_RipgrepFixedStrings)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_AtlasExtractJsonl(benchmark::State& state) {
  const Files& f = files();
  runCommand(state, std::string(ATLAS_APP_PATH) + " extract --corpus " + f.corpus.string() +
                        " --format jsonl --out " + (f.dir / "extract.jsonl").string());
}
BENCHMARK(BM_AtlasExtractJsonl)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  fs::remove_all(files().dir, ec);
  return 0;
}
