#include "ui/status_bar.h"

#include <imgui.h>

#include <memory>
#include <string>

#include "ui/arabic_text.h"
#include "ui/theme.h"
#include "ui/ui_text.h"

namespace atlas::ui {

std::string elide(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const char* ellipsis = "...";
  const float ew = ImGui::CalcTextSize(ellipsis).x;
  size_t n = text.size();
  while (n > 0) {
    // Step back over a whole UTF-8 character.
    do --n;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
    if (ImGui::CalcTextSize(text.c_str(), text.c_str() + n).x + ew <= width) break;
  }
  return text.substr(0, n) + ellipsis;
}

namespace {

// The status line shaped (left to right, at the UI font's size) and cut with an ellipsis to
// `width`: the longest prefix, on whole UTF-8 characters, that fits (binary search; the layouts
// are cached, so a steady line costs look-ups only).
std::shared_ptr<const text::Paragraph> elideShaped(const std::string& text, float width) {
  const float size = ImGui::GetFontSize();
  auto p = LayoutDataLine(text, size, true);
  if (!p || p->width <= width) return p;
  auto boundary = [&](size_t n) {
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return n;
  };
  size_t lo = 0, hi = text.size();
  std::shared_ptr<const text::Paragraph> best = LayoutDataLine("...", size, true);
  while (lo + 1 < hi) {
    const size_t mid = boundary((lo + hi) / 2);
    if (mid <= lo) break;
    auto cut = LayoutDataLine(text.substr(0, mid) + "...", size, true);
    if (cut->width <= width) {
      lo = mid;
      best = std::move(cut);
    } else {
      hi = mid;
    }
  }
  return best;
}

// A data string in the status line: a left-to-right mark after one ImGui cannot draw keeps what
// follows ("  |  3 articles") out of its Arabic run.
std::string isolated(const std::string& s) { return ImGuiCanDraw(s) ? s : s + "\u200E"; }

}  // namespace

namespace {

// The status line in Arabic: the words right to left from the right edge, the frame time at the
// left.
void drawStatusBarRightToLeft(const ViewModel& model, const UiState& state, ImVec2 p0,
                              ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::string line;
  const std::string bar = "  |  ";
  if (!state.loading.corpus.empty()) {
    line.append(tr(Str::Loading)).append(" ").append(state.loading.corpus).append(": ");
    line.append(state.loading.step).append("...");
  } else {
    if (!state.loading.error.empty()) line.append(state.loading.error).append(bar);
    if (model.corpus) {
      line.append(model.corpusLabel).append("\u200F").append(bar);
      line.append(tr(Str::ArticlesCount))
          .append(": ")
          .append(uiNumber(static_cast<long>(model.corpus->articles.size())));
      if (model.firstPublished && model.lastPublished)
        line.append(bar)
            .append(tr(Str::From))
            .append(" ")
            .append(uiDate(*model.firstPublished))
            .append(" ")
            .append(tr(Str::To))
            .append(" ")
            .append(uiDate(*model.lastPublished));
      if (!model.corpus->diagnostics.empty())
        line.append(bar)
            .append(tr(Str::LoadWarnings))
            .append(": ")
            .append(uiNumber(static_cast<long>(model.corpus->diagnostics.size())));
    } else {
      line.append(tr(Str::NoCorpus));
    }
    if (state.date)
      line.append(bar).append(tr(Str::Showing)).append(" ").append(uiDate(*state.date));
    if (state.settings.filter.active()) line.append(bar).append(tr(Str::FiltersOnShort));
  }
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float textY = p0.y + (size.y - ImGui::GetTextLineHeight()) / 2;
  char fps[32];
  std::snprintf(fps, sizeof fps, "%.1f ms/frame", 1000.0f / ImGui::GetIO().Framerate);
  const float fpsW = ImGui::CalcTextSize(fps).x;
  float x0 = p0.x + pad, right = p0.x + size.x - pad;
  if (!state.loading.corpus.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(p0.x + size.x - pad - ImGui::GetFontSize() * 10, p0.y + 2));
    ImGui::ProgressBar(state.loading.fraction, ImVec2(ImGui::GetFontSize() * 10, size.y - 4));
    right -= ImGui::GetFontSize() * 10 + 2 * pad;
  } else if (size.x > fpsW + ImGui::GetFontSize() * 14) {
    dl->AddText(ImVec2(x0, textY), theme::kStatusBarText, fps);
    x0 += fpsW + 2 * pad;
  }
  const ImU32 ink = state.loading.error.empty() || !state.loading.corpus.empty()
                        ? theme::kStatusBarText
                        : IM_COL32(255, 150, 120, 255);
  if (TextRenderer* r = GetTextRenderer()) {
    if (const auto p = LayoutDataLine(line, ImGui::GetFontSize())) {
      dl->PushClipRect(ImVec2(x0, p0.y), ImVec2(right, p0.y + size.y), true);
      r->draw(dl, *p, ImVec2(right - p->width, p0.y + (size.y - p->height) / 2), ink);
      dl->PopClipRect();
    }
  }
  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(size);
}

}  // namespace

