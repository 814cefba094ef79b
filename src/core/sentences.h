// Sentence segmentation with the Unicode sentence break rules (UAX #29, the rules ICU's sentence
// iterator runs) on the UTF-8 bytes, so sentence boundaries are byte offsets into the original
// article. The rules are applied directly, with ICU's character classes: a break can only follow
// a full stop, a question or exclamation mark or a line break, so most characters cost one table
// read, where ICU's iterator runs its rule machine over every one (it was the pipeline's largest
// cost). tests/core/test_sentences.cpp checks that both give the same sentences.
#pragma once

#include <unicode/uversion.h>  // declares the versioned icu namespace

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace atlas {

struct SentenceSpan {
  uint32_t start = 0, end = 0;  // byte offsets, whitespace trimmed
  int paragraph = 0;            // 0-based; paragraphs are separated by line breaks
};

class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Replaces `out` with the sentences of `text`. Empty sentences (only spaces) are skipped.
  void split(std::string_view text, std::vector<SentenceSpan>& out);
  // The same with ICU's sentence iterator (UText over the bytes): the reference split() is
  // checked against. Both keep "X.. Y" (two or more full stops before a word on the same line)
  // one sentence: Arabic headlines join their parts so.
  void splitWithIcu(std::string_view text, std::vector<SentenceSpan>& out);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;  // (none: ICU has no data, one line a sentence)
  std::vector<uint32_t> breaks_;
};

}  // namespace atlas
