#include "text/line_edit.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace atlas::text {

// Break iterators on the UTF-8 bytes through UText, so every boundary is a byte offset. Opening
// an iterator costs microseconds: they live as long as the editor.
struct LineEdit::Icu {
  UBreakIterator* characters = nullptr;
  UBreakIterator* words = nullptr;
  UText* utext = nullptr;
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    characters = ubrk_open(UBRK_CHARACTER, "ar", nullptr, 0, &status);
    status = U_ZERO_ERROR;
    words = ubrk_open(UBRK_WORD, "ar", nullptr, 0, &status);
  }
  ~Icu() {
    if (characters) ubrk_close(characters);
    if (words) ubrk_close(words);
    if (utext) utext_close(utext);
  }
  Icu(const Icu&) = delete;
  Icu& operator=(const Icu&) = delete;
};

namespace {

bool isLineBreak(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

void append(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

}  // namespace

LineEdit::LineEdit(std::string_view text) : icu_(std::make_unique<Icu>()) { setText(text); }
LineEdit::~LineEdit() = default;
LineEdit::LineEdit(LineEdit&&) noexcept = default;
LineEdit& LineEdit::operator=(LineEdit&&) noexcept = default;

std::string LineEdit::oneLine(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  bool pendingBreak = false;  // a line break seen since the last character kept
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (isLineBreak(c)) {
      // The break swallows the spaces before it...
      while (!out.empty() && out.back() == ' ') out.pop_back();
      pendingBreak = true;
      continue;
    }
    if (c == '\t') c = ' ';
    if (c == ' ' && pendingBreak) continue;  // ...and after it.
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;
    if (pendingBreak && !out.empty()) out += ' ';
    pendingBreak = false;
    append(out, c);
  }
  return out;
}

void LineEdit::analyse() {
  graphemes_.clear();
  words_.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu_->utext =
      utext_openUTF8(icu_->utext, text_.data(), static_cast<int64_t>(text_.size()), &status);
  if (U_SUCCESS(status) && icu_->characters && icu_->words) {
    ubrk_setUText(icu_->characters, icu_->utext, &status);
    ubrk_setUText(icu_->words, icu_->utext, &status);
  }
  if (U_FAILURE(status) || !icu_->characters || !icu_->words) {
    // No ICU data: every byte that starts a code point is a boundary, nothing is a word.
    for (size_t i = 0; i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) graphemes_.push_back(i);
    graphemes_.push_back(text_.size());
    return;
  }
  for (int32_t b = ubrk_first(icu_->characters); b != UBRK_DONE; b = ubrk_next(icu_->characters))
    graphemes_.push_back(static_cast<size_t>(b));
  int32_t start = ubrk_first(icu_->words);
  for (int32_t b = ubrk_next(icu_->words); b != UBRK_DONE; b = ubrk_next(icu_->words)) {
    // The rule status belongs to the segment that ends at the boundary.
    const bool word = ubrk_getRuleStatus(icu_->words) != UBRK_WORD_NONE;
    words_.push_back({static_cast<size_t>(start), static_cast<size_t>(b), word});
    start = b;
  }
  if (graphemes_.empty()) graphemes_.push_back(0);
}

void LineEdit::setText(std::string_view text) {
  text_ = oneLine(text);
  analyse();
  caret_ = anchor_ = text_.size();
}

std::string LineEdit::selectedText() const {
  return text_.substr(selectionBegin(), selectionEnd() - selectionBegin());
}

size_t LineEdit::nextGrapheme(size_t offset) const {
  const auto it = std::upper_bound(graphemes_.begin(), graphemes_.end(), offset);
  return it == graphemes_.end() ? text_.size() : *it;
}

size_t LineEdit::previousGrapheme(size_t offset) const {
  const auto it = std::lower_bound(graphemes_.begin(), graphemes_.end(), offset);
  return it == graphemes_.begin() ? 0 : *(it - 1);
}

size_t LineEdit::nextWordEnd(size_t offset) const {
  for (const Segment& s : words_)
    if (s.word && s.end > offset) return s.end;
  return text_.size();
}

size_t LineEdit::previousWordStart(size_t offset) const {
  for (auto it = words_.rbegin(); it != words_.rend(); ++it)
    if (it->word && it->begin < offset) return it->begin;
  return 0;
}

size_t LineEdit::stepFrom(size_t offset, Step step, bool forward) const {
  switch (step) {
    case Step::Grapheme:
      return forward ? nextGrapheme(offset) : previousGrapheme(offset);
    case Step::Word:
      return forward ? nextWordEnd(offset) : previousWordStart(offset);
    case Step::Line:
      break;
  }
  return forward ? text_.size() : 0;
}

void LineEdit::moveForward(Step step, bool extend) {
  if (!extend && hasSelection() && step == Step::Grapheme)
    caret_ = selectionEnd();
  else
    caret_ = stepFrom(caret_, step, true);
  if (!extend) anchor_ = caret_;
}

void LineEdit::moveBackward(Step step, bool extend) {
  if (!extend && hasSelection() && step == Step::Grapheme)
    caret_ = selectionBegin();
  else
    caret_ = stepFrom(caret_, step, false);
  if (!extend) anchor_ = caret_;
}

void LineEdit::setCaret(size_t offset, bool extend) {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(graphemes_.begin(), graphemes_.end(), offset);
  caret_ = it == graphemes_.begin() ? 0 : *(it - 1);
  if (!extend) anchor_ = caret_;
}

void LineEdit::selectAll() {
  anchor_ = 0;
  caret_ = text_.size();
}

void LineEdit::selectWordAt(size_t offset) {
  for (const Segment& s : words_)
    if (offset >= s.begin && offset < s.end) {
      anchor_ = s.begin;
      caret_ = s.end;
      return;
    }
  setCaret(offset, false);
}

void LineEdit::replace(size_t begin, size_t end, std::string_view with) {
  text_.replace(begin, end - begin, with);
  analyse();
  caret_ = anchor_ = begin + with.size();
}

bool LineEdit::insert(std::string_view utf8) {
  const std::string line = oneLine(utf8);
  if (line.empty() && !hasSelection()) return false;
  replace(selectionBegin(), selectionEnd(), line);
  return true;
}

bool LineEdit::deleteBackward(Step step) {
  if (hasSelection()) return insert({});
  const size_t from = stepFrom(caret_, step, false);
  if (from == caret_) return false;
  replace(from, caret_, {});
  return true;
}

bool LineEdit::deleteForward(Step step) {
  if (hasSelection()) return insert({});
  const size_t to = stepFrom(caret_, step, true);
  if (to == caret_) return false;
  replace(caret_, to, {});
  return true;
}

}  // namespace atlas::text
