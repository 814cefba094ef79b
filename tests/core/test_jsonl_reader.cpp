// Streaming articles: JSON Lines read a chunk at a time from files, pipes and standard input,
// and folders read one file at a time, with the messages a whole-file load gives.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/article_stream.h"
#include "core/corpus.h"
#include "core/jsonl_reader.h"
#include "core/utf8.h"

namespace fs = std::filesystem;
using namespace atlas;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-jsonl-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

struct Read {
  std::vector<Article> articles;
  Diagnostics diags;
};

Read readAll(JsonlArticleReader& reader) {
  Read r;
  for (Article a; reader.next(a, r.diags);) r.articles.push_back(a);
  return r;
}

Read readBytes(const std::string& bytes, size_t chunk = JsonlArticleReader::kChunkBytes) {
  JsonlArticleReader reader(bytes, "in.jsonl", chunk);
  return readAll(reader);
}

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags) s += d.format() + "\n";
  return s;
}

// Writes `bytes` into a pipe from another thread, `piece` bytes at a time, so the reader sees
// lines cut anywhere and the writer blocks whenever the pipe is full.
class PipeWriter {
 public:
  PipeWriter(std::string bytes, size_t piece) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    readEnd = fds[0];
    thread_ = std::thread([bytes = std::move(bytes), piece, fd = fds[1]] {
      for (size_t at = 0; at < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + at, std::min(piece, bytes.size() - at));
        if (n <= 0) break;
        at += static_cast<size_t>(n);
      }
      ::close(fd);
    });
  }
  ~PipeWriter() {
    thread_.join();
    ::close(readEnd);
  }
  int readEnd = -1;

 private:
  std::thread thread_;
};

// Standard input replaced by a pipe for the life of the object.
class StdinFromPipe {
 public:
  StdinFromPipe(std::string bytes) : writer_(std::move(bytes), 4096), saved_(::dup(STDIN_FILENO)) {
    ::dup2(writer_.readEnd, STDIN_FILENO);
  }
  ~StdinFromPipe() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }

 private:
  PipeWriter writer_;
  int saved_;
};

const std::string kHalab = "\xD8\xAD\xD9\x84\xD8\xA8";  // "حلب"

std::string line(const std::string& id, const std::string& text) {
  return R"({"id":")" + id + R"(","published":"2016-12-05","text":")" + text + "\"}";
}

}  // namespace

TEST(JsonlReader, FieldsOfALine) {
  const Read r = readBytes(
      R"({"id":"a","published":"2016-12-05","outlet":"O","title":"T","text":")" + kHalab + "\"}\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.diags.empty()) << dump(r.diags);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.source, "in.jsonl:1");
  EXPECT_EQ(a.text, kHalab);
  EXPECT_EQ(a.published, (Date{2016, 12, 5}));
  EXPECT_EQ(a.outlet, "O");
  EXPECT_EQ(a.title, "T");
}

TEST(JsonlReader, LinesLongerThanTheChunkAndALastLineWithoutABreak) {
  // 16-byte chunks: every line is cut by reads, and the buffer grows to hold 5,000 bytes.
  const std::string longText(5000, 'x');
  const std::string input = line("a", "short") + "\n" + line("b", longText) + "\n" +
                            line("c", "end");  // no line break after the last line
  for (size_t chunk : {size_t{1}, size_t{16}, size_t{4096}, JsonlArticleReader::kChunkBytes}) {
    const Read r = readBytes(input, chunk);
    ASSERT_EQ(r.articles.size(), 3u) << "chunk " << chunk << "\n" << dump(r.diags);
    EXPECT_TRUE(r.diags.empty()) << dump(r.diags);
    EXPECT_EQ(r.articles[0].text, "short");
    EXPECT_EQ(r.articles[1].text, longText);
    EXPECT_EQ(r.articles[2].text, "end");
    EXPECT_EQ(r.articles[2].source, "in.jsonl:3");
  }
}

