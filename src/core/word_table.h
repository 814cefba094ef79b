// A small dictionary of folded words looked up by string_view without allocating: the hot
// loops of dating, event and claim analysis ask it about every word of every sentence.
//
// A word of up to eight Arabic letters (nearly every word asked about, and nearly every word in
// the tables) is packed into one 64-bit key, a byte per letter of the U+06xx block: hashing it is
// one multiplication and comparing it one instruction. Other words go through a table of strings
// keyed by their length and first and last two characters. Both are open addressing over
// power-of-two tables of 16- and 8-byte slots, so a miss (most words) costs a hash and a probe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas {

template <typename T>
class WordTable {
 public:
  void add(std::u32string word, T value) {
    entries_.emplace_back(std::move(word), std::move(value));
    rebuild();
  }
  // Many at once (pairs of word and value), the table built once.
  template <typename Pairs>
  void addAll(const Pairs& pairs) {
    for (const auto& [word, value] : pairs) entries_.emplace_back(word, value);
    rebuild();
  }
  const T* find(std::u32string_view word) const {
    if (word.size() < minLength_ || word.size() > maxLength_) return nullptr;
    // (A packed word can only be one of the packed words: packing tells all such apart.)
    if (const uint64_t key = packedKey(word)) return findPacked(key);
    if (slots_.empty()) return nullptr;
    const uint64_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry < 0) return nullptr;
      if (s.hash == static_cast<uint32_t>(h >> 32) && entries_[s.entry].first == word)
        return &entries_[s.entry].second;
    }
  }
  // The word as a 64-bit key, if it has one to eight characters of U+0601..U+06FF (a byte each,
  // the first lowest; no byte is 0, so the length is in the key), else 0. The key of word[1:] is
  // the word's shifted right by 8; "ا" + word is (key << 8) | 0x27.
  static uint64_t packedKey(std::u32string_view w) {
    if (w.empty() || w.size() > 8) return 0;
    uint64_t key = 0;
    char32_t bad = 0;  // (one test at the end rather than two branches a character)
    for (size_t i = w.size(); i-- > 0;) {
      const char32_t c = w[i];
      bad |= ((c >> 8) ^ 0x06) | (((c & 0xFF) - 1) >> 31);
      key = key << 8 | (c & 0xFF);
    }
    return bad ? 0 : key;
  }
  // find() for the word whose packedKey is `key` (not 0).
  const T* findPacked(uint64_t key) const {
    if (packed_.empty()) return nullptr;
    for (size_t i = (key * kMultiplier) >> packedShift_;; i = (i + 1) & packedMask_) {
      const PackedSlot& s = packed_[i];
      if (s.key == key) return &entries_[s.entry].second;
      if (s.entry < 0) return nullptr;
    }
  }
  bool contains(std::u32string_view word) const { return find(word) != nullptr; }
  template <typename F>
  void forEach(F&& f) const {
    for (const auto& [w, v] : entries_) f(w);
  }
  template <typename F>
  void forEachEntry(F&& f) const {
    for (const auto& [w, v] : entries_) f(w, v);
  }

 private:
  static constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  struct Slot {
    uint32_t hash = 0;  // the high half of the word's hash (the low bits choose the slot)
    int32_t entry = -1;
  };
  struct PackedSlot {
    uint64_t key = 0;  // 0 in an empty slot: no word packs to 0
    int32_t entry = -1;
  };
  // From the length and the first two and last two characters only: the tables hold a few hundred
  // words, which these tell apart well enough, and a word costs the same whatever its length
  // (a collision only costs a comparison).
  static uint64_t hash(std::u32string_view w) {
    const size_t n = w.size();
    if (n == 0) return 0;
    const uint64_t front = uint64_t{w[0]} << 32 | w[n > 1 ? 1 : 0];
    const uint64_t back = uint64_t{w[n - 1]} << 32 | w[n > 1 ? n - 2 : 0];
    uint64_t h = (front * 0x9E3779B97F4A7C15ull) ^ (back * 0xC2B2AE3D27D4EB4Full) ^ n;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 29);
  }
  void rebuild() {
    minLength_ = SIZE_MAX;
    maxLength_ = 0;
    std::vector<int> packed, other;
    for (int e = 0; e < static_cast<int>(entries_.size()); ++e) {
      const std::u32string& w = entries_[e].first;
      minLength_ = std::min(minLength_, w.size());
      maxLength_ = std::max(maxLength_, w.size());
      (packedKey(w) ? packed : other).push_back(e);
    }
    auto sizeFor = [](size_t count) {
      size_t size = 16;
      while (size < count * 2) size *= 2;
      return size;
    };
    packed_.assign(packed.empty() ? 0 : sizeFor(packed.size()), PackedSlot{});
    packedMask_ = packed_.empty() ? 0 : packed_.size() - 1;
    packedShift_ = 64;
    for (size_t s = packed_.size(); s > 1; s >>= 1) --packedShift_;
    for (int e : packed) {
      const uint64_t key = packedKey(entries_[e].first);
      size_t i = (key * kMultiplier) >> packedShift_;
      while (packed_[i].entry >= 0) i = (i + 1) & packedMask_;
      packed_[i] = {key, e};
    }
    slots_.assign(other.empty() ? 0 : sizeFor(other.size()), Slot{});
    mask_ = slots_.empty() ? 0 : slots_.size() - 1;
    for (int e : other) {
      const uint64_t h = hash(entries_[e].first);
      size_t i = h & mask_;
      while (slots_[i].entry >= 0) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(h >> 32), e};
    }
  }
  std::vector<std::pair<std::u32string, T>> entries_;
  std::vector<PackedSlot> packed_;
  std::vector<Slot> slots_;
  size_t packedMask_ = 0, mask_ = 0, minLength_ = 0, maxLength_ = 0;
  int packedShift_ = 64;  // 64 - log2(packed slots)
};

}  // namespace atlas
