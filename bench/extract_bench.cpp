// The extraction pipeline (normalise, segment, match; loading included in a separate case) on a
// synthetic corpus of at least 50 MB made by replicating the five sample articles.
// Figures: MB/s on one thread and with a thread per core; peak memory against corpus size.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

constexpr size_t kTargetBytes = 50u << 20;  // 50 MiB

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_BENCH_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

// The samples replicated in memory until the corpus holds kTargetBytes.
const Corpus& bigCorpus() {
  static const Corpus c = [] {
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    Corpus big;
    size_t bytes = 0;
    for (int copy = 0; bytes < kTargetBytes; ++copy)
      for (const Article& a : samples.articles) {
        Article b = a;
        b.id += '#';
        b.id += std::to_string(copy);
        bytes += b.text.size();
        big.articles.push_back(std::move(b));
      }
    return big;
  }();
  return c;
}

size_t corpusBytes(const Corpus& c) {
  size_t n = 0;
  for (const Article& a : c.articles) n += a.text.size();
  return n;
}

// CPU seconds of the whole process (every thread): on a shared machine the wall clock measures
// the neighbours too, this only the work done.
double processCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

long peakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void BM_Extract(benchmark::State& state) {
  const Corpus& corpus = bigCorpus();
  const int threads = static_cast<int>(state.range(0));
  const bool annotate = state.range(1) != 0;
  size_t mentions = 0;
  const double cpuBefore = processCpuSeconds();
  for (auto _ : state) {
    ExtractionResult r = extractMentions(corpus, gazetteer(), threads, annotate);
    mentions = r.mentions.size();
    benchmark::DoNotOptimize(r.mentions.data());
  }
  const double cpu = processCpuSeconds() - cpuBefore;
  const size_t bytes = corpusBytes(corpus);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  // MiB per CPU second summed over the threads: what a core does, whatever else runs.
  state.counters["MiB_per_cpu_s"] =
      static_cast<double>(bytes) * static_cast<double>(state.iterations()) / (1 << 20) / cpu;
  state.counters["corpus_MiB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["threads"] = threads;
  state.counters["dates_events"] = annotate;
}
// Args: threads, and whether dates and events are resolved (1) or only places found (0).
BENCHMARK(BM_Extract)
    ->Args({1, 0})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

// Loading from disk (a folder of files with a manifest) plus extraction, and the process's
// peak memory relative to the corpus size.
void BM_LoadAndExtractFromDisk(benchmark::State& state) {
  std::string dirName = "atlas-bench-";  // appended: see GCC bug 105329 (-Wrestrict)
  dirName += std::to_string(getpid());
  const fs::path dir = fs::temp_directory_path() / dirName;
  fs::create_directories(dir);
  {
    // Written from the five samples directly, so the in-memory copy of the other cases is not
    // resident and the peak is this case's own (run it alone: --benchmark_filter=Disk).
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    std::ofstream manifest(dir / "MANIFEST.tsv");
    manifest << "file\tpublished\n";
    size_t written = 0;
    for (int i = 0; written < kTargetBytes; ++i) {
      const Article& a = samples.articles[i % samples.articles.size()];
      std::string name = "a";
      name += std::to_string(i);
      name += ".txt";
      std::ofstream(dir / name, std::ios::binary) << a.text;
      manifest << name << "\t2016-12-05\n";
      written += a.text.size();
    }
  }
  size_t bytes = 0;
  for (auto _ : state) {
    CorpusLoadResult loaded = loadCorpus(dir);
    bytes = corpusBytes(*loaded.corpus);
    ExtractionResult r = extractMentions(*loaded.corpus, gazetteer(), 0);
    benchmark::DoNotOptimize(r.mentions.data());
  }
  fs::remove_all(dir);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["peak_RSS_MiB"] = peakRssKiB() / 1024.0;
  state.counters["peak_over_corpus"] = peakRssKiB() * 1024.0 / static_cast<double>(bytes);
}
BENCHMARK(BM_LoadAndExtractFromDisk)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
