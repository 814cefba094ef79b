// The timeline's current day and the window of days it shows around it.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"

namespace atlas {

enum class WindowMode {
  ThisDay,     // only the current day
  LastNDays,   // the current day and the N-1 days before it
  UpToThisDay  // everything up to and including the current day
};

struct TimeWindow {
  Date from, to;  // inclusive
  bool contains(const Date& d) const { return !(d < from) && !(to < d); }
};

TimeWindow windowAt(const Date& current, WindowMode mode, int lastNDays, const Date& firstDay);

// Evidence per day over a date range, split by how exactly each item is dated.
struct DayHistogram {
  Date first;                 // day 0
  std::vector<int> exact;     // items dated to the day by the text
  std::vector<int> fallback;  // items that only have their article's publication date
  int days() const { return static_cast<int>(exact.size()); }
  int total(int day) const { return exact[day] + fallback[day]; }
  int maxTotal() const;
  // The nearest day before / after `day` with any evidence, if there is one.
  std::optional<int> previousWithEvidence(int day) const;
  std::optional<int> nextWithEvidence(int day) const;
};

}  // namespace atlas
