// Finds gazetteer names in folded Arabic text: longest match first, clitics peeled only when the
// rest is a gazetteer name, head words ("حي", "بلدة", ...) as context, ambiguity kept visible.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/tokens.h"

namespace atlas {

struct PlaceMatch {
  uint32_t from = 0, to = 0;       // folded character range of the name (clitics excluded)
  std::vector<int> candidates;     // place indices; exactly one unless ambiguous
  bool ambiguous = false;          // the name fits several places and the context did not decide
  int headFrom = -1, headTo = -1;  // folded range of the head word that gave context, if any
  bool runTogether = false;        // found inside a word (text scraped without spaces)
};

class PlaceMatcher {
 public:
  explicit PlaceMatcher(const Gazetteer& gazetteer);

  // Replaces `out` with the matches in `text` (one sentence), in text order. `tokens` are the
  // sentence's words (see tokenize); the second form computes them.
  void match(const FoldedText& text, const std::vector<Token>& tokens,
             std::vector<PlaceMatch>& out) const;
  void match(const FoldedText& text, std::vector<PlaceMatch>& out) const;

 private:
  enum class HeadKind { None, Neighbourhood, Town, Any };
  struct Form {
    std::u32string text;                 // folded; spaces stand for any run of white space
    std::vector<int> free, contextOnly;  // places that have this name, by how it counts
    int letters = 0;
  };

  // Length in folded chars of `form` matched at `pos`, or 0 (the end must close a word unless
  // `insideWord`).
  uint32_t matchAt(const std::u32string& text, uint32_t pos, const std::u32string& form,
                   bool allowWordEnd) const;
  // The longest form that matches at `pos` (its length in `length`), or -1. Inside a word only
  // long, freely counting names are tried.
  int lookup(const std::u32string& text, uint32_t pos, uint32_t& length, bool insideWord) const;
  HeadKind headKind(const std::u32string& text, const Token& t) const;
  bool resolve(const Form& form, HeadKind head, PlaceMatch& m) const;

  const Gazetteer& gazetteer_;
  std::vector<Form> forms_;
  // Forms by their first two characters, longest first. Arabic-block pairs (nearly all) go
  // through a flat 256×256 table; anything else through the map.
  // Forms that start with a pair, split by their third character: "ال" starts most Arabic
  // words and most names, so two characters alone would leave long lists to compare.
  struct PairBucket {
    std::vector<int> twoLetter;                                  // forms of exactly two chars
    std::vector<std::pair<char32_t, std::vector<int>>> byThird;  // longest first in each list
  };
  const PairBucket* formsStartingWith(char32_t a, char32_t b) const;
  std::vector<int> arabicPairSlot_;  // 65536 entries: index into pairLists_, or -1
  // Arabic pairs that start a name long enough to be looked for inside words: scanning every
  // position of every word for run-together names must reject almost all of them at once.
  std::vector<bool> runTogetherPair_;
  std::vector<PairBucket> pairLists_;
  std::unordered_map<uint64_t, int> otherPairs_;  // non-Arabic first pairs → pairLists_
  std::vector<std::pair<std::u32string, HeadKind>> heads_;
  std::vector<bool> headFirstChar_;  // Arabic-block first characters of heads (quick reject)
  std::vector<std::u32string> clitics_;
  mutable std::vector<Token> scratch_;  // for the form that tokenizes (one thread at a time)
};

}  // namespace atlas
