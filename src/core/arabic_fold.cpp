#include "core/arabic_fold.h"

namespace atlas {

void foldRange(std::string_view text, uint32_t begin, uint32_t end, FoldedText& out) {
  // At most one character per byte: sized once and written through pointers (no per-character
  // capacity checks), then cut to what was written.
  const std::size_t most = end > begin ? end - begin : 0;
  out.chars.resize(most);
  out.start.resize(most);
  char32_t* chars = out.chars.data();
  uint32_t* starts = out.start.data();
  std::size_t n = 0;
  std::size_t i = begin;
  while (i < end) {
    const auto at = static_cast<uint32_t>(i);
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      ++i;
      c = b == '_' || b == '#' ? U' ' : b;  // (foldChar's ASCII case, inline)
    } else {
      c = foldMultiByte(text, i);
      if (c == 0) continue;
    }
    chars[n] = c;
    starts[n] = at;
    ++n;
  }
  out.chars.resize(n);
  out.start.resize(n);
  out.endOffset = end;
}

std::u32string foldString(std::string_view text) {
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  return f.chars;
}

std::string toUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

}  // namespace atlas
