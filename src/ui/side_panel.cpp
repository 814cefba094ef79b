#include "ui/side_panel.h"

#include <imgui.h>

namespace atlas::ui {

void drawSidePanel(const ViewModel& model, UiState&, ImVec2 size) {
  ImGui::BeginChild("##side", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  const Corpus* corpus = model.corpus;
  if (!corpus) {
    ImGui::TextDisabled("No corpus loaded");
    ImGui::EndChild();
    return;
  }
  ImGui::Text("Articles (%zu)", corpus->articles.size());
  ImGui::Separator();
  if (ImGui::BeginTable(
          "##articles", 3,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
          ImVec2(0, size.y * 0.6f))) {
    ImGui::TableSetupColumn("Article", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Published", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("KiB", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Article& a : corpus->articles) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.id.c_str());
      ImGui::TableNextColumn();
      if (a.published)
        ImGui::TextUnformatted(a.published->iso().c_str());
      else
        ImGui::TextDisabled("unknown");
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", a.text.size() / 1024.0);
    }
    ImGui::EndTable();
  }
  if (!corpus->diagnostics.empty()) {
    ImGui::Spacing();
    ImGui::Text("Load warnings (%zu)", corpus->diagnostics.size());
    ImGui::Separator();
    for (const Diagnostic& d : corpus->diagnostics) ImGui::TextWrapped("%s", d.format().c_str());
  }
  ImGui::EndChild();
}

}  // namespace atlas::ui
