// The evidence the views show, under the user's filters: per-place mention lists, counts and
// sorted days (markers, sources) and the timeline's histogram counts.
#pragma once

#include "core/mention_filter.h"
#include "ui/ui_state.h"

namespace atlas::ui {

// Recomputes places[].mentions, mentionsOfPlace, mentionDays and the histogram's counts of `v`
// from the mentions that pass `filter` (the histogram keeps its day range, so the slider does
// not move when filters change), and bumps evidenceVersion.
void computeEvidence(ViewModel& v, const MentionFilter& filter);

}  // namespace atlas::ui
