// The whole window: menu bar, map area, side panel and status bar.
#pragma once

#include <string>

#include "ui/map_panel.h"
#include "ui/ui_state.h"

namespace atlas::ui {

class MainView {
 public:
  // Creates the GL resources of the panels; needs the GL context current. On failure the
  // view still draws (the map shows why it is empty) and `error` says what failed.
  bool init(std::string& error);
  // Draws one frame of the UI into the current ImGui frame (between NewFrame and Render).
  void draw(const ViewModel& model, UiState& state);

  const MapPanel& mapPanel() const { return map_; }

 private:
  // The model as the filters leave it: `model` itself when no filter is on, else a copy with
  // the evidence recomputed (only when the filters or the model change).
  const ViewModel& filtered(const ViewModel& model, const MentionFilter& filter);
  // The body in English order: map | reader | side panel.
  void drawBodyLeftToRight(const ViewModel& model, UiState& state, float panelW, float readerW,
                           float mapW, float bodyH, float splitterW, float maxPanel,
                           float minReader, float maxReader, bool reader);

  MapPanel map_;
  ViewModel filtered_;
  MentionFilter filteredBy_;
  const ViewModel* filteredFrom_ = nullptr;
  int filteredFromVersion_ = -1, filteredFromEvidence_ = -1;
  int filterGeneration_ = 0;
};

}  // namespace atlas::ui
