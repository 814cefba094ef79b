// Normalisation with offset mapping: for any bytes and any byte range, every folded character
// maps back into the range, in order, and folding is idempotent.
#include <string>
#include <string_view>

#include "core/arabic_fold.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  // The first four bytes choose the range; the rest is the text.
  const std::string_view text(reinterpret_cast<const char*>(data) + 4, size - 4);
  const uint32_t a = (data[0] | data[1] << 8) % (text.size() + 1);
  const uint32_t b = (data[2] | data[3] << 8) % (text.size() + 1);
  const uint32_t begin = std::min(a, b), end = std::max(a, b);
  atlas::FoldedText folded;
  atlas::foldRange(text, begin, end, folded);
  FUZZ_CHECK(folded.chars.size() == folded.start.size());
  FUZZ_CHECK(folded.endOffset <= end && folded.endOffset >= begin);
  uint32_t last = begin;
  for (size_t i = 0; i < folded.chars.size(); ++i) {
    FUZZ_CHECK(folded.start[i] >= last && folded.start[i] < end);
    last = folded.start[i];
    FUZZ_CHECK(folded.originalStart(i) <= folded.originalEnd(i + 1));
  }
  // Folding the folded text (as UTF-8) changes nothing.
  const std::string again = atlas::toUtf8(folded.chars);
  FUZZ_CHECK(atlas::foldString(again) == folded.chars);
  atlas::FoldedText whole;
  atlas::foldRange(text, 0, static_cast<uint32_t>(text.size()), whole);
  FUZZ_CHECK(atlas::foldString(text) == whole.chars);
  return 0;
}