TEST(JsonlReader, ALineOfThreeMegabytesFromAFile) {
  // Longer than the default 1 MiB chunk, read from a real file.
  TempDir d;
  std::string text;
  while (text.size() < (3u << 20)) text += kHalab + " ";
  const fs::path p = d.write(
      "big.jsonl", line("a", "x") + "\n" + line("big", text) + "\n" + line("c", "y") + "\n");
  auto opened = openArticleStream(p);
  ASSERT_TRUE(opened.stream) << opened.error;
  Diagnostics diags;
  std::vector<Article> got;
  for (Article a; opened.stream->next(a, diags);) got.push_back(a);
  ASSERT_EQ(got.size(), 3u) << dump(diags);
  EXPECT_EQ(got[1].id, "big");
  EXPECT_EQ(got[1].text, text);
  EXPECT_EQ(got[2].id, "c");
  EXPECT_EQ(opened.stream->bytesRead(), fs::file_size(p));
}

TEST(JsonlReader, CrlfBomAndBlankLines) {
  // A BOM that starts a line is skipped by JSON parsers (nlohmann::json always did); only on
  // line 1 is it removed before the line is looked at, so a BOM alone is a blank line only there.
  const std::string bom = "\xEF\xBB\xBF";
  const std::string input = bom + line("a", "1") + "\r\n" +  // 1
                            "\r\n" +                         // 2
                            "  \t\n" +                       // 3
                            bom + line("b", "2") + "\r\n" +  // 4
                            bom + "\r\n" +                   // 5
                            line("c", "3") + "\r\n";         // 6
  const Read r = readBytes(input, 8);
  ASSERT_EQ(r.articles.size(), 3u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].id, "a");
  EXPECT_EQ(r.articles[0].text, "1");  // no '\r' left in the line
  EXPECT_EQ(r.articles[1].id, "b");
  EXPECT_EQ(r.articles[2].source, "in.jsonl:6");
  ASSERT_EQ(r.diags.size(), 1u) << dump(r.diags);
  EXPECT_EQ(r.diags[0].line, 5);
  // Three bytes of BOM, then the end: column 4.
  EXPECT_EQ(r.diags[0].message,
            "not a JSON object: invalid JSON at column 4 (syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal); line skipped");

  const Read first = readBytes(bom + "\r\n" + line("a", "1") + "\n");
  ASSERT_EQ(first.articles.size(), 1u);
  EXPECT_TRUE(first.diags.empty()) << dump(first.diags);
  EXPECT_EQ(first.articles[0].source, "in.jsonl:2");
}

TEST(JsonlReader, BadLinesAreReportedWithTheirLineAndTheRestIsRead) {
  const std::string input = line("a", "1") + "\n" +                        // 1
                            R"({"id":"x","text":tru})" + "\n" +            // 2: bad literal
                            "[1,2]\n" +                                    // 3: an array
                            line("a", "again") + "\n" +                    // 4: duplicate id
                            R"({"id":"n","published":"2016-12-05"})" +     // 5: no text
                            "\n" + R"({"id":"t","text":5})" + "\n" +       // 6: text not a string
                            R"({"text":"no id","published":"5/12/2016"})"  // 7: id, date
                            + "\n" + R"({"id":"d","text":"x","n":-1e309})" +  // 8: overflow
                            "\n" + R"({"id":"z","text":"last"})" + "\n";      // 9: no date
  const Read r = readBytes(input, 8);
  ASSERT_EQ(r.articles.size(), 3u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].id, "a");
  EXPECT_EQ(r.articles[1].id, "in:7");  // the file's stem and the line
  EXPECT_FALSE(r.articles[1].published);
  EXPECT_EQ(r.articles[2].id, "z");
  const std::vector<std::pair<int, std::string>> want = {
      {2,
       "not a JSON object: invalid JSON at column 21 (syntax error while parsing value - invalid "
       "literal; last read: '\"text\":tru}'); line skipped"},
      {3, "not a JSON object; line skipped"},
      {4, "duplicate id 'a'; line skipped"},
      {5, "no \"text\" string; line skipped"},
      {6, "no \"text\" string; line skipped"},
      {7, "invalid date '5/12/2016' (want YYYY-MM-DD)"},
      {8, "not a JSON object: number overflow parsing '-1e309'; line skipped"},
      {9, "no \"published\" date; loaded without a date"}};
  ASSERT_EQ(r.diags.size(), want.size()) << dump(r.diags);
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(r.diags[i].file, "in.jsonl");
    EXPECT_EQ(r.diags[i].line, want[i].first);
    EXPECT_EQ(r.diags[i].message, want[i].second);
  }
}

