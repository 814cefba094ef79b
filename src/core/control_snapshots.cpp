#include "core/control_snapshots.h"

#include <fstream>
#include <sstream>

namespace atlas {

ControlSnapshotsLoadResult parseControlSnapshots(const std::string& tsv, const std::string& name) {
  ControlSnapshotsLoadResult result;
  auto warn = [&](int line, const std::string& msg) {
    result.diagnostics.push_back({Diagnostic::Severity::Warning, name, line, msg});
  };
  std::istringstream in(tsv);
  std::string line;
  int lineNo = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // place, date, side, source
      header = false;
      if (line.rfind("place\tdate\tside", 0) != 0) {
        result.diagnostics.push_back({Diagnostic::Severity::Error, name, lineNo,
                                      "header is not 'place, date, side, source'"});
        return result;
      }
      continue;
    }
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string c; std::getline(row, c, '\t');) cells.push_back(c);
    if (cells.size() < 3 || cells[0].empty()) {
      warn(lineNo, "row needs a place, a date and a side; skipped");
      continue;
    }
    const auto date = parseIsoDate(cells[1]);
    if (!date) {
      warn(lineNo, "bad date '" + cells[1] + "' for " + cells[0] + "; skipped");
      continue;
    }
    const auto side = parseSide(cells[2]);
    if (!side || *side == Side::Unknown) {
      warn(lineNo, "unknown side '" + cells[2] + "' for " + cells[0] + "; skipped");
      continue;
    }
    result.rows.push_back({cells[0], *date, *side, cells.size() > 3 ? cells[3] : std::string()});
  }
  return result;
}

ControlSnapshotsLoadResult loadControlSnapshots(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ControlSnapshotsLoadResult r;
    r.diagnostics.push_back({Diagnostic::Severity::Error, path.string(), 0,
                             "cannot read the control snapshots; areas show only what the "
                             "articles claim"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseControlSnapshots(ss.str(), path.string());
}

}  // namespace atlas
