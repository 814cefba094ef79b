// Builds control over time from its two kinds of evidence:
// - the evidence timeline: the reference's dated snapshots (assets/control_snapshots.tsv) and
//   every claim the texts make, each with its date and source (what the map fills areas with);
// - the reference timeline: the snapshots and the dated, cited reference history
//   (assets/control_history.tsv), drawn as a layer to compare with what the corpus says.
// Before a place's first row it is unknown.
#pragma once

#include <vector>

#include "core/control.h"
#include "core/control_snapshots.h"
#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "core/reference_history.h"

namespace atlas {

// The evidence document id of reference rows (not an article).
inline constexpr const char* kReferenceDoc = "reference";

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer,
                                     const std::vector<ControlSnapshot>& snapshots,
                                     const Corpus& corpus, const ExtractionResult& extraction);

ControlTimeline buildReferenceTimeline(const Gazetteer& gazetteer,
                                       const std::vector<ControlSnapshot>& snapshots,
                                       const std::vector<ReferenceChange>& history);

}  // namespace atlas