TEST(JsonlReader, ValidLinesSimdjsonCannotReadStillLoad) {
  // An integer beyond 64 bits (a double to nlohmann::json), nesting deeper than simdjson's 1024
  // levels, and a NUL after the object, which nlohmann::json read as the end of the input.
  const std::string deep = std::string(1500, '[') + std::string(1500, ']');
  const std::string input = std::string(R"({"id":"big","text":"a","n":1234567890123456789012})") +
                            "\n" + R"({"id":"deep","text":"b","n":)" + deep + "}\n" +
                            R"({"id":"nul","text":"c"})" + std::string("\0x", 2) + "\n";
  const Read r = readBytes(input);
  ASSERT_EQ(r.articles.size(), 3u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].text, "a");
  EXPECT_EQ(r.articles[1].text, "b");
  EXPECT_EQ(r.articles[2].text, "c");
}

TEST(JsonlReader, ALaterDuplicateKeyWins) {
  const Read r = readBytes(R"({"id":"a","text":"first","text":"second","id":"b"})"
                           "\n"
                           R"({"id":"c","text":"kept","text":7})"
                           "\n");
  ASSERT_EQ(r.articles.size(), 1u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].id, "b");
  EXPECT_EQ(r.articles[0].text, "second");
  ASSERT_EQ(r.diags.size(), 2u) << dump(r.diags);  // line 1 has no date, line 2 no text
  EXPECT_EQ(r.diags[1].line, 2);
  EXPECT_EQ(r.diags[1].message, "no \"text\" string; line skipped");
}

TEST(JsonlReader, EscapesDecodeToUtf8) {
  // حلب, a surrogate pair (U+1F600), the short escapes and é, worked out by hand.
  const Read r =
      readBytes(R"({"id":"e","text":"\u062d\u0644\u0628 \ud83d\ude00 a\/b\\c\"d\te\u00e9\u0000."})"
                "\n");
  ASSERT_EQ(r.articles.size(), 1u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].text,
            std::string("\xD8\xAD\xD9\x84\xD8\xA8 \xF0\x9F\x98\x80 a/b\\c\"d\te\xC3\xA9\0.", 25));
  // A NUL in the text is read as text, with the warning a file with one gets.
  ASSERT_EQ(r.diags.size(), 2u) << dump(r.diags);
  EXPECT_EQ(r.diags[1].message, "NUL byte at offset 23 (binary data?); read as text");
}

TEST(JsonlReader, EscapesDecodeAsNlohmannJsonDecodesThem) {
  // Strings with every kind of character, written with and without \u escapes: the reader's
  // text must be nlohmann::json's decoding of the same line.
  const char32_t samples[] = {0x1,    0x1F,   0x22,    0x2F,    0x5C,    0x7F,
                              0x80,   0x627,  0x644,   0x7FF,   0x800,   0xFEFF,
                              0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  std::string input;
  std::vector<std::string> lines;
  for (int k = 0; k < 40; ++k) {
    std::u32string s;
    for (int i = 0; i < 12; ++i) s += samples[(k * 7 + i * 5) % std::size(samples)];
    std::string utf8 = ".";  // never an empty article
    for (char32_t c : s) utf8::append(utf8, c);
    const nlohmann::json j = {{"id", std::to_string(k)}, {"text", utf8}};
    lines.push_back(j.dump(-1, ' ', k % 2 == 0));  // even lines: every non-ASCII as \uXXXX
    input += lines.back() + "\n";
  }
  const Read r = readBytes(input, 64);
  ASSERT_EQ(r.articles.size(), lines.size()) << dump(r.diags);
  for (size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(r.articles[i].text, nlohmann::json::parse(lines[i])["text"].get<std::string>())
        << lines[i];
}

TEST(JsonlReader, InvalidUtf8IsRepairedWithAWarning) {
  // 0xE9 (Latin-1 é) is byte 21 of the line, counted from 0 as the message counts.
  const Read r = readBytes(R"({"id":"a","text":"caf)" + std::string("\xE9") + "\"}\n");
  ASSERT_EQ(r.articles.size(), 1u) << dump(r.diags);
  EXPECT_EQ(r.articles[0].text, "caf\xEF\xBF\xBD");
  ASSERT_FALSE(r.diags.empty());
  EXPECT_EQ(r.diags[0].message,
            "invalid UTF-8 at byte 21 of the line; those bytes are read as \u201c\uFFFD\u201d");
}

TEST(JsonlReader, EmptyInputs) {
  const Read empty = readBytes("");
  ASSERT_EQ(empty.diags.size(), 1u);
  EXPECT_EQ(empty.diags[0].line, 0);
  EXPECT_EQ(empty.diags[0].message, "empty file: no articles");
  // Lines, even blank ones, are not an empty file.
  const Read blank = readBytes("\n \n");
  EXPECT_TRUE(blank.articles.empty());
  EXPECT_TRUE(blank.diags.empty()) << dump(blank.diags);
}

TEST(JsonlReader, StreamsFromAPipeAsTheLinesArrive) {
  // 300 KB on one line: more than a pipe holds, so the writer waits for the reader.
  const std::string longText(300000, 'y');
  const std::string input =
      line("a", "1") + "\n" + line("b", longText) + "\n" + "not json\n" + line("c", "3");
  PipeWriter writer(input, 1000);
  JsonlArticleReader reader(writer.readEnd, "pipe.jsonl", 4096);
  Diagnostics diags;
  Article a;
  ASSERT_TRUE(reader.next(a, diags));
  EXPECT_EQ(a.id, "a");
  // Progress counts the lines handed out, not what was read ahead.
  EXPECT_EQ(reader.bytesRead(), line("a", "1").size() + 1);
  ASSERT_TRUE(reader.next(a, diags));
  EXPECT_EQ(a.text, longText);
  ASSERT_TRUE(reader.next(a, diags));
  EXPECT_EQ(a.id, "c");
  EXPECT_EQ(a.source, "pipe.jsonl:4");
  EXPECT_FALSE(reader.next(a, diags));
  EXPECT_EQ(reader.bytesRead(), input.size());
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].line, 3);
}

