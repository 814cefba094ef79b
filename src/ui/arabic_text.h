// Shaped Arabic (and mixed) text in ImGui: paragraphs laid out by atlas::text and drawn as glyph
// quads from our own glyph-id atlas texture through the current window's draw list.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "text/paragraph.h"

namespace atlas::ui {

struct TextHighlight {
  size_t begin = 0, end = 0;  // source bytes
  ImU32 color = IM_COL32(255, 214, 0, 255);
};

// Owns the text engine and the atlas texture. With `gpu` false nothing touches GL (tests,
// benchmarks): glyph quads are still produced, with a null texture id.
class TextRenderer {
 public:
  // Needs a current GL context (glad loaded) when `gpu`. Returns nullptr with a readable *error
  // if no Arabic font is installed.
  static std::unique_ptr<TextRenderer> create(std::string* error,
                                              const std::string& arabicFont = "", bool gpu = true);
  ~TextRenderer();
  TextRenderer(const TextRenderer&) = delete;
  TextRenderer& operator=(const TextRenderer&) = delete;

  text::TextEngine& engine() { return *engine_; }
  ImTextureID texture() const;

  // Draws `p` with its top-left corner at `origin`: highlight rectangles first, then glyphs.
  void draw(ImDrawList* drawList, const text::Paragraph& p, ImVec2 origin, ImU32 color,
            std::span<const TextHighlight> highlights = {});
  // Sends new glyph bitmaps to the texture (draw() does this too).
  void flush();

 private:
  TextRenderer() = default;
  std::unique_ptr<text::TextEngine> engine_;
  std::unique_ptr<text::TextureSink> sink_;
  unsigned textureId_ = 0;
};

// The renderer the widgets below use (not owned).
void SetTextRenderer(TextRenderer* renderer);
TextRenderer* GetTextRenderer();

struct ArabicTextOptions {
  float size = 0;                         // pixels; 0: 1.25 × the current ImGui font size
  float width = 0;                        // wrap width; 0: the available content width
  text::Align align = text::Align::Auto;  // Auto: right-aligned if the text is RTL
  ImU32 color = 0;                        // 0: ImGuiCol_Text
  std::span<const TextHighlight> highlights = {};
};

struct ArabicTextResult {
  ImVec2 min, max;  // the item's screen rectangle
  bool hovered = false;
  size_t hoveredOffset = SIZE_MAX;                // byte under the mouse, if hovered
  bool clicked = false;                           // hovered and the left button was released on it
  std::shared_ptr<const text::Paragraph> layout;  // for range rectangles (null without fonts)
};

// A laid-out paragraph as one ImGui item (cached layout; nothing is reshaped frame to frame).
ArabicTextResult ArabicText(std::string_view text, const ArabicTextOptions& options = {});

// Strings that come from data (outlets, titles, file names, folder names, place names) may hold
// letters ImGui's Latin font lacks, which ImGui draws as its fallback '?'. These draw them with
// ImGui when its font has every character, else shaped by the text engine.

// True if the current ImGui font has a glyph for every character of `text` (false for invalid
// UTF-8 and for characters outside ImGui's 16-bit range).
bool ImGuiCanDraw(std::string_view text);

struct DataTextOptions {
  ImU32 color = 0;   // 0: ImGuiCol_Text
  float size = 0;    // shaped text in pixels; 0: 1.1 × the current ImGui font size
  bool wrap = true;  // wrap at the content edge (false: one line, e.g. in a tooltip)
  // Beside the previous item when it fits there, else on a line of its own.
  bool sameLine = false;
  // Shaped text: a left-to-right paragraph even if it starts with Arabic (an English sentence
  // that embeds a name keeps its word order).
  bool ltr = false;
};

// One data string as an ImGui item (see above).
ArabicTextResult DataText(std::string_view text, const DataTextOptions& options = {});

// The shaped layout DataText would use on one line (no wrapping); null without a renderer.
std::shared_ptr<const text::Paragraph> LayoutDataLine(std::string_view text, float size = 0,
                                                      bool ltr = false);

// A Selectable whose label is a data string (shaped when ImGui cannot draw it); the label's
// height sets the row's. Needs a unique ID on the stack (PushID) when the label is shaped.
bool DataSelectable(std::string_view label, bool selected, ImGuiSelectableFlags flags = 0);

}  // namespace atlas::ui
