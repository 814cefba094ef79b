// A corpus folder on disk: the input is cut at "\n@@@@\n" into a MANIFEST.tsv and up to 8
// articles (a.txt, b.txt, ...), written into a fresh folder and loaded with loadCorpus, the
// same path the app takes. Whatever the bytes, every article that is not empty, UTF-16 or
// unreadable loads, byte for byte.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace {

fs::path gDir;

void cleanUp() {
  std::error_code ec;
  fs::remove_all(gDir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/atlas-fuzz-corpus-XXXXXX";
  if (!mkdtemp(tmpl.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  gDir = tmpl;
  std::atexit(cleanUp);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  const std::string sep = "\n@@@@\n";
  for (size_t pos = 0;;) {
    const size_t at = input.find(sep, pos);
    parts.push_back(input.substr(pos, at == std::string::npos ? std::string::npos : at - pos));
    if (at == std::string::npos || parts.size() == 9) break;
    pos = at + sep.size();
  }
  for (const auto& e : fs::directory_iterator(gDir)) fs::remove(e.path());
  std::ofstream(gDir / "MANIFEST.tsv", std::ios::binary) << parts[0];
  for (size_t i = 1; i < parts.size(); ++i)
    std::ofstream(gDir / (std::string(1, static_cast<char>('a' + i - 1)) + ".txt"),
                  std::ios::binary)
        << parts[i];
  const atlas::CorpusLoadResult r = atlas::loadCorpus(gDir);
  FUZZ_CHECK(r.corpus.has_value());
  size_t expected = 0;
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& t = parts[i];
    const bool usable = t.find_first_not_of(" \t\r\n") != std::string::npos &&
                        t != "\xEF\xBB\xBF" && t.rfind("\xFF\xFE", 0) != 0 &&
                        t.rfind("\xFE\xFF", 0) != 0;
    if (!usable) continue;
    FUZZ_CHECK(expected < r.corpus->articles.size());
    FUZZ_CHECK(r.corpus->articles[expected].text == t);
    ++expected;
  }
  FUZZ_CHECK(expected == r.corpus->articles.size());
  return 0;
}
