#include "ui/side_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "ui/arabic_input.h"
#include "ui/arabic_text.h"
#include "ui/timeline_panel.h"

namespace atlas::ui {

namespace {

ImU32 sideColour(Side s) {
  switch (s) {
    case Side::Government:
      return IM_COL32(176, 48, 48, 255);
    case Side::Opposition:
      return IM_COL32(40, 120, 60, 255);
    case Side::Kurdish:
      return IM_COL32(180, 140, 20, 255);
    case Side::Contested:
      return IM_COL32(120, 80, 150, 255);
    case Side::Unknown:
      break;
  }
  return IM_COL32(110, 110, 110, 255);
}

// The selected place: names, who held it at the current date and since when, and every sentence
// that names it (those in the timeline's window first), the name highlighted.
void drawSources(const ViewModel& model, UiState& state, int place, float width) {
  const Gazetteer& g = *model.gazetteer;
  const Place& p = g.places[model.gazetteerIndex[place]];
  ArabicTextOptions title;
  title.size = ImGui::GetFontSize() * 1.6f;
  title.width = width;
  ArabicText(p.nameAr, title);
  ImGui::Text("%s  (%s)", p.nameEn.c_str(), placeKindName(p.kind));
  if (ImGui::SmallButton("Clear selection")) state.selectedPlace.clear();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", p.id.c_str());

  const Date day = currentDay(model, state);
  if (model.control && p.kind != PlaceKind::City) {
    const ControlState c = model.control->at(p.id, day);
    ImGui::TextUnformatted("Held on");
    ImGui::SameLine();
    ImGui::TextUnformatted(day.iso().c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, sideColour(c.side));
    ImGui::TextUnformatted(sideName(c.side));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (c.since)
      ImGui::Text("since %s", c.since->iso().c_str());
    else
      ImGui::TextDisabled("(baseline)");
    for (const ControlClaim& claim : c.decidedBy)
      ImGui::TextDisabled("  by %s%s", claim.evidence.doc.c_str(),
                          claim.evidence.sentence >= 0
                              ? (", sentence " + std::to_string(claim.evidence.sentence)).c_str()
                              : "");
  }
  ImGui::Separator();

  const ExtractionResult& x = *model.extraction;
  const TimeWindow window = currentWindow(model, state);
  std::vector<int> order = model.mentionsOfPlace[place];
  std::stable_partition(order.begin(), order.end(), [&](int k) {
    return x.mentions[k].date && window.contains(*x.mentions[k].date);
  });
  ImGui::Text("%zu sentence%s", order.size(), order.size() == 1 ? "" : "s");
  // A place can have thousands: list a page and offer more (laying out every one each frame
  // would cost more than the frame).
  if (state.sourcesShownFor != p.id) {
    state.sourcesShownFor = p.id;
    state.sourcesShown = UiState::kSourcesPage;
  }
  const size_t shown = std::min(order.size(), static_cast<size_t>(state.sourcesShown));
  order.resize(shown);
  for (int k : order) {
    const Mention& m = x.mentions[k];
    const Article& a = model.corpus->articles[m.doc];
    const bool inWindow = m.date && window.contains(*m.date);
    ImGui::PushID(k);
    ImGui::Spacing();
    if (!inWindow) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
    ImGui::Text("%s  %s", m.date ? m.date->iso().c_str() : "undated",
                datePrecisionName(m.datePrecision));
    ImGui::SameLine();
    ImGui::TextDisabled("%s | %s", eventTypeName(m.event),
                        a.outlet.empty() ? a.id.c_str() : a.outlet.c_str());
    if (m.dateRule) {
      // "<Arabic words> → <resolution>": the quoted words shaped on their own line, so bidi
      // reordering never mixes them with the English explanation.
      const std::string& rule = *m.dateRule;
      const size_t arrow = rule.find(" \u2192 ");
      if (arrow == std::string::npos) {
        ImGui::TextDisabled("%s", rule.c_str());
      } else {
        std::string words = rule.substr(0, arrow);
        const std::string prefix = "set earlier in the paragraph: ";
        if (words.rfind(prefix, 0) == 0) {
          ImGui::TextDisabled("set earlier in the paragraph by");
          words.erase(0, prefix.size());
        }
        ArabicTextOptions quoted;
        quoted.size = ImGui::GetFontSize() * 1.05f;
        quoted.width = width;
        quoted.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        ArabicText(words, quoted);
        ImGui::TextDisabled("= %s", rule.substr(arrow + 5).c_str());
      }
    }
    const std::string sentence = a.text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart);
    const TextHighlight highlight{m.start - m.sentenceStart, m.end - m.sentenceStart,
                                  IM_COL32(255, 214, 0, 255)};
    ArabicTextOptions body;
    body.width = width;
    body.highlights = {&highlight, 1};
    const ArabicTextResult r = ArabicText(sentence, body);
    state.sourceRows.push_back({k, {r.min.x, r.min.y, r.max.x, r.max.y}});
    if (r.hovered) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::SetTooltip("%s, sentence %d: click to read the whole article", a.id.c_str(),
                        m.sentence + 1);
    }
    if (r.clicked) state.article = {m.doc, m.sentenceStart, m.sentenceEnd, true};
    if (!inWindow) ImGui::PopStyleVar();
    ImGui::Separator();
    ImGui::PopID();
  }
  const size_t total = model.mentionsOfPlace[place].size();
  if (shown < total) {
    char more[64];
    std::snprintf(more, sizeof more, "Show more (%zu of %zu listed)", shown, total);
    if (ImGui::Button(more)) state.sourcesShown += UiState::kSourcesPage;
  }
}