TEST(JsonlReader, AFailedReadIsAnErrorOnTheLineBeingRead) {
  // read() on a folder fails (EISDIR).
  TempDir d;
  const int fd = ::open(d.path.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  JsonlArticleReader reader(fd, "folder.jsonl");
  Diagnostics diags;
  Article a;
  EXPECT_FALSE(reader.next(a, diags));
  ::close(fd);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);  // and no "empty file"
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::Error);
  EXPECT_EQ(diags[0].line, 1);
  EXPECT_EQ(diags[0].message, "read failed: Is a directory; the rest of the input is not loaded");
}

TEST(ArticleStream, StandardInputIsJsonLines) {
  const std::string input = line("a", "1") + "\n" + R"({"text":"no id"})" + "\n";
  StdinFromPipe stdinPipe(input);
  auto opened = openArticleStream("-");
  ASSERT_TRUE(opened.stream) << opened.error;
  Diagnostics diags;
  std::vector<Article> got;
  for (Article a; opened.stream->next(a, diags);) got.push_back(a);
  ASSERT_EQ(got.size(), 2u) << dump(diags);
  EXPECT_EQ(got[1].id, "stdin:2");
  EXPECT_EQ(got[1].source, "stdin:2");
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].file, "stdin");
  EXPECT_EQ(diags[0].message, "no \"published\" date; loaded without a date");
  EXPECT_EQ(opened.stream->bytesTotal(), 0u);  // not known in advance
  EXPECT_EQ(opened.stream->bytesRead(), input.size());
}

TEST(ArticleStream, LoadCorpusReadsStandardInput) {
  StdinFromPipe stdinPipe(line("a", kHalab) + "\n");
  const CorpusLoadResult r = loadCorpus("-");
  ASSERT_TRUE(r.corpus) << r.error;
  ASSERT_EQ(r.corpus->articles.size(), 1u);
  EXPECT_EQ(r.corpus->articles[0].text, kHalab);
}

TEST(ArticleStream, ProgressOfAJsonlFileReachesItsSize) {
  TempDir d;
  std::string input;
  for (int i = 0; i < 50; ++i) input += line(std::to_string(i), std::string(100, 'x')) + "\n";
  const fs::path p = d.write("c.jsonl", input);
  auto opened = openArticleStream(p);
  ASSERT_TRUE(opened.stream);
  EXPECT_EQ(opened.stream->bytesTotal(), input.size());
  Diagnostics diags;
  uint64_t last = 0;
  int n = 0;
  for (Article a; opened.stream->next(a, diags); ++n) {
    // Each line is 1 + the length of line(...) bytes: progress moves one line at a time.
    EXPECT_EQ(opened.stream->bytesRead(), last + line(a.id, std::string(100, 'x')).size() + 1);
    last = opened.stream->bytesRead();
  }
  EXPECT_EQ(n, 50);
  EXPECT_EQ(opened.stream->bytesRead(), opened.stream->bytesTotal());
}

