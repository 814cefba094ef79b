#include "core/arabic_fold.h"

#include "core/utf8.h"

namespace atlas {

char32_t foldChar(char32_t c) {
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

bool isWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0x0621 && c <= 0x064A) return true;  // Arabic letters
  if (c >= 0x0660 && c <= 0x0669) return true;
  if (c >= 0x0671 && c <= 0x06D3) return true;  // extended Arabic letters
  if (c >= 0x06F0 && c <= 0x06FF) return true;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return true;  // Latin letters
  return false;
}

bool isSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x2009 ||
         c == 0x202F || c == 0x3000;
}

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
