#include "ui/article_reader.h"

#include <imgui.h>

#include <algorithm>

#include "ui/arabic_text.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

constexpr ImU32 kSentenceTint = IM_COL32(196, 222, 250, 255);
constexpr ImU32 kMentionHighlight = IM_COL32(255, 214, 0, 255);
constexpr ImU32 kAmbiguousHighlight = IM_COL32(255, 236, 150, 255);
// Articles larger than this are shown around the sentence only: laying out megabytes of text
// would stall the UI, and nobody reads a 100 MB line in a side window.
constexpr size_t kShownBytes = 256 * 1024;
constexpr size_t kBlockBytes = 4096;

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The part of the article the reader shows: all of it, or kShownBytes around the sentence,
// starting and ending on line breaks where there is one nearby.
std::pair<size_t, size_t> shownRange(std::string_view text, size_t anchor) {
  if (text.size() <= kShownBytes) return {0, text.size()};
  size_t begin = anchor > kShownBytes / 2 ? anchor - kShownBytes / 2 : 0;
  size_t end = std::min(text.size(), begin + kShownBytes);
  if (const size_t nl = text.find('\n', begin); begin > 0 && nl < anchor) begin = nl + 1;
  if (const size_t nl = text.rfind('\n', end);
      end < text.size() && nl != std::string_view::npos && nl > anchor)
    end = nl;
  while (begin < text.size() && isContinuationByte(text[begin])) ++begin;
  while (end > begin && end < text.size() && isContinuationByte(text[end])) --end;
  return {begin, end};
}

void drawHeader(const Article& a, float width) {
  if (!a.title.empty()) {
    ArabicTextOptions title;
    title.size = ImGui::GetFontSize() * 1.45f;
    title.width = width;
    ArabicText(a.title, title);
  }
  // Ids, outlets and paths come from the data and may be Arabic: DataText shapes them when
  // ImGui's font cannot draw them.
  DataTextOptions meta;
  meta.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  meta.wrap = false;
  if (arabicInterface()) {
    UiText(a.id, meta.color);
    std::string line = tr(Str::Published);
    line.append(" ")
        .append(a.published ? uiDate(*a.published) : tr(Str::Unknown))
        .append("  |  ")
        .append(tr(Str::Outlet))
        .append(" ")
        .append(a.outlet.empty() ? tr(Str::Unknown) : a.outlet);
    UiText(line, meta.color);
    DataTextOptions path = meta;
    path.wrap = true;
    path.ltr = true;
    DataText(a.source, path);
    return;
  }
  DataText(a.id, meta);
  ImGui::SameLine();
  ImGui::TextDisabled("|  published %s  |  %.1f KiB",
                      a.published ? a.published->iso().c_str() : "unknown", a.text.size() / 1024.0);
  ImGui::TextDisabled("outlet");
  if (a.outlet.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("unknown");
  } else {
    DataTextOptions outlet = meta;
    outlet.sameLine = true;
    DataText(a.outlet, outlet);
  }
  DataTextOptions path = meta;
  path.wrap = true;
  path.ltr = true;
  DataText(a.source, path);
}

}  // namespace

std::vector<std::pair<size_t, size_t>> readerBlocks(std::string_view text, size_t maxBytes) {
  std::vector<std::pair<size_t, size_t>> blocks;
  maxBytes = std::max<size_t>(maxBytes, 8);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t lineEnd = text.find('\n', pos);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    size_t end =
        lineEnd > 0 && text[lineEnd - 1] == '\r' && lineEnd - 1 >= pos ? lineEnd - 1 : lineEnd;
    while (end - pos > maxBytes) {
      size_t cut = text.rfind(' ', pos + maxBytes);
      if (cut == std::string_view::npos || cut <= pos) {
        cut = pos + maxBytes;
        while (cut > pos && isContinuationByte(text[cut])) --cut;
        if (cut == pos) cut = pos + maxBytes;  // not UTF-8: cut anywhere rather than loop
      }
      blocks.push_back({pos, cut});
      pos = cut;
    }
    if (end > pos) blocks.push_back({pos, end});
    pos = lineEnd + 1;
  }
  return blocks;
}

bool articleReaderOpen(const ViewModel& model, const UiState& state) {
  return state.article.doc >= 0 && model.corpus &&
         state.article.doc < static_cast<int>(model.corpus->articles.size());
}