void drawArticles(const ViewModel& model, UiState& state, ImVec2 size) {
  const Corpus* corpus = model.corpus;
  ImGui::Text("Articles (%zu)", corpus->articles.size());
  ImGui::Separator();
  if (ImGui::BeginTable(
          "##articles", 3,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
          ImVec2(0, size.y * 0.3f))) {
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
  // The places the corpus names, most mentioned first: a click selects one.
  std::vector<int> named;
  for (int i = 0; i < static_cast<int>(model.places.size()); ++i)
    if (model.places[i].mentions > 0) named.push_back(i);
  std::stable_sort(named.begin(), named.end(), [&](int a, int b) {
    return model.places[a].mentions > model.places[b].mentions;
  });
  ImGui::Spacing();
  ImGui::Text("Places named (%zu)", named.size());
  ImGui::Separator();
  if (ImGui::BeginTable("##places", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                        ImVec2(0, size.y * 0.45f))) {
    ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed);
    for (int i : named) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(model.names[i].en.c_str(), false,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        state.selectedPlace = model.places[i].id;
        state.frameSelection = true;
      }
      ImGui::TableNextColumn();
      ImGui::Text("%d", model.places[i].mentions);
    }
    ImGui::EndTable();
  }
  if (!corpus->diagnostics.empty()) {
    ImGui::Spacing();
    ImGui::Text("Load warnings (%zu)", corpus->diagnostics.size());
    ImGui::Separator();
    for (const Diagnostic& d : corpus->diagnostics) ImGui::TextWrapped("%s", d.format().c_str());
  }
}

}  // namespace

// Search places by Arabic (any spelling the matcher folds alike) or English name; a click
// selects and frames the place. Returns true while results are listed.
bool drawPlaceSearch(const ViewModel& model, UiState& state) {
  // ImGui's InputText cannot shape Arabic: this box lays the query out as it is typed.
  ArabicInputOptions box;
  box.hint = "Search places (Arabic or English)";
  ImGui::SetNextItemWidth(-FLT_MIN);
  ArabicInputText("##placeSearch", state.placeQuery, box);
  if (state.placeQuery.empty() || !model.gazetteer) return false;
  const std::u32string query = foldQuery(state.placeQuery);
  std::vector<int> hits;
  for (int i = 0; i < static_cast<int>(model.places.size()); ++i) {
    const Place& p = model.gazetteer->places[model.gazetteerIndex[i]];
    bool match = nameMatchesQuery(p.nameAr, query) || nameMatchesQuery(p.nameEn, query) ||
                 nameMatchesQuery(p.id, query);
    for (size_t a = 0; !match && a < p.aliases.size(); ++a)
      match = nameMatchesQuery(p.aliases[a], query);
    for (size_t a = 0; !match && a < p.contextAliases.size(); ++a)
      match = nameMatchesQuery(p.contextAliases[a], query);
    if (match) hits.push_back(i);
  }
  std::stable_sort(hits.begin(), hits.end(), [&](int a, int b) {
    return model.places[a].mentions > model.places[b].mentions;
  });
  ImGui::Text("%zu place%s", hits.size(), hits.size() == 1 ? "" : "s");
  ImGui::SameLine();
  if (ImGui::SmallButton("Clear")) state.placeQuery.clear();
  for (size_t k = 0; k < hits.size() && k < 30; ++k) {
    const int i = hits[k];
    ImGui::PushID(i);
    char label[200];
    std::snprintf(label, sizeof label, "%s  (%d)", model.names[i].en.c_str(),
                  model.places[i].mentions);
    if (ImGui::Selectable(label, model.places[i].id == state.selectedPlace)) {
      state.selectedPlace = model.places[i].id;
      state.frameSelection = true;
      state.placeQuery.clear();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  return true;
}

void drawSidePanel(const ViewModel& model, UiState& state, ImVec2 size) {
  state.sourceRows.clear();
  ImGui::BeginChild("##side", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  drawPlaceSearch(model, state);
  if (state.filter.active())
    ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.1f, 1), "Filters on: counts and sentences filtered");
  if (!model.corpus) {
    ImGui::TextDisabled("No corpus loaded");
  } else if (const int place = model.findPlace(state.selectedPlace);
             place >= 0 && model.gazetteer && model.extraction) {
    drawSources(model, state, place, ImGui::GetContentRegionAvail().x);
  } else {
    drawArticles(model, state, size);
  }
  ImGui::EndChild();
}

}  // namespace atlas::ui
