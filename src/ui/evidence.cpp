#include "ui/evidence.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace atlas::ui {

void computeEvidence(ViewModel& v, const MentionFilter& filter) {
  const size_t n = v.places.size();
  for (map::MapPlace& p : v.places) p.mentions = 0;
  v.mentionDays.assign(n, {});
  v.mentionsOfPlace.assign(n, {});
  DayHistogram& h = v.histogram;
  std::fill(h.exact.begin(), h.exact.end(), 0);
  std::fill(h.fallback.begin(), h.fallback.end(), 0);
  // Each place's days, sorted: counted in a table of places by days when it is small (all the
  // mention dates lie in the histogram's span), not pushed and sorted mention by mention.
  const size_t days = static_cast<size_t>(std::max(h.days(), 0));
  const bool table = days > 0 && n * days <= (size_t{1} << 24);
  std::vector<uint32_t> perPlaceDay(table ? n * days : 0, 0);
  const int firstDay = h.first.toDays();
  if (v.extraction && v.corpus) {
    const std::vector<Mention>& mentions = v.extraction->mentions;
    const bool everything = !filter.active();
    for (size_t k = 0; k < mentions.size(); ++k) {
      const Mention& m = mentions[k];
      if (m.place < 0) continue;
      if (!everything && !filter.passes(m, v.corpus->articles[m.doc])) continue;
      const int day = m.date ? m.date->toDays() : 0;
      const int d = day - firstDay;
      const bool inSpan = m.date && d >= 0 && d < h.days();
      if (inSpan) (m.datePrecision == DatePrecision::Publication ? h.fallback : h.exact)[d]++;
      const int i = v.mapIndexOf(m.place);
      if (i < 0) continue;
      ++v.places[i].mentions;
      v.mentionsOfPlace[i].push_back(static_cast<int>(k));
      if (!m.date) continue;
      if (table && inSpan)
        ++perPlaceDay[static_cast<size_t>(i) * days + static_cast<size_t>(d)];
      else
        v.mentionDays[i].push_back(day);
    }
  }
  for (size_t i = 0; i < n && table; ++i) {
    std::vector<int>& out = v.mentionDays[i];
    const uint32_t* counts = &perPlaceDay[i * days];
    for (size_t d = 0; d < days; ++d)
      out.insert(out.end(), counts[d], firstDay + static_cast<int>(d));
  }
  for (std::vector<int>& list : v.mentionDays)
    if (!std::is_sorted(list.begin(), list.end())) std::sort(list.begin(), list.end());
  ++v.evidenceVersion;
}

}  // namespace atlas::ui
