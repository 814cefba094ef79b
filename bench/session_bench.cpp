// Issue 15's figures for a big corpus: 100,000 articles (the five samples replicated with their
// own ids and dates spread over September to mid-December 2016; ~460 MB of JSON Lines).
//  - first open: `aleppo-atlas control` with an empty extraction cache (read, extract, cache,
//    control over time, view model), in a child process so that its peak RSS is its own;
//  - reopen: the same with the cache written by the first;
//  - peak memory of each, against the corpus size (the target: at most 2x);
//  - loadSession alone with a warm cache in a fresh process, split by step.
// ATLAS_BENCH_ARTICLES sets another corpus size. The corpus is written once to a temporary folder.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/session.h"
#include "core/corpus.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

int articleCount() {
  const char* n = std::getenv("ATLAS_BENCH_ARTICLES");
  return n && std::atoi(n) > 0 ? std::atoi(n) : 100000;
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

struct Files {
  fs::path dir, corpus, cache;
  uint64_t bytes = 0;
};

const Files& files() {
  static const Files f = [] {
    Files x;
    x.dir = fs::temp_directory_path() / ("atlas-session-bench-" + std::to_string(getpid()));
    fs::create_directories(x.dir);
    x.corpus = x.dir / "corpus.jsonl";
    x.cache = x.dir / "cache";
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    std::ofstream out(x.corpus, std::ios::binary);
    const Date first{2016, 9, 1};
    const char* outlets[] = {"Outlet A", "Outlet B", "Outlet C"};
    for (int i = 0; i < articleCount(); ++i) {
      const Article& a = samples.articles[i % samples.articles.size()];
      out << "{\"id\":\"" << a.id << '#' << i << "\",\"published\":\""
          << Date::fromDays(first.toDays() + i % 106).iso() << "\",\"outlet\":\"" << outlets[i % 3]
          << "\",\"text\":" << jsonString(a.text) << "}\n";
    }
    out.close();
    x.bytes = fs::file_size(x.corpus);
    return x;
  }();
  return f;
}

struct ChildRun {
  double seconds = 0;
  double peakMiB = 0;
  int status = -1;
};

// `aleppo-atlas control` on the corpus with its cache in files().cache: the whole session load.
ChildRun runOpen() {
  const Files& f = files();
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("XDG_CACHE_HOME", f.cache.c_str(), 1);
    if (!std::freopen("/dev/null", "w", stdout)) _exit(126);
    execl(ATLAS_APP_PATH, ATLAS_APP_PATH, "control", "--date", "2016-11-15", "--corpus",
          f.corpus.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ChildRun r;
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

void report(benchmark::State& st, const ChildRun& r) {
  const double corpusMiB = static_cast<double>(files().bytes) / 1048576.0;
  st.counters["articles"] = articleCount();
  st.counters["corpus_MiB"] = corpusMiB;
  st.counters["peak_MiB"] = r.peakMiB;
  st.counters["peak_x_corpus"] = r.peakMiB / corpusMiB;
  st.counters["seconds"] = r.seconds;
}

void BM_FirstOpen(benchmark::State& st) {
  ChildRun r;
  for (auto _ : st) {
    st.PauseTiming();
    fs::remove_all(files().cache);
    st.ResumeTiming();
    r = runOpen();
    if (r.status != 0) {
      st.SkipWithError("aleppo-atlas control failed");
      return;
    }
  }
  report(st, r);
}
BENCHMARK(BM_FirstOpen)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_Reopen(benchmark::State& st) {
  if (!fs::exists(files().cache)) runOpen();  // writes the cache
  ChildRun r;
  for (auto _ : st) {
    r = runOpen();
    if (r.status != 0) {
      st.SkipWithError("aleppo-atlas control failed");
      return;
    }
  }
  report(st, r);
}
BENCHMARK(BM_Reopen)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// loadSession alone with the cache warm, split into its steps: what the app waits for before it
// can draw the map when it is started again on the corpus. Each run is a fresh process (forked
// before anything is loaded in it), as a restarted app is: a load in a process that has already
// loaded and freed a corpus finds its heap in another state. Freeing the session and the
// process's exit are not counted (`aleppo-atlas control` in BM_Reopen counts them, and its
// report).
struct StepTimes {
  double total = 0, steps[4] = {};
  size_t mentions = 0;
  bool fromCache = false;
};

StepTimes loadInChild(const app::SessionOptions& options) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    StepTimes t;
    app::LoadProgress progress;
    std::atomic<bool> stop{false};
    // Watch the steps from a second thread: the time each one starts.
    const auto start = std::chrono::steady_clock::now();
    std::thread watch([&] {
      auto last = start;
      int step = 0;
      while (!stop.load()) {
        const int now = progress.step.load();
        if (now != step) {
          const auto at = std::chrono::steady_clock::now();
          t.steps[step] += std::chrono::duration<double>(at - last).count();
          last = at;
          step = now;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      t.steps[step] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - last).count();
    });
    std::unique_ptr<app::Session> s = app::loadSession(options, &progress);
    t.total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    stop = true;
    watch.join();
    t.fromCache = s && s->mentionSource == app::MentionSource::Cache;
    t.mentions = s ? s->extraction.mentions.size() : 0;
    const ssize_t written = write(fds[1], &t, sizeof t);
    _exit(written == sizeof t ? 0 : 1);
  }
  close(fds[1]);
  StepTimes t;
  if (read(fds[0], &t, sizeof t) != sizeof t) t = {};
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return t;
}

void BM_ReopenLoadSession(benchmark::State& st) {
  app::SessionOptions options;
  options.corpus = files().corpus.string();
  // Its own cache: the key holds a hash of the executable, and this is not aleppo-atlas.
  options.cacheRoot = files().dir / "bench-cache";
  loadInChild(options);  // writes the cache
  StepTimes sum;
  for (auto _ : st) {
    const StepTimes t = loadInChild(options);
    if (!t.fromCache) {
      st.SkipWithError("the session did not load from the cache");
      return;
    }
    st.SetIterationTime(t.total);
    sum.total += t.total;
    for (int i = 0; i < 4; ++i) sum.steps[i] += t.steps[i];
    sum.mentions = t.mentions;
  }
  const double n = static_cast<double>(st.iterations());
  st.counters["seconds"] = sum.total / n;
  st.counters["read_s"] = sum.steps[0] / n;
  st.counters["mentions_s"] = sum.steps[1] / n;
  st.counters["control_s"] = sum.steps[2] / n;
  st.counters["view_s"] = sum.steps[3] / n;
  st.counters["mentions"] = static_cast<double>(sum.mentions);
}
BENCHMARK(BM_ReopenLoadSession)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  setenv("ALEPPO_ATLAS_ASSETS", ATLAS_BENCH_ASSETS_DIR, 0);
  mallopt(M_MMAP_THRESHOLD, 64 * 1024);  // as aleppo-atlas's main does
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  fs::remove_all(files().dir, ec);
  return 0;
}
