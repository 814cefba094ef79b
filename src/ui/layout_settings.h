// Persists the user's settings in ImGui's ini file, through ImGui's settings-handler mechanism,
// so one file (written atomically by the app) holds the window layout and our choices: panel
// and reader widths, the last corpus, the timeline's window mode and speed, the filters, the
// legend, the interface's language (Arabic or English).
#pragma once

#include <string>
#include <string_view>

#include "ui/ui_state.h"

namespace atlas::ui {

// Registers the "AleppoAtlas" ini section. Call after ImGui::CreateContext() and before the
// first NewFrame() (which loads the ini). `state` must outlive the ImGui context.
void registerLayoutSettings(UiState* state);

// Marks ImGui's settings dirty when a persisted choice changed (ImGui then saves them after its
// usual delay), so a change made by clicking or by a key is kept without saving every frame.
class SettingsWatcher {
 public:
  void markDirtyIfChanged(const UiState& state);

 private:
  bool first_ = true;
  Settings saved_;  // as of the last frame
};

// The corpus the user had open last, from the ini's text ("" if none): read before the window
// opens, so loading can start at once.
std::string lastCorpusIn(std::string_view ini);

}  // namespace atlas::ui
