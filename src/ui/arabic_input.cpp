#include "ui/arabic_input.h"

#include <imgui_internal.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "text/caret_geometry.h"
#include "text/line_edit.h"
#include "ui/arabic_text.h"

namespace atlas::ui {

namespace {

struct InputState {
  text::LineEdit edit;
  std::string synced;     // the caller's text as we last saw or set it; another one is external
  float scroll = 0;       // the paragraph x shown at the inner left edge of the box
  bool forward = false;   // caret affinity (text/caret_geometry.h): set by clicks only
  float blink = 0;        // seconds since the caret last moved
  bool dragging = false;  // selecting with the mouse
  std::string label;
  int drawnFrame = -1;
  ArabicInputView view;
};

// Per ImGui ID. A handful of boxes exist; a state is small, so nothing is ever dropped.
std::unordered_map<ImGuiID, InputState> gStates;

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// Arrows move in LOGICAL order, mapped through the line's base direction: in a right-to-left
// line Left goes forward (towards the end of the text, which is leftwards through Arabic) and
// Right goes backward; in a left-to-right line Right goes forward. So in Arabic the caret follows
// the arrow; inside an embedded run of the other direction (digits or Latin in Arabic) it steps
// through that run against the arrow, one grapheme at a time, never skipping one, and Backspace
// and Delete always act on the neighbours the arrows reach. This is logical caret movement as in
// Windows edit controls and Firefox's bidi.edit.caret_movement_style = 0. Home and End go to the
// logical start and end (the right and left ends of a right-to-left line).
bool handleKeys(InputState& s, bool rtlLine, bool& moved) {
  const ImGuiIO& io = ImGui::GetIO();
  text::LineEdit& e = s.edit;
  using Step = text::LineEdit::Step;
  const Step step = io.KeyCtrl ? Step::Word : Step::Grapheme;
  const bool shift = io.KeyShift;
  bool changed = false;
  auto move = [&](bool forward, Step by) {
    if (forward)
      e.moveForward(by, shift);
    else
      e.moveBackward(by, shift);
    moved = true;
  };
  if (pressed(ImGuiKey_LeftArrow)) move(rtlLine, step);
  if (pressed(ImGuiKey_RightArrow)) move(!rtlLine, step);
  if (pressed(ImGuiKey_Home)) move(false, Step::Line);
  if (pressed(ImGuiKey_End)) move(true, Step::Line);

  const bool cut = (io.KeyCtrl && pressed(ImGuiKey_X)) || (shift && pressed(ImGuiKey_Delete));
  const bool copy = io.KeyCtrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_Insert));
  const bool paste = (io.KeyCtrl && pressed(ImGuiKey_V)) || (shift && pressed(ImGuiKey_Insert));
  if ((cut || copy) && e.hasSelection()) {
    ImGui::SetClipboardText(e.selectedText().c_str());
    if (cut) changed |= e.deleteBackward(Step::Grapheme);  // deletes the selection
  }
  if (paste)
    if (const char* clip = ImGui::GetClipboardText()) changed |= e.insert(clip);
  if (io.KeyCtrl && pressed(ImGuiKey_A)) {
    e.selectAll();
    moved = true;
  }
  if (pressed(ImGuiKey_Backspace)) changed |= e.deleteBackward(step);
  if (!cut && pressed(ImGuiKey_Delete)) changed |= e.deleteForward(step);
  return changed;
}

// The characters typed this frame, as UTF-8 (control characters dropped; Ctrl+letter types
// nothing, as in ImGui's own InputText).
std::string typedText() {
  ImGuiIO& io = ImGui::GetIO();
  std::string typed;
  if (!(io.KeyCtrl && !io.KeyAlt)) {
    for (const ImWchar c : io.InputQueueCharacters) {
      const auto cp = static_cast<UChar32>(c);
      if (cp < 0x20 || cp == 0x7F || U_IS_SURROGATE(cp)) continue;
      char buf[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, cp);
      typed.append(buf, static_cast<size_t>(n));
    }
  }
  io.InputQueueCharacters.resize(0);  // consumed
  return typed;
}

