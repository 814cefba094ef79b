#include "core/corpus.h"

#include <simdjson.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "core/article_stream.h"
#include "core/jsonl_reader.h"
#include "core/utf8.h"

namespace atlas {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

}  // namespace

std::map<std::string, ManifestRow> parseManifest(const std::string& text, const std::string& name,
                                                 Diagnostics& diags) {
  std::map<std::string, ManifestRow> rows;
  std::istringstream in(text);
  std::string line;
  int lineNo = 0;
  int colFile = -1, colDate = -1, colOutlet = -1;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty()) continue;
    auto cells = splitTabs(line);
    if (colFile < 0) {
      for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
        if (cells[i] == "file") colFile = i;
        if (cells[i] == "published") colDate = i;
        if (cells[i] == "outlet") colOutlet = i;
      }
      if (colFile < 0 || colDate < 0) {
        diags.push_back({Diagnostic::Severity::Warning, name, lineNo,
                         "manifest header must name the columns 'file' and 'published'"});
        return rows;
      }
      continue;
    }
    if (static_cast<int>(cells.size()) <= std::max(colFile, colDate)) {
      diags.push_back(
          {Diagnostic::Severity::Warning, name, lineNo, "row has too few columns; ignored"});
      continue;
    }
    ManifestRow row;
    row.line = lineNo;
    row.published = parseIsoDate(cells[colDate]);
    if (!row.published)
      diags.push_back({Diagnostic::Severity::Warning, name, lineNo,
                       "invalid date '" + cells[colDate] + "' (want YYYY-MM-DD)"});
    if (colOutlet >= 0 && colOutlet < static_cast<int>(cells.size())) row.outlet = cells[colOutlet];
    if (rows.count(cells[colFile]))
      diags.push_back({Diagnostic::Severity::Warning, name, lineNo,
                       "duplicate row for '" + cells[colFile] + "'; the later one is used"});
    rows[cells[colFile]] = row;
  }
  return rows;
}

namespace {

int lineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

// Problems that leave the text usable are warnings: the text is kept exactly as read (offsets
// point into it).
bool checkArticleText(const std::string& name, const std::string& text, int line,
                      Diagnostics& diags, bool validUtf8) {
  auto warn = [&](int l, const std::string& msg) {
    diags.push_back({Diagnostic::Severity::Warning, name, l, msg});
  };
  if (text.find_first_not_of(" \t\r\n") == std::string::npos || text == "\xEF\xBB\xBF") {
    warn(line, "empty article; skipped");
    return false;
  }
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0) {
    warn(line, "UTF-16 text; save the article as UTF-8 to load it; skipped");
    return false;
  }
  if (const size_t nul = text.find('\0'); nul != std::string::npos)
    warn(line ? line : lineOf(text, nul),
         "NUL byte at offset " + std::to_string(nul) + " (binary data?); read as text");
  // simdjson's vectorised check takes the same bytes as valid (no overlongs, surrogates or
  // code points past U+10FFFF); the slow scan only finds where a bad text goes wrong.
  if (validUtf8 || simdjson::validate_utf8(text.data(), text.size())) return true;
  if (const size_t bad = utf8::firstInvalid(text); bad != std::string::npos)
    warn(line ? line : lineOf(text, bad),
         "invalid UTF-8 at byte " + std::to_string(bad) +
             "; those bytes are shown as \u201c\uFFFD\u201d and cannot match names");
  return true;
}

Corpus parseJsonlCorpus(const std::string& text, const fs::path& path) {
  Corpus corpus;
  corpus.root = path;
  JsonlArticleReader reader(text, path.string());
  for (Article a; reader.next(a, corpus.diagnostics);) corpus.articles.push_back(std::move(a));
  return corpus;
}

// The one loading path: the stream the app and extract read, gathered.
CorpusLoadResult loadCorpus(const fs::path& path) {
  CorpusLoadResult result;
  ArticleStreamOpenResult opened = openArticleStream(path);
  if (!opened.stream) {
    result.error = std::move(opened.error);
    return result;
  }
  Corpus corpus;
  corpus.root = path;
  for (Article a; opened.stream->next(a, corpus.diagnostics);)
    corpus.articles.push_back(std::move(a));
  result.corpus = std::move(corpus);
  return result;
}

}  // namespace atlas
