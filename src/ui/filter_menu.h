// The "Filters" menu: which mentions the map, the timeline and the sources show, by event
// type, actor, outlet and date precision.
#pragma once

#include "ui/ui_state.h"

namespace atlas::ui {

void drawFilterMenu(const ViewModel& model, UiState& state);

// "3 filters" / "" for the status bar.
int activeFilterCount(const MentionFilter& filter);

}  // namespace atlas::ui
