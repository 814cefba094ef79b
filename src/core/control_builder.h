// Builds the control timeline: the reference's baseline (who held each place on 1 September
// 2016) and its dated changes, then every claim the texts make, in date order.
#pragma once

#include "core/control.h"
#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

inline constexpr Date kControlBaselineDate{2016, 9, 1};

// The reference's view of a place: its side on the baseline date and the dated changes its
// control columns name ("GOV (retaken 4 Sep 2016)", "GOV (28 Nov)"). Exposed for tests.
struct ReferenceControl {
  Side baseline = Side::Unknown;
  std::vector<std::pair<Date, Side>> changes;
};
ReferenceControl parseReferenceControl(const Place& place);

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer, const Corpus& corpus,
                                     const ExtractionResult& extraction);

}  // namespace atlas
