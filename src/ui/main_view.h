// The whole window: menu bar, map area, side panel and status bar.
#pragma once

#include "ui/ui_state.h"

namespace atlas::ui {

// Draws one frame of the UI into the current ImGui frame (between NewFrame and Render).
void drawMainView(const ViewModel& model, UiState& state);

}  // namespace atlas::ui
