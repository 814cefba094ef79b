#include "ui/status_bar.h"

#include <imgui.h>

#include <string>

#include "ui/theme.h"

namespace atlas::ui {

float statusBarHeight() {
  return ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y;
}

void drawStatusBar(const ViewModel& model, const UiState& state, ImVec2 size) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), theme::kStatusBarBackground);

  std::string line;
  if (model.corpus) {
    line =
        model.corpusLabel + "  |  " + std::to_string(model.corpus->articles.size()) + " articles";
    if (model.firstPublished && model.lastPublished)
      line += ", " + model.firstPublished->iso() + " to " + model.lastPublished->iso();
    if (!model.corpus->diagnostics.empty())
      line += "  |  " + std::to_string(model.corpus->diagnostics.size()) + " load warnings";
  } else {
    line = "No corpus";
  }
  if (state.date) line += "  |  showing " + state.date->iso();
  if (state.filter.active()) line += "  |  filters on";
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float textY = p0.y + (size.y - ImGui::GetTextLineHeight()) / 2;
  float x = p0.x + pad;
  if (!state.loadingCorpus.empty()) {
    // Loading off the UI thread: a progress bar with what the loader is doing.
    ImGui::SetCursorScreenPos(ImVec2(x, p0.y + 2));
    ImGui::ProgressBar(state.loadFraction, ImVec2(ImGui::GetFontSize() * 10, size.y - 4));
    x += ImGui::GetFontSize() * 10 + 2 * pad;
    line = "Loading " + state.loadingCorpus + ": " + state.loadStep + "...";
  } else if (!state.loadError.empty()) {
    line = state.loadError + "  |  " + line;
  }
  dl->AddText(ImVec2(x, textY),
              state.loadError.empty() || !state.loadingCorpus.empty()
                  ? theme::kStatusBarText
                  : IM_COL32(255, 150, 120, 255),
              line.c_str());

  char fps[32];
  std::snprintf(fps, sizeof fps, "%.1f ms/frame", 1000.0f / ImGui::GetIO().Framerate);
  const float w = ImGui::CalcTextSize(fps).x;
  dl->AddText(ImVec2(p0.x + size.x - w - pad, textY), theme::kStatusBarText, fps);
  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(size);
}

}  // namespace atlas::ui
