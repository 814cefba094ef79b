// Words of a folded sentence: maximal runs of letters and digits (see isWordChar).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct Token {
  uint32_t from = 0, to = 0;  // folded character range
  // Which word lists the word (or the word without its proclitics) may be in, found once per
  // word by the pipeline so dating and event analysis skip the rest (kLexicalUnknown: not yet
  // looked up; each analysis then checks for itself).
  uint8_t lexical = 0xFF;
  // Found with `lexical` (valid when it is not kLexicalUnknown), in one look-up per form of the
  // word for all the lists (lexicon.h): what the side, event and claim lists say of the word, each
  // in its own encoding (side_words.cpp, events.cpp, claims.cpp).
  uint16_t side = 0, trigger = 0;
  uint32_t claim = 0, claim2 = 0;
};

inline constexpr uint8_t kLexicalUnknown = 0xFF;
inline constexpr uint8_t kMayStartDate = 1;
inline constexpr uint8_t kMayBeEventWord = 2;

void tokenize(const std::u32string& text, std::vector<Token>& out);

// Sets Token::lexical and what the word lists say of every token (Token::side, trigger, claim),
// looking each form of a word up once in one table of all the lists' words (lexicon.h).
void classifyTokens(const std::u32string& text, std::vector<Token>& tokens);

inline std::u32string_view tokenText(const std::u32string& text, const Token& t) {
  return std::u32string_view(text.data() + t.from, t.to - t.from);
}

// The word without a leading conjunction (و / ف) when what remains is at least `minRest` long.
std::u32string_view withoutConjunction(std::u32string_view word, size_t minRest = 2);

}  // namespace atlas
