// The reference history (assets/control_history.tsv, built by tools/build_assets.py): dated,
// cited changes of control, the reference's and the project's researched ones, one row per
// change and gazetteer place (docs/REFERENCE_HISTORY.md). Dates are data: nothing here assumes
// a year. A place can have several rows; the latest on or before a day gives its state.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/control.h"
#include "core/date.h"
#include "core/diagnostic.h"

namespace atlas {

struct ReferenceChange {
  // How sure the day is: the day itself, within two days, within the week.
  enum class Precision { Day, Approx, Week };

  std::string place;  // gazetteer id (a neighbourhood, a site, or the east-aleppo region)
  Date date;          // the day the change was reported complete
  Precision precision = Precision::Day;
  Side side = Side::Unknown;  // who held the place after the change
  std::string change;         // captured | recaptured | evacuated | ceasefire | front_moved
  std::string source;         // http(s) address; two are separated by " | "
  std::string note;
  int line = 0;  // 1-based line in the file, for messages
};

struct ReferenceHistoryLoadResult {
  std::vector<ReferenceChange> rows;
  Diagnostics diagnostics;  // bad rows: file and line; the rest still loads
};

const char* precisionName(ReferenceChange::Precision precision);  // "day", "approx", "week"
std::optional<ReferenceChange::Precision> parsePrecision(std::string_view name);
// Days either side of `date` the change may really have happened: 0, 2 or 3.
int precisionSlackDays(ReferenceChange::Precision precision);
// One of the five change kinds the file uses.
bool isReferenceChangeKind(std::string_view change);

// Columns: place, date, precision, side, change, source, note (tab-separated, UTF-8, header
// first; blank lines and lines starting with '#' are skipped).
ReferenceHistoryLoadResult parseReferenceHistory(std::string_view tsv, const std::string& name);
// A file that cannot be read gives no rows and one error.
ReferenceHistoryLoadResult loadReferenceHistory(const std::filesystem::path& path);

}  // namespace atlas
