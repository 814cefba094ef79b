#include "core/corpus.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>

#include "core/utf8.h"

namespace atlas {

namespace fs = std::filesystem;

namespace {

bool readFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return !in.bad();
}

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

struct ManifestRow {
  std::optional<Date> published;
  std::string outlet;
  int line = 0;
};

std::map<std::string, ManifestRow> readManifest(const fs::path& path, Diagnostics& diags) {
  std::map<std::string, ManifestRow> rows;
  std::string text;
  if (!readFile(path, text)) {
    diags.push_back({Diagnostic::Severity::Warning, path.string(), 0,
                     "cannot read the manifest; articles load without dates"});
    return rows;
  }
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
        diags.push_back({Diagnostic::Severity::Warning, path.string(), lineNo,
                         "manifest header must name the columns 'file' and 'published'"});
        return rows;
      }
      continue;
    }
    if (static_cast<int>(cells.size()) <= std::max(colFile, colDate)) {
      diags.push_back({Diagnostic::Severity::Warning, path.string(), lineNo,
                       "row has too few columns; ignored"});
      continue;
    }
    ManifestRow row;
    row.line = lineNo;
    row.published = parseIsoDate(cells[colDate]);
    if (!row.published)
      diags.push_back({Diagnostic::Severity::Warning, path.string(), lineNo,
                       "invalid date '" + cells[colDate] + "' (want YYYY-MM-DD)"});
    if (colOutlet >= 0 && colOutlet < static_cast<int>(cells.size())) row.outlet = cells[colOutlet];
    if (rows.count(cells[colFile]))
      diags.push_back({Diagnostic::Severity::Warning, path.string(), lineNo,
                       "duplicate row for '" + cells[colFile] + "'; the later one is used"});
    rows[cells[colFile]] = row;
  }
  return rows;
}

int lineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Checks an article's bytes; false if it cannot be used at all. Problems that leave the text
// usable are warnings: the text is kept exactly as read (offsets point into it).
bool checkText(const std::string& name, const std::string& text, int line, Diagnostics& diags) {
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
  if (const size_t bad = utf8::firstInvalid(text); bad != std::string::npos)
    warn(line ? line : lineOf(text, bad),
         "invalid UTF-8 at byte " + std::to_string(bad) +
             "; those bytes are shown as \u201c\uFFFD\u201d and cannot match names");
  return true;
}

CorpusLoadResult loadJsonl(const fs::path& path) {
  CorpusLoadResult result;
  std::string text;
  if (!readFile(path, text)) {
    result.error = path.string() + ": cannot read the file";
    return result;
  }
  Corpus corpus;
  corpus.root = path;
  const std::string name = path.string();
  auto warn = [&](int line, const std::string& msg) {
    corpus.diagnostics.push_back({Diagnostic::Severity::Warning, name, line, msg});
  };
  std::set<std::string> ids;
  size_t pos = 0;
  int lineNo = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      warn(lineNo, "not a JSON object; line skipped");
      continue;
    }
    auto str = [&](const char* key) -> std::string {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    Article a;
    a.id = str("id");
    if (a.id.empty()) a.id = path.stem().string() + ":" + std::to_string(lineNo);
    if (!ids.insert(a.id).second) {
      warn(lineNo, "duplicate id '" + a.id + "'; line skipped");
      continue;
    }
    if (!j.contains("text") || !j["text"].is_string()) {
      warn(lineNo, "no \"text\" string; line skipped");
      continue;
    }
    a.text = j["text"].get<std::string>();
    a.source = name + ":" + std::to_string(lineNo);
    a.outlet = str("outlet");
    a.title = str("title");
    const std::string published = str("published");
    a.published = parseIsoDate(published);
    if (!a.published)
      warn(lineNo, published.empty() ? "no \"published\" date; loaded without a date"
                                     : "invalid date '" + published + "' (want YYYY-MM-DD)");
    if (!checkText(name, a.text, lineNo, corpus.diagnostics)) continue;
    corpus.articles.push_back(std::move(a));
  }
  if (lineNo == 0) warn(0, "empty file: no articles");
  result.corpus = std::move(corpus);
  return result;
}

}  // namespace

CorpusLoadResult loadCorpus(const fs::path& path) {
  CorpusLoadResult result;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    result.error = path.string() + ": corpus not found";
    return result;
  }
  if (fs::is_regular_file(status) && path.extension() == ".jsonl") return loadJsonl(path);
  if (!fs::is_directory(status)) {
    result.error = path.string() +
                   ": a corpus is a folder of .txt articles with a MANIFEST.tsv, or a .jsonl file";
    return result;
  }
  Corpus corpus;
  corpus.root = path;
  const fs::path manifestPath = path / "MANIFEST.tsv";
  std::map<std::string, ManifestRow> manifest;
  if (fs::exists(manifestPath, ec))
    manifest = readManifest(manifestPath, corpus.diagnostics);
  else
    corpus.diagnostics.push_back({Diagnostic::Severity::Warning, manifestPath.string(), 0,
                                  "no manifest; articles load without publication dates"});

  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".txt" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) {
    result.error = path.string() + ": cannot list the folder: " + ec.message();
    return result;
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, int> listed;  // manifest rows not yet matched by a file, with their line
  for (const auto& [file, row] : manifest) listed[file] = row.line;
  for (const auto& file : files) {
    Article a;
    a.id = file.stem().string();
    a.source = file.string();
    if (!readFile(file, a.text)) {
      corpus.diagnostics.push_back(
          {Diagnostic::Severity::Warning, file.string(), 0, "cannot read the file; skipped"});
      continue;
    }
    if (!checkText(file.string(), a.text, 0, corpus.diagnostics)) continue;
    auto row = manifest.find(file.filename().string());
    listed.erase(file.filename().string());
    if (row == manifest.end()) {
      corpus.diagnostics.push_back({Diagnostic::Severity::Warning, file.string(), 0,
                                    "not listed in MANIFEST.tsv; loaded without a date"});
    } else {
      a.published = row->second.published;
      a.outlet = row->second.outlet;
    }
    corpus.articles.push_back(std::move(a));
  }
  for (const auto& [missing, line] : listed)
    corpus.diagnostics.push_back({Diagnostic::Severity::Warning, manifestPath.string(), line,
                                  "lists '" + missing + "', which is not in the folder"});
  if (files.empty())
    corpus.diagnostics.push_back(
        {Diagnostic::Severity::Warning, path.string(), 0, "no .txt articles in the folder"});
  result.corpus = std::move(corpus);
  return result;
}

}  // namespace atlas
