#include "ui/side_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "ui/arabic_input.h"
#include "ui/arabic_text.h"
#include "ui/articles_panel.h"
#include "ui/claim_view.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

SourcesPanelProbe gProbe;

UiState::Rect rectOf(ImVec2 a, ImVec2 b) { return {a.x, a.y, b.x, b.y}; }

void probeClaim(const ControlClaim& claim, const ClaimViewResult& r, int column = -1) {
  gProbe.claims.push_back({std::string(claim.evidence.doc), std::string(claim.evidence.outlet),
                           claim.side, r.speaker, r.card, r.sentence, column});
}

bool sameClaim(const ControlClaim& a, const ControlClaim& b) {
  return a.evidence.doc == b.evidence.doc && a.evidence.sentence == b.evidence.sentence &&
         a.side == b.side && a.date == b.date;
}

// Sources that disagree: the claims of each holder in a column of its own (the current holder
// first), side by side, so the reports can be read against each other.
void drawDispute(const ViewModel& model, UiState& state, const ControlState& c) {
  std::vector<std::pair<Side, std::vector<const ControlClaim*>>> columns;
  auto add = [&](const ControlClaim& claim) {
    for (auto& [side, claims] : columns)
      if (side == claim.side) {
        for (const ControlClaim* known : claims)
          if (sameClaim(*known, claim)) return;
        claims.push_back(&claim);
        return;
      }
    columns.push_back({claim.side, {&claim}});
  };
  bool textsDecide = false;
  for (const ControlClaim& claim : c.decidedBy)
    textsDecide = textsDecide || (claim.kind != "reference" && claim.side == c.side);
  columns.push_back({c.side, {}});
  for (const ControlClaim& claim : c.decidedBy)
    if (claim.side == c.side && (claim.kind != "reference" || !textsDecide)) add(claim);
  for (const ControlClaim& claim : c.decidedBy)
    if (claim.side != c.side && claim.kind != "reference") add(claim);
  for (const ControlClaim& claim : c.disputedBy) add(claim);
  for (auto& [side, claims] : columns)
    std::stable_sort(
        claims.begin(), claims.end(),
        [](const ControlClaim* a, const ControlClaim* b) { return b->date < a->date; });

  const bool rtl = arabicInterface();
  const int n = static_cast<int>(columns.size());
  if (!ImGui::BeginTable(rtl ? "##disputeRtl" : "##dispute", n,
                         ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame))
    return;
  ImGui::TableNextRow();
  for (int i = 0; i < n; ++i) {
    // Right to left the current holder's column is the rightmost.
    const int k = rtl ? n - 1 - i : i;
    const auto& [side, claims] = columns[k];
    ImGui::TableSetColumnIndex(i);
    ImGui::PushID(k);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    drawInfoText(std::string(tr(Str::HeldByColumn)) + " " + uiSide(static_cast<int>(side)), w,
                 sideColour(side));
    for (size_t j = 0; j < claims.size(); ++j) {
      ImGui::PushID(static_cast<int>(j));
      const ClaimViewResult r = drawClaim(model, state, *claims[j], {w, true, true});
      probeClaim(*claims[j], r, i);
      ImGui::PopID();
      ImGui::Spacing();
    }
    gProbe.dispute.push_back({side, rectOf(top, ImVec2(top.x + w, ImGui::GetCursorScreenPos().y)),
                              static_cast<int>(claims.size())});
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Who held the place at the slider's day, since when, the last evidence and how old it is,
// whether it is unconfirmed, and the claims behind it (side by side when sources disagree).
void drawControl(const ViewModel& model, UiState& state, const Place& p, float width) {
  const Date day = currentDay(model, state);
  const ControlState c = model.control->at(p.id, day, state.settings.shelfLifeDays);
  gProbe.shown = true;
  gProbe.state = c;
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  auto line = [&](const std::string& text, ImU32 colour) {
    drawInfoText(text, width, colour);
    gProbe.lines.push_back(text);
  };
  if (c.side == Side::Unknown || !c.lastEvidence) {
    line(std::string(tr(Str::NoEvidenceYet)) + " (" + uiDate(day) + ")", dim);
    return;
  }
  const bool rtl = arabicInterface();
  std::string held =
      std::string(tr(Str::HeldOn)) + " " + uiDate(day) + ": " + uiSide(static_cast<int>(c.side));
  if (c.since)
    held.append(rtl ? "، " : ", ").append(tr(Str::Since)).append(" ").append(uiDate(*c.since));
  line(held, sideColour(c.side));
  const long age = day.toDays() - c.lastEvidence->toDays();
  line(std::string(tr(Str::LastEvidence)) + ": " + uiDate(*c.lastEvidence) + " (" + uiDaysAgo(age) +
           ")",
       ImGui::GetColorU32(ImGuiCol_Text));
  if (c.unconfirmed)
    line(std::string(tr(Str::Unconfirmed)) + " " + uiDays(age), IM_COL32(196, 110, 0, 255));
  ImGui::Spacing();
  if (c.disputed) {
    // (What that means, on hover: reports that contradict each other, not fighting.)
    drawInfoText(tr(Str::SourcesDisagree), width, IM_COL32(196, 80, 0, 255));
    gProbe.disputeHeading = rectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      drawInfoText(tr(Str::SourcesDisagreeNote), ImGui::GetFontSize() * 24, dim);
      ImGui::EndTooltip();
    }
  } else {
    line(tr(Str::EvidenceOfThatDay), dim);
  }
  // The claims in a box as high as they need up to a third of the panel (scrolling inside
  // beyond that), so the place's sentences below stay in view however many claims there are.
  static float contentHeight = 0;
  const float most = std::max(ImGui::GetFontSize() * 8, ImGui::GetWindowHeight() * 0.3f);
  ImGui::BeginChild("##claims",
                    ImVec2(0, contentHeight > 0 ? std::min(contentHeight, most) : most));
  if (c.disputed) {
    drawDispute(model, state, c);
  } else {
    const float w = ImGui::GetContentRegionAvail().x;
    for (size_t j = 0; j < c.decidedBy.size(); ++j) {
      ImGui::PushID(static_cast<int>(j));
      const ClaimViewResult r = drawClaim(model, state, c.decidedBy[j], {w, true, true});
      probeClaim(c.decidedBy[j], r);
      ImGui::PopID();
      ImGui::Spacing();
    }
  }
  contentHeight = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
  ImGui::EndChild();
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

  if (model.control && p.kind != PlaceKind::City) drawControl(model, state, p, width);
  ImGui::Separator();

  const ExtractionResult& x = *model.extraction;
  const TimeWindow window = currentWindow(model, state);
  // The place's sentences, those in the window first. A place of a big corpus has tens of
  // thousands: reordered only when the place, the window or the evidence changes, not each frame.
  static struct {
    int version = -1, evidenceVersion = -1, place = -1;
    const std::vector<int>* list = nullptr;
    TimeWindow window;
    std::vector<int> order;
  } cached;
  const std::vector<int>& mentions = model.mentionsOfPlace[place];
  if (cached.version != model.version || cached.evidenceVersion != model.evidenceVersion ||
      cached.place != place || cached.list != &mentions || !(cached.window.from == window.from) ||
      !(cached.window.to == window.to)) {
    cached.order = mentions;
    std::stable_partition(cached.order.begin(), cached.order.end(), [&](int k) {
      return x.mentions[k].date && window.contains(*x.mentions[k].date);
    });
    cached.version = model.version;
    cached.evidenceVersion = model.evidenceVersion;
    cached.place = place;
    cached.list = &mentions;
    cached.window = window;
  }
  const std::vector<int>& order = cached.order;
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
  for (size_t i = 0; i < shown; ++i) {
    const int k = order[i];
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

const SourcesPanelProbe& sourcesPanelProbe() { return gProbe; }

void drawSidePanel(const ViewModel& model, UiState& state, ImVec2 size) {
  state.probes.sourceRows.clear();
  gProbe = SourcesPanelProbe{};
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
