#include "ui/filter_menu.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_SelectableDontClosePopup

#include <bit>

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
};
const ActorEntry kActors[] = {{kGovernment, "Government forces and allies"},
                              {kOpposition, "Armed opposition"},
                              {kRussianAirForce, "Russian air force"},
                              {kKurdish, "Kurdish forces"},
                              {kCivilians, "Civilians"}};

// A checkbox menu item over one bit of a mask; the menu stays open while ticking.
void bitItem(const char* label, std::uint32_t& mask, std::uint32_t bit) {
  bool on = (mask & bit) != 0;
  if (ImGui::MenuItem(label, nullptr, &on)) mask = on ? mask | bit : mask & ~bit;
}

void allNone(std::uint32_t& mask, std::uint32_t all) {
  if (ImGui::MenuItem("All")) mask = all;
  if (ImGui::MenuItem("None")) mask = 0;
  ImGui::Separator();
}

}  // namespace

int activeFilterCount(const MentionFilter& f) {
  const MentionFilter none;
  return (f.eventTypes != none.eventTypes) + (f.actors != none.actors) +
         (f.precisions != none.precisions) + !f.hiddenOutlets.empty();
}

void drawFilterMenu(const ViewModel& model, UiState& state) {
  MentionFilter& f = state.filter;
  const int active = activeFilterCount(f);
  char title[32];
  std::snprintf(title, sizeof title, active ? "Filters (%d)###filters" : "Filters###filters",
                active);
  if (!ImGui::BeginMenu(title)) return;
  ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);
  if (ImGui::BeginMenu("Event type")) {
    allNone(f.eventTypes, (1u << kEventTypeCount) - 1);
    for (int t = 0; t < kEventTypeCount; ++t) bitItem(kEventLabels[t], f.eventTypes, 1u << t);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Actor")) {
    ImGui::TextDisabled(f.actors ? "Mentions naming any of:" : "Any actor (tick to narrow)");
    if (ImGui::MenuItem("Any actor")) f.actors = 0;
    ImGui::Separator();
    for (const ActorEntry& a : kActors) bitItem(a.label, f.actors, a.bit);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Outlet")) {
    if (ImGui::MenuItem("All")) f.hiddenOutlets.clear();
    if (ImGui::MenuItem("None")) f.hiddenOutlets = model.outlets;
    ImGui::Separator();
    for (const std::string& outlet : model.outlets) {
      bool shown = f.outletShown(outlet);
      if (ImGui::MenuItem(outlet.empty() ? "(outlet unknown)" : outlet.c_str(), nullptr, &shown))
        f.setOutletShown(outlet, shown);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Date precision")) {
    allNone(f.precisions, (1u << kDatePrecisionCount) - 1);
    for (int p = 0; p < kDatePrecisionCount; ++p)
      bitItem(kPrecisionLabels[p], f.precisions, 1u << p);
    ImGui::EndMenu();
  }
  ImGui::PopItemFlag();
  ImGui::Separator();
  ImGui::BeginDisabled(active == 0);
  if (ImGui::MenuItem("Clear all filters")) f = MentionFilter{};
  ImGui::EndDisabled();
  ImGui::EndMenu();
}

}  // namespace atlas::ui
