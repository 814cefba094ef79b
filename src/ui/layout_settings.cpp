#include "ui/layout_settings.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstring>

namespace atlas::ui {

namespace {

constexpr const char* kSection = "[AleppoAtlas][Layout]";

// "Key=value" lines; values end at the line end (a path or an outlet may hold spaces or "=").
bool value(const char* line, const char* key, std::string& out) {
  const size_t n = std::strlen(key);
  if (std::strncmp(line, key, n) != 0 || line[n] != '=') return false;
  out = line + n + 1;
  return true;
}

// Settings values never span lines.
std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

void* readOpen(ImGuiContext*, ImGuiSettingsHandler* handler, const char* name) {
  return std::string_view(name) == "Layout" ? handler->UserData : nullptr;
}

void readLine(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
  auto* state = static_cast<UiState*>(entry);
  std::string v;
  float f = 0;
  unsigned u = 0;
  int i = 0;
  if (std::sscanf(line, "SidePanelWidth=%f", &f) == 1 && f >= 120 && f <= 4000)
    state->settings.sidePanelWidth = f;
  else if (std::sscanf(line, "ReaderWidth=%f", &f) == 1 && f >= 120 && f <= 4000)
    state->settings.readerWidth = f;
  else if (std::sscanf(line, "WindowMode=%d", &i) == 1 && i >= 0 && i <= 2)
    state->settings.windowMode = static_cast<WindowMode>(i);
  else if (std::sscanf(line, "LastNDays=%d", &i) == 1 && i >= 1 && i <= 365)
    state->settings.lastNDays = i;
  else if (std::sscanf(line, "DaysPerSecond=%f", &f) == 1 && f >= 0.5f && f <= 10.0f)
    state->settings.daysPerSecond = f;
  else if (std::sscanf(line, "FilterEventTypes=%x", &u) == 1)
    state->settings.filter.eventTypes = u & ((1u << kEventTypeCount) - 1);
  else if (std::sscanf(line, "FilterActors=%x", &u) == 1)
    state->settings.filter.actors = u & 0xffu;
  else if (std::sscanf(line, "FilterPrecisions=%x", &u) == 1)
    state->settings.filter.precisions = u & ((1u << kDatePrecisionCount) - 1);
  else if (value(line, "HiddenOutlet", v))
    state->settings.filter.setOutletShown(v, false);
  else if (std::sscanf(line, "LegendOpen=%d", &i) == 1)
    state->settings.legendOpen = i != 0;
  else if (std::sscanf(line, "ArabicInterface=%d", &i) == 1)
    state->settings.arabicInterface = i != 0;
  else if (std::sscanf(line, "ReferenceLayer=%d", &i) == 1)
    state->settings.referenceLayer = i != 0;
  else if (std::sscanf(line, "DisagreementsOpen=%d", &i) == 1)
    state->settings.disagreementsOpen = i != 0;
  else if (std::sscanf(line, "ShelfLifeDays=%d", &i) == 1 && i >= 1 && i <= 365)
    state->settings.shelfLifeDays = i;
}

void writeAll(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* buf) {
  const auto* state = static_cast<const UiState*>(handler->UserData);
  buf->appendf("%s\n", kSection);
  buf->appendf("SidePanelWidth=%.0f\n", state->settings.sidePanelWidth);
  buf->appendf("ReaderWidth=%.0f\n", state->settings.readerWidth);
  if (!state->settings.corpusPath.empty())
    buf->appendf("LastCorpus=%s\n", oneLine(state->settings.corpusPath).c_str());
  buf->appendf("WindowMode=%d\n", static_cast<int>(state->settings.windowMode));
  buf->appendf("LastNDays=%d\n", state->settings.lastNDays);
  buf->appendf("DaysPerSecond=%.1f\n", state->settings.daysPerSecond);
  buf->appendf("LegendOpen=%d\n", state->settings.legendOpen ? 1 : 0);
  buf->appendf("ArabicInterface=%d\n", state->settings.arabicInterface ? 1 : 0);
  buf->appendf("ReferenceLayer=%d\n", state->settings.referenceLayer ? 1 : 0);
  buf->appendf("DisagreementsOpen=%d\n", state->settings.disagreementsOpen ? 1 : 0);
  buf->appendf("ShelfLifeDays=%d\n", state->settings.shelfLifeDays);
  buf->appendf("FilterEventTypes=%x\n", state->settings.filter.eventTypes);
  buf->appendf("FilterActors=%x\n", state->settings.filter.actors);
  buf->appendf("FilterPrecisions=%x\n", state->settings.filter.precisions);
  for (const std::string& outlet : state->settings.filter.hiddenOutlets)
    buf->appendf("HiddenOutlet=%s\n", oneLine(outlet).c_str());
  buf->append("\n");
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

void SettingsWatcher::markDirtyIfChanged(const UiState& state) {
  if (!first_ && !(state.settings == saved_)) ImGui::MarkIniSettingsDirty();
  first_ = false;
  saved_ = state.settings;
}

std::string lastCorpusIn(std::string_view ini) {
  bool inSection = false;
  size_t pos = 0;
  while (pos < ini.size()) {
    size_t end = ini.find('\n', pos);
    if (end == std::string_view::npos) end = ini.size();
    std::string_view line = ini.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '[') inSection = line == kSection;
    constexpr std::string_view key = "LastCorpus=";
    if (inSection && line.substr(0, key.size()) == key) return std::string(line.substr(key.size()));
    pos = end + 1;
  }
  return {};
}

}  // namespace atlas::ui
