// Every word list the analyses read words in (dating, events, sides, claims) as one table, so the
// pipeline looks each word up once for all of them (classifyTokens) instead of once per list.
//
// A list reads a word in forms: the word itself, without its proclitics (و ف, ب ل), or with the
// article's alef put back after "لل" ("للفصائل" as "الفصائل"), and each list has its own rules
// for which forms and in what order (SideLexicon::lookup, ClaimLexicon::lookup, triggerWord,
// classifyTokens). Those rules are written once per list, over a function that gives a form's
// entry: the list's own table when it reads a word alone, this one in the pipeline.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/word_table.h"

namespace atlas {

// What the lists say of one exact form, in each list's own encoding (0: not in the list).
struct LexiconEntry {
  uint8_t dateEvent = 0;           // kMayStartDate | kMayBeEventWord (tokens.h)
  uint16_t side = 0;               // side_words.cpp
  uint16_t trigger = 0;            // events.cpp
  uint32_t claim = 0, claim2 = 0;  // claims.cpp
};

// The shared table.
const WordTable<LexiconEntry>& lexiconTable();

// The form ("ا" if `alef`) + word[skip:], spelled into a buffer of the caller's (long words,
// which no list holds, into `spare`).
std::u32string_view spellForm(std::u32string_view word, size_t skip, bool alef,
                              std::array<char32_t, 32>& buffer, std::u32string& spare);

// One word's forms in the shared table, each looked up once when a list first asks. (Made for
// every word of every sentence read: nothing to initialise but a mask.)
class WordLookup {
 public:
  explicit WordLookup(std::u32string_view word)
      : word_(word), key_(WordTable<LexiconEntry>::packedKey(word)), table_(lexiconTable()) {}
  std::u32string_view word() const { return word_; }
  // The entry of ("ا" if alef) + word[skip:] (skip < 3), or null.
  const LexiconEntry* form(size_t skip, bool alef) const {
    const size_t k = skip * 2 + alef;
    if (looked_ >> k & 1) return found_[k];
    looked_ |= 1u << k;
    // A word of Arabic letters packs, and so do its forms (shifted, and the alef put in front)
    // when they are short enough: no string is made or hashed.
    if (key_ && skip < word_.size() && word_.size() - skip + alef <= 8) {
      const uint64_t key = key_ >> (8 * skip);
      return found_[k] = table_.findPacked(alef ? key << 8 | 0x27 : key);
    }
    return found_[k] = spelledForm(skip, alef);
  }

 private:
  const LexiconEntry* spelledForm(size_t skip, bool alef) const;
  std::u32string_view word_;
  uint64_t key_ = 0;  // the word packed (WordTable::packedKey), 0 if it does not pack
  const WordTable<LexiconEntry>& table_;
  mutable unsigned looked_ = 0;  // bit k: found_[k] is set
  mutable std::array<const LexiconEntry*, 6> found_;
};

}  // namespace atlas
