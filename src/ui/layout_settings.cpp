#include "ui/layout_settings.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

namespace atlas::ui {

namespace {

void* readOpen(ImGuiContext*, ImGuiSettingsHandler* handler, const char* name) {
  return std::string_view(name) == "Layout" ? handler->UserData : nullptr;
}

void readLine(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
  auto* state = static_cast<UiState*>(entry);
  float width = 0;
  if (std::sscanf(line, "SidePanelWidth=%f", &width) == 1 && width >= 120 && width <= 4000)
    state->sidePanelWidth = width;
}

void writeAll(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* buf) {
  const auto* state = static_cast<const UiState*>(handler->UserData);
  buf->appendf("[%s][Layout]\n", handler->TypeName);
  buf->appendf("SidePanelWidth=%.0f\n\n", state->sidePanelWidth);
}

}  // namespace

void registerLayoutSettings(UiState* state) {
  ImGuiSettingsHandler handler;
  handler.TypeName = "AleppoAtlas";
  handler.TypeHash = ImHashStr("AleppoAtlas");
  handler.ReadOpenFn = readOpen;
  handler.ReadLineFn = readLine;
  handler.WriteAllFn = writeAll;
  handler.UserData = state;
  ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
}

}  // namespace atlas::ui
