#include "ui/side_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "ui/arabic_input.h"
#include "ui/arabic_text.h"
#include "ui/articles_panel.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

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
  const bool rtl = arabicInterface();
  if (rtl) {
    UiText(p.nameEn + "  (" + placeKindName(p.kind) + ")");
    // Right to left: the id, then the button at the right edge.
    const float buttonW =
        UiTextWidth(tr(Str::ClearSelection)) + 2 * ImGui::GetStyle().FramePadding.x;
    const float idW = ImGui::CalcTextSize(p.id.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().x - buttonW - idW));
    ImGui::TextDisabled("%s", p.id.c_str());
    ImGui::SameLine();
    if (UiSmallButton(Str::ClearSelection)) state.selectedPlace.clear();
  } else {
    ImGui::Text("%s  (%s)", p.nameEn.c_str(), placeKindName(p.kind));
    if (ImGui::SmallButton("Clear selection")) state.selectedPlace.clear();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", p.id.c_str());
  }

  const Date day = currentDay(model, state);
  if (model.control && p.kind != PlaceKind::City) {
    const ControlState c = model.control->at(p.id, day);
    if (rtl) {
      std::string held = tr(Str::HeldOn);
      held.append(" ").append(uiDate(day)).append(": ").append(uiSide(static_cast<int>(c.side)));
      if (c.since)
        held.append("، ").append(tr(Str::Since)).append(" ").append(uiDate(*c.since));
      else
        held.append(" ").append(tr(Str::Baseline));
      UiText(held, sideColour(c.side));
    } else {
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
    }
    for (const ControlClaim& claim : c.decidedBy) {
      // The document id is a file name: it may be Arabic, and it wraps at the panel's edge.
      std::string by = "  by " + claim.evidence.doc;
      if (claim.evidence.sentence >= 0)
        by += ", sentence " + std::to_string(claim.evidence.sentence);
      DataTextOptions o;
      o.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
      o.size = ImGui::GetFontSize();
      o.ltr = true;
      DataText(by, o);
    }
  }
  ImGui::Separator();

  const ExtractionResult& x = *model.extraction;
  const TimeWindow window = currentWindow(model, state);
  std::vector<int> order = model.mentionsOfPlace[place];
  std::stable_partition(order.begin(), order.end(), [&](int k) {
    return x.mentions[k].date && window.contains(*x.mentions[k].date);
  });
  if (rtl)
    UiText(std::string(tr(Str::Sentences))
               .append(": ")
               .append(uiNumber(static_cast<long>(order.size()))));
  else
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
    if (rtl) {
      // One right-to-left line: date, precision, event, outlet (or the Latin document id).
      std::string meta = m.date ? uiDate(*m.date) : tr(Str::Undated);
      meta.append("  ")
          .append(uiPrecision(static_cast<int>(m.datePrecision)))
          .append(" | ")
          .append(uiEventType(static_cast<int>(m.event)))
          .append(" | ")
          .append(a.outlet.empty() ? a.id : a.outlet);
      UiText(meta);
    } else {
      ImGui::Text("%s  %s", m.date ? m.date->iso().c_str() : "undated",
                  datePrecisionName(m.datePrecision));
      ImGui::SameLine();
      ImGui::TextDisabled("%s |", eventTypeName(m.event));
      // Outlet (or document id): data, maybe Arabic; beside the event when it fits, else below.
      DataTextOptions source;
      source.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
      source.sameLine = true;
      DataText(a.outlet.empty() ? a.id : a.outlet, source);
    }
    if (m.dateRule) {
      // One line, left to right: "فجر أمس → 2016-12-05 (publication - 1 day, dawn)", the Arabic
      // words shaped in place, wrapped at the panel's edge.
      // A left-to-right mark after the words keeps the arrow and the date out of the Arabic run
      // (else bidi reads "2016-12-05" as Arabic digits and reverses it); the UI fonts have no
      // arrow glyph, so it is drawn as "->".
      std::string line = *m.dateRule;
      if (const size_t arrow = line.find(" \u2192 "); arrow != std::string::npos)
        line.replace(arrow, 5, "\u200E -> ");
      DataTextOptions rule;
      rule.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
      rule.size = ImGui::GetFontSize();
      rule.ltr = true;
      DataText(line, rule);
    }
    const std::string sentence = a.text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart);
    const TextHighlight highlight{m.start - m.sentenceStart, m.end - m.sentenceStart,
                                  IM_COL32(255, 214, 0, 255)};
    ArabicTextOptions body;
    body.width = width;
    body.highlights = {&highlight, 1};
    const ArabicTextResult r = ArabicText(sentence, body);
    state.probes.sourceRows.push_back({k, {r.min.x, r.min.y, r.max.x, r.max.y}});
    if (r.hovered) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::BeginTooltip();
      DataTextOptions tip;
      tip.wrap = false;
      tip.ltr = true;
      DataText(a.id + ", sentence " + std::to_string(m.sentence + 1) +
                   ": click to read the whole article",
               tip);
      ImGui::EndTooltip();
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
    if (rtl ? UiButton(Str::ShowMore) : ImGui::Button(more))
      state.sourcesShown += UiState::kSourcesPage;
  }
}

