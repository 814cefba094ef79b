// A small dictionary of folded words looked up by string_view without allocating: the hot
// loops of dating and event analysis ask it about every word of every sentence. Open addressing
// over a power-of-two table of 8-byte slots (small enough to stay in the L1 cache), so a miss
// (nearly every word) costs one hash and a probe.
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
    if (slots_.empty() || word.size() < minLength_ || word.size() > maxLength_) return nullptr;
    const uint64_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry < 0) return nullptr;
      if (s.hash == static_cast<uint32_t>(h >> 32) && entries_[s.entry].first == word)
        return &entries_[s.entry].second;
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
  struct Slot {
    uint32_t hash = 0;  // the high half of the word's hash (the low bits choose the slot)
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
    size_t size = 16;
    while (size < entries_.size() * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    minLength_ = SIZE_MAX;
    maxLength_ = 0;
    for (int e = 0; e < static_cast<int>(entries_.size()); ++e) {
      const std::u32string& w = entries_[e].first;
      minLength_ = std::min(minLength_, w.size());
      maxLength_ = std::max(maxLength_, w.size());
      const uint64_t h = hash(w);
      size_t i = h & mask_;
      while (slots_[i].entry >= 0) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(h >> 32), e};
    }
  }
  std::vector<std::pair<std::u32string, T>> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0, minLength_ = 0, maxLength_ = 0;
};

}  // namespace atlas
