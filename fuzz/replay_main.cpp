// A main() for the fuzz targets when libFuzzer is not available (GCC builds, the release and
// asan test runs): runs every input file given, then, for `--mutate-seconds N`, feeds the target
// inputs made by mutating and splicing those inputs at random (fixed seed, so a failure can be
// replayed with the same command). No coverage feedback: the long runs use libFuzzer.
//
//   fuzz_X [--mutate-seconds N] [--seed S] [--max-len BYTES] FILE_OR_DIR...
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace fs = std::filesystem;

// Optional, as in libFuzzer: only some targets set themselves up from argv.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

// The input being run, so a crash can leave it behind for replaying.
const std::vector<uint8_t>* gCurrent = nullptr;
char gCrashPath[256] = "";

// On abort (a failed check, a sanitizer report with abort_on_error=1, an uncaught exception):
// save the input and say where. Only async-signal-safe calls.
void onAbort(int sig) {
  if (gCurrent && gCrashPath[0]) {
    const int fd = ::open(gCrashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      if (::write(fd, gCurrent->data(), gCurrent->size()) < 0) {
      }
      ::close(fd);
      const char msg[] = "\nfuzz: the failing input is saved as ";
      if (::write(2, msg, sizeof msg - 1) < 0 || ::write(2, gCrashPath, strlen(gCrashPath)) < 0 ||
          ::write(2, "\n", 1) < 0) {
      }
    }
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

int run(const std::string& input) {
  // A copy in its own allocation, so reading past the end is an AddressSanitizer report.
  std::vector<uint8_t> bytes(input.begin(), input.end());
  gCurrent = &bytes;
  const int r = LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  gCurrent = nullptr;
  return r;
}

// Byte values and short sequences that matter to the parsers: separators, quotes, UTF-8 lead
// and continuation bytes, Arabic letters, bidi controls.
const char* const kTokens[] = {"\t",
                               "\n",
                               "\r\n",
                               "\"",
                               "{",
                               "}",
                               "[",
                               "]",
                               ",",
                               ":",
                               "|",
                               "\xD8\xA7",
                               "\xD8\xAD\xD9\x8A",
                               "\xE2\x80\x8F",
                               "\xE2\x81\xA7",
                               "\xE2\x80\xAE",
                               "\xEF\xBB\xBF",
                               "\xC3",
                               "\xE2\x82",
                               "\x80",
                               "\0",
                               "2016-02-30",
                               "-1e309",
                               "NaN",
                               "\n@@@@\n"};

std::string mutate(std::string s, const std::vector<std::string>& pool, std::mt19937_64& rng,
                   size_t maxLen) {
  auto pick = [&](size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); };
  const int steps = 1 + static_cast<int>(rng() % 8);
  for (int k = 0; k < steps; ++k) {
    switch (rng() % 7) {
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << (rng() % 8));
        break;
      case 1:  // random byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng());
        break;
      case 2:  // erase a range
        if (!s.empty()) {
          const size_t at = pick(s.size());
          s.erase(at, 1 + pick(std::min<size_t>(64, s.size() - at)));
        }
        break;
      case 3: {  // insert a token
        const char* t = kTokens[pick(std::size(kTokens))];
        s.insert(pick(s.size() + 1), std::string(t, std::max<size_t>(1, std::strlen(t))));
        break;
      }
      case 4:  // duplicate a range
        if (!s.empty()) {
          const size_t at = pick(s.size());
          const std::string piece = s.substr(at, 1 + pick(256));
          s.insert(pick(s.size() + 1), piece);
        }
        break;
      case 5: {  // splice with another input
        const std::string& other = pool[pick(pool.size())];
        const size_t cut = pick(s.size() + 1), from = pick(other.size() + 1);
        s = s.substr(0, cut) + other.substr(from);
        break;
      }
      default:  // truncate
        s.resize(pick(s.size() + 1));
        break;
    }
  }
  if (s.size() > maxLen) s.resize(maxLen);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  const char* tmp = std::getenv("TMPDIR");
  std::snprintf(gCrashPath, sizeof gCrashPath, "%s/fuzz-crash-%d", tmp && *tmp ? tmp : "/tmp",
                static_cast<int>(getpid()));
  signal(SIGABRT, onAbort);
  signal(SIGSEGV, onAbort);
  double seconds = 0;
  uint64_t seed = 1;
  size_t maxLen = 64 * 1024;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mutate-seconds" && i + 1 < argc)
      seconds = std::stod(argv[++i]);
    else if (a == "--seed" && i + 1 < argc)
      seed = std::stoull(argv[++i]);
    else if (a == "--max-len" && i + 1 < argc)
      maxLen = std::stoull(argv[++i]);
    else if (fs::is_directory(a))
      for (const auto& e : fs::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) inputs.push_back(e.path());
      }
    else if (fs::exists(a))
      inputs.push_back(a);
    else {
      std::fprintf(stderr, "%s: no such input\n", a.c_str());
      return 2;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  std::vector<std::string> pool;
  for (const auto& p : inputs) {
    pool.push_back(readAll(p));
    run(pool.back());
  }
  std::printf("replayed %zu inputs\n", pool.size());
  if (seconds <= 0) return 0;
  if (pool.empty()) pool.push_back(std::string());
  std::mt19937_64 rng(seed);
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = 0;
  while (std::chrono::steady_clock::now() < until) {
    for (int k = 0; k < 16; ++k, ++runs) run(mutate(pool[rng() % pool.size()], pool, rng, maxLen));
  }
  std::printf("ran %ld mutated inputs in %.0f s (seed %llu)\n", runs, seconds,
              static_cast<unsigned long long>(seed));
  return 0;
}
