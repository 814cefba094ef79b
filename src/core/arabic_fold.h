// Arabic normalisation for matching, with a map back to the original bytes.
// Drops tashkeel, tatweel, bidi controls and BOM; folds أ إ آ ٱ → ا, ة → ه, ى → ي; turns
// Arabic-Indic digits into ASCII. The original text is never changed: every folded character
// remembers the byte range it came from.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace atlas {

// 0 when the character is dropped, else its folded form. Inline: it runs for every character.
constexpr char32_t foldChar(char32_t c) {
  // "#دوار_الليرمون": a hashtag is its words (the mark and the underscores stand for spaces).
  if (c < 0x80) return c == '_' || c == '#' ? ' ' : c;
  // Tashkeel (fathatan .. sukun), superscript alef, Quranic marks, tatweel.
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640)
    return 0;
  // Bidi controls, zero-width joiners, BOM.
  if (c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF)
    return 0;
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0629:  // ة
      return 0x0647;
    case 0x0649:  // ى
    case 0x06CC:  // ی Farsi yeh: Arabic copied through Persian-keyboard sites ("علی")
    case 0x06D2:  // ے yeh barree
      return 0x064A;
    case 0x06A9:  // ک keheh (Persian kaf): "کرم الطراب"
      return 0x0643;
    case 0x00A0:  // no-break space
      return ' ';
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Extended (Persian) digits
  return c;
}

constexpr bool isWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0x0621 && c <= 0x064A) return true;  // Arabic letters
  if (c >= 0x0660 && c <= 0x0669) return true;
  if (c >= 0x0671 && c <= 0x06D3) return true;  // extended Arabic letters
  if (c >= 0x06F0 && c <= 0x06FF) return true;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return true;  // Latin letters
  return false;
}

constexpr bool isSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x2009 ||
         c == 0x202F || c == 0x3000;
}

// A quotation mark, which may stand in a name's space: "ضاحية “الأسد”", "حاجز \"الصورة\"".
constexpr bool isQuoteChar(char32_t c) {
  return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB' ||
         c == U'\u2018' || c == U'\u2019';
}

// Skips what stands in one space of a name: a run of white space with at most two quotation
// marks in it (at least one character). Returns the position after it, or `i` if none.
inline uint32_t skipNameSpace(std::u32string_view text, uint32_t i) {
  int quotes = 0;
  while (i < text.size() && (isSpaceChar(text[i]) || (isQuoteChar(text[i]) && quotes < 2)))
    quotes += isQuoteChar(text[i++]) ? 1 : 0;
  return i;
}

namespace fold_detail {
// foldChar of every code point below U+0800 (ASCII and the two-byte UTF-8 forms: Arabic, and
// nearly every character of Arabic news), built at compile time: one read instead of branches.
constexpr std::array<uint16_t, 0x800> lowFoldTable() {
  std::array<uint16_t, 0x800> t{};
  for (char32_t c = 0; c < 0x800; ++c) t[c] = static_cast<uint16_t>(foldChar(c));
  return t;
}
inline constexpr std::array<uint16_t, 0x800> kLowFold = lowFoldTable();
constexpr std::array<bool, 0x800> lowWordTable() {
  std::array<bool, 0x800> t{};
  for (char32_t c = 0; c < 0x800; ++c) t[c] = isWordChar(c);
  return t;
}
inline constexpr std::array<bool, 0x800> kLowWord = lowWordTable();
}  // namespace fold_detail

// isWordChar with a table for the common characters (tokenizing asks it of every character).
inline bool isWordCharFast(char32_t c) {
  return c < 0x800 ? fold_detail::kLowWord[c] : isWordChar(c);
}

// Decodes the character at text[i], whose first byte is not ASCII, advancing i exactly as
// utf8::next does, and folds it (0: dropped). Two-byte forms take the table.
inline char32_t foldMultiByte(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return fold_detail::kLowFold[((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)];
    }
  }
  return foldChar(utf8::next(text, i));
}

struct FoldedText {
  std::u32string chars;         // folded characters
  std::vector<uint32_t> start;  // start[i]: byte offset in the original of chars[i]
  uint32_t endOffset = 0;       // byte offset just past the folded range in the original

  // Original byte range of folded characters [from, to): includes marks after the last one.
  uint32_t originalStart(size_t from) const { return start[from]; }
  uint32_t originalEnd(size_t to) const { return to < start.size() ? start[to] : endOffset; }
  void clear() {
    chars.clear();
    start.clear();
    endOffset = 0;
  }
};

// Folds text[begin, end) (byte offsets into `text`), appending to `out` (cleared first).
void foldRange(std::string_view text, uint32_t begin, uint32_t end, FoldedText& out);

// Folds a whole string for comparisons (gazetteer names, search boxes): no offsets.
std::u32string foldString(std::string_view text);
std::string toUtf8(std::u32string_view s);

}  // namespace atlas
