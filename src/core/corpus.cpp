#include "core/corpus.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

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

}  // namespace

CorpusLoadResult loadCorpus(const fs::path& path) {
  CorpusLoadResult result;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    result.error = path.string() + ": corpus not found";
    return result;
  }
  if (!fs::is_directory(status)) {
    result.error = path.string() + ": corpus must be a folder of .txt articles with a MANIFEST.tsv";
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
  for (const auto& file : files) {
    Article a;
    a.id = file.stem().string();
    a.source = file.string();
    if (!readFile(file, a.text)) {
      corpus.diagnostics.push_back(
          {Diagnostic::Severity::Warning, file.string(), 0, "cannot read the file; skipped"});
      continue;
    }
    auto row = manifest.find(file.filename().string());
    if (row == manifest.end()) {
      corpus.diagnostics.push_back({Diagnostic::Severity::Warning, file.string(), 0,
                                    "not listed in MANIFEST.tsv; loaded without a date"});
    } else {
      a.published = row->second.published;
      a.outlet = row->second.outlet;
    }
    corpus.articles.push_back(std::move(a));
  }
  result.corpus = std::move(corpus);
  return result;
}

}  // namespace atlas
