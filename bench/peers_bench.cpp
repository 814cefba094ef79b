// End-to-end `aleppo-atlas extract` against grep and ripgrep looking for the same names in the
// same corpus: the sample articles replicated to about 58 MB of JSON Lines, the patterns every
// spelling in the gazetteer (names and names after head words), matched as fixed strings.
// Figures: MB/s of each, in one run, and each program's peak resident memory (peak_rss_MB).
// grep and rg only find the byte strings; extract also splits sentences, folds, decides context
// and writes a JSON record per mention with its date and event. Extract runs on the file (to
// --out, and to standard output as the peers write), on
// standard input (as a Hadoop or Spark map task runs it), and with --fields leaving out
// sentence_text (the largest field, repeated for every mention in a sentence).
// ALEPPO_ATLAS_BENCH_APP=/path/to/aleppo-atlas measures another build (an older one: the
// cases it cannot run are reported as errors).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/corpus.h"
#include "core/gazetteer.h"
#include "core/mention_record.h"

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

std::string app() {
  const char* other = std::getenv("ALEPPO_ATLAS_BENCH_APP");
  return other && *other ? other : ATLAS_APP_PATH;
}

// Runs `command` with sh, which execs the last program of it (so wait4 reports that program's
// own peak memory, not the shell's). Returns false if it failed; peak RSS in KB in `peakKb`.
bool run(const std::string& command, long& peakKb) {
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return false;
  peakKb = std::max(peakKb, usage.ru_maxrss);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void runCommand(benchmark::State& state, const std::string& command) {
  const Files& f = files();
  long peakKb = 0;
  for (auto _ : state) {
    if (!run(command, peakKb)) {
      state.SkipWithError(("failed: " + command).c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(f.bytes) * state.iterations());
  state.counters["corpus_MB"] = static_cast<double>(f.bytes) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(peakKb) / 1024;
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
  runCommand(state, app() + " extract --corpus " + f.corpus.string() + " --format jsonl --out " +
                        (f.dir / "extract.jsonl").string());
}
BENCHMARK(BM_AtlasExtractJsonl)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

// The records on standard output, redirected to a file as grep's and rg's are: the same I/O as
// the peers (--out above also fsyncs the file before renaming it into place).
void BM_AtlasExtractJsonlToStdout(benchmark::State& state) {
  const Files& f = files();
  runCommand(state, app() + " extract --corpus " + f.corpus.string() + " --format jsonl > " +
                        (f.dir / "extract-stdout.jsonl").string());
}
BENCHMARK(BM_AtlasExtractJsonlToStdout)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

// The corpus on standard input, the records on standard output: a map task's pipes.
void BM_AtlasExtractJsonlStdin(benchmark::State& state) {
  const Files& f = files();
  runCommand(state, app() + " extract --corpus - --format jsonl < " + f.corpus.string() + " > " +
                        (f.dir / "extract-stdin.jsonl").string());
}
BENCHMARK(BM_AtlasExtractJsonlStdin)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

// Every default field but sentence_text.
void BM_AtlasExtractJsonlWithoutSentenceText(benchmark::State& state) {
  const Files& f = files();
  std::string fields;
  for (std::string_view name : defaultFields(RecordFormat::Jsonl).names())
    if (name != "sentence_text") fields.append(fields.empty() ? "" : ",").append(name);
  runCommand(state, app() + " extract --corpus " + f.corpus.string() + " --fields " + fields +
                        " --out " + (f.dir / "extract-fields.jsonl").string());
}
BENCHMARK(BM_AtlasExtractJsonlWithoutSentenceText)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  fs::remove_all(files().dir, ec);
  return 0;
}
