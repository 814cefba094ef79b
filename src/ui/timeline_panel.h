// The timeline along the bottom: playback controls, window mode, the current date, and a
// histogram of evidence per day that doubles as the slider.
#pragma once

#include <imgui.h>

#include "ui/ui_state.h"

namespace atlas::ui {

// The day the timeline is on (the last day of the corpus until the user moves it) and the
// window of days the map shows around it.
Date currentDay(const ViewModel& model, const UiState& state);
TimeWindow currentWindow(const ViewModel& model, const UiState& state);

float timelinePanelHeight();
void drawTimelinePanel(const ViewModel& model, UiState& state, ImVec2 size);

// Keyboard: space plays/pauses, Left/Right step a day, Home/End jump to the ends, PageUp /
// PageDown jump to the previous / next day with evidence. Also advances playback.
void handleTimelineKeys(const ViewModel& model, UiState& state);

}  // namespace atlas::ui
