#include "bad_inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace atlas::test {

TempDir::TempDir() {
  char tmpl[] = "/tmp/atlas-bad-input-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

fs::path shippedAssets() { return ATLAS_TEST_ASSETS_DIR; }
fs::path sampleCorpus() { return shippedAssets() / "corpus"; }

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void writeFile(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

bool hasMessage(const std::string& err, const ExpectedMessage& m) {
  const std::string where =
      m.fileSuffix + (m.line > 0 ? ":" + std::to_string(m.line) : std::string()) + ": ";
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    const size_t at = line.find(where);
    if (at != std::string::npos && line.find(m.text, at) != std::string::npos) return true;
  }
  return false;
}

std::string describe(const ExpectedMessage& m) {
  return m.fileSuffix + ":" + std::to_string(m.line) + ": …" + m.text + "…";
}

namespace {

constexpr int kSampleArticles = 5;

fs::path copySample(const fs::path& dir) {
  const fs::path corpus = dir / "corpus";
  fs::copy(sampleCorpus(), corpus, fs::copy_options::recursive);
  return corpus;
}

void appendManifestRow(const fs::path& corpus, const std::string& row) {
  std::ofstream(corpus / "MANIFEST.tsv", std::ios::binary | std::ios::app) << row << "\n";
}

// A short Arabic report naming places of the gazetteer ("fighting in Sheikh Saeed and
// al-Ramouseh").
const std::string kReport =
    "\xD8\xA7\xD8\xB4\xD8\xAA\xD8\xA8\xD8\xA7\xD9\x83\xD8\xA7\xD8\xAA \xD9\x81\xD9\x8A "
    "\xD8\xAD\xD9\x8A \xD8\xA7\xD9\x84\xD8\xB4\xD9\x8A\xD8\xAE \xD8\xB3\xD8\xB9\xD9\x8A\xD8\xAF "
    "\xD9\x88\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD9\x85\xD9\x88\xD8\xB3\xD8\xA9.";

BadInputSetup invalidUtf8(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  // Line 2 has a lone lead byte (0xC3 then "(") in the middle of a sentence.
  writeFile(s.corpus / "005_bad_utf8.txt",
            kReport + "\n" + "\xD9\x82\xD8\xB5\xD9\x81 \xC3( " + kReport + "\n");
  appendManifestRow(s.corpus, "005_bad_utf8.txt\t2016-10-06");
  s.messages = {{"005_bad_utf8.txt", 2, "invalid UTF-8 at byte"}};
  s.articles = kSampleArticles + 1;
  return s;
}

BadInputSetup nulByte(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  writeFile(s.corpus / "005_nul.txt",
            kReport + "\n" + kReport + "\n" + std::string("x\0y ", 4) + kReport + "\n");
  appendManifestRow(s.corpus, "005_nul.txt\t2016-10-06");
  s.messages = {{"005_nul.txt", 3, "NUL byte"}};
  s.articles = kSampleArticles + 1;
  return s;
}

BadInputSetup utf16(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  // "حلب" in UTF-16LE with its byte order mark, as Windows Notepad saves "Unicode".
  writeFile(s.corpus / "005_utf16.txt", std::string("\xFF\xFE\x2D\x06\x44\x06\x28\x06", 8));
  appendManifestRow(s.corpus, "005_utf16.txt\t2016-10-06");
  s.messages = {{"005_utf16.txt", 0, "UTF-16 text"}};
  s.articles = kSampleArticles;
  return s;
}

BadInputSetup hugeOneLine(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  // 100 MB on one line: every megabyte is a real article (line breaks made spaces) followed by
  // a plain news sentence repeated, as a scraped page that lost its line breaks looks. (The
  // article alone repeated would give 600,000 mentions: a test of output size, not input.)
  std::string article = readAll(sampleCorpus() / "004_696f5fdaa54c9078.txt");
  for (char& c : article)
    if (c == '\n' || c == '\r') c = ' ';
  // "A source said the clashes went on all night under heavy shelling."
  const std::string filler =
      " \xD9\x88\xD9\x82\xD8\xA7\xD9\x84 \xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1 \xD8\xA5\xD9\x86 "
      "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB4\xD8\xAA\xD8\xA8\xD8\xA7\xD9\x83\xD8\xA7\xD8\xAA "
      "\xD8\xA7\xD8\xB3\xD8\xAA\xD9\x85\xD8\xB1\xD8\xAA \xD8\xB7\xD9\x88\xD8\xA7\xD9\x84 "
      "\xD8\xA7\xD9\x84\xD9\x84\xD9\x8A\xD9\x84 \xD9\x88\xD8\xB3\xD8\xB7 "
      "\xD9\x82\xD8\xB5\xD9\x81 \xD8\xB9\xD9\x86\xD9\x8A\xD9\x81.";
  std::string megabyte = article;
  while (megabyte.size() < 1000 * 1000) megabyte += filler;
  megabyte += ' ';
  std::string text;
  text.reserve(100 * megabyte.size());
  for (int i = 0; i < 100; ++i) text += megabyte;
  writeFile(s.corpus / "005_huge.txt", text);
  appendManifestRow(s.corpus, "005_huge.txt\t2016-12-06");
  s.articles = kSampleArticles + 1;
  s.large = true;
  return s;
}

BadInputSetup manyTinyFiles(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  std::string manifest;
  for (int i = 0; i < 50000; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "t%05d.txt", i);
    writeFile(s.corpus / name, i % 10 == 0 ? kReport : "\xD8\xAD\xD9\x84\xD8\xA8");
    manifest += std::string(name) + "\t2016-10-" + (i % 2 ? "11" : "12") + "\n";
  }
  std::ofstream(s.corpus / "MANIFEST.tsv", std::ios::binary | std::ios::app) << manifest;
  s.articles = kSampleArticles + 50000;
  s.large = true;
  return s;
}

BadInputSetup manifestProblems(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  // The sample manifest has a header and five rows (lines 1-6).
  appendManifestRow(s.corpus, "001_cbed00854abe3786.txt\t2016-10-04");  // 7: duplicate
  appendManifestRow(s.corpus, "gone.txt\t2016-10-01");                  // 8: no such file
  appendManifestRow(s.corpus, "005_leap.txt\t2016-02-30");              // 9: impossible date
  writeFile(s.corpus / "005_leap.txt", kReport);
  writeFile(s.corpus / "006_unlisted.txt", kReport);  // not in the manifest
  s.messages = {{"MANIFEST.tsv", 7, "duplicate row for '001_cbed00854abe3786.txt'"},
                {"MANIFEST.tsv", 8, "lists 'gone.txt', which is not in the folder"},
                {"MANIFEST.tsv", 9, "invalid date '2016-02-30'"},
                {"006_unlisted.txt", 0, "not listed in MANIFEST.tsv"}};
  s.articles = kSampleArticles + 2;
  return s;
}

BadInputSetup jsonlNotJson(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = dir / "corpus.jsonl";
  // The sample articles as JSON Lines (their ids are their file names, as in the folder).
  std::vector<std::string> lines;
  std::istringstream manifest(readAll(sampleCorpus() / "MANIFEST.tsv"));
  std::string row;
  std::getline(manifest, row);
  while (std::getline(manifest, row)) {
    const std::string file = row.substr(0, row.find('\t'));
    const std::string date = row.substr(file.size() + 1, 10);
    nlohmann::json j = {{"id", file.substr(0, file.size() - 4)},
                        {"published", date},
                        {"text", readAll(sampleCorpus() / file)}};
    lines.push_back(j.dump());
  }
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 2) text += "{\"id\": \"broken\", \"text\": \"\xD8\xAD\xD9\x84\xD8\xA8\n";  // line 3
    if (i == 3)  // line 5: an article whose text has a byte that is not UTF-8
      text += "{\"id\": \"latin1\", \"published\": \"2016-10-05\", \"text\": \"" + kReport +
              " caf\xE9\"}\n";
    text += lines[i] + "\n";
  }
  writeFile(s.corpus, text);
  s.messages = {{"corpus.jsonl", 3, "not a JSON object"},
                {"corpus.jsonl", 5, "invalid UTF-8 at byte"}};
  s.articles = kSampleArticles + 1;
  return s;
}

