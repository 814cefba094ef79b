// The bad-input suite: real files with the problems users' corpora and assets have, built at
// test time in a temporary folder (the large ones too: nothing big is committed). Each case says
// which messages the user must see (file and line), how many articles must still load, and, for
// a corpus that cannot load at all, the one-line error.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace atlas::test {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// A message the user must see: "…FILE:LINE: warning: …TEXT…" (no ":LINE" when line is 0).
struct ExpectedMessage {
  std::string fileSuffix;
  int line = 0;
  std::string text;
};

struct BadInputSetup {
  fs::path corpus;  // what --corpus gets
  fs::path assets;  // ALEPPO_ATLAS_ASSETS for the app; empty: the shipped assets
  std::vector<ExpectedMessage> messages;
  int articles = -1;     // articles that must load; -1: the corpus cannot load at all
  std::string fatal;     // then: a piece of the one-line error
  std::string badPlace;  // a gazetteer place the case breaks (its mentions lose coordinates)
  bool large = false;    // 100 MB or 50,000 files: only the checks that matter for size
};

struct BadInputCase {
  std::string name;
  std::function<BadInputSetup(const fs::path& dir)> make;
};

// GoogleTest prints a case by its name.
inline void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

// Every case of the suite.
const std::vector<BadInputCase>& badInputCases();

// The shipped sample corpus and assets.
fs::path sampleCorpus();
fs::path shippedAssets();
std::string readAll(const fs::path& p);
void writeFile(const fs::path& p, const std::string& bytes);
// Whether `err` (a program's stderr) has the message, in the format Diagnostic::format prints.
bool hasMessage(const std::string& err, const ExpectedMessage& m);
std::string describe(const ExpectedMessage& m);

}  // namespace atlas::test