bool fallbackInput(const char* label, std::string& text, const ArabicInputOptions& options) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
  if (!ImGui::InputTextWithHint(label, options.hint ? options.hint : "", buffer, sizeof buffer))
    return false;
  text = buffer;
  return true;
}

// Focus like ImGui's InputText: a click inside takes it, a click outside or Escape gives it up.
bool updateFocus(ImGuiID id, bool hovered) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* window = g.CurrentWindow;
  if (hovered && g.IO.MouseClicked[0] && g.ActiveId != id) {
    ImGui::SetActiveID(id, window);
    ImGui::SetFocusID(id, window);
    ImGui::FocusWindow(window);
    g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
    g.ActiveIdUsingKeyInputMask |= (ImU64{1} << ImGuiKey_Home) | (ImU64{1} << ImGuiKey_End);
  }
  if (g.ActiveId == id && ((g.IO.MouseClicked[0] && !hovered) || pressed(ImGuiKey_Escape)))
    ImGui::ClearActiveID();
  if (g.ActiveId != id) return false;
  ImGui::KeepAliveID(id);
  g.ActiveIdAllowOverlap = !g.IO.MouseDown[0];
  // Keeps the app's shortcuts (timeline keys, map keys) quiet: from the next frame on through
  // ImGui, and now for the panels drawn after this one.
  g.WantTextInputNextFrame = 1;
  g.IO.WantTextInput = true;
  return true;
}

}  // namespace

