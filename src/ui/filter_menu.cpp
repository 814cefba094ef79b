#include "ui/filter_menu.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_SelectableDontClosePopup

#include <algorithm>
#include <bit>
#include <cstdio>
#include <string>
#include <string_view>

#include "ui/arabic_text.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

const char* const kEventLabels[kEventTypeCount] = {"Other",           "Clashes / armed attack",
                                                   "Territory taken", "Territory retaken",
                                                   "Attack repelled", "Air strike",
                                                   "Shelling",        "Casualties"};
const char* const kPrecisionLabels[kDatePrecisionCount] = {
    "Day",    "Part of a day", "Week", "Month", "Span (since ...)", "Publication date (fallback)",
    "Unknown"};

struct ActorEntry {
  Actor bit;
  const char* label;
  const char* arabic;
};
const ActorEntry kActors[] = {
    {kGovernment, "Government forces and allies", "القوات الحكومية وحلفاؤها"},
    {kOpposition, "Armed opposition", "المعارضة المسلحة"},
    {kRussianAirForce, "Russian air force", "سلاح الجو الروسي"},
    {kKurdish, "Kurdish forces", "القوات الكردية"},
    {kCivilians, "Civilians", "المدنيون"}};

// A checkbox menu item over one bit of a mask; the menu stays open while ticking. `label` is
// its ID and English words, `words` what it shows.
void bitItem(const char* label, std::string_view words, std::uint32_t& mask, std::uint32_t bit) {
  bool on = (mask & bit) != 0;
  if (UiMenuItem(words, label, &on)) mask = on ? mask | bit : mask & ~bit;
}

// A checkbox menu item whose label is a data string (an outlet): ImGui's MenuItem when its font
// can draw the label, else the same item (a Selectable in the menu's label column, the check mark
// at the right, the click toggles) with the label shaped by the text engine and the row as tall
// as the shaped line.
bool dataMenuItem(std::string_view label, bool* selected) {
  const auto p = ImGuiCanDraw(label) ? nullptr : LayoutDataLine(label);
  if (!p) {
    const std::string s(label);
    return ImGui::MenuItem(s.c_str(), nullptr, selected);
  }
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float fontSize = ImGui::GetFontSize();
  const ImVec2 pos = window->DC.CursorPos;
  // As ImGui::MenuItemEx lays out a vertical menu's item: label column, then the check mark.
  const float checkW = IM_FLOOR(fontSize * 1.20f);
  const float minW = window->DC.MenuColumns.DeclColumns(0, p->width, 0, checkW);
  const float stretchW = std::max(0.0f, ImGui::GetContentRegionAvail().x - minW);
  const float rowH = std::max(p->height, fontSize);
  const bool pressed = ImGui::Selectable("##dataMenuItem", false,
                                         ImGuiSelectableFlags_SelectOnRelease |
                                             ImGuiSelectableFlags_SetNavIdOnHover |
                                             ImGuiSelectableFlags_SpanAvailWidth,
                                         ImVec2(minW, rowH));
  if (ImGui::IsItemVisible()) {
    ImDrawList* dl = window->DrawList;
    GetTextRenderer()->draw(dl, *p, ImVec2(pos.x + window->DC.MenuColumns.OffsetLabel, pos.y),
                            ImGui::GetColorU32(ImGuiCol_Text));
    if (selected && *selected)
      ImGui::RenderCheckMark(
          dl,
          ImVec2(pos.x + window->DC.MenuColumns.OffsetMark + stretchW + fontSize * 0.40f,
                 pos.y + (rowH - fontSize) * 0.5f + fontSize * 0.134f * 0.5f),
          ImGui::GetColorU32(ImGuiCol_Text), fontSize * 0.866f);
  }
  if (pressed && selected) *selected = !*selected;
  return pressed;
}

void allNone(std::uint32_t& mask, std::uint32_t all) {
  if (UiMenuItem(Str::All)) mask = all;
  if (UiMenuItem(Str::None)) mask = 0;
  ImGui::Separator();
}

}  // namespace

int activeFilterCount(const MentionFilter& f) {
  const MentionFilter none;
  return (f.eventTypes != none.eventTypes) + (f.actors != none.actors) +
         (f.precisions != none.precisions) + !f.hiddenOutlets.empty();
}

void drawFilterMenu(const ViewModel& model, UiState& state) {
  MentionFilter& f = state.settings.filter;
  const int active = activeFilterCount(f);
  char title[32];
  std::snprintf(title, sizeof title, active ? "Filters (%d)###filters" : "Filters###filters",
                active);
  std::string words = tr(Str::Filters);
  if (active) words.append(" (").append(uiNumber(active)).append(")");
  if (!UiBeginMenu(words, title)) return;
  ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);
  if (UiBeginMenu(Str::EventType)) {
    allNone(f.eventTypes, (1u << kEventTypeCount) - 1);
    for (int t = 0; t < kEventTypeCount; ++t)
      bitItem(kEventLabels[t], uiEventType(t), f.eventTypes, 1u << t);
    ImGui::EndMenu();
  }
  if (UiBeginMenu(Str::Actor)) {
    if (arabicInterface())
      UiText(tr(f.actors ? Str::ActorsNaming : Str::AnyActorHint),
             ImGui::GetColorU32(ImGuiCol_TextDisabled));
    else
      ImGui::TextDisabled(f.actors ? "Mentions naming any of:" : "Any actor (tick to narrow)");
    if (UiMenuItem(Str::AnyActor)) f.actors = 0;
    ImGui::Separator();
    for (const ActorEntry& a : kActors)
      bitItem(a.label, arabicInterface() ? a.arabic : a.label, f.actors, a.bit);
    ImGui::EndMenu();
  }
  if (UiBeginMenu(Str::Outlet)) {
    if (UiMenuItem(Str::All)) f.hiddenOutlets.clear();
    if (UiMenuItem(Str::None)) f.hiddenOutlets = model.outlets;
    ImGui::Separator();
    int k = 0;
    for (const std::string& outlet : model.outlets) {
      bool shown = f.outletShown(outlet);
      ImGui::PushID(k++);
      if (dataMenuItem(outlet.empty() ? std::string_view(tr(Str::OutletUnknown)) : outlet, &shown))
        f.setOutletShown(outlet, shown);
      ImGui::PopID();
    }
    ImGui::EndMenu();
  }
  if (UiBeginMenu(Str::DatePrecision)) {
    allNone(f.precisions, (1u << kDatePrecisionCount) - 1);
    for (int p = 0; p < kDatePrecisionCount; ++p)
      bitItem(kPrecisionLabels[p], uiPrecision(p), f.precisions, 1u << p);
    ImGui::EndMenu();
  }
  ImGui::PopItemFlag();
  ImGui::Separator();
  ImGui::BeginDisabled(active == 0);
  if (UiMenuItem(Str::ClearAllFilters)) f = MentionFilter{};
  ImGui::EndDisabled();
  ImGui::EndMenu();
}

}  // namespace atlas::ui
