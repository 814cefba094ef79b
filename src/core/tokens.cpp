#include "core/tokens.h"

#include <map>

#include "core/arabic_fold.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/word_table.h"

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
    out.push_back({s, i, kLexicalUnknown});
  }
}

std::u32string_view withoutConjunction(std::u32string_view word, size_t minRest) {
  if (word.size() >= minRest + 1 && (word[0] == U'\u0648' || word[0] == U'\u0641'))
    word.remove_prefix(1);
  return word;
}

}  // namespace atlas

namespace atlas {

namespace {

bool isProclitic(char32_t c) {
  return c == U'\u0648' || c == U'\u0641' || c == U'\u0628' || c == U'\u0644';  // و ف ب ل
}

}  // namespace

void classifyTokens(const std::u32string& text, std::vector<Token>& tokens) {
  static const WordTable<uint8_t> table = [] {
    std::map<std::u32string, uint8_t> bits;
    forEachDateStartWord([&](const std::u32string& w) { bits[w] |= kMayStartDate; });
    forEachEventWord([&](const std::u32string& w) { bits[w] |= kMayBeEventWord; });
    WordTable<uint8_t> t;
    for (const auto& [w, b] : bits) t.add(w, b);
    return t;
  }();
  for (Token& t : tokens) {
    const std::u32string_view w = tokenText(text, t);
    uint8_t flags = 0;
    // The word, and without up to two proclitics (و/ف then ب/ل, in either order).
    for (size_t k = 0; k < 3 && k < w.size(); ++k) {
      if (k > 0 && !isProclitic(w[k - 1])) break;
      const std::u32string_view form = w.substr(k);
      if (form[0] >= U'0' && form[0] <= U'9') flags |= kMayStartDate;
      if (const uint8_t* b = table.find(form)) flags |= *b;
    }
    t.lexical = flags;
  }
}

}  // namespace atlas
