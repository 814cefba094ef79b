// Builds the control timeline: the reference's dated snapshots (assets/control_snapshots.tsv),
// then every claim the texts make, in date order. Before a place's first row it is unknown.
#pragma once

#include <vector>

#include "core/control.h"
#include "core/control_snapshots.h"
#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

// The evidence document id of reference rows (not an article).
inline constexpr const char* kReferenceDoc = "reference";

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer,
                                     const std::vector<ControlSnapshot>& snapshots,
                                     const Corpus& corpus, const ExtractionResult& extraction);

}  // namespace atlas
