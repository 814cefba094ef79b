#include "ui/disagreements_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // the title bar's rectangle

#include <algorithm>

#include "ui/arabic_text.h"
#include "ui/claim_view.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

using Column = DisagreementsPanelProbe::Column;

DisagreementsPanelProbe gProbe;

// The listed order and what it was computed from: sorting runs again only when one changes.
struct RowCache {
  const std::vector<Disagreement>* list = nullptr;
  size_t size = 0;
  int version = -1;
  int column = -1;
  bool descending = false;
  bool arabic = false;  // places sort by their name in the interface's language
  std::vector<int> order;
  std::vector<float> heights;  // per disagreement: its row's height when last drawn (0: never)
};
RowCache gCache;

UiState::Rect rectOf(ImVec2 a, ImVec2 b) { return {a.x, a.y, b.x, b.y}; }

const Place* placeOf(const ViewModel& model, const Disagreement& d) {
  return model.gazetteer ? model.gazetteer->find(d.place) : nullptr;
}

std::string placeName(const ViewModel& model, const Disagreement& d, bool arabic) {
  const Place* p = placeOf(model, d);
  if (!p) return d.place;
  const std::string& first = arabic ? p->nameAr : p->nameEn;
  return first.empty() ? (arabic ? p->nameEn : p->nameAr) : first;
}

std::vector<int> listedRows(const ViewModel& model, const std::vector<Disagreement>& list,
                            int column, bool descending, bool arabic) {
  std::vector<int> rows(list.size());
  for (size_t k = 0; k < rows.size(); ++k) rows[k] = static_cast<int>(k);
  std::vector<std::string> names;
  if (column == Column::Place)
    for (const Disagreement& d : list) names.push_back(placeName(model, d, arabic));
  std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
    int c = 0;
    if (column == Column::Place) c = names[a].compare(names[b]);
    if (c == 0) c = list[a].date == list[b].date ? 0 : (list[a].date < list[b].date ? -1 : 1);
    if (c == 0 && column != Column::Place) c = list[a].place.compare(list[b].place);
    return descending ? c > 0 : c < 0;
  });
  return rows;
}

// The window's title: ImGui's in English; in Arabic shaped over the title bar, at its right end
// beside the close button.
// First shown over the map, clear of the side panel (which shows the place a click selects).
bool beginWindow(const std::string& title, UiState& state) {
  const bool arabic = arabicInterface();
  const std::string name = arabic ? "###disagreements" : title + "###disagreements";
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float margin = ImGui::GetFontSize() * 1.5f;
  const float panel = state.settings.sidePanelWidth * state.uiScale;
  const float width = std::max(vp->WorkSize.x * 0.4f, vp->WorkSize.x - panel - 2 * margin);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + (arabic ? vp->WorkSize.x - width - margin : margin),
             vp->WorkPos.y + vp->WorkSize.y * 0.2f),
      ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, vp->WorkSize.y * 0.6f), ImGuiCond_FirstUseEver);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  const bool visible =
      ImGui::Begin(name.c_str(), &state.settings.disagreementsOpen, ImGuiWindowFlags_NoCollapse);
  ImGui::PopStyleVar();
  if (visible && arabic && !ImGuiCanDraw(title))
    if (const auto p = LayoutDataLine(title, ImGui::GetFontSize() * 1.05f)) {
      ImGuiWindow* w = ImGui::GetCurrentWindow();
      const ImRect bar = w->TitleBarRect();
      const float close = ImGui::GetFontSize() + 2 * ImGui::GetStyle().FramePadding.x;
      if (TextRenderer* r = GetTextRenderer()) {
        w->DrawList->PushClipRect(bar.Min, bar.Max, false);
        r->draw(w->DrawList, *p,
                ImVec2(std::max(bar.Min.x,
                                bar.Max.x - close - p->width - ImGui::GetStyle().FramePadding.x),
                       (bar.Min.y + bar.Max.y - p->height) / 2),
                ImGui::GetColorU32(ImGuiCol_Text));
        w->DrawList->PopClipRect();
      }
    }
  return visible;
}

// The header of display column `c` (shaped over an unlabelled header in Arabic; sorting stays
// ImGui's).
void header(int c, Column column) {
  static const Str kHeaders[] = {Str::DateColumn, Str::Place, Str::TextsSay, Str::ReferenceSays};
  ImGui::TableSetColumnIndex(c);
  const char* words = tr(kHeaders[column]);
  if (!arabicInterface() || ImGuiCanDraw(words)) {
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
  } else {
    ImGui::PushID(c);
    ImGui::TableHeader("##header");
    ImGui::PopID();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (const auto p = LayoutDataLine(words, ImGui::GetFontSize() * 1.05f))
      if (TextRenderer* r = GetTextRenderer()) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(a, b, true);
        // Right-aligned, clear of the sort arrow at the left... ImGui puts it at the right.
        r->draw(dl, *p,
                ImVec2(std::max(a.x, b.x - ImGui::GetFontSize() - p->width),
                       (a.y + b.y - p->height) / 2),
                ImGui::GetColorU32(ImGuiCol_Text));
        dl->PopClipRect();
      }
  }
  gProbe.headers[column] = rectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// One cell's contents; returns the bottom of what it drew.
