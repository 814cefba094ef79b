#include "text/caret_geometry.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

namespace atlas::text {

EditLineText::EditLineText(std::string_view logical) {
  // Find the trailing whitespace (u_isWhitespace, as the line breaker trims).
  const auto* s = reinterpret_cast<const uint8_t*>(logical.data());
  auto n = static_cast<int32_t>(logical.size());
  int32_t end = n;
  while (end > 0) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(s, 0, i, c);
    if (c < 0 || !u_isWhitespace(c)) break;
    end = i;
  }
  trailing_ = static_cast<size_t>(end);
  display_.assign(logical.substr(0, trailing_));
  for (int32_t i = end; i < n;) {
    trailingChars_.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(s, i, n, c);
    display_ += "\u00A0";
  }
  trailingChars_.push_back(logical.size());
}

size_t EditLineText::toDisplay(size_t logical) const {
  if (logical <= trailing_) return logical;
  const auto k = std::lower_bound(trailingChars_.begin(), trailingChars_.end(), logical) -
                 trailingChars_.begin();
  return trailing_ + 2 * static_cast<size_t>(k);  // U+00A0 is two bytes
}

size_t EditLineText::toLogical(size_t display) const {
  if (display <= trailing_) return display;
  const size_t k = std::min((display - trailing_) / 2, trailingChars_.size() - 1);
  return trailingChars_[k];
}

CaretGeometry::CaretGeometry(const Paragraph& p, const EditLineText& line,
                             const std::vector<size_t>& graphemes)
    : p_(p), line_(line), graphemes_(graphemes) {}

CaretGeometry::Extent CaretGeometry::extent(size_t k) const {
  Extent e;
  const size_t b = line_.toDisplay(graphemes_[k]), end = line_.toDisplay(graphemes_[k + 1]);
  for (const Rect& r : p_.rangeRects(b, end)) {
    e.x0 = e.drawn ? std::min(e.x0, r.x0) : r.x0;
    e.x1 = e.drawn ? std::max(e.x1, r.x1) : r.x1;
    e.drawn = true;
  }
  e.rtl = p_.rtl;
  for (const Glyph& g : p_.glyphs)
    if (g.byteBegin <= b && b < g.byteEnd) {
      e.rtl = g.rtl;
      break;
    }
  return e;
}

float CaretGeometry::caretX(size_t offset, bool forward) const {
  const size_t count = graphemes_.size() - 1;  // graphemes
  auto at = static_cast<size_t>(std::lower_bound(graphemes_.begin(), graphemes_.end(), offset) -
                                graphemes_.begin());
  if (at > count) at = count;
  auto leading = [&](float& x) {  // of the first drawn grapheme at or after `at`
    for (size_t k = at; k < count; ++k)
      if (const Extent e = extent(k); e.drawn) {
        x = e.rtl ? e.x1 : e.x0;
        return true;
      }
    return false;
  };
  auto trailing = [&](float& x) {  // of the last drawn grapheme before `at`
    for (size_t k = at; k-- > 0;)
      if (const Extent e = extent(k); e.drawn) {
        x = e.rtl ? e.x0 : e.x1;
        return true;
      }
    return false;
  };
  float x = 0;
  if (forward && leading(x)) return x;
  if (trailing(x) || leading(x)) return x;
  return p_.rtl ? p_.width : 0;
}

CaretHit CaretGeometry::hit(float x) const {
  CaretHit best;
  float bestDistance = INFINITY;
  auto consider = [&](float edge, size_t offset, bool forward) {
    const float d = std::fabs(edge - x);
    if (d < bestDistance) {
      bestDistance = d;
      best = {offset, forward};
    }
  };
  for (size_t k = 0; k + 1 < graphemes_.size(); ++k) {
    const Extent e = extent(k);
    if (!e.drawn) continue;
    // The edge a reader meets first belongs to the grapheme's start.
    consider(e.rtl ? e.x1 : e.x0, graphemes_[k], true);
    consider(e.rtl ? e.x0 : e.x1, graphemes_[k + 1], false);
  }
  return best;
}

std::vector<Rect> CaretGeometry::rangeRects(size_t begin, size_t end) const {
  return p_.rangeRects(line_.toDisplay(begin), line_.toDisplay(end));
}

}  // namespace atlas::text
