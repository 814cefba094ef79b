#include "ui/about_box.h"

#include <imgui.h>

#include "ui/arabic_text.h"
#include "ui/ui_text.h"

namespace atlas::ui {

void drawAboutBox(bool open) {
  if (open) UiOpenPopup(Str::About);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  if (!UiBeginPopupModal(Str::About, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 33);
  if (arabicInterface()) {
    ArabicTextOptions about;
    about.width = ImGui::GetFontSize() * 33;
    about.size = ImGui::GetFontSize() * 1.15f;
    ArabicText(tr(Str::AboutText), about);
  } else {
    ImGui::TextUnformatted(english(Str::AboutText));
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Data");
  // BulletText does not wrap: a bullet, then wrapped text beside it.
  auto bullet = [](const char* text) {
    ImGui::Bullet();
    ImGui::TextUnformatted(text);
  };
  bullet(kNeighbourhoodCredit);
  bullet(
      "Places, positions and control: the project's gazetteer, built from its research tables "
      "and reference data; every place names its source (aleppo-atlas places).");
  ImGui::TextUnformatted("Software");
  bullet(
      "Dear ImGui, GLFW, glad, ICU, HarfBuzz, FreeType, fontconfig, GEOS, nlohmann/json, "
      "CLI11, stb.");
  bullet("Fonts: Noto Sans, Noto Naskh Arabic (SIL OFL), Amiri (SIL OFL).");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (UiButton(Str::Close) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace atlas::ui
