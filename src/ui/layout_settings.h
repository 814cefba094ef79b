// Persists the parts of UiState that are layout (panel sizes) in ImGui's ini file,
// through ImGui's settings-handler mechanism, so one file holds all window layout.
#pragma once

#include "ui/ui_state.h"

namespace atlas::ui {

// Registers the "AleppoAtlas" ini section. Call after ImGui::CreateContext() and before the
// first NewFrame() (which loads the ini). `state` must outlive the ImGui context.
void registerLayoutSettings(UiState* state);

}  // namespace atlas::ui
