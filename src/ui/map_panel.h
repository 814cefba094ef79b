#pragma once

#include <imgui.h>

#include "ui/ui_state.h"

namespace atlas::ui {

// The map area, filling the given size at the cursor. For now the empty base: background
// and a caption; the map issue draws the city here.
void drawMapPanel(const ViewModel& model, UiState& state, ImVec2 size);

}  // namespace atlas::ui
