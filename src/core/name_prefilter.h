// Where gazetteer names may start in a folded sentence, found in one quick pass, so that the
// matcher looks names up only there and a sentence with none is not matched or analysed at all.
//
// The matcher looks names up at the start of a word or right after a proclitic ("و", "بال",
// ...), and looks for long names inside words too. The pass reads each character once (a run of
// white space counts as one, as in the forms): a small automaton says whether a look-up starts
// there, and five characters later the five that start there are looked up in bitmaps of the
// patterns' first characters (any pattern at a look-up, only the long ones that may be run
// together elsewhere). The bitmap reads do not depend on each other, so the processor overlaps
// them (an Aho-Corasick automaton, a dependent read of a large table per character, was several
// times slower). Where a bitmap says yes, the patterns that start with those characters are
// compared one by one, as PlaceMatcher::matchAt reads them: white space in a pattern takes the
// whole run, and a pattern must end before a character that is not a letter or digit unless it
// may end inside a word.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace atlas {

class NamePrefilter {
 public:
  struct Pattern {
    std::u32string text;  // folded; a space stands for any run of white space
    // The match may end inside a word (names found in text scraped without spaces).
    bool insideWord = false;
  };

  // `proclitics`: what may stand between the start of a word and a pattern (the empty string
  // for the start itself). Patterns that may end inside a word are looked for anywhere.
  NamePrefilter(const std::vector<Pattern>& patterns,
                const std::vector<std::u32string>& proclitics);

  // Replaces `starts` with the positions in `text` (a folded sentence) where a pattern occurs,
  // in increasing order.
  void scan(const std::u32string& text, std::vector<uint32_t>& starts) const;

 private:
  // The filter's alphabet: 6 bits per character (0: in no pattern, 1: white space). Should the
  // patterns use more characters than that, some share a symbol: the filter then lets more
  // through, and the comparison still decides.
  static constexpr uint32_t kBits = 6, kOther = 0, kSpace = 1;
  // A character as the pass reads it: its symbol, whether it is a letter or digit, white space.
  static constexpr uint8_t kWord = 0x40, kWhite = 0x80;
  uint8_t infoOf(char32_t c) const { return c < 0x800 ? lowInfo_[c] : highInfo(c); }
  uint8_t highInfo(char32_t c) const;

  // Patterns grouped by their first symbols: two for those of two, three for those of three or
  // four, five for longer ones. A group key is (length << 32) | the symbols.
  struct Group {
    uint64_t key = ~uint64_t{0};
    uint32_t first = 0, count = 0;  // into groupPatterns_
  };
  const Group* group(uint64_t key) const;
  // Whether a pattern of the group occurs at text[at]; only one that may end inside a word if
  // `insideWordOnly`.
  bool groupStartsAt(uint64_t key, const std::u32string& text, uint32_t at,
                     bool insideWordOnly) const;
  // Whether a pattern occurs at text[at], where the filter let it through: `window` holds the
  // `len` symbols from there (five, fewer at the end), `lookup` says whether a look-up starts
  // there.
  bool confirm(const std::u32string& text, uint32_t at, uint64_t window, uint32_t len,
               bool lookup) const;
  bool patternAt(uint32_t pattern, const std::u32string& text, uint32_t at,
                 bool insideWordOnly) const;

  std::vector<uint8_t> lowInfo_;                           // characters below U+0800
  std::vector<std::pair<char32_t, uint8_t>> highSymbols_;  // the others', sorted
  // The proclitic automaton: state × (symbol | kWord) → next state | 0x80 if a look-up starts at
  // that character. State 0: outside a word.
  std::vector<uint8_t> clitic_;
  // Bitmaps of the patterns' first symbols: exactly two, the first three of those of three or
  // four (folded onto 15 bits), and (two hashed bits each, one bitmap after the other) the first
  // five of longer ones, and of the long ones that may be run together.
  std::vector<uint64_t> pairs_, triples_, blooms_;
  std::vector<Group> groups_;  // open addressing, a power of two
  std::vector<uint32_t> groupPatterns_;
  std::vector<std::u32string> keys_;  // each pattern with one space per run
  std::vector<bool> insideWord_;
};

}  // namespace atlas
