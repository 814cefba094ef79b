// Finds gazetteer names in folded Arabic text: longest match first, clitics peeled only when the
// rest is a gazetteer name, head words ("حي", "بلدة", ...) as context, ambiguity kept visible.
//
// Context runs along coordinated lists. A head word, or a confident member (a freely counting,
// unambiguous neighbourhood or site such as "الكلاسة"), gives context to every member of the list
// it starts, as long as the members are joined only by list separators ("،", ",", "و" attached or
// detached, "، و"); any other word or punctuation (". ؛ : ! ? ( )") closes the list. A list opened
// by a confident member also reaches back to members before it when the list starts the sentence
// or follows a preposition, an opening bracket or quote, or "هي:". A confident member followed
// by "في" gives context to the one name after it ("أكاديمية الأسد العسكرية في الحمدانية"). A
// plural or dual head of a compound name carries its word to each member ("تلتي الرخم والمؤتة":
// "تلة الرخم", "تلة المؤتة"). Names right after an organisation word ("لواء", "كتائب",
// "حركة", "جيش", ...) are not places and start no list. Generic words ("الجسر", "المطار", ...)
// are never names on their own; "الباب"/"باب" is the town al-Bab only after a town head.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/name_prefilter.h"
#include "core/tokens.h"
#include "core/word_table.h"

namespace atlas {

struct PlaceMatch {
  uint32_t from = 0, to = 0;    // folded character range of the name (clitics excluded)
  std::vector<int> candidates;  // place indices; exactly one unless ambiguous
  bool ambiguous = false;       // the name fits several places and the context did not decide
  // Folded range of what gave context, if any: the head word ("حي"), or the confident member
  // of the list ("الكلاسة" for "السكري" in "الكلاسة والسكري").
  int headFrom = -1, headTo = -1;
  bool runTogether = false;  // found inside a word (text scraped without spaces)
  // A name that counts only with context, met without any: kept (when asked for) so that the
  // article can confirm it, if the same place is named with context elsewhere in it.
  bool unconfirmed = false;
  // Right after a locative preposition ("في", "على", "إلى", "نحو", "باتجاه", "داخل"): with a
  // military event in the sentence, the article needs no other mention to confirm it.
  bool afterLocative = false;
};

class PlaceMatcher {
 public:
  explicit PlaceMatcher(const Gazetteer& gazetteer);

  // Replaces `out` with the matches in `text` (one sentence), in text order. `tokens` are the
  // sentence's words (see tokenize); the second form computes them. With `keepUnconfirmed`,
  // names that need context and had none are kept, marked `unconfirmed` (one place each).
  // `starts`, if given, are the sentence's candidates (see below): names are looked up there
  // only, which gives the same matches.
  void match(const FoldedText& text, const std::vector<Token>& tokens, std::vector<PlaceMatch>& out,
             bool keepUnconfirmed = false, const std::vector<uint32_t>* starts = nullptr) const;
  void match(const FoldedText& text, std::vector<PlaceMatch>& out) const;

  // Replaces `starts` with the positions in `text` (one sentence) where a look-up of match() may
  // find a name: every form, every form after "لل" (its alef elided) and every compound member
  // after its plural head (see NamePrefilter). A sentence with none has no match.
  void candidates(const FoldedText& text, std::vector<uint32_t>& starts) const {
    prefilter_->scan(text.chars, starts);
  }

 private:
  enum class HeadKind { None, Neighbourhood, Town, Any };
  // What a word that is not a name does to the lists around it.
  enum class Word : uint8_t {
    Other,              // closes any list
    HeadNeighbourhood,  // "حي", "أحياء": opens a list of neighbourhoods
    HeadTown,           // "بلدة", "مدينة": opens a list of towns
    HeadAny,            // "منطقة", "جبهة": opens a list of any places
    Organisation,  // "لواء", "كتائب": the name after it is an organisation, not a place
    Copula,        // "هي", "وهي": before ":" marks where a list may start
    Preposition,   // "من", "على": a list may start right after it
    In,            // "في": as a preposition; after a confident name, opens context for one place
  };
  struct Form {
    std::u32string text;                 // folded; spaces stand for any run of white space
    std::vector<int> free, contextOnly;  // places that have this name, by how it counts
    int letters = 0;
    bool townHeadOnly = false;  // a generic word ("الباب"): a place only after a town head
  };

  // Length in folded chars of `form` matched at `pos`, or 0 (the end must close a word unless
  // `insideWord`).
  uint32_t matchAt(std::u32string_view text, uint32_t pos, const std::u32string& form,
                   bool allowWordEnd) const;
  // The longest form that matches at `pos` (its length in `length`), or -1. Inside a word only
  // long, freely counting names are tried.
  int lookup(std::u32string_view text, uint32_t pos, uint32_t& length, bool insideWord) const;
  Word wordKind(const std::u32string& text, const Token& t) const;
  static bool isHead(Word w);
  // `direct`: the head word stands right before the name ("قرية العامرية"), not before an
  // earlier member of its list.
  bool resolve(const Form& form, HeadKind head, PlaceMatch& m, bool direct = false) const;
  // A freely counting, unambiguous neighbourhood or site: gives context to the rest of its list.
  bool confident(const Form& form, const PlaceMatch& m) const;

  const Gazetteer& gazetteer_;
  std::vector<Form> forms_;
  // Forms by their first two characters, longest first. Arabic-block pairs (nearly all) go
  // through a flat 256×256 table; anything else through the map.
  // Forms that start with a pair, split by their third character: "ال" starts most Arabic
  // words and most names, so two characters alone would leave long lists to compare.
  // A form of three or more characters with its 4th to 7th characters packed (16 bits each, up
  // to its first space): most forms whose first three characters fit are rejected with one
  // comparison before matchAt.
  struct ThirdEntry {
    uint64_t next = 0, mask = 0;
    int form = -1;
  };
  struct PairBucket {
    std::vector<int> twoLetter;  // forms of exactly two chars
    std::vector<std::pair<char32_t, std::vector<ThirdEntry>>> byThird;  // longest first
    // Index into byThird of each third character in U+0620..U+065F, or -1: "ال" alone has two
    // dozen third characters, and nearly every word is looked up in it.
    std::array<int16_t, 64> arabicThird;
  };
  const PairBucket* formsStartingWith(char32_t a, char32_t b) const;
  std::vector<int> arabicPairSlot_;  // 65536 entries: index into pairLists_, or -1
  // Arabic pairs that start a name long enough to be looked for inside words: scanning every
  // position of every word for run-together names must reject almost all of them at once.
  std::vector<bool> runTogetherPair_;
  std::vector<PairBucket> pairLists_;
  std::unordered_map<uint64_t, int> otherPairs_;  // non-Arabic first pairs → pairLists_
  WordTable<Word> words_;      // head, organisation, copula and preposition words, folded
  WordTable<bool> locatives_;  // "في", "على", ...: see PlaceMatch::afterLocative
  // Heads of names built on a common word, in the plural or dual ("تلتي", "كليات", "مدرستي"):
  // each list member X is also looked up as the singular + X ("تلتي الرخم والمؤتة" names
  // "تلة الرخم" and "تلة المؤتة"). Values index compounds_, the singular with a space.
  WordTable<int> compoundHeads_;
  std::vector<std::u32string> compounds_;
  std::vector<std::u32string> clitics_;
  std::unique_ptr<NamePrefilter> prefilter_;
  mutable std::vector<Token> scratch_;  // for the form that tokenizes (one thread at a time)
  mutable std::u32string probe_;        // "لل" look-ups (one thread at a time)
};

}  // namespace atlas
