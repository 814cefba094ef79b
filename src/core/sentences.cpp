#include "core/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <cstring>
#include <mutex>

#include "core/arabic_fold.h"
#include "core/sentence_breaks.h"
#include "core/utf8.h"

namespace atlas {

namespace {

// Opening an ICU break iterator costs microseconds (it loads rules); cloning a prototype is
// cheap. One prototype per process, one clone per splitter.
icu::BreakIterator* prototype() {
  static std::once_flag once;
  static std::unique_ptr<icu::BreakIterator> proto;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    proto.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ar"), status));
    if (U_FAILURE(status)) proto.reset();
  });
  return proto.get();
}

bool isSpaceAt(std::string_view text, uint32_t i, uint32_t& next) {
  std::size_t j = i;
  const char32_t c = utf8::next(text, j);
  next = static_cast<uint32_t>(j);
  return isSpaceChar(c) || foldChar(c) == 0;  // spaces, and invisible controls between sentences
}

// The one rule split() adds to UAX #29 (see sentence_breaks.cpp): no break after two or more
// full stops ("X.. Y") unless a paragraph ends there. Read here with ICU's own classes: walk back
// from the break over spaces, closing marks, Extend and Format to the terminator, and ask whether
// another full stop (skipping Extend and Format) stands before it.
bool afterTwoFullStops(std::string_view text, uint32_t at) {
  auto classBefore = [&](size_t& i) {
    while (i > 0) {
      size_t start = i - 1;
      while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      size_t j = start;
      const char32_t c = utf8::next(text, j);
      i = start;
      const auto cls = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK);
      if (cls == U_SB_EXTEND || cls == U_SB_FORMAT) continue;
      return static_cast<int>(cls);
    }
    return -1;
  };
  size_t i = at;
  int cls = classBefore(i);
  if (cls == U_SB_SEP || cls == U_SB_CR || cls == U_SB_LF) return false;
  while (cls == U_SB_SP) cls = classBefore(i);
  while (cls == U_SB_CLOSE) cls = classBefore(i);
  return cls == U_SB_ATERM && classBefore(i) == U_SB_ATERM;
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  if (icu::BreakIterator* p = prototype()) iterator_.reset(p->clone());
}

SentenceSplitter::~SentenceSplitter() = default;

namespace {

// The sentences between consecutive boundaries, trimmed, with their paragraphs.
void spansFromBreaks(std::string_view text, const std::vector<uint32_t>& breaks,
                     std::vector<SentenceSpan>& out) {
  out.clear();
  auto emit = [&](uint32_t s, uint32_t e, int paragraph) {
    // Trim leading and trailing spaces.
    uint32_t next = 0;
    while (s < e && isSpaceAt(text, s, next)) s = next;
    while (e > s) {
      uint32_t back = e - 1;
      while (back > s && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
      if (!isSpaceAt(text, back, next)) break;
      e = back;
    }
    if (e > s) out.push_back({s, e, paragraph});
  };

  // Paragraph numbers: count line breaks between sentence starts.
  int paragraph = 0;
  uint32_t counted = 0;
  auto paragraphAt = [&](uint32_t pos) {
    // (From line break to line break: most sentences hold none.)
    while (counted < pos) {
      const void* found = std::memchr(text.data() + counted, '\n', pos - counted);
      if (!found) {
        counted = pos;
        break;
      }
      ++paragraph;
      counted = static_cast<uint32_t>(static_cast<const char*>(found) - text.data()) + 1;
    }
    return paragraph;
  };

  if (breaks.empty()) {  // no ICU data: one sentence per line rather than nothing
    uint32_t s = 0;
    for (uint32_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        emit(s, i, paragraphAt(s));
        s = i + 1;
      }
    return;
  }
  for (size_t k = 1; k < breaks.size(); ++k) {
    const uint32_t s = breaks[k - 1], e = breaks[k];
    uint32_t from = s, next = 0;
    while (from < e && isSpaceAt(text, from, next)) from = next;
    emit(s, e, paragraphAt(from));
  }
}

}  // namespace

void SentenceSplitter::split(std::string_view text, std::vector<SentenceSpan>& out) {
  breaks_.clear();
  // (Without ICU's data there are no break rules either: the same fallback as splitWithIcu.)
  if (iterator_) findSentenceBreaks(text, breaks_);
  spansFromBreaks(text, breaks_, out);
}

void SentenceSplitter::splitWithIcu(std::string_view text, std::vector<SentenceSpan>& out) {
  breaks_.clear();
  if (iterator_) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) {
      out.clear();
      return;
    }
    iterator_->setText(ut, status);
    for (int32_t b = iterator_->first(); b != icu::BreakIterator::DONE; b = iterator_->next())
      if (b == 0 || static_cast<size_t>(b) >= text.size() ||
          !afterTwoFullStops(text, static_cast<uint32_t>(b)))
        breaks_.push_back(static_cast<uint32_t>(b));
    utext_close(ut);
  }
  spansFromBreaks(text, breaks_, out);
}

}  // namespace atlas
