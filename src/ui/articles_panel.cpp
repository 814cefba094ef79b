#include "ui/articles_panel.h"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "ui/arabic_text.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

using Column = ArticlesPanelProbe::Column;

ArticlesPanelProbe gProbe;

// The listed rows and what they were computed from: sorting and filtering run again only when
// one of these changes (a corpus may hold tens of thousands of articles).
struct RowCache {
  const Corpus* corpus = nullptr;
  size_t articles = 0;
  int version = -1;
  int column = -1;
  bool descending = false;
  std::optional<TimeWindow> window;  // set: only articles published inside it
  std::vector<int> order;
};
RowCache gCache;

int mentionsOf(const ViewModel& model, int doc) {
  const auto& first = model.firstMentionOfDoc;
  if (doc < 0 || doc + 1 >= static_cast<int>(first.size())) return 0;
  return first[doc + 1] - first[doc];
}

const std::string& titleOf(const Article& a) { return a.title.empty() ? a.id : a.title; }

bool sameWindow(const std::optional<TimeWindow>& a, const std::optional<TimeWindow>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->from == b->from && a->to == b->to);
}

// Articles (filtered to `window` if set) ordered by `column`; unknown dates and outlets last in
// either direction, ties in corpus order.
std::vector<int> listedRows(const ViewModel& model, int column, bool descending,
                            const std::optional<TimeWindow>& window) {
  const std::vector<Article>& articles = model.corpus->articles;
  std::vector<int> rows;
  rows.reserve(articles.size());
  for (int d = 0; d < static_cast<int>(articles.size()); ++d)
    if (!window || (articles[d].published && window->contains(*articles[d].published)))
      rows.push_back(d);
  auto compare = [&](int a, int b) -> int {
    const Article& x = articles[a];
    const Article& y = articles[b];
    switch (column) {
      case Column::Outlet:
        return x.outlet.compare(y.outlet);
      case Column::Published:
        return x.published == y.published ? 0 : (*x.published < *y.published ? -1 : 1);
      case Column::Mentions:
        return mentionsOf(model, a) - mentionsOf(model, b);
      default:
        return titleOf(x).compare(titleOf(y));
    }
  };
  std::sort(rows.begin(), rows.end(), [&](int a, int b) {
    const Article& x = articles[a];
    const Article& y = articles[b];
    if (column == Column::Published && x.published.has_value() != y.published.has_value())
      return x.published.has_value();
    if (column == Column::Outlet && x.outlet.empty() != y.outlet.empty()) return y.outlet.empty();
    if (column == Column::Published && !x.published) return a < b;
    const int c = compare(a, b);
    if (c != 0) return descending ? c > 0 : c < 0;
    return a < b;
  });
  return rows;
}

float shapedSize() { return ImGui::GetFontSize() * 1.15f; }

// The height of one line of shaped text (the rows' height).
float shapedLineHeight() {
  if (TextRenderer* r = GetTextRenderer()) {
    text::LayoutOptions lo;
    lo.size = shapedSize();
    return std::max(ImGui::GetTextLineHeight(), r->engine().layoutCached("حلب", lo)->height);
  }
  return ImGui::GetTextLineHeight();
}

// One line of text in the cell [x0, x1) × [y, y + height): shaped by the text engine (right
// to left text starts at the right edge), clipped to the cell rather than wrapped. Text ImGui's
// font can draw whole (an id like 000_c162b1d864b0bcfc) stays ImGui text.
void drawCellText(std::string_view text, float x0, float x1, float y, float height, ImU32 color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec4 clip(x0, y, x1, y + height);
  TextRenderer* r = ImGuiCanDraw(text) ? nullptr : GetTextRenderer();
  if (!r) {
    dl->AddText(nullptr, 0, ImVec2(x0, y + (height - ImGui::GetTextLineHeight()) / 2), color,
                text.data(), text.data() + text.size(), 0, &clip);
    return;
  }
  text::LayoutOptions lo;
  lo.size = shapedSize();
  lo.width = 0;  // one line
  const auto p = r->engine().layoutCached(text, lo);
  const float x = p->rtl ? x1 - p->width : x0;
  dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w), true);
  r->draw(dl, *p, ImVec2(x, y + (height - p->height) / 2), color);
  dl->PopClipRect();
}

