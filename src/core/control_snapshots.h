// Dated reference rows of who held a place (assets/control_snapshots.tsv, built by
// tools/build_assets.py): the reference's snapshots and the change dates they give, one row a
// day and place, each with its source. Dates are data: nothing here assumes a year.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/control.h"
#include "core/date.h"
#include "core/diagnostic.h"

namespace atlas {

struct ControlSnapshot {
  std::string place;  // gazetteer id
  Date date;
  Side side = Side::Unknown;
  std::string source;  // where the row comes from, shown as the evidence
};

struct ControlSnapshotsLoadResult {
  std::vector<ControlSnapshot> rows;
  Diagnostics diagnostics;  // bad rows: file and line; the rest still loads
};

ControlSnapshotsLoadResult parseControlSnapshots(const std::string& tsv, const std::string& name);
ControlSnapshotsLoadResult loadControlSnapshots(const std::filesystem::path& path);

}  // namespace atlas
