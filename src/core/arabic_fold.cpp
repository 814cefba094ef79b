#include "core/arabic_fold.h"

#include "core/utf8.h"

namespace atlas {

void foldRange(std::string_view text, uint32_t begin, uint32_t end, FoldedText& out) {
  out.clear();
  out.chars.reserve((end - begin) / 2 + 1);
  out.start.reserve((end - begin) / 2 + 1);
  std::size_t i = begin;
  while (i < end) {
    const auto at = static_cast<uint32_t>(i);
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      ++i;
      c = b;
    } else {
      c = foldChar(utf8::next(text, i));
      if (c == 0) continue;
    }
    out.chars.push_back(c);
    out.start.push_back(at);
  }
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
