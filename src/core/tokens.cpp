#include "core/tokens.h"

#include "core/arabic_fold.h"
#include "core/claims.h"
#include "core/events.h"
#include "core/lexicon.h"
#include "core/side_words.h"

namespace atlas {

void tokenize(const std::u32string& text, std::vector<Token>& out) {
  out.clear();
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < n;) {
    if (!isWordCharFast(text[i])) {
      ++i;
      continue;
    }
    const uint32_t s = i;
    while (i < n && isWordCharFast(text[i])) ++i;
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
  for (Token& t : tokens) {
    const WordLookup forms(tokenText(text, t));
    const std::u32string_view w = forms.word();
    // A word that starts with no proclitic letter (most: "ال" is none) is read by every list as
    // itself only: its own entry says it all.
    if (!w.empty() && !isProclitic(w[0])) {
      const LexiconEntry* e = forms.form(0, false);
      const uint8_t digit = w[0] >= U'0' && w[0] <= U'9' ? kMayStartDate : 0;
      t.lexical = static_cast<uint8_t>(digit | (e ? e->dateEvent : 0));
      t.side = e ? e->side : 0;
      t.trigger = e ? e->trigger : 0;
      t.claim = e ? e->claim : 0;
      t.claim2 = e ? e->claim2 : 0;
      continue;
    }
    uint8_t flags = 0;
    // The word, and without up to two proclitics (و/ف then ب/ل, in either order).
    for (size_t k = 0; k < 3 && k < w.size(); ++k) {
      if (k > 0 && !isProclitic(w[k - 1])) break;
      if (w[k] >= U'0' && w[k] <= U'9') flags |= kMayStartDate;
      if (const LexiconEntry* e = forms.form(k, false)) flags |= e->dateEvent;
    }
    t.lexical = flags;
    // Every form the lists may read of it ("لل" read as "ال" too) in none of them, as for most
    // words behind a proclitic: nothing to say.
    auto absent = [&](size_t skip, bool alef) {
      return skip >= w.size() || !forms.form(skip, alef);
    };
    auto lamLam = [&](size_t at) {
      return w.size() > at + 1 && w[at] == U'\u0644' && w[at + 1] == U'\u0644';
    };
    if (absent(0, false) && absent(1, false) && absent(2, false) &&
        (!lamLam(0) || absent(1, true)) && (!lamLam(1) || absent(2, true))) {
      t.side = t.trigger = 0;
      t.claim = t.claim2 = 0;
      continue;
    }
    t.side = sideWordCode(forms);
    t.trigger = triggerWordCode(forms);
    const auto [a, b] = claimWordCode(forms);
    t.claim = a;
    t.claim2 = b;
  }
}

}  // namespace atlas
