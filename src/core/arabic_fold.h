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

// 0 when the character is dropped, else its folded form.
char32_t foldChar(char32_t c);

// Letters and digits of any script: what words are made of. Marks are not (they are dropped).
bool isWordChar(char32_t c);
bool isSpaceChar(char32_t c);

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
