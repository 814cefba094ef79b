#include "ui/about_box.h"

#include <imgui.h>

namespace atlas::ui {

void drawAboutBox(bool open) {
  if (open) ImGui::OpenPopup("About Aleppo Atlas");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("About Aleppo Atlas", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 33);
  ImGui::TextUnformatted(
      "Aleppo Atlas maps the Aleppo neighbourhoods, sites and nearby towns that Arabic news "
      "reports name, day by day, with the sentences behind every place.");
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
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace atlas::ui
