// Loading corpora, including the bad inputs users have: each problem is a warning naming the
// file (and line), and everything else still loads.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/corpus.h"

namespace fs = std::filesystem;
using namespace atlas;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-corpus-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

bool hasWarning(const Corpus& c, const std::string& fileSuffix, int line, const std::string& text) {
  for (const Diagnostic& d : c.diagnostics)
    if (d.file.size() >= fileSuffix.size() &&
        d.file.compare(d.file.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) == 0 &&
        (line < 0 || d.line == line) && d.message.find(text) != std::string::npos)
      return true;
  return false;
}

std::string dump(const Corpus& c) {
  std::string s;
  for (const Diagnostic& d : c.diagnostics) s += d.format() + "\n";
  return s;
}

}  // namespace

TEST(Corpus, TheSampleCorpusLoadsCleanly) {
  const auto r = loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
  ASSERT_TRUE(r.corpus);
  EXPECT_EQ(r.corpus->articles.size(), 5u);
  EXPECT_TRUE(r.corpus->diagnostics.empty()) << dump(*r.corpus);
  EXPECT_EQ(r.corpus->articles[4].published, (Date{2016, 12, 6}));  // from MANIFEST.tsv
  EXPECT_EQ(r.corpus->articles[3].outlet, "أخبار الآن");
}

TEST(Corpus, BomCrlfAndArabicDigitsAreNormalInput) {
  TempDir d;
  d.write("MANIFEST.tsv",
          "\xEF\xBB\xBF"
          "file\tpublished\toutlet\r\na.txt\t2016-12-05\tX\r\n");
  d.write("a.txt", "\xEF\xBB\xBFقتل ٢٠ عنصراً في حلب\r\nسطر ثان\r\n");
  const auto r = loadCorpus(d.path);
  ASSERT_TRUE(r.corpus);
  EXPECT_TRUE(r.corpus->diagnostics.empty()) << dump(*r.corpus);
  ASSERT_EQ(r.corpus->articles.size(), 1u);
  EXPECT_EQ(r.corpus->articles[0].published, (Date{2016, 12, 5}));
  // The bytes are kept exactly, BOM included: offsets point into them.
  EXPECT_EQ(r.corpus->articles[0].text.rfind("\xEF\xBB\xBF", 0), 0u);
}

TEST(Corpus, ManifestProblemsNameTheLine) {
  TempDir d;
  d.write("MANIFEST.tsv",
          "file\tpublished\n"
          "a.txt\t2016-02-30\n"  // impossible date
          "b.txt\t2016-10-04\n"
          "b.txt\t2016-10-05\n"     // duplicate row
          "gone.txt\t2016-10-01\n"  // no such file
          "short\n");               // too few columns
  d.write("a.txt", "نص");
  d.write("b.txt", "نص");
  d.write("c.txt", "نص");  // not in the manifest
  const auto r = loadCorpus(d.path);
  ASSERT_TRUE(r.corpus);
  const Corpus& c = *r.corpus;
  EXPECT_EQ(c.articles.size(), 3u);
  EXPECT_TRUE(hasWarning(c, "MANIFEST.tsv", 2, "invalid date '2016-02-30'")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "MANIFEST.tsv", 4, "duplicate row")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "MANIFEST.tsv", 5, "gone.txt")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "MANIFEST.tsv", 6, "too few columns")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "c.txt", -1, "not listed in MANIFEST.tsv")) << dump(c);
  EXPECT_FALSE(c.articles[0].published);                    // a.txt: bad date
  EXPECT_EQ(c.articles[1].published, (Date{2016, 10, 5}));  // b.txt: the later row
}

TEST(Corpus, InvalidUtf8EmptyAndUtf16FilesAreReported) {
  TempDir d;
  d.write("MANIFEST.tsv",
          "file\tpublished\nbad.txt\t2016-10-04\nempty.txt\t2016-10-04\n"
          "utf16.txt\t2016-10-04\nok.txt\t2016-10-04\n");
  d.write("bad.txt", "سطر أول\nقصف \xFF\xFE حلب\n");
  d.write("empty.txt", "");
  d.write("utf16.txt", std::string("\xFF\xFE\x2D\x06", 4));
  d.write("ok.txt", "حلب");
  const auto r = loadCorpus(d.path);
  ASSERT_TRUE(r.corpus);
  const Corpus& c = *r.corpus;
  EXPECT_TRUE(hasWarning(c, "bad.txt", 2, "invalid UTF-8")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "empty.txt", -1, "empty")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "utf16.txt", -1, "UTF-16")) << dump(c);
  // The article with bad bytes still loads (its good text still matches); the others are skipped.
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "bad");
  EXPECT_EQ(c.articles[1].id, "ok");
}

TEST(Corpus, JsonLinesWithBadLines) {
  TempDir d;
  d.write("c.jsonl",
          R"({"id":"a","published":"2016-12-05","outlet":"X","title":"T","text":"في حلب"})"
          "\n"
          "this is not json\n"
          R"({"id":"b","published":"05/12/2016","text":"نص"})"
          "\n"
          R"({"id":"a","published":"2016-12-06","text":"مكرر"})"
          "\n"
          R"({"id":"c","published":"2016-12-06"})"
          "\n"
          "\n");
  const auto r = loadCorpus(d.path / "c.jsonl");
  ASSERT_TRUE(r.corpus);
  const Corpus& c = *r.corpus;
  ASSERT_EQ(c.articles.size(), 2u) << dump(c);
  EXPECT_EQ(c.articles[0].title, "T");
  EXPECT_EQ(c.articles[0].published, (Date{2016, 12, 5}));
  EXPECT_TRUE(hasWarning(c, "c.jsonl", 2, "not a JSON object")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "c.jsonl", 3, "invalid date")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "c.jsonl", 4, "duplicate id")) << dump(c);
  EXPECT_TRUE(hasWarning(c, "c.jsonl", 5, "no \"text\"")) << dump(c);
}

TEST(Corpus, PathsThatAreNotCorporaAreOneClearError) {
  EXPECT_NE(loadCorpus("/nonexistent").error.find("/nonexistent"), std::string::npos);
  EXPECT_FALSE(loadCorpus("/etc/hostname").corpus);
  TempDir d;
  const auto r = loadCorpus(d.path);  // an empty folder: loads, with a warning
  ASSERT_TRUE(r.corpus);
  EXPECT_TRUE(r.corpus->articles.empty());
  EXPECT_FALSE(r.corpus->diagnostics.empty());
}
