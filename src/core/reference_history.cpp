#include "core/reference_history.h"

#include <array>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace atlas {

namespace {

constexpr std::array<std::string_view, 7> kColumns = {"place",  "date",   "precision", "side",
                                                      "change", "source", "note"};
constexpr std::array<std::string_view, 5> kChanges = {"captured", "recaptured", "evacuated",
                                                      "ceasefire", "front_moved"};

// Splits on tabs, keeping empty cells (also a trailing one).
std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

bool isHeader(const std::vector<std::string_view>& cells) {
  if (cells.size() != kColumns.size()) return false;
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (cells[i] != kColumns[i]) return false;
  return true;
}

}  // namespace

const char* precisionName(ReferenceChange::Precision precision) {
  switch (precision) {
    case ReferenceChange::Precision::Day:
      return "day";
    case ReferenceChange::Precision::Approx:
      return "approx";
    case ReferenceChange::Precision::Week:
      return "week";
  }
  return "day";
}

std::optional<ReferenceChange::Precision> parsePrecision(std::string_view name) {
  for (auto p : {ReferenceChange::Precision::Day, ReferenceChange::Precision::Approx,
                 ReferenceChange::Precision::Week})
    if (name == precisionName(p)) return p;
  return std::nullopt;
}

int precisionSlackDays(ReferenceChange::Precision precision) {
  switch (precision) {
    case ReferenceChange::Precision::Day:
      return 0;
    case ReferenceChange::Precision::Approx:
      return 2;
    case ReferenceChange::Precision::Week:
      return 3;
  }
  return 0;
}

bool isReferenceChangeKind(std::string_view change) {
  for (std::string_view c : kChanges)
    if (change == c) return true;
  return false;
}

ReferenceHistoryLoadResult parseReferenceHistory(std::string_view tsv, const std::string& name) {
  ReferenceHistoryLoadResult result;
  auto warn = [&](int line, const std::string& msg) {
    result.diagnostics.push_back({Diagnostic::Severity::Warning, name, line, msg + "; skipped"});
  };
  if (tsv.substr(0, 3) == "\xEF\xBB\xBF") tsv.remove_prefix(3);  // a UTF-8 byte order mark
  bool header = true;
  int lineNo = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    const std::size_t end = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? tsv.size() : end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (const std::size_t bad = utf8::firstInvalid(line); bad != std::string_view::npos) {
      if (header) {
        result.diagnostics.push_back(
            {Diagnostic::Severity::Error, name, lineNo, "the header is not valid UTF-8"});
        return result;
      }
      warn(lineNo, "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
      continue;
    }
    const auto cells = splitTabs(line);
    if (header) {
      header = false;
      if (!isHeader(cells)) {
        result.diagnostics.push_back(
            {Diagnostic::Severity::Error, name, lineNo,
             "header is not 'place, date, precision, side, change, source, note'"});
        return result;
      }
      continue;
    }
    if (cells.size() != kColumns.size()) {
      warn(lineNo, "expected 7 tab-separated columns, found " + std::to_string(cells.size()));
      continue;
    }
    const std::string place(cells[0]);
    if (place.empty()) {
      warn(lineNo, "row has no place");
      continue;
    }
    const auto date = parseIsoDate(cells[1]);
    if (!date) {
      warn(lineNo, "bad date '" + std::string(cells[1]) + "' for " + place);
      continue;
    }
    const auto precision = parsePrecision(cells[2]);
    if (!precision) {
      warn(lineNo, "unknown precision '" + std::string(cells[2]) + "' for " + place);
      continue;
    }
    const auto side = parseSide(std::string(cells[3]));
    if (!side || *side == Side::Unknown) {
      warn(lineNo, "unknown side '" + std::string(cells[3]) + "' for " + place);
      continue;
    }
    if (!isReferenceChangeKind(cells[4])) {
      warn(lineNo, "unknown change '" + std::string(cells[4]) + "' for " + place);
      continue;
    }
    result.rows.push_back({place, *date, *precision, *side, std::string(cells[4]),
                           std::string(cells[5]), std::string(cells[6]), lineNo});
  }
  if (header)
    result.diagnostics.push_back({Diagnostic::Severity::Error, name, 0, "the file has no header"});
  return result;
}

ReferenceHistoryLoadResult loadReferenceHistory(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ReferenceHistoryLoadResult r;
    r.diagnostics.push_back(
        {Diagnostic::Severity::Error, path.string(), 0, "cannot read the reference history"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseReferenceHistory(ss.str(), path.string());
}

}  // namespace atlas
