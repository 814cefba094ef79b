#include "ui/map_panel.h"

#include <imgui.h>

#include "ui/theme.h"

namespace atlas::ui {

void drawMapPanel(const ViewModel&, UiState&, ImVec2 size) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, theme::kMapBackground);
  const char* caption = "Map of Aleppo";
  const ImVec2 ts = ImGui::CalcTextSize(caption);
  dl->AddText(ImVec2(p0.x + (size.x - ts.x) / 2, p0.y + (size.y - ts.y) / 2),
              IM_COL32(120, 112, 96, 255), caption);
  // Reserve the area so layout and hit testing know it is taken.
  ImGui::InvisibleButton("##map", ImVec2(size.x > 1 ? size.x : 1, size.y > 1 ? size.y : 1));
}

}  // namespace atlas::ui