// ImGui text vertically centred in a row `height` high.
void centredText(float height, const char* text, bool disabled = false) {
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetTextLineHeight()) / 2);
  if (disabled)
    ImGui::TextDisabled("%s", text);
  else
    ImGui::TextUnformatted(text);
}

UiState::Rect lastItemRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

}  // namespace

const ArticlesPanelProbe& articlesPanelProbe() { return gProbe; }

void drawArticlesPanel(const ViewModel& model, UiState& state, float tableHeight) {
  gProbe.rows.clear();
  gProbe.order.clear();
  if (!model.corpus) return;
  const std::vector<Article>& articles = model.corpus->articles;
  const std::optional<TimeWindow> window =
      state.articlesInWindowOnly ? std::optional(currentWindow(model, state)) : std::nullopt;
  const bool rtl = arabicInterface();
  if (rtl) {
    std::string heading = tr(Str::Articles);
    heading.append(" (");
    if (window)
      heading
          .append(uiNumber(std::count_if(
              articles.begin(), articles.end(),
              [&](const Article& a) { return a.published && window->contains(*a.published); })))
          .append(" / ");
    heading.append(uiNumber(static_cast<long>(articles.size()))).append(")");
    UiText(heading);
  } else if (window)
    ImGui::Text(
        "Articles (%zu of %zu)",
        static_cast<size_t>(std::count_if(
            articles.begin(), articles.end(),
            [&](const Article& a) { return a.published && window->contains(*a.published); })),
        articles.size());
  else
    ImGui::Text("Articles (%zu)", articles.size());
  ImGui::Separator();
  UiCheckbox(Str::OnlyInWindow, &state.articlesInWindowOnly);
  gProbe.inWindowCheckbox = lastItemRect();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", window ? ("Published from " + window->from.iso() + " to " +
                                      window->to.iso() + " (the timeline's window)")
                                         .c_str()
                                   : "List only the articles published inside the timeline's "
                                     "window");

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_Resizable;
  // Right to left the columns run the other way (a table of its own, so widths and sorting of
  // each order are ImGui's as usual); `shown[i]` is the column (Column) at display index i.
  const Column ltrOrder[] = {Column::Title, Column::Outlet, Column::Published, Column::Mentions};
  const Column rtlOrder[] = {Column::Mentions, Column::Published, Column::Outlet, Column::Title};
  const Column* shown = rtl ? rtlOrder : ltrOrder;
  if (!ImGui::BeginTable(rtl ? "##articlesRtl" : "##articles", Column::ColumnCount, flags,
                         ImVec2(0, tableHeight)))
    return;
  const float fs = ImGui::GetFontSize();
  for (int i = 0; i < Column::ColumnCount; ++i) switch (shown[i]) {
      case Column::Title:
        ImGui::TableSetupColumn(
            "Article", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 1.0f,
            Column::Title);
        break;
      case Column::Outlet:
        ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 0.45f,
                                Column::Outlet);
        break;
      case Column::Published:
        ImGui::TableSetupColumn(
            "Published", ImGuiTableColumnFlags_WidthFixed,
            rtl ? UiTextWidth("٣٠ تشرين الثاني ٢٠١٦") : ImGui::CalcTextSize("0000-00-00").x,
            Column::Published);
        break;
      default:
        ImGui::TableSetupColumn(
            "Mentions",
            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
            (rtl ? UiTextWidth(tr(Str::Mentions)) : ImGui::CalcTextSize("Mentions").x) + fs,
            Column::Mentions);
        break;
    }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < Column::ColumnCount; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    if (rtl) {
      // The header's words shaped over an unlabelled header (which keeps sorting).
      constexpr Str kHeaders[] = {Str::Article, Str::Outlet, Str::Published, Str::Mentions};
      ImGui::PushID(c);
      ImGui::TableHeader("##header");
      ImGui::PopID();
      const UiState::Rect r = lastItemRect();
      drawCellText(tr(kHeaders[shown[c]]), r.x0, r.x1 - ImGui::GetFontSize(), r.y0, r.y1 - r.y0,
                   ImGui::GetColorU32(ImGuiCol_Text));
    } else {
      ImGui::TableHeader(ImGui::TableGetColumnName(c));
    }
    gProbe.headers[shown[c]] = lastItemRect();
  }

  int column = Column::Title;
  bool descending = false;
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsCount > 0) {
      column = static_cast<int>(specs->Specs[0].ColumnUserID);
      descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
  }
  if (gCache.corpus != model.corpus || gCache.articles != articles.size() ||
      gCache.version != model.version || gCache.column != column ||
      gCache.descending != descending || !sameWindow(gCache.window, window)) {
    gCache.order = listedRows(model, column, descending, window);
    gCache.corpus = model.corpus;
    gCache.articles = articles.size();
    gCache.version = model.version;
    gCache.column = column;
    gCache.descending = descending;
    gCache.window = window;
  }
  gProbe.order = gCache.order;

  const float rowH = shapedLineHeight();
  const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(gCache.order.size()));
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const int doc = gCache.order[k];
      const Article& a = articles[doc];
      ImGui::TableNextRow(ImGuiTableRowFlags_None, rowH);
      ImGui::PushID(doc);
      for (int i = 0; i < Column::ColumnCount; ++i) {
        ImGui::TableNextColumn();
        const ImVec2 cell = ImGui::GetCursorScreenPos();
        const float cellW = ImGui::GetContentRegionAvail().x;
        if (i == 0) {  // the row's selectable, across all columns
          const bool clicked = ImGui::Selectable(
              "##row", doc == state.article.doc,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
              ImVec2(0, rowH));
          gProbe.rows.push_back({doc, lastItemRect()});
          if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::BeginTooltip();
            if (!a.title.empty()) {
              ArabicTextOptions title;
              title.width = ImGui::GetFontSize() * 28;
              ArabicText(a.title, title);
            }
            DataTextOptions id;
            id.wrap = false;
            DataText(a.id, id);
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(": click to read the article");
            ImGui::EndTooltip();
          }
          if (clicked) state.article = {doc, 0, 0, true};
          if (shown[i] != Column::Title) ImGui::SetCursorScreenPos(cell);
        }
        switch (shown[i]) {
          case Column::Title:
            drawCellText(titleOf(a), cell.x, cell.x + cellW, cell.y, rowH, textColour);
            break;
          case Column::Outlet:
            if (a.outlet.empty() && rtl)
              drawCellText(tr(Str::Unknown), cell.x, cell.x + cellW, cell.y, rowH,
                           ImGui::GetColorU32(ImGuiCol_TextDisabled));
            else if (a.outlet.empty())
              centredText(rowH, "unknown", true);
            else
              drawCellText(a.outlet, cell.x, cell.x + cellW, cell.y, rowH, textColour);
            break;
          case Column::Published:
            if (rtl)
              drawCellText(a.published ? uiDate(*a.published) : tr(Str::Unknown), cell.x,
                           cell.x + cellW, cell.y, rowH, textColour);
            else if (a.published)
              centredText(rowH, a.published->iso().c_str());
            else
              centredText(rowH, "unknown", true);
            break;
          default:
            if (rtl)
              drawCellText(uiNumber(mentionsOf(model, doc)), cell.x, cell.x + cellW, cell.y, rowH,
                           textColour);
            else
              centredText(rowH, std::to_string(mentionsOf(model, doc)).c_str());
            break;
        }
      }
      ImGui::PopID();
    }
  ImGui::EndTable();
}

}  // namespace atlas::ui
