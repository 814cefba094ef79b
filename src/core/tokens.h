// Words of a folded sentence: maximal runs of letters and digits (see isWordChar).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct Token {
  uint32_t from = 0, to = 0;  // folded character range
};

void tokenize(const std::u32string& text, std::vector<Token>& out);

inline std::u32string_view tokenText(const std::u32string& text, const Token& t) {
  return std::u32string_view(text.data() + t.from, t.to - t.from);
}

// The word without a leading conjunction (و / ف) when what remains is at least `minRest` long.
std::u32string_view withoutConjunction(std::u32string_view word, size_t minRest = 2);

}  // namespace atlas