void drawArticles(const ViewModel& model, UiState& state, ImVec2 size) {
  const Corpus* corpus = model.corpus;
  drawArticlesPanel(model, state, size.y * 0.35f);
  // The places the corpus names, most mentioned first: a click selects one.
  std::vector<int> named;
  for (int i = 0; i < static_cast<int>(model.places.size()); ++i)
    if (model.places[i].mentions > 0) named.push_back(i);
  std::stable_sort(named.begin(), named.end(), [&](int a, int b) {
    return model.places[a].mentions > model.places[b].mentions;
  });
  ImGui::Spacing();
  if (arabicInterface())
    UiText(std::string(tr(Str::PlacesNamed))
               .append(" (")
               .append(uiNumber(static_cast<long>(named.size())))
               .append(")"));
  else
    ImGui::Text("Places named (%zu)", named.size());
  ImGui::Separator();
  // Right to left: the counts at the left, the names at the right.
  const bool rtl = arabicInterface();
  if (ImGui::BeginTable(rtl ? "##placesRtl" : "##places", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                        ImVec2(0, size.y * 0.45f))) {
    if (rtl) ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthStretch);
    if (!rtl) ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed);
    for (int i : named) {
      ImGui::TableNextRow();
      if (rtl) {
        ImGui::TableNextColumn();
        DataText(uiNumber(model.places[i].mentions));
      }
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      // Arabic names for Arabic readers.
      const PlaceNames& n = model.names[i];
      const std::string& name = rtl ? (n.ar.empty() ? n.en : n.ar) : (n.en.empty() ? n.ar : n.en);
      if (rtl) {
        // As wide as DataSelectable draws it.
        const auto shapedName = ImGuiCanDraw(name) ? nullptr : LayoutDataLine(name);
        const float w = shapedName ? shapedName->width : ImGui::CalcTextSize(name.c_str()).x;
        const float avail = ImGui::GetContentRegionAvail().x;
        if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
      }
      const bool picked = DataSelectable(name, false, ImGuiSelectableFlags_SpanAllColumns);
      ImGui::PopID();
      if (picked) {
        state.selectedPlace = model.places[i].id;
        state.frameSelection = true;
      }
      if (!rtl) {
        ImGui::TableNextColumn();
        ImGui::Text("%d", model.places[i].mentions);
      }
    }
    ImGui::EndTable();
  }
  if (!corpus->diagnostics.empty()) {
    ImGui::Spacing();
    if (arabicInterface())
      UiText(std::string(tr(Str::LoadWarnings))
                 .append(" (")
                 .append(uiNumber(static_cast<long>(corpus->diagnostics.size())))
                 .append(")"));
    else
      ImGui::Text("Load warnings (%zu)", corpus->diagnostics.size());
    ImGui::Separator();
    for (const Diagnostic& d : corpus->diagnostics) {
      DataTextOptions o;  // names a file, which may be Arabic
      o.ltr = true;
      DataText(d.format(), o);
    }
  }
}

}  // namespace

// Search places by Arabic (any spelling the matcher folds alike) or English name; a click
// selects and frames the place. Returns true while results are listed.
bool drawPlaceSearch(const ViewModel& model, UiState& state) {
  // ImGui's InputText cannot shape Arabic: this box lays the query out as it is typed.
  ArabicInputOptions box;
  box.hint = tr(Str::SearchPlaces);
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
  if (arabicInterface()) {
    // Right to left: the button at the left, the count at the right.
    if (UiSmallButton(Str::Clear)) state.placeQuery.clear();
    ImGui::SameLine();
    UiText(
        std::string(tr(Str::Places)).append(": ").append(uiNumber(static_cast<long>(hits.size()))));
  } else {
    ImGui::Text("%zu place%s", hits.size(), hits.size() == 1 ? "" : "s");
    ImGui::SameLine();
    if (UiSmallButton(Str::Clear)) state.placeQuery.clear();
  }
  for (size_t k = 0; k < hits.size() && k < 30; ++k) {
    const int i = hits[k];
    ImGui::PushID(i);
    const PlaceNames& n = model.names[i];
    const std::string& name =
        arabicInterface() ? (n.ar.empty() ? n.en : n.ar) : (n.en.empty() ? n.ar : n.en);
    const std::string label = name + "  (" + uiNumber(model.places[i].mentions) + ")";
    if (DataSelectable(label, model.places[i].id == state.selectedPlace)) {
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
  state.probes.sourceRows.clear();
  ImGui::BeginChild("##side", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  drawPlaceSearch(model, state);
  if (state.settings.filter.active())
    UiText(tr(Str::FiltersOn), ImGui::GetColorU32(ImVec4(0.75f, 0.35f, 0.1f, 1)));
  if (!model.corpus) {
    UiText(tr(Str::NoCorpusLoaded), ImGui::GetColorU32(ImGuiCol_TextDisabled));
  } else if (const int place = model.findPlace(state.selectedPlace);
             place >= 0 && model.gazetteer && model.extraction) {
    drawSources(model, state, place, ImGui::GetContentRegionAvail().x);
  } else {
    drawArticles(model, state, size);
  }
  ImGui::EndChild();
}

}  // namespace atlas::ui