void drawArticleReader(const ViewModel& model, UiState& state, ImVec2 size) {
  if (!articleReaderOpen(model, state)) return;
  UiState::OpenArticle& open = state.article;
  const Article& a = model.corpus->articles[open.doc];
  ImGui::BeginChild("##reader", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  const ImVec2 r0 = ImGui::GetWindowPos(), rsize = ImGui::GetWindowSize();
  state.probes.articleReader = {r0.x, r0.y, r0.x + rsize.x, r0.y + rsize.y};
  state.probes.articleMentions.clear();
  // Its title bar: which article, and a button that closes the reader (the map takes the room).
  bool keepOpen = true;
  if (arabicInterface()) {
    // Mirrored: the button at the left, the heading at the right.
    keepOpen = !UiSmallButton(Str::Close);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::SameLine();
    UiText(tr(Str::Article));
    if (hovered) ImGui::SetTooltip("Close the article (Escape)");
  } else {
    const char* close = "Close";
    const float closeW = ImGui::CalcTextSize(close).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Article");
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - closeW));
    keepOpen = !ImGui::SmallButton(close);
  }
  if (!arabicInterface() && ImGui::IsItemHovered()) ImGui::SetTooltip("Close the article (Escape)");
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    keepOpen = false;
  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x;
  drawHeader(a, width);
  ImGui::Separator();

  ImGui::BeginChild("##articleText", ImVec2(0, 0), false);
  const ImVec2 c0 = ImGui::GetWindowPos();
  const ImVec2 csize = ImGui::GetWindowSize();
  state.probes.articleWindow = {c0.x, c0.y, c0.x + csize.x, c0.y + csize.y};
  const auto [shownBegin, shownEnd] = shownRange(a.text, open.sentenceStart);
  if (shownBegin > 0 || shownEnd < a.text.size())
    ImGui::TextDisabled("Showing %.0f KiB around the sentence of this %.1f MiB article",
                        (shownEnd - shownBegin) / 1024.0, a.text.size() / 1048576.0);
  const std::string_view shown = std::string_view(a.text).substr(shownBegin, shownEnd - shownBegin);
  if (open.scrollToSentence && open.sentenceEnd <= open.sentenceStart) {
    ImGui::SetScrollY(0);  // opened from the articles list: at its top
    open.scrollToSentence = false;
  }

  // The article's mentions (ordered by start), walked alongside the blocks.
  const ExtractionResult& x = *model.extraction;
  const int mBegin = model.firstMentionOfDoc.empty() ? 0 : model.firstMentionOfDoc[open.doc];
  const int mEnd = model.firstMentionOfDoc.empty() ? 0 : model.firstMentionOfDoc[open.doc + 1];
  int next = mBegin;
  std::vector<TextHighlight> highlights;
  std::vector<int> blockMentions;
  ArabicTextOptions body;
  body.width = ImGui::GetContentRegionAvail().x;
  body.size = ImGui::GetFontSize() * 1.3f;
  for (const auto& [lb, le] : readerBlocks(shown, kBlockBytes)) {
    const size_t begin = shownBegin + lb, end = shownBegin + le;
    highlights.clear();
    blockMentions.clear();
    // The sentence the reader was opened at, tinted behind the mentions.
    if (open.sentenceEnd > begin && open.sentenceStart < end)
      highlights.push_back({std::max<size_t>(open.sentenceStart, begin) - begin,
                            std::min<size_t>(open.sentenceEnd, end) - begin, kSentenceTint});
    while (next < mEnd && x.mentions[next].start < begin) ++next;
    for (int k = next; k < mEnd && x.mentions[k].start < end; ++k) {
      const Mention& m = x.mentions[k];
      highlights.push_back({m.start - begin, std::min<size_t>(m.end, end) - begin,
                            m.place >= 0 ? kMentionHighlight : kAmbiguousHighlight});
      blockMentions.push_back(k);
    }
    body.highlights = highlights;
    ImGui::PushID(static_cast<int>(begin));
    const ArabicTextResult r =
        ArabicText(std::string_view(a.text).substr(begin, end - begin), body);
    ImGui::PopID();
    // Scroll so the sentence sits a quarter down the view, once, on the frame after opening.
    if (open.sentenceStart >= begin && open.sentenceStart < end) {
      float y = r.min.y;
      if (r.layout) {
        const auto rects = r.layout->rangeRects(open.sentenceStart - begin,
                                                std::min<size_t>(open.sentenceEnd, end) - begin);
        if (!rects.empty()) y += rects.front().y0;
      }
      state.probes.articleSentence = {r.min.x, y, r.max.x, y + ImGui::GetFontSize() * 1.3f};
      if (open.scrollToSentence) {
        ImGui::SetScrollFromPosY(y - ImGui::GetWindowPos().y, 0.25f);
        open.scrollToSentence = false;
      }
    }
    if (r.layout)
      for (int k : blockMentions) {
        const auto rects = r.layout->rangeRects(x.mentions[k].start - begin,
                                                std::min<size_t>(x.mentions[k].end, end) - begin);
        if (!rects.empty())
          state.probes.articleMentions.push_back({k,
                                                  {r.min.x + rects[0].x0, r.min.y + rects[0].y0,
                                                   r.min.x + rects[0].x1, r.min.y + rects[0].y1}});
      }
    if (r.hovered && r.hoveredOffset != SIZE_MAX) {
      const size_t at = begin + r.hoveredOffset;
      for (int k : blockMentions) {
        const Mention& m = x.mentions[k];
        if (at < m.start || at >= m.end) continue;
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const int place = m.place >= 0 ? model.mapIndexOf(m.place) : -1;
        if (place >= 0) {
          ImGui::SetTooltip("%s (%s): click to select it on the map", model.names[place].en.c_str(),
                            eventTypeName(m.event));
          if (r.clicked) {
            state.selectedPlace = model.places[place].id;
            state.frameSelection = true;
          }
        } else {
          ImGui::SetTooltip("%s", m.place >= 0 ? "not on the Aleppo map"
                                               : "ambiguous: more than one place has this name");
        }
        break;
      }
    }
    ImGui::Spacing();
  }
  ImGui::EndChild();
  ImGui::EndChild();
  if (!keepOpen) open.doc = -1;
}

}  // namespace atlas::ui
