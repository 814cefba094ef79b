#pragma once

#include <imgui.h>

#include "ui/ui_state.h"

namespace atlas::ui {

// The panel beside the map: the corpus's articles and the load warnings.
void drawSidePanel(const ViewModel& model, UiState& state, ImVec2 size);

}  // namespace atlas::ui
