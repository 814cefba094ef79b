// Reading a .jsonl corpus in pieces side by side gives what reading it in one go gives: the same
// articles with the same sources, the same messages with the same lines, the same content hash.
// The oracle is the one-go reader (loadCorpus's), on files cut into many small pieces.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/corpus.h"
#include "core/corpus_hash.h"
#include "core/corpus_reader.h"

namespace fs = std::filesystem;
using namespace atlas;

namespace {

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& bytes) {
    char tmpl[] = "/tmp/atlas-pieces-XXXXXX";
    path = fs::path(mkdtemp(tmpl)) / "corpus.jsonl";
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove_all(path.parent_path()); }
};

// 400 lines in the styles a real export has, with a problem every few dozen lines.
std::string corpusLines(bool bom = true) {
  std::string s = bom ? "\xEF\xBB\xBF" : "";
  for (int i = 0; i < 400; ++i) {
    const std::string id = "\"id\":\"a" + std::to_string(i) + "\"";
    const std::string date = "\"published\":\"2016-" + std::string(i % 61 == 0 ? "13" : "10") +
                             "-" + std::to_string(10 + i % 20) + "\"";
    std::string text = "\"text\":\"\u0642\u0635\u0641 \u0639\u0644\u0649 \u062d\u064a " +
                       std::to_string(i) + "\\n\u0633\u0637\u0631 \\\"\u062b\u0627\u0646\\\"";
    if (i % 89 == 0) text += "\xFF";
    text += "\"";
    if (i % 37 == 0) s += "   \n";
    if (i % 53 == 0)
      s += "{" + id + ", oops}\n";
    else if (i % 71 == 0)
      s += "{" + id + "," + date + "}\n";
    else if (i % 97 == 0)
      s += "{" + id + "," + date + "," + text + ",\"outlet\":\"SANA\"}\r\n";
    else
      s += "{" + id + "," + date + ",\"outlet\":\"Enab Baladi\",\"title\":\"t" + std::to_string(i) +
           "\"," + text + "}\n";
  }
  return s;
}

CorpusRead readWith(const fs::path& path, int threads) {
  CorpusReadOptions o;
  o.threads = threads;
  o.minPieceBytes = 512;  // many pieces, cut anywhere
  return readCorpus(path, o);
}

void expectSame(const CorpusRead& got, const CorpusRead& want) {
  ASSERT_TRUE(got.corpus && want.corpus);
  const auto& a = got.corpus->articles;
  const auto& b = want.corpus->articles;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id) << i;
    EXPECT_EQ(a[i].source, b[i].source) << i;
    EXPECT_EQ(a[i].text, b[i].text) << i;
    EXPECT_EQ(a[i].published, b[i].published) << i;
    EXPECT_EQ(a[i].outlet, b[i].outlet) << i;
    EXPECT_EQ(a[i].title, b[i].title) << i;
  }
  ASSERT_EQ(got.corpus->diagnostics.size(), want.corpus->diagnostics.size());
  for (size_t i = 0; i < got.corpus->diagnostics.size(); ++i)
    EXPECT_EQ(got.corpus->diagnostics[i].format(), want.corpus->diagnostics[i].format()) << i;
  EXPECT_EQ(got.contentHash, want.contentHash);
}

}  // namespace

TEST(CorpusReader, PiecesGiveWhatOneReaderGives) {
  const TempFile f(corpusLines());
  const CorpusRead one = readWith(f.path, 1);
  ASSERT_EQ(one.pieces, 1);
  // The file's own problems are all there, named by line. Line 1 is a BOM and blanks, line 2
  // is not JSON: the first article is on line 3.
  EXPECT_GT(one.corpus->diagnostics.size(), 20u);
  EXPECT_EQ(one.corpus->articles.front().id, "a1");
  EXPECT_EQ(one.corpus->articles.front().source, f.path.string() + ":3");
  for (int threads : {2, 3, 4, 7, 16}) {
    SCOPED_TRACE(threads);
    const CorpusRead many = readWith(f.path, threads);
    EXPECT_EQ(many.pieces, threads);
    expectSame(many, one);
  }
}

TEST(CorpusReader, HashIsTheCorpusContentHash) {
  const TempFile f(corpusLines());
  const CorpusRead many = readWith(f.path, 4);
  ASSERT_TRUE(many.corpus);
  EXPECT_EQ(many.contentHash, corpusContentHash(*many.corpus));
  EXPECT_EQ(many.contentHash, corpusContentHash(*loadCorpus(f.path).corpus));
  EXPECT_EQ(many.contentHash.size(), 32u);
}

TEST(CorpusReader, AnIdInTwoPiecesIsADuplicateAsInOneGo) {
  // The last line repeats the first line's id: only a reader of the whole file sees it.
  const TempFile f(corpusLines() + "{\"id\":\"a1\",\"published\":\"2016-10-01\",\"text\":\"x\"}\n");
  const CorpusRead one = readWith(f.path, 1);
  const CorpusRead many = readWith(f.path, 4);
  expectSame(many, one);
  ASSERT_FALSE(one.corpus->diagnostics.empty());
  EXPECT_NE(one.corpus->diagnostics.back().message.find("duplicate id 'a1'"), std::string::npos);
}

TEST(CorpusReader, LinesWithoutAnIdAreNamedByTheirLineInTheFile) {
  std::string lines = corpusLines(false);
  for (int i = 0; i < 30; ++i) lines += "{\"published\":\"2016-11-02\",\"text\":\"y\"}\n";
  const TempFile f(lines);
  const CorpusRead one = readWith(f.path, 1);
  const CorpusRead many = readWith(f.path, 3);
  expectSame(many, one);
  EXPECT_EQ(one.corpus->articles.back().id,
            "corpus:" + std::to_string(std::count(lines.begin(), lines.end(), '\n')));
}

TEST(CorpusReader, AByteOrderMarkReadsTheSameInAnyPiece) {
  // A BOM opening the file, and one opening a later line, whichever piece that line falls in.
  std::string lines = corpusLines();
  lines += "\xEF\xBB\xBF{\"id\":\"late\",\"published\":\"2016-11-02\",\"text\":\"y\"}\n";
  const TempFile f(lines);
  const CorpusRead one = readWith(f.path, 1);
  for (int threads : {2, 5}) expectSame(readWith(f.path, threads), one);
}

TEST(CorpusReader, CancelledReadGivesNoCorpus) {
  const TempFile f(corpusLines());
  std::atomic<bool> cancel{true};
  CorpusReadOptions o;
  o.threads = 3;
  o.minPieceBytes = 512;
  o.cancel = &cancel;
  const CorpusRead r = readCorpus(f.path, o);
  EXPECT_FALSE(r.corpus);
  EXPECT_TRUE(r.cancelled);
  EXPECT_NE(r.error.find("cancelled"), std::string::npos);
}

TEST(CorpusReader, ProgressCountsEveryByteOnce) {
  const std::string lines = corpusLines();
  const TempFile f(lines);
  for (int threads : {1, 4}) {
    std::atomic<uint64_t> done{0}, total{0};
    CorpusReadOptions o;
    o.threads = threads;
    o.minPieceBytes = 512;
    o.bytesRead = &done;
    o.bytesTotal = &total;
    ASSERT_TRUE(readCorpus(f.path, o).corpus);
    EXPECT_EQ(done.load(), lines.size()) << threads;
    EXPECT_EQ(total.load(), lines.size()) << threads;
  }
}