BadInputSetup unreadableFiles(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = copySample(dir);
  // Ways a .txt entry cannot be read that hold for root too (CI runs as root, and root reads
  // files whatever their permission bits).
  fs::create_directory(s.corpus / "010_folder.txt");
  writeFile(s.corpus / "010_folder.txt" / "inner.txt", kReport);
  if (mkfifo((s.corpus / "011_fifo.txt").c_str(), 0644) != 0)
    throw std::runtime_error("mkfifo failed");
  // Reading /proc/self/mem at offset 0 fails with EIO: a file that opens but cannot be read.
  fs::create_symlink("/proc/self/mem", s.corpus / "012_io_error.txt");
  fs::create_symlink(dir / "nowhere.txt", s.corpus / "013_dangling.txt");
  fs::create_symlink("014_loop.txt", s.corpus / "014_loop.txt");
  s.messages = {
      {"010_folder.txt", 0, "cannot read the file (is a folder, not a file); skipped"},
      {"011_fifo.txt", 0, "cannot read the file (is not a regular file); skipped"},
      {"012_io_error.txt", 0, "cannot read the file (read failed: Input/output error); skipped"},
      {"013_dangling.txt", 0, "cannot read the file (No such file or directory); skipped"},
      {"014_loop.txt", 0, "cannot read the file (Too many levels of symbolic links); skipped"}};
  s.articles = kSampleArticles;
  return s;
}

