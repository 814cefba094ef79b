#include "ui/claim_view.h"

#include <imgui.h>

#include <algorithm>
#include <unordered_map>

#include "core/control_builder.h"
#include "ui/arabic_text.h"
#include "ui/ui_text.h"

namespace atlas::ui {

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

std::string uiClaimKind(const std::string& kind) {
  static const std::pair<const char*, Str> kKinds[] = {
      {"captured", Str::KindCaptured},   {"held", Str::KindHeld},
      {"contested", Str::KindContested}, {"failed", Str::KindFailed},
      {"withdrew", Str::KindWithdrew},   {"reference", Str::KindReference}};
  for (const auto& [name, s] : kKinds)
    if (kind == name) return tr(s);
  return kind;
}

std::string uiDays(long n) {
  if (n == 1) return tr(Str::OneDay);
  if (n == 2) return tr(Str::TwoDays);
  // Arabic counts 3 to 10 with the plural, 11 and up with the singular accusative.
  const bool few = arabicInterface() && n % 100 >= 3 && n % 100 <= 10;
  return uiNumber(n) + " " + tr(few ? Str::Days : Str::DaysMany);
}

std::string uiDaysAgo(long n) {
  if (n <= 0) return tr(Str::Today);
  if (arabicInterface()) return std::string(tr(Str::Ago)) + " " + uiDays(n);
  return uiDays(n) + " " + tr(Str::Ago);
}

std::string claimSummary(const ControlClaim& claim) {
  std::string s = uiClaimKind(std::string(claim.kind));
  if (claim.kind == "reference") return s;
  if (claim.actor && *claim.actor != Side::Unknown)
    s.append(" ").append(tr(Str::By)).append(" ").append(uiSide(static_cast<int>(*claim.actor)));
  if (!claim.actor || *claim.actor != claim.side)
    s.append(arabicInterface() ? "، " : ", ")
        .append(tr(Str::Holder))
        .append(": ")
        .append(uiSide(static_cast<int>(claim.side)));
  return s;
}

namespace {

// Article ids to indices, rebuilt when another corpus is shown.
struct DocIndex {
  const Corpus* corpus = nullptr;
  size_t articles = 0;
  std::unordered_map<std::string, int> byId;
};
DocIndex gDocs;

int docOf(const ViewModel& model, std::string_view id) {
  if (!model.corpus) return -1;
  if (gDocs.corpus != model.corpus || gDocs.articles != model.corpus->articles.size()) {
    gDocs.corpus = model.corpus;
    gDocs.articles = model.corpus->articles.size();
    gDocs.byId.clear();
    for (int d = 0; d < static_cast<int>(gDocs.articles); ++d)
      gDocs.byId.emplace(model.corpus->articles[d].id, d);
  }
  const auto it = gDocs.byId.find(std::string(id));
  return it == gDocs.byId.end() ? -1 : it->second;
}

constexpr ImU32 kPlaceHighlight = IM_COL32(255, 214, 0, 255);
constexpr ImU32 kSpeakerHighlight = IM_COL32(168, 206, 255, 255);

UiState::Rect rectOf(ImVec2 a, ImVec2 b) { return {a.x, a.y, b.x, b.y}; }

// A reusable splitter: the card's tint goes under its text.
ImDrawListSplitter gSplitter;

}  // namespace

int mentionOfClaim(const ViewModel& model, const ControlClaim& claim) {
  if (claim.evidence.doc == kReferenceDoc || !model.extraction || !model.gazetteer) return -1;
  const int doc = docOf(model, claim.evidence.doc);
  const auto& first = model.firstMentionOfDoc;
  if (doc < 0 || doc + 1 >= static_cast<int>(first.size())) return -1;
  const auto it = model.gazetteer->byId.find(std::string(claim.place));
  if (it == model.gazetteer->byId.end()) return -1;
  for (int k = first[doc]; k < first[doc + 1]; ++k) {
    const Mention& m = model.extraction->mentions[k];
    if (m.sentence == claim.evidence.sentence && m.place == it->second) return k;
  }
  return -1;
}

void drawInfoText(std::string_view text, float width, ImU32 colour, bool ownDirection) {
  const bool rtl = arabicInterface();
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  width = std::max(1.0f, width);
  if (ImGuiCanDraw(text)) {
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float x = ImGui::GetCursorPosX();
    if (rtl && w < width) ImGui::SetCursorPosX(x + width - w);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(x + width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (colour) ImGui::PopStyleColor();
    return;
  }
  ArabicTextOptions o;
  o.size = ImGui::GetFontSize() * 1.1f;
  o.width = width;
  o.color = colour;
  if (ownDirection) {
    ArabicText(text, o);
    return;
  }
  // A mark fixes the paragraph's direction: English lines that start with an Arabic outlet keep
  // their word order, Arabic lines that start with a date or an address theirs.
  std::string marked(rtl ? "\u200F" : "\u200E");
  marked.append(text);
  o.align = rtl ? text::Align::Right : text::Align::Left;
  ArabicText(marked, o);
}

ClaimViewResult drawClaim(const ViewModel& model, UiState& state, const ControlClaim& claim,
                          const ClaimViewOptions& options) {
  ClaimViewResult result;
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool rtl = arabicInterface();
  const float full = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
  const float bar = std::max(3.0f, ImGui::GetFontSize() * 0.2f);
  const float pad = style.FramePadding.x;
  const float inner = std::max(1.0f, full - bar - 2 * pad);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float startX = ImGui::GetCursorPosX();
  const float textX = startX + (rtl ? pad : bar + pad);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  gSplitter.Split(dl, 2);
  gSplitter.SetCurrentChannel(dl, 1);
  ImGui::Dummy(ImVec2(full, style.FramePadding.y));
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  auto line = [&](const std::string& text, ImU32 colour, bool ownDirection = false) {
    ImGui::SetCursorPosX(textX);
    drawInfoText(text, inner, colour, ownDirection);
  };
  const bool reference = claim.kind == "reference";
  if (options.summary) line(claimSummary(claim), sideColour(claim.side));
  if (reference) {
    // The row's day, its source (one address a line; several are separated by " | ") and its
    // note, the addresses and the note in their own direction under an Arabic label.
    line(uiDate(claim.date), dim);
    const std::string source(claim.evidence.text);
    if (rtl) line(std::string(tr(Str::SourceAddress)) + ":", dim);
    for (size_t from = 0; from <= source.size();) {
      size_t to = source.find(" | ", from);
      if (to == std::string::npos) to = source.size();
      const std::string address = source.substr(from, to - from);
      line(rtl || from > 0 ? address : std::string(tr(Str::SourceAddress)) + ": " + address,
           ImGui::GetColorU32(ImGuiCol_Text), true);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", "Click to copy the address");
      if (ImGui::IsItemClicked()) ImGui::SetClipboardText(address.c_str());
      from = to + 3;
    }
    if (!claim.evidence.saidBy.empty()) {
      if (rtl) line(std::string(tr(Str::Note)) + ":", dim);
      const std::string note(claim.evidence.saidBy);
      line(rtl ? note : std::string(tr(Str::Note)) + ": " + note, dim, true);
    }
  } else {
    const std::string outlet(claim.evidence.outlet.empty() ? claim.evidence.doc
                                                           : claim.evidence.outlet);
    // The day first: a long document id (no outlet) is cut at the card's edge, not the day.
    line(uiDate(claim.date) + " | " + outlet, dim);
    if (!claim.evidence.saidBy.empty()) {
      // No colon: "Said by مصادر المعارضة", "على لسان مصادر المعارضة" (neutral punctuation between
      // an English label and Arabic data reads oddly in either direction).
      result.speaker = std::string(tr(Str::SaidBy)) + " " + std::string(claim.evidence.saidBy);
      line(result.speaker, ImGui::GetColorU32(ImGuiCol_Text));
    }
    // The sentence, the place highlighted (and the speaker, if the sentence quotes one).
    TextHighlight marks[2];
    size_t count = 0;
    const int k = mentionOfClaim(model, claim);
    const Mention* m = k >= 0 ? &model.extraction->mentions[k] : nullptr;
    if (m) {
      marks[count++] = {m->start - m->sentenceStart, m->end - m->sentenceStart, kPlaceHighlight};
      if (m->saidByEnd > m->saidByStart && m->saidByStart >= m->sentenceStart &&
          m->saidByEnd <= m->sentenceEnd)
        marks[count++] = {m->saidByStart - m->sentenceStart, m->saidByEnd - m->sentenceStart,
                          kSpeakerHighlight};
    }
    ImGui::SetCursorPosX(textX);
    ArabicTextOptions body;
    body.size = ImGui::GetFontSize() * 1.15f;
    body.width = inner;
    body.highlights = {marks, count};
    const ArabicTextResult r = ArabicText(claim.evidence.text, body);
    result.sentence = rectOf(r.min, r.max);
    if (r.hovered && m && options.openArticle) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::BeginTooltip();
      DataTextOptions tip;
      tip.wrap = false;
      tip.ltr = true;
      DataText(std::string(claim.evidence.doc) + ", sentence " +
                   std::to_string(claim.evidence.sentence + 1) +
                   ": click to read the whole article",
               tip);
      ImGui::EndTooltip();
    }
    if (r.clicked && m) {
      result.clicked = true;
      if (options.openArticle) state.article = {m->doc, m->sentenceStart, m->sentenceEnd, true};
    }
  }
  ImGui::Dummy(ImVec2(full, style.FramePadding.y));
  const ImVec2 end(start.x + full, ImGui::GetItemRectMax().y);
  gSplitter.SetCurrentChannel(dl, 0);
  const ImU32 colour = sideColour(claim.side);
  dl->AddRectFilled(start, end, (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 22));
  const float barX = rtl ? end.x - bar : start.x;
  dl->AddRectFilled(ImVec2(barX, start.y), ImVec2(barX + bar, end.y), colour);
  gSplitter.Merge(dl);
  result.card = rectOf(start, end);
  return result;
}

}  // namespace atlas::ui
