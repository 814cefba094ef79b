#include "core/event_attribution.h"

namespace atlas {

int attributeShellingByHolder(ExtractionResult& extraction, const Gazetteer& gazetteer,
                              const ControlTimeline& reference) {
  constexpr int kKeepsItsLastRow = 1 << 20;  // the reference holds until its next row
  int attributed = 0;
  for (Mention& m : extraction.mentions) {
    if (m.event != EventType::Shelling || m.actor1 || m.place < 0 || !m.date) continue;
    const Side holder =
        reference.summaryAt(gazetteer.places[m.place].id, *m.date, kKeepsItsLastRow).side;
    if (holder == Side::Government) m.actor1 = kOpposition;
    if (holder == Side::Opposition) m.actor1 = kGovernment;
    if (m.actor1) ++attributed;
  }
  return attributed;
}

}  // namespace atlas
