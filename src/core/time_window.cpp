#include "core/time_window.h"

#include <algorithm>

namespace atlas {

TimeWindow windowAt(const Date& current, WindowMode mode, int lastNDays, const Date& firstDay) {
  switch (mode) {
    case WindowMode::ThisDay:
      return {current, current};
    case WindowMode::LastNDays:
      return {Date::fromDays(current.toDays() - std::max(1, lastNDays) + 1), current};
    case WindowMode::UpToThisDay:
      break;
  }
  return {std::min(firstDay, current), current};
}

int DayHistogram::maxTotal() const {
  int m = 0;
  for (int d = 0; d < days(); ++d) m = std::max(m, total(d));
  return m;
}

std::optional<int> DayHistogram::previousWithEvidence(int day) const {
  for (int d = std::min(day, days()) - 1; d >= 0; --d)
    if (total(d) > 0) return d;
  return std::nullopt;
}

std::optional<int> DayHistogram::nextWithEvidence(int day) const {
  for (int d = std::max(day + 1, 0); d < days(); ++d)
    if (total(d) > 0) return d;
  return std::nullopt;
}

}  // namespace atlas
