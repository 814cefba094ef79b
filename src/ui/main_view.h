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
  MapPanel map_;
};

}  // namespace atlas::ui