float statusBarHeight() {
  return ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y;
}

void drawStatusBar(const ViewModel& model, const UiState& state, ImVec2 size) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), theme::kStatusBarBackground);

  std::string line;
  if (arabicInterface()) {
    drawStatusBarRightToLeft(model, state, p0, size);
    return;
  }
  if (model.corpus) {
    line = isolated(model.corpusLabel) + "  |  " + std::to_string(model.corpus->articles.size()) +
           " articles";
    if (model.firstPublished && model.lastPublished)
      line += ", " + model.firstPublished->iso() + " to " + model.lastPublished->iso();
    if (!model.corpus->diagnostics.empty())
      line += "  |  " + std::to_string(model.corpus->diagnostics.size()) + " load warnings";
  } else {
    line = "No corpus";
  }
  if (state.date) line += "  |  showing " + state.date->iso();
  if (state.settings.filter.active()) line += "  |  filters on";
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float textY = p0.y + (size.y - ImGui::GetTextLineHeight()) / 2;
  float x = p0.x + pad;
  if (!state.loading.corpus.empty()) {
    // Loading off the UI thread: a progress bar with what the loader is doing.
    ImGui::SetCursorScreenPos(ImVec2(x, p0.y + 2));
    ImGui::ProgressBar(state.loading.fraction, ImVec2(ImGui::GetFontSize() * 10, size.y - 4));
    x += ImGui::GetFontSize() * 10 + 2 * pad;
    line = "Loading " + isolated(state.loading.corpus) + ": " + state.loading.step + "...";
  } else if (!state.loading.error.empty()) {
    line = isolated(state.loading.error) + "  |  " + line;
  }
  char fps[32];
  std::snprintf(fps, sizeof fps, "%.1f ms/frame", 1000.0f / ImGui::GetIO().Framerate);
  const float fpsW = ImGui::CalcTextSize(fps).x;
  // A narrow window: the frame time goes first, then the line is cut with an ellipsis.
  const bool showFps = size.x - (x - p0.x) - fpsW - 3 * pad > ImGui::GetFontSize() * 12;
  const float room = size.x - (x - p0.x) - pad - (showFps ? fpsW + 2 * pad : 0.0f);
  const ImU32 ink = state.loading.error.empty() || !state.loading.corpus.empty()
                        ? theme::kStatusBarText
                        : IM_COL32(255, 150, 120, 255);
  // The corpus label is a folder name and may be Arabic: then the line is shaped.
  if (TextRenderer* r = GetTextRenderer(); r && !ImGuiCanDraw(line)) {
    if (const auto p = elideShaped(line, room)) {
      const float y = p0.y + (size.y - p->height) / 2;
      r->draw(dl, *p, ImVec2(x, y), ink);
    }
  } else {
    dl->AddText(ImVec2(x, textY), ink, elide(line, room).c_str());
  }
  if (showFps) dl->AddText(ImVec2(p0.x + size.x - fpsW - pad, textY), theme::kStatusBarText, fps);
  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(size);
}

}  // namespace atlas::ui
