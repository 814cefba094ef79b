#include "core/tokens.h"

#include "core/arabic_fold.h"

namespace atlas {

void tokenize(const std::u32string& text, std::vector<Token>& out) {
  out.clear();
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < n;) {
    if (!isWordChar(text[i])) {
      ++i;
      continue;
    }
    const uint32_t s = i;
    while (i < n && isWordChar(text[i])) ++i;
    out.push_back({s, i});
  }
}

std::u32string_view withoutConjunction(std::u32string_view word, size_t minRest) {
  if (word.size() >= minRest + 1 && (word[0] == U'\u0648' || word[0] == U'\u0641'))
    word.remove_prefix(1);
  return word;
}

}  // namespace atlas
