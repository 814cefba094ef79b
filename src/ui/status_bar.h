#pragma once

#include <imgui.h>

#include <string>

#include "ui/ui_state.h"

namespace atlas::ui {

// Height of the status bar for the current font, in pixels.
float statusBarHeight();
// `text` cut to fit `width` pixels in the current font, ending with "..." when cut.
std::string elide(const std::string& text, float width);
// One line along the bottom: corpus, article count, warnings, current date, frame time.
void drawStatusBar(const ViewModel& model, const UiState& state, ImVec2 size);

}  // namespace atlas::ui
