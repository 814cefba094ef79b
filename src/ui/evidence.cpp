#include "ui/evidence.h"

#include <algorithm>

namespace atlas::ui {

void computeEvidence(ViewModel& v, const MentionFilter& filter) {
  const size_t n = v.places.size();
  for (map::MapPlace& p : v.places) p.mentions = 0;
  v.mentionDays.assign(n, {});
  v.mentionsOfPlace.assign(n, {});
  DayHistogram& h = v.histogram;
  std::fill(h.exact.begin(), h.exact.end(), 0);
  std::fill(h.fallback.begin(), h.fallback.end(), 0);
  if (v.extraction && v.corpus) {
    const std::vector<Mention>& mentions = v.extraction->mentions;
    const bool everything = !filter.active();
    for (size_t k = 0; k < mentions.size(); ++k) {
      const Mention& m = mentions[k];
      if (m.place < 0) continue;
      if (!everything && !filter.passes(m, v.corpus->articles[m.doc])) continue;
      if (m.date && h.days() > 0) {
        const int d = m.date->toDays() - h.first.toDays();
        if (d >= 0 && d < h.days())
          (m.datePrecision == DatePrecision::Publication ? h.fallback : h.exact)[d]++;
      }
      const int i = v.mapIndexOf(m.place);
      if (i < 0) continue;
      ++v.places[i].mentions;
      v.mentionsOfPlace[i].push_back(static_cast<int>(k));
      if (m.date) v.mentionDays[i].push_back(m.date->toDays());
    }
  }
  for (auto& days : v.mentionDays) std::sort(days.begin(), days.end());
  ++v.evidenceVersion;
}

}  // namespace atlas::ui
