// Where the corpus and the reference history disagree (ViewModel::disagreements), as a window
// (View > Disagreements with the reference): each row has the day, the place (shaped Arabic and
// English), what the text says (side, kind, outlet, speaker, sentence) and what the reference
// says (side, source address, note). Sorted by a click on the Date or Place header; a click on a
// row selects the place and moves the timeline to that day.
#pragma once

#include <vector>

#include "ui/ui_state.h"

namespace atlas::ui {

// Draws the window if state.settings.disagreementsOpen (a top-level ImGui window: call outside
// other windows). The View menu's item and the window's close button change the setting, so the
// window comes back open after a restart.
void drawDisagreementsPanel(const ViewModel& model, UiState& state);

// What the panel drew in the last frame, for tests (the panel writes it, nothing reads it).
struct DisagreementsPanelProbe {
  enum Column { Date, Place, Texts, Reference, ColumnCount };
  bool drawn = false;
  UiState::Rect window;
  std::vector<int> order;  // every listed disagreement (index into *disagreements), top to bottom
  struct Row {
    int index = -1;
    UiState::Rect rect;  // the row on screen
  };
  std::vector<Row> rows;  // the rows drawn (those scrolled into view)
  UiState::Rect headers[ColumnCount] = {};
};
const DisagreementsPanelProbe& disagreementsPanelProbe();

}  // namespace atlas::ui