float drawCell(const ViewModel& model, UiState& state, const Disagreement& d, Column column) {
  const float w = ImGui::GetContentRegionAvail().x;
  switch (column) {
    case Column::Date:
      drawInfoText(uiDate(d.date), w);
      break;
    case Column::Place: {
      const Place* p = placeOf(model, d);
      ArabicTextOptions ar;
      ar.width = w;
      ArabicText(p && !p->nameAr.empty() ? p->nameAr : d.place, ar);
      if (p && !p->nameEn.empty())
        drawInfoText(p->nameEn, w, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      break;
    }
    case Column::Texts:
      drawInfoText(uiSide(static_cast<int>(d.corpus.side)), w, sideColour(d.corpus.side));
      ImGui::PushID("texts");
      drawClaim(model, state, d.corpus, {w, true, false});
      ImGui::PopID();
      break;
    default:
      drawInfoText(uiSide(static_cast<int>(d.referenceSide)), w, sideColour(d.referenceSide));
      for (size_t k = 0; k < d.reference.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        drawClaim(model, state, d.reference[k], {w, false, false});
        ImGui::PopID();
      }
      break;
  }
  return ImGui::GetItemRectMax().y;
}

}  // namespace

const DisagreementsPanelProbe& disagreementsPanelProbe() { return gProbe; }

void drawDisagreementsPanel(const ViewModel& model, UiState& state) {
  gProbe.drawn = false;
  gProbe.rows.clear();
  if (!state.settings.disagreementsOpen) return;
  static const std::vector<Disagreement> kNone;
  const std::vector<Disagreement>& list = model.disagreements ? *model.disagreements : kNone;
  const bool rtl = arabicInterface();
  const std::string title =
      std::string(tr(Str::Disagreements)) + " (" + uiNumber(static_cast<long>(list.size())) + ")";
  if (!beginWindow(title, state)) {
    ImGui::End();
    return;
  }
  gProbe.drawn = true;
  gProbe.window =
      rectOf(ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                           ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
  if (list.empty()) {
    UiText(tr(Str::NoDisagreements), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::End();
    return;
  }
  UiText(tr(Str::DisagreementsHint), ImGui::GetColorU32(ImGuiCol_TextDisabled));

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable;
  // Right to left the columns run the other way (a table of its own).
  const Column ltrOrder[] = {Column::Date, Column::Place, Column::Texts, Column::Reference};
  const Column rtlOrder[] = {Column::Reference, Column::Texts, Column::Place, Column::Date};
  const Column* shown = rtl ? rtlOrder : ltrOrder;
  if (!ImGui::BeginTable(rtl ? "##disagreementsRtl" : "##disagreements", Column::ColumnCount,
                         flags)) {
    ImGui::End();
    return;
  }
  const float fs = ImGui::GetFontSize();
  for (int i = 0; i < Column::ColumnCount; ++i) switch (shown[i]) {
      case Column::Date:
        ImGui::TableSetupColumn(
            "Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort,
            (rtl ? UiTextWidth("٣٠ تشرين الثاني ٢٠١٦") * 1.1f
                 : ImGui::CalcTextSize("0000-00-00").x) +
                fs,
            Column::Date);
        break;
      case Column::Place:
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthFixed, fs * 9, Column::Place);
        break;
      case Column::Texts:
        ImGui::TableSetupColumn("The texts say",
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                                1.0f, Column::Texts);
        break;
      default:
        ImGui::TableSetupColumn("The reference says",
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                                1.0f, Column::Reference);
        break;
    }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < Column::ColumnCount; ++c) header(c, shown[c]);

  int column = Column::Date;
  bool descending = false;
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsCount > 0) {
      column = static_cast<int>(specs->Specs[0].ColumnUserID);
      descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
  }
  if (gCache.list != &list || gCache.size != list.size() || gCache.version != model.version ||
      gCache.column != column || gCache.descending != descending || gCache.arabic != rtl) {
    gCache.order = listedRows(model, list, column, descending, rtl);
    if (gCache.list != &list || gCache.size != list.size() || gCache.version != model.version)
      gCache.heights.assign(list.size(), 0.0f);
    gCache.list = &list;
    gCache.size = list.size();
    gCache.version = model.version;
    gCache.column = column;
    gCache.descending = descending;
    gCache.arabic = rtl;
  }
  gProbe.order = gCache.order;

  // Rows differ in height (sentences wrap): each is laid out when it shows and its height kept,
  // so rows scrolled out of view cost one empty row each.
  const Date today = currentDay(model, state);
  const float pad = ImGui::GetStyle().CellPadding.y;
  for (const int index : gCache.order) {
    const Disagreement& d = list[index];
    float& height = gCache.heights[index];
    ImGui::TableNextRow(ImGuiTableRowFlags_None, height);
    ImGui::TableSetColumnIndex(0);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (height > 0 && !ImGui::IsRectVisible(ImVec2(1, height))) continue;
    ImGui::PushID(index);
    const bool selected = state.selectedPlace == d.place && today == d.date;
    const bool clicked = ImGui::Selectable(
        "##row", selected,
        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
        ImVec2(0, std::max(height - 2 * pad, ImGui::GetTextLineHeight())));
    const UiState::Rect rowRect = rectOf(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetCursorScreenPos(top);
    float bottom = top.y;
    for (int c = 0; c < Column::ColumnCount; ++c) {
      ImGui::TableSetColumnIndex(c);
      bottom = std::max(bottom, drawCell(model, state, d, shown[c]));
    }
    height = bottom - top.y + 2 * pad;
    gProbe.rows.push_back({index, rowRect});
    if (clicked) {
      state.selectedPlace = d.place;
      state.frameSelection = true;
      state.date = d.date;
      state.playing = false;
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  ImGui::End();
}

}  // namespace atlas::ui
