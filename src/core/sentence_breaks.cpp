#include "core/sentence_breaks.h"

#include <unicode/uchar.h>

#include <array>

#include "core/utf8.h"

namespace atlas {

namespace {

// The sentence break classes (ICU's USentenceBreak values), and one for the start of the text.
constexpr uint8_t kOther = U_SB_OTHER, kATerm = U_SB_ATERM, kClose = U_SB_CLOSE,
                  kFormat = U_SB_FORMAT, kLower = U_SB_LOWER, kNumeric = U_SB_NUMERIC,
                  kOLetter = U_SB_OLETTER, kSep = U_SB_SEP, kSp = U_SB_SP, kSTerm = U_SB_STERM,
                  kUpper = U_SB_UPPER, kCR = U_SB_CR, kExtend = U_SB_EXTEND, kLF = U_SB_LF,
                  kSContinue = U_SB_SCONTINUE, kStart = 31;
static_assert(U_SB_COUNT <= 31, "the classes are bits of a 32-bit mask");

constexpr uint32_t bit(uint8_t c) { return uint32_t{1} << c; }
constexpr uint32_t kParaSep = bit(kSep) | bit(kCR) | bit(kLF);
constexpr uint32_t kTerm = bit(kATerm) | bit(kSTerm);
constexpr uint32_t kExtendFormat = bit(kExtend) | bit(kFormat);
// Characters the scan stops at; anything else just becomes the last unit's class.
constexpr uint32_t kSpecial = kParaSep | kTerm | kExtendFormat;
// What ends the look-ahead of SB8 (a lower-case letter after it keeps "e.g. this" together).
constexpr uint32_t kLetterOrEnd = bit(kOLetter) | bit(kUpper) | bit(kLower) | kParaSep | kTerm;

bool in(uint32_t mask, uint8_t c) { return (mask >> c) & 1; }

// The class of every code point below U+0800 (ASCII and two-byte UTF-8: nearly all of Arabic
// text), from ICU once.
const std::array<uint8_t, 0x800>& lowClasses() {
  static const std::array<uint8_t, 0x800> table = [] {
    std::array<uint8_t, 0x800> t{};
    for (UChar32 c = 0; c < 0x800; ++c)
      t[c] = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    return t;
  }();
  return table;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text), low_(lowClasses().data()) {}

  size_t size() const { return text_.size(); }

  // The class of the character at i; `next` is where the next one starts.
  uint8_t classAt(size_t i, size_t& next) const {
    const auto b0 = static_cast<unsigned char>(text_[i]);
    if (b0 < 0x80) {
      next = i + 1;
      return low_[b0];
    }
    if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < text_.size()) {
      const auto b1 = static_cast<unsigned char>(text_[i + 1]);
      if ((b1 & 0xC0) == 0x80) {
        next = i + 2;
        return low_[((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)];
      }
    }
    next = i;
    const char32_t c = utf8::next(text_, next);
    return c < 0x800 ? low_[c]
                     : static_cast<uint8_t>(
                           u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
  }

  // The unit at i (SB3, SB5): a line break (CR LF together), or a character with the Extend and
  // Format characters after it. Its class; `end` is where it ends.
  uint8_t unitAt(size_t i, size_t& end) const {
    const uint8_t c = classAt(i, end);
    if (c == kCR) {
      if (end < text_.size() && text_[end] == '\n') ++end;
      return c;
    }
    if (in(kParaSep, c)) return c;
    for (size_t next = 0; end < text_.size() && in(kExtendFormat, classAt(end, next));) end = next;
    return c;
  }

 private:
  std::string_view text_;
  const uint8_t* low_;
};

// SB8: from `at`, a lower-case letter comes before any other letter, terminator or line break.
bool lowerFollows(const Reader& r, size_t at) {
  for (size_t end = 0; at < r.size(); at = end) {
    const uint8_t u = r.unitAt(at, end);
    if (in(kLetterOrEnd, u)) return u == kLower;
  }
  return false;
}

// After the terminator (class `term`) at `at`, whose unit before was of class `before`: where
// the scan goes on, the class of the unit before that, and the break, if any, in `out`.
size_t afterTerminator(const Reader& r, size_t at, uint8_t term, uint8_t before,
                       std::vector<uint32_t>& out, uint8_t& last) {
  const size_t n = r.size();
  size_t q = 0, end = 0;
  r.unitAt(at, q);
  last = term;
  if (q >= n) return n;  // SB2
  uint8_t v = r.unitAt(q, end);
  // SB6 "3.5", SB7 "U.S.": no break; the next unit is read as any other.
  if (term == kATerm && (v == kNumeric || (v == kUpper && (before == kUpper || before == kLower))))
    return q;
  // SB9, SB10: the closing punctuation and spaces stay with the sentence.
  while (v == kClose) {
    last = v;
    q = end;
    if (q >= n) return n;
    v = r.unitAt(q, end);
  }
  while (v == kSp) {
    last = v;
    q = end;
    if (q >= n) return n;
    v = r.unitAt(q, end);
  }
  if (in(kParaSep, v)) {  // SB11: the line break too, then the break (SB4)
    out.push_back(static_cast<uint32_t>(end));
    last = v;
    return end;
  }
  // Two or more full stops before a word ("X.. Y", "X... Y") join a headline's parts or trail
  // off mid-sentence in Arabic news: no break (UAX #29 would break after the last one).
  if (term == kATerm && before == kATerm) return q;
  // SB8 "etc. and", SB8a "?!" and ", ...": no break; SB11 otherwise.
  if ((term == kATerm && lowerFollows(r, q)) || v == kSContinue || v == kSTerm || v == kATerm)
    return q;
  out.push_back(static_cast<uint32_t>(q));
  return q;
}

}  // namespace

void findSentenceBreaks(std::string_view text, std::vector<uint32_t>& out) {
  out.clear();
  out.push_back(0);
  const Reader r(text);
  const size_t n = text.size();
  uint8_t last = kStart;  // the class of the last unit (its Extend and Format characters aside)
  const uint8_t* low = lowClasses().data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0, next = 0; i < n; i = next) {
    // ASCII and two-byte characters (Arabic and its spaces alternate every few characters)
    // decoded without a branch between the two, which would mispredict at every word.
    uint8_t c;
    if (i + 1 < n) {
      const unsigned b0 = bytes[i], b1 = bytes[i + 1];
      const bool ascii = b0 < 0x80;
      const bool two = b0 - 0xC2u < 0x1Eu && (b1 & 0xC0u) == 0x80u;
      if (ascii | two) {
        const unsigned asciiMask = 0u - static_cast<unsigned>(ascii);
        c = low[(b0 & asciiMask) | ((((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)) & ~asciiMask)];
        next = i + 1 + two;
      } else {
        c = r.classAt(i, next);
      }
    } else {
      c = r.classAt(i, next);
    }
    if (!in(kSpecial, c)) {
      last = c;
    } else if (in(kExtendFormat, c)) {  // SB5: part of the unit before, unless none can take it
      if (last == kStart || in(kParaSep, last)) last = c;
    } else if (in(kParaSep, c)) {  // SB3, SB4
      if (c == kCR && next < n && text[next] == '\n') ++next;
      out.push_back(static_cast<uint32_t>(next));
      last = c;
    } else {
      next = afterTerminator(r, i, c, last, out, last);
    }
  }
  if (out.back() != n) out.push_back(static_cast<uint32_t>(n));
}

}  // namespace atlas
