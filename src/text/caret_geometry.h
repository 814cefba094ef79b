// Where an edit line's caret, selection and mouse hits are, from its laid-out Paragraph and the
// grapheme boundaries of its logical text (LineEdit). No ImGui.
//
// Caret rule (bidi): the caret at logical offset p is drawn at the TRAILING edge of the grapheme
// that ends at p, in that grapheme's own direction (its left edge if it is right-to-left, its
// right edge if left-to-right): "backward affinity". So the caret always sits right after the
// character just typed, whichever run it went into (Pango's strong cursor does the same for the
// keyboard's direction). At p = 0 it is at the leading edge of the first grapheme. At a bidi run
// boundary the two runs' edges are apart: typing "حلب " then "A" draws the caret left of the
// space (where the A appears), not at the far left of the later Latin run. A mouse click may
// ask for the other side (forward affinity: the leading edge of the grapheme that starts at p),
// so the caret shows where the user clicked; any key press returns to backward affinity.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/paragraph.h"

namespace atlas::text {

// The text a Paragraph should lay out for an edit line, and the byte mapping back. Line
// breaking drops trailing whitespace from a line, but a typed space must move the caret: trailing
// whitespace is shown as U+00A0 NO-BREAK SPACE (which UAX #9 resolves to the paragraph direction
// at the end of a line, as it does trailing spaces).
class EditLineText {
 public:
  explicit EditLineText(std::string_view logical);
  const std::string& display() const { return display_; }
  size_t toDisplay(size_t logical) const;
  size_t toLogical(size_t display) const;

 private:
  std::string display_;
  size_t trailing_ = 0;                // where the trailing whitespace starts (same in both)
  std::vector<size_t> trailingChars_;  // logical offsets of the characters replaced, then the end
};

struct CaretHit {
  size_t offset = 0;
  bool forward = false;  // the hit was on the leading edge of the grapheme that starts there
};

// `p` lays out `line.display()`; `graphemes` are the logical text's boundaries (0 … size).
// Positions are in the paragraph's coordinates.
class CaretGeometry {
 public:
  CaretGeometry(const Paragraph& p, const EditLineText& line, const std::vector<size_t>& graphemes);

  // The caret's x for logical offset `offset` (see the rule above).
  float caretX(size_t offset, bool forward = false) const;
  // The nearest caret position to x: the nearest edge of any grapheme.
  CaretHit hit(float x) const;
  // Highlight rectangles over the visual pieces of the logical range [begin, end).
  std::vector<Rect> rangeRects(size_t begin, size_t end) const;

 private:
  struct Extent {
    float x0 = 0, x1 = 0;
    bool rtl = false;
    bool drawn = false;  // false: no advance (a lone control or joiner)
  };
  Extent extent(size_t k) const;  // of grapheme k: [graphemes[k], graphemes[k + 1])

  const Paragraph& p_;
  const EditLineText& line_;
  const std::vector<size_t>& graphemes_;
};

}  // namespace atlas::text
