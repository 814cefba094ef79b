// Numbers written in digits or in Arabic words ("عشرون", "ثلاثمئةٍ وأحدعشر"), on folded text.
#pragma once

#include <optional>
#include <vector>

#include "core/tokens.h"

namespace atlas {

struct ParsedNumber {
  long value = 0;
  size_t tokens = 0;  // how many tokens it took
};

// The number starting at tokens[i], if any. Word numbers may run together ("احدعشر") and be
// joined by و ("ثلاثمئه واحدعشر" = 311).
std::optional<ParsedNumber> parseNumberAt(const std::u32string& text,
                                          const std::vector<Token>& tokens, size_t i);

// The value of one word ("خمسه" → 5, "الخامس" → 5 as an ordinal, "عشرين" → 20), or nothing.
std::optional<long> numberWordValue(std::u32string_view word, bool allowOrdinal);

}  // namespace atlas
