#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/control.h"
#include "ui/ui_state.h"

namespace atlas::ui {

// The panel beside the map: the place search, then the selected place's control state and
// sources, or the corpus's articles and the load warnings.
void drawSidePanel(const ViewModel& model, UiState& state, ImVec2 size);

// What the source panel drew in the last frame, for tests (the panel writes it, nothing reads it).
struct SourcesPanelProbe {
  bool shown = false;              // a place's control state was drawn
  ControlState state;              // the state shown
  std::vector<std::string> lines;  // its lines: held, last evidence, unconfirmed
  struct Claim {
    std::string doc, outlet;
    Side side = Side::Unknown;
    std::string speaker;  // the speaker line, if any
    UiState::Rect card, sentence;
    int column = -1;  // the dispute column it is in (index into `dispute`), or -1
  };
  std::vector<Claim> claims;  // every claim drawn, in drawing order
  // When sources disagree: one column per holder, in drawing order (the current holder first in
  // English, last in Arabic).
  struct Column {
    Side side = Side::Unknown;
    UiState::Rect rect;
    int claims = 0;
  };
  std::vector<Column> dispute;
  UiState::Rect disputeHeading;
};
const SourcesPanelProbe& sourcesPanelProbe();

}  // namespace atlas::ui
