#include "core/name_prefilter.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/arabic_fold.h"

namespace atlas {

namespace {

// The matcher reads names after "لل" and compound heads from a probe of at most 64 characters of
// the text, and a match that reaches its end is not checked for a word end: a match this long
// (white space runs count in full) is kept without the check.
constexpr uint32_t kUncheckedSpan = 60;

constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
// Five symbols set two bits, from one product, in bitmaps of this many bits (4 KiB each: the
// bitmaps the pass reads stay in the first-level cache).
constexpr uint32_t kBloomBits = 15;
constexpr uint64_t kBloomMask = (uint64_t{1} << kBloomBits) - 1;

bool testBit(const std::vector<uint64_t>& bits, uint64_t i) {
  return (bits[i >> 6] >> (i & 63)) & 1;
}
void setBit(std::vector<uint64_t>& bits, uint64_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }
bool testBit(const uint64_t* bits, uint64_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
bool testBloom(const uint64_t* bits, uint64_t product) {
  return testBit(bits, product >> (64 - kBloomBits)) &&
         testBit(bits, (product >> (64 - 2 * kBloomBits)) & kBloomMask);
}
void setBloom(std::vector<uint64_t>& bits, uint64_t product) {
  setBit(bits, product >> (64 - kBloomBits));
  setBit(bits, (product >> (64 - 2 * kBloomBits)) & kBloomMask);
}

// Three symbols (18 bits) folded onto 15, for a 4 KiB bitmap.
uint64_t tripleSlot(uint64_t triple) { return (triple ^ (triple >> 15)) & 0x7FFF; }

uint64_t groupKey(uint32_t length, uint64_t symbols) { return uint64_t{length} << 32 | symbols; }

}  // namespace

uint8_t NamePrefilter::highInfo(char32_t c) const {
  if (isSpaceChar(c)) return kWhite | kSpace;
  const uint8_t word = isWordChar(c) ? kWord : 0;
  auto it = std::lower_bound(highSymbols_.begin(), highSymbols_.end(), std::pair(c, uint8_t{0}));
  return word | (it != highSymbols_.end() && it->first == c ? it->second : kOther);
}

NamePrefilter::NamePrefilter(const std::vector<Pattern>& patterns,
                             const std::vector<std::u32string>& proclitics) {
  // The alphabet: every character of the patterns, white space one symbol.
  std::set<char32_t> alphabet;
  for (const Pattern& p : patterns)
    for (char32_t c : p.text)
      if (!isSpaceChar(c)) alphabet.insert(c);
  lowInfo_.assign(0x800, 0);
  for (char32_t c = 0; c < 0x800; ++c)
    lowInfo_[c] = isSpaceChar(c) ? kWhite | kSpace : (isWordChar(c) ? kWord : 0) | kOther;
  constexpr uint32_t kLetters = (1u << kBits) - 2;
  uint32_t next = 0;
  for (char32_t c : alphabet) {
    const auto symbol = static_cast<uint8_t>(2 + next++ % kLetters);
    if (c < 0x800)
      lowInfo_[c] = static_cast<uint8_t>((lowInfo_[c] & kWord) | symbol);
    else
      highSymbols_.emplace_back(c, symbol);
  }
  auto symbolOf = [&](char32_t c) { return static_cast<uint64_t>(infoOf(c) & 0x3F); };

  // The patterns, with one space per run of white space, grouped by their first symbols.
  pairs_.assign((size_t{1} << (2 * kBits)) / 64, 0);
  triples_.assign((size_t{1} << 15) / 64, 0);
  std::vector<uint64_t> fives((size_t{1} << kBloomBits) / 64, 0), runTogether(fives);
  std::map<uint64_t, std::vector<uint32_t>> groups;
  bool anywhere = false;  // a short pattern may be run together: every letter starts a look-up
  for (const Pattern& p : patterns) {
    std::u32string key;
    for (char32_t c : p.text) {
      const char32_t k = isSpaceChar(c) ? U' ' : c;
      if (!(k == U' ' && !key.empty() && key.back() == U' ')) key.push_back(k);
    }
    if (key.size() < 2) continue;  // (cannot start a look-up: the forms have two or more)
    const auto id = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    insideWord_.push_back(p.insideWord);
    const uint32_t length = key.size() >= 5 ? 5 : key.size() == 2 ? 2 : 3;
    uint64_t first = 0;
    for (uint32_t k = 0; k < length; ++k) first = first << kBits | symbolOf(key[k]);
    groups[groupKey(length, first)].push_back(id);
    if (length == 2) setBit(pairs_, first);
    if (length == 3) setBit(triples_, tripleSlot(first));
    if (length == 5) setBloom(fives, first * kMultiplier);
    if (p.insideWord) {
      if (length == 5)
        setBloom(runTogether, first * kMultiplier);
      else
        anywhere = true;
    }
  }
  blooms_ = fives;
  blooms_.insert(blooms_.end(), runTogether.begin(), runTogether.end());
  size_t slots = 16;
  while (slots < groups.size() * 2) slots *= 2;
  groups_.assign(slots, Group{});
  for (const auto& [key, ids] : groups) {
    size_t slot = (key * kMultiplier) >> 32 & (slots - 1);
    while (groups_[slot].key != ~uint64_t{0}) slot = (slot + 1) & (slots - 1);
    groups_[slot] = {key, static_cast<uint32_t>(groupPatterns_.size()),
                     static_cast<uint32_t>(ids.size())};
    groupPatterns_.insert(groupPatterns_.end(), ids.begin(), ids.end());
  }

  // The proclitics as a trie over symbols (state 1 its root), then as a table: a letter read in
  // state 0 (outside a word) starts a word at the root; a look-up starts at a letter read where
  // a whole proclitic has been read; a letter no proclitic goes on with leads to `dead`, and
  // anything but a letter back to 0.
  std::vector<std::map<uint8_t, uint8_t>> trie(2);
  std::vector<bool> whole(2, false);
  for (const std::u32string& c : proclitics) {
    size_t state = 1;
    for (char32_t ch : c) {
      const auto s = static_cast<uint8_t>(symbolOf(ch));
      auto [it, added] = trie[state].try_emplace(s, static_cast<uint8_t>(trie.size()));
      if (added) {
        trie.emplace_back();
        whole.push_back(false);
      }
      state = it->second;
    }
    whole[state] = true;
  }
  if (trie.size() > 126) {  // (states need 7 bits: too many proclitics, look up everywhere)
    trie.assign(2, {});
    anywhere = true;
  }
  const auto dead = static_cast<uint8_t>(trie.size());
  clitic_.assign((size_t{dead} + 1) * 128, 0);
  for (size_t state = 0; state <= dead; ++state)
    for (uint32_t x = 0; x < 128; ++x) {
      if (!(x & kWord)) continue;  // not a letter: outside a word
      const size_t base = state == 0 ? 1 : state;
      uint8_t to = dead;
      bool lookup = anywhere;
      if (base != dead) {
        lookup = lookup || whole[base];
        auto it = trie[base].find(static_cast<uint8_t>(x & 0x3F));
        if (it != trie[base].end()) to = it->second;
      }
      clitic_[state * 128 + x] = static_cast<uint8_t>(to | (lookup ? 0x80 : 0));
    }
}

const NamePrefilter::Group* NamePrefilter::group(uint64_t key) const {
  const size_t mask = groups_.size() - 1;
  for (size_t slot = (key * kMultiplier) >> 32 & mask;; slot = (slot + 1) & mask) {
    const Group& g = groups_[slot];
    if (g.key == key) return &g;
    if (g.key == ~uint64_t{0}) return nullptr;
  }
}

bool NamePrefilter::patternAt(uint32_t pattern, const std::u32string& text, uint32_t at,
                              bool insideWordOnly) const {
  const bool insideWord = insideWord_[pattern];
  if (insideWordOnly && !insideWord) return false;
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t i = at;
  for (char32_t f : keys_[pattern]) {
    if (f == U' ') {  // white space, or quotes around a part of the name
      const uint32_t after = skipNameSpace(text, i);
      if (after == i) return false;
      i = after;
      continue;
    }
    if (i >= n || text[i] != f) return false;
    ++i;
  }
  return insideWord || i >= n || !isWordCharFast(text[i]) || i - at >= kUncheckedSpan;
}

bool NamePrefilter::groupStartsAt(uint64_t key, const std::u32string& text, uint32_t at,
                                  bool insideWordOnly) const {
  const Group* g = group(key);
  if (!g) return false;
  for (uint32_t k = g->first; k < g->first + g->count; ++k)
    if (patternAt(groupPatterns_[k], text, at, insideWordOnly)) return true;
  return false;
}

bool NamePrefilter::confirm(const std::u32string& text, uint32_t at, uint64_t window, uint32_t len,
                            bool lookup) const {
  auto first = [&](uint32_t m) { return window >> (kBits * (len - m)); };
  constexpr uint32_t kPairMask = (1u << (2 * kBits)) - 1, kTripleMask = (1u << (3 * kBits)) - 1;
  if (!lookup)
    return len == 5 &&
           testBloom(blooms_.data() + (size_t{1} << kBloomBits) / 64, window * kMultiplier) &&
           groupStartsAt(groupKey(5, window), text, at, true);
  return (testBit(pairs_, first(2) & kPairMask) &&
          groupStartsAt(groupKey(2, first(2) & kPairMask), text, at, false)) ||
         (len >= 3 && testBit(triples_, tripleSlot(first(3) & kTripleMask)) &&
          groupStartsAt(groupKey(3, first(3) & kTripleMask), text, at, false)) ||
         (len == 5 && testBloom(blooms_.data(), window * kMultiplier) &&
          groupStartsAt(groupKey(5, window), text, at, false));
}

void NamePrefilter::scan(const std::u32string& text, std::vector<uint32_t>& starts) const {
  starts.clear();
  const auto n = static_cast<uint32_t>(text.size());
  const char32_t* chars = text.data();
  constexpr uint64_t kFiveMask = (uint64_t{1} << (5 * kBits)) - 1;
  constexpr uint32_t kBloomWords = (1u << kBloomBits) / 64;
  // (Everything the loop reads, in locals: the compiler cannot tell that `starts` does not
  // change them, and would load them again at every character.)
  const uint8_t* lowInfo = lowInfo_.data();
  const uint8_t* clitic = clitic_.data();
  const uint64_t* pairs = pairs_.data();
  const uint64_t* triples = triples_.data();
  const uint64_t* blooms = blooms_.data();  // fives, then run together
  uint64_t window = 0;                      // the last five symbols
  // Where each of the last symbols is in the text, and whether a look-up starts there (0x80).
  std::array<uint32_t, 8> at{};
  std::array<uint8_t, 8> lookedUp{};
  uint32_t count = 0;    // symbols read (a run of white space is one)
  uint32_t state = 0;    // of the proclitic automaton, times 128
  uint8_t previous = 0;  // the last character's info
  for (uint32_t i = 0; i < n; ++i) {
    const char32_t c = chars[i];
    const uint8_t info = c < 0x800 ? lowInfo[c] : highInfo(c);
    // (One test that is nearly always false, where testing for white space first would
    // mispredict at every word's end.)
    if (info & previous & kWhite) continue;  // the same run of white space
    previous = info;
    const uint8_t step = clitic[state + (info & 0x7F)];
    state = (step & 0x7Fu) << 7;
    window = ((window << kBits) | (info & 0x3F)) & kFiveMask;
    at[count & 7] = i;
    lookedUp[count & 7] = step;
    ++count;
    if (count < 5) continue;
    // The five symbols that start five back: at a look-up any pattern, elsewhere one that may
    // be run together. Every test is made without a branch (one on whether a look-up starts
    // there would mispredict at every word); the rare yes is confirmed.
    const uint32_t k = (count - 5) & 7;
    const uint32_t lookup = lookedUp[k] >> 7;
    const uint64_t* bloom = blooms + ((lookup - 1u) & kBloomWords);
    const uint64_t product = window * kMultiplier;
    const uint64_t b1 = product >> (64 - kBloomBits);
    const uint64_t b2 = (product >> (64 - 2 * kBloomBits)) & kBloomMask;
    const uint64_t pair = window >> (3 * kBits), triple = tripleSlot(window >> (2 * kBits));
    const uint64_t shortOne =
        (pairs[pair >> 6] >> (pair & 63)) | (triples[triple >> 6] >> (triple & 63));
    const uint64_t longOne = (bloom[b1 >> 6] >> (b1 & 63)) & (bloom[b2 >> 6] >> (b2 & 63));
    if (((longOne | (lookup & shortOne)) & 1) && confirm(text, at[k], window, 5, lookup))
      starts.push_back(at[k]);
  }
  // The last four symbols start only shorter ones.
  for (uint32_t len = std::min(count, 4u); len >= 2; --len) {
    window &= (uint64_t{1} << (kBits * len)) - 1;
    const uint32_t k = (count - len) & 7;
    if (confirm(text, at[k], window, len, lookedUp[k] >> 7)) starts.push_back(at[k]);
  }
}

}  // namespace atlas
