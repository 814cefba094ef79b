// Sentence segmentation with ICU's sentence break rules, run directly on the UTF-8 bytes
// (UText), so sentence boundaries are byte offsets into the original article.
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

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace atlas