BadInputSetup corpusIsAFile(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = dir / "article.txt";
  writeFile(s.corpus, kReport);
  s.fatal = "a corpus is a folder of .txt articles with a MANIFEST.tsv, or a .jsonl file";
  return s;
}

BadInputSetup corpusSymlinkLoop(const fs::path& dir) {
  BadInputSetup s;
  s.corpus = dir / "corpus";
  fs::create_symlink(dir / "corpus", s.corpus);
  s.fatal = "cannot open the corpus: Too many levels of symbolic links";
  return s;
}

fs::path copyAssets(const fs::path& dir) {
  const fs::path assets = dir / "assets";
  fs::copy(shippedAssets(), assets, fs::copy_options::recursive);
  return assets;
}

// Replaces the first occurrence of `from` in the file with `to`; returns its 1-based line.
int replaceInFile(const fs::path& p, const std::string& from, const std::string& to) {
  std::string text = readAll(p);
  const size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error(from + " not in " + p.string());
  text.replace(at, from.size(), to);
  writeFile(p, text);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

BadInputSetup gazetteerBadCoordinate(const fs::path& dir) {
  BadInputSetup s;
  s.assets = copyAssets(dir);
  s.corpus = s.assets / "corpus";
  // A decimal comma, as a spreadsheet in an Arabic or French locale writes it.
  const int line =
      replaceInFile(s.assets / "gazetteer.tsv", "\t36.1646\t37.1558\t", "\t36,1646\t37.1558\t");
  s.messages = {{"gazetteer.tsv", line,
                 "bad coordinate '36,1646,37.1558' for sheikh-saeed; the place is recognised "
                 "but not plotted"}};
  s.articles = kSampleArticles;
  s.badPlace = "sheikh-saeed";
  return s;
}

BadInputSetup baseMapBadCoordinate(const fs::path& dir) {
  BadInputSetup s;
  s.assets = copyAssets(dir);
  s.corpus = s.assets / "corpus";
  // The river's first point moved beyond the pole (latitude 96): the feature is on line 2.
  replaceInFile(s.assets / "basemap.geojson", "36.2909", "96.2909");
  s.messages = {
      {"basemap.geojson", 2, "feature 1 (river): bad or unsupported LineString geometry; skipped"}};
  s.articles = kSampleArticles;
  return s;
}

}  // namespace

const std::vector<BadInputCase>& badInputCases() {
  static const std::vector<BadInputCase> cases = {
      {"InvalidUtf8MidSentence", invalidUtf8},
      {"NulByte", nulByte},
      {"Utf16File", utf16},
      {"HundredMegabyteArticleOnOneLine", hugeOneLine},
      {"FiftyThousandTinyFiles", manyTinyFiles},
      {"ManifestMissingDuplicateAndImpossibleDate", manifestProblems},
      {"JsonlLineThatIsNotJson", jsonlNotJson},
      {"UnreadableFiles", unreadableFiles},
      {"CorpusPathIsAFile", corpusIsAFile},
      {"CorpusPathIsASymlinkLoop", corpusSymlinkLoop},
      {"GazetteerBadCoordinate", gazetteerBadCoordinate},
      {"BaseMapBadCoordinate", baseMapBadCoordinate},
  };
  return cases;
}

}  // namespace atlas::test