TEST(ArticleStream, AFolderIsReadOneFileAtATimeWithItsMessages) {
  TempDir d;
  d.write("MANIFEST.tsv",
          "file\tpublished\toutlet\n"
          "a.txt\t2016-02-30\tX\n"  // 2: impossible date
          "b.txt\t2016-10-04\tY\n"
          "b.txt\t2016-10-05\tZ\n"     // 4: duplicate row
          "gone.txt\t2016-10-01\tX\n"  // 5: no such file
          "short\n");                  // 6: too few columns
  d.write("a.txt", "aa");
  d.write("b.txt", "bbbb");
  d.write("c.txt", "cccccc");  // not in the manifest
  d.write("empty.txt", "");    // listed nowhere, and empty
  d.write("notes.md", "not an article");
  auto opened = openArticleStream(d.path);
  ASSERT_TRUE(opened.stream) << opened.error;
  ArticleStream& s = *opened.stream;
  EXPECT_EQ(s.bytesTotal(), 2u + 4u + 6u);  // the .txt files
  const std::string manifest = (d.path / "MANIFEST.tsv").string();
  Article a;
  Diagnostics diags;
  // The manifest's problems come with the first article.
  ASSERT_TRUE(s.next(a, diags));
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.text, "aa");
  EXPECT_EQ(a.source, (d.path / "a.txt").string());
  EXPECT_FALSE(a.published);
  EXPECT_EQ(a.outlet, "X");
  EXPECT_EQ(s.bytesRead(), 2u);
  ASSERT_EQ(diags.size(), 3u) << dump(diags);
  EXPECT_EQ(diags[0].format(),
            manifest + ":2: warning: invalid date '2016-02-30' (want YYYY-MM-DD)");
  EXPECT_EQ(diags[1].format(),
            manifest + ":4: warning: duplicate row for 'b.txt'; the later one is used");
  EXPECT_EQ(diags[2].format(), manifest + ":6: warning: row has too few columns; ignored");
  diags.clear();
  ASSERT_TRUE(s.next(a, diags));
  EXPECT_EQ(a.id, "b");
  EXPECT_EQ(a.published, (Date{2016, 10, 5}));
  EXPECT_EQ(a.outlet, "Z");
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_TRUE(s.next(a, diags));
  EXPECT_EQ(a.id, "c");
  EXPECT_FALSE(a.published);
  EXPECT_EQ(a.outlet, "");
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].format(), (d.path / "c.txt").string() +
                                   ": warning: not listed in MANIFEST.tsv; loaded without a date");
  diags.clear();
  // empty.txt is skipped; then the rows with no file, at the end.
  EXPECT_FALSE(s.next(a, diags));
  ASSERT_EQ(diags.size(), 2u) << dump(diags);
  EXPECT_EQ(diags[0].format(),
            (d.path / "empty.txt").string() + ": warning: empty article; skipped");
  EXPECT_EQ(diags[1].format(),
            manifest + ":5: warning: lists 'gone.txt', which is not in the folder");
  EXPECT_EQ(s.bytesRead(), s.bytesTotal());
  diags.clear();
  EXPECT_FALSE(s.next(a, diags));  // said once
  EXPECT_TRUE(diags.empty()) << dump(diags);
}

TEST(ArticleStream, AFolderWithoutArticles) {
  TempDir d;
  d.write("MANIFEST.tsv", "file\tpublished\nx.txt\t2016-10-01\n");
  auto opened = openArticleStream(d.path);
  ASSERT_TRUE(opened.stream);
  Article a;
  Diagnostics diags;
  EXPECT_FALSE(opened.stream->next(a, diags));
  ASSERT_EQ(diags.size(), 2u) << dump(diags);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_EQ(diags[0].message, "lists 'x.txt', which is not in the folder");
  EXPECT_EQ(diags[1].file, d.path.string());
  EXPECT_EQ(diags[1].message, "no .txt articles in the folder");
}
