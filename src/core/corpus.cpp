#include "core/corpus.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>

#include "core/utf8.h"

namespace atlas {

namespace fs = std::filesystem;

namespace {

// Reads a whole regular file. On failure `error` says why in a few words ("is a folder",
// "permission denied", ...). Opened without blocking so a FIFO named like an article cannot hang
// the load; only regular files are read.
bool readFile(const fs::path& p, std::string& out, std::string& error) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file";
    ::close(fd);
    return false;
  }
  out.clear();
  out.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("read failed: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
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
                      Diagnostics& diags) {
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

Corpus parseJsonlCorpus(const std::string& text, const fs::path& path) {
  Corpus corpus;
  corpus.root = path;
  const std::string name = path.string();
  auto warn = [&](int line, const std::string& msg) {
    corpus.diagnostics.push_back({Diagnostic::Severity::Warning, name, line, msg});
  };
  std::set<std::string> ids;
  size_t pos = 0;
  int lineNo = 0;
  std::string line;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    line.assign(text, pos, eol - pos);
    pos = eol + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // JSON must be UTF-8: bytes that are not are replaced (U+FFFD) so the rest of the article
    // still loads; the text of a JSONL article is the decoded string, not the line's bytes.
    if (const size_t bad = utf8::firstInvalid(line); bad != std::string::npos) {
      warn(lineNo, "invalid UTF-8 at byte " + std::to_string(bad) +
                       " of the line; those bytes are read as \u201c\uFFFD\u201d");
      std::string repaired;
      repaired.reserve(line.size() + 16);
      for (size_t i = 0; i < line.size();) utf8::append(repaired, utf8::next(line, i));
      line = std::move(repaired);
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      // e.what(): "[json.exception.parse_error.101] parse error at line 1, column 7: why"
      std::string why = e.what();
      if (const size_t colon = why.find(": ", why.find("column")); colon != std::string::npos)
        why.erase(0, colon + 2);
      warn(lineNo, "not a JSON object: invalid JSON at column " + std::to_string(e.byte) + " (" +
                       why + "); line skipped");
      continue;
    } catch (const nlohmann::json::exception& e) {
      // Valid syntax the parser still refuses, e.g. a number beyond double (-1e309).
      std::string why = e.what();
      if (const size_t bracket = why.find("] "); bracket != std::string::npos)
        why.erase(0, bracket + 2);
      warn(lineNo, "not a JSON object: " + why + "; line skipped");
      continue;
    }
    if (!j.is_object()) {
      warn(lineNo, "not a JSON object; line skipped");
      continue;
    }
    auto str = [&](const char* key) -> std::string {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Article a;
    a.id = str("id");
    if (a.id.empty()) a.id = path.stem().string() + ":" + std::to_string(lineNo);
    if (!ids.insert(a.id).second) {
      warn(lineNo, "duplicate id '" + a.id + "'; line skipped");
      continue;
    }
    auto textIt = j.find("text");
    if (textIt == j.end() || !textIt->is_string()) {
      warn(lineNo, "no \"text\" string; line skipped");
      continue;
    }
    a.text = textIt->get<std::string>();
    a.source = name + ":" + std::to_string(lineNo);
    a.outlet = str("outlet");
    a.title = str("title");
    const std::string published = str("published");
    a.published = parseIsoDate(published);
    if (!a.published)
      warn(lineNo, published.empty() ? "no \"published\" date; loaded without a date"
                                     : "invalid date '" + published + "' (want YYYY-MM-DD)");
    if (!checkArticleText(name, a.text, lineNo, corpus.diagnostics)) continue;
    corpus.articles.push_back(std::move(a));
  }
  if (lineNo == 0) warn(0, "empty file: no articles");
  return corpus;
}

CorpusLoadResult loadCorpus(const fs::path& path) {
  CorpusLoadResult result;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    // A symbolic link loop, a folder we may not enter, ...
    result.error = path.string() + ": cannot open the corpus: " + ec.message();
    return result;
  }
  if (ec || !fs::exists(status)) {
    result.error = path.string() + ": corpus not found";
    return result;
  }
  if (fs::is_regular_file(status) && path.extension() == ".jsonl") {
    std::string text, why;
    if (!readFile(path, text, why)) {
      result.error = path.string() + ": cannot read the file: " + why;
      return result;
    }
    result.corpus = parseJsonlCorpus(text, path);
    return result;
  }
  if (!fs::is_directory(status)) {
    result.error = path.string() +
                   ": a corpus is a folder of .txt articles with a MANIFEST.tsv, or a .jsonl file";
    return result;
  }
  Corpus corpus;
  corpus.root = path;
  auto warn = [&](const std::string& file, int line, const std::string& msg) {
    corpus.diagnostics.push_back({Diagnostic::Severity::Warning, file, line, msg});
  };
  const fs::path manifestPath = path / "MANIFEST.tsv";
  std::map<std::string, ManifestRow> manifest;
  if (fs::symlink_status(manifestPath, ec).type() != fs::file_type::not_found) {
    std::string text, why;
    if (readFile(manifestPath, text, why))
      manifest = parseManifest(text, manifestPath.string(), corpus.diagnostics);
    else
      warn(manifestPath.string(), 0,
           "cannot read the manifest (" + why + "); articles load without dates");
  } else {
    warn(manifestPath.string(), 0, "no manifest; articles load without publication dates");
  }

  // Every .txt entry is an article; one that cannot be read (a folder, a FIFO, a broken or
  // looping link, no permission) is reported when it is read and the others still load.
  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".txt") files.push_back(it->path());
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
    std::string why;
    listed.erase(file.filename().string());
    if (!readFile(file, a.text, why)) {
      warn(file.string(), 0, "cannot read the file (" + why + "); skipped");
      continue;
    }
    if (!checkArticleText(file.string(), a.text, 0, corpus.diagnostics)) continue;
    auto row = manifest.find(file.filename().string());
    if (row == manifest.end()) {
      warn(file.string(), 0, "not listed in MANIFEST.tsv; loaded without a date");
    } else {
      a.published = row->second.published;
      a.outlet = row->second.outlet;
    }
    corpus.articles.push_back(std::move(a));
  }
  for (const auto& [missing, line] : listed)
    warn(manifestPath.string(), line, "lists '" + missing + "', which is not in the folder");
  if (files.empty()) warn(path.string(), 0, "no .txt articles in the folder");
  result.corpus = std::move(corpus);
  return result;
}

}  // namespace atlas