bool ArabicInputText(const char* label, std::string& text, const ArabicInputOptions& options) {
  TextRenderer* renderer = GetTextRenderer();
  if (!renderer) return fallbackInput(label, text, options);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImGuiID id = window->GetID(label);
  InputState& s = gStates[id];
  s.label = label;
  if (text != s.synced) {  // changed by the caller (a Clear button, a selection)
    s.edit.setText(text);
    s.synced = text;
  }

  text::LayoutOptions lo;
  lo.size = options.size > 0 ? options.size : ImGui::GetFontSize() * 1.25f;
  lo.align = text::Align::Left;
  auto line = std::make_unique<text::EditLineText>(s.edit.text());
  auto p = renderer->engine().layoutCached(line->display(), lo);

  const ImVec2 pad = style.FramePadding;
  const float width = ImGui::CalcItemWidth();
  // The Arabic face's line box already has room above and below for harakat: no padding.
  const float height = std::max(ImGui::GetFrameHeight(), std::ceil(p->height + 2));
  const ImVec2 pos = window->DC.CursorPos;
  const ImRect frame(pos, ImVec2(pos.x + width, pos.y + height));
  ImGui::ItemSize(frame, pad.y);
  if (!ImGui::ItemAdd(frame, id)) return false;
  const bool hovered = ImGui::ItemHoverable(frame, id);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  const bool active = updateFocus(id, hovered);

  const float innerLeft = frame.Min.x + pad.x, innerWidth = std::max(1.0f, width - 2 * pad.x);
  bool changed = false, moved = false;
  if (active) {
    // Mouse, against what the previous frame showed.
    const text::CaretGeometry geometry(*p, *line, s.edit.graphemeBoundaries());
    const float mouseX = io.MousePos.x - (innerLeft - s.scroll);
    if (hovered && io.MouseClicked[0]) {
      if (io.MouseDoubleClicked[0]) {
        const size_t under = p->offsetAt(mouseX, p->height / 2);
        s.edit.selectWordAt(line->toLogical(under));
      } else {
        const text::CaretHit hit = geometry.hit(mouseX);
        s.edit.setCaret(hit.offset, io.KeyShift);
        s.forward = hit.forward;
        s.dragging = true;
      }
      s.blink = 0;
    } else if (s.dragging && io.MouseDown[0]) {
      const text::CaretHit hit = geometry.hit(mouseX);
      s.edit.setCaret(hit.offset, true);
      s.forward = hit.forward;
    }
    changed = handleKeys(s, p->rtl, moved);
    if (const std::string typed = typedText(); !typed.empty()) changed |= s.edit.insert(typed);
    if (changed || moved) {
      s.forward = false;
      s.blink = 0;
    }
    s.blink += io.DeltaTime;
  }
  if (!io.MouseDown[0] || !active) s.dragging = false;
  if (changed) {
    text = s.edit.text();
    s.synced = text;
    line = std::make_unique<text::EditLineText>(s.edit.text());
    p = renderer->engine().layoutCached(line->display(), lo);
  }

  // Scroll: a line that fits is aligned to its start side; a longer one keeps the caret in view.
  const text::CaretGeometry geometry(*p, *line, s.edit.graphemeBoundaries());
  const float caretX = geometry.caretX(s.edit.caret(), s.forward);
  if (p->width <= innerWidth) {
    s.scroll = p->rtl ? p->width - innerWidth : 0;
  } else {
    s.scroll = std::clamp(s.scroll, 0.0f, p->width - innerWidth);
    if (caretX < s.scroll) s.scroll = caretX;
    if (caretX > s.scroll + innerWidth - 1) s.scroll = caretX - innerWidth + 1;
  }

  // One background whatever the state, as ImGui's InputText (the selection must show on it).
  ImGui::RenderFrame(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true,
                     style.FrameRounding);
  ImDrawList* dl = window->DrawList;
  ImGui::PushClipRect(ImVec2(innerLeft - 1, frame.Min.y),
                      ImVec2(innerLeft + innerWidth + 1, frame.Max.y), true);
  const ImVec2 origin(std::floor(innerLeft - s.scroll), frame.Min.y + (height - p->height) / 2);
  if (active && s.edit.hasSelection()) {
    const ImU32 c = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    for (const text::Rect& r : geometry.rangeRects(s.edit.selectionBegin(), s.edit.selectionEnd()))
      dl->AddRectFilled(ImVec2(origin.x + r.x0, origin.y + r.y0),
                        ImVec2(origin.x + r.x1, origin.y + r.y1), c);
  }
  renderer->draw(dl, *p, origin, ImGui::GetColorU32(ImGuiCol_Text));
  if (s.edit.text().empty() && options.hint) {
    if (ImGuiCanDraw(options.hint)) {
      dl->AddText(ImVec2(innerLeft, frame.Min.y + (height - ImGui::GetFontSize()) / 2),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), options.hint);
    } else {  // an Arabic hint (the Arabic interface): shaped, at the reading edge
      text::LayoutOptions hl;
      hl.size = ImGui::GetFontSize();
      auto hint = renderer->engine().layoutCached(options.hint, hl);
      renderer->draw(
          dl, *hint,
          ImVec2(innerLeft + innerWidth - hint->width, frame.Min.y + (height - hint->height) / 2),
          ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
  }
  const float caretScreenX = std::floor(origin.x + caretX);
  const bool caretOn = !io.ConfigInputTextCursorBlink || std::fmod(s.blink, 1.2f) <= 0.8f;
  if (active && caretOn) {
    const float top = origin.y + p->height * 0.12f, bottom = origin.y + p->height * 0.88f;
    dl->AddRectFilled(ImVec2(caretScreenX, top), ImVec2(caretScreenX + 1, bottom),
                      ImGui::GetColorU32(ImGuiCol_Text));
  }
  ImGui::PopClipRect();
  if (active) GImGui->PlatformImePos = ImVec2(caretScreenX - 1, frame.Min.y);

  s.drawnFrame = ImGui::GetFrameCount();
  s.view = {frame.Min, frame.Max, active, caretScreenX, s.edit.caret(), s.edit.anchor()};
  return changed;
}

const ArabicInputView* FindArabicInput(std::string_view label) {
  const InputState* best = nullptr;
  for (const auto& [id, s] : gStates)
    if (s.label == label && (!best || s.drawnFrame > best->drawnFrame)) best = &s;
  return best ? &best->view : nullptr;
}

}  // namespace atlas::ui
