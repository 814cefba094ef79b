// A single-line text box that shows Arabic joined and right to left as it is typed: the line is
// laid out by our TextEngine (bidi + HarfBuzz) and edited by text::LineEdit in logical order.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace atlas::ui {

struct ArabicInputOptions {
  const char* hint = nullptr;  // shown (ImGui's font, disabled colour) while the text is empty
  float size = 0;              // glyph size in pixels; 0: 1.25 × the ImGui font size (ArabicText)
};

// Keys: typing; Backspace/Delete (a grapheme, Ctrl: a word, or the selection); Left/Right (a
// grapheme, Ctrl: a word; see arabic_input.cpp for which way); Home/End; Shift with any move
// extends the selection; Ctrl+A/C/X/V; Escape leaves the box. Mouse: click places the caret
// (Shift+click extends), drag selects, double-click selects a word. The width is ImGui's item
// width (SetNextItemWidth). Edits `text` in place and returns true when it changed. Without a
// TextRenderer (no Arabic font) falls back to ImGui::InputTextWithHint.
bool ArabicInputText(const char* label, std::string& text, const ArabicInputOptions& options = {});

// What the last frame drew for the box with this label (tests and screenshots use it to click
// into it and check pixels). Null if no box of that label was drawn.
struct ArabicInputView {
  ImVec2 min, max;  // the frame on screen
  bool focused = false;
  float caretX = 0;  // on screen
  size_t caret = 0, anchor = 0;
};
const ArabicInputView* FindArabicInput(std::string_view label);

}  // namespace atlas::ui
