// Arabic normalisation for matching, with a map back to the original bytes.
// Drops tashkeel, tatweel, bidi controls and BOM; folds أ إ آ ٱ → ا, ة → ه, ى → ي; turns
// Arabic-Indic digits into ASCII. The original text is never changed: every folded character
// remembers the byte range it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

// 0 when the character is dropped, else its folded form. Inline: it runs for every character.
inline char32_t foldChar(char32_t c) {
  if (c < 0x80) return c;
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
      return 0x064A;
    case 0x00A0:  // no-break space
      return ' ';
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Extended (Persian) digits
  return c;
}

inline bool isWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0x0621 && c <= 0x064A) return true;  // Arabic letters
  if (c >= 0x0660 && c <= 0x0669) return true;
  if (c >= 0x0671 && c <= 0x06D3) return true;  // extended Arabic letters
  if (c >= 0x06F0 && c <= 0x06FF) return true;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return true;  // Latin letters
  return false;
}

inline bool isSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x2009 ||
         c == 0x202F || c == 0x3000;
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
