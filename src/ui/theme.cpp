#include "ui/theme.h"

namespace atlas::ui::theme {

void apply(float contentScale) {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.ScrollbarRounding = 3;
  style.WindowBorderSize = 0;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(contentScale);
}

}  // namespace atlas::ui::theme
