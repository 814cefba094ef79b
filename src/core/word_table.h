// A small dictionary of folded words looked up by string_view without allocating: the hot
// loops of dating and event analysis ask it about every word of every sentence. Open addressing
// over a power-of-two table of hashes, so a miss (nearly every word) costs one hash and a probe.
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
  const T* find(std::u32string_view word) const { return find(word, hash(word)); }
  // With the hash already known (see suffixHashes).
  const T* find(std::u32string_view word, uint64_t h) const {
    if (slots_.empty() || word.size() < minLength_ || word.size() > maxLength_) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry < 0) return nullptr;
      if (s.hash == h && entries_[s.entry].first == word) return &entries_[s.entry].second;
    }
  }
  bool contains(std::u32string_view word) const { return find(word) != nullptr; }
  template <typename F>
  void forEach(F&& f) const {
    for (const auto& [w, v] : entries_) f(w);
  }

  // The hashes of word, word[1:], word[2:] ... word[n-1:] (n = out.size()) in one pass: the hash
  // runs from the last character to the first, so each suffix's hash is a step on the way. Lets
  // callers try a word with and without its proclitics for the price of one hash.
  template <size_t N>
  static void suffixHashes(std::u32string_view w, uint64_t (&out)[N]) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = w.size(); i-- > 0;) {
      h ^= w[i];
      h *= 1099511628211ull;
      if (i < N) out[i] = h ^ (h >> 29);
    }
    for (size_t i = w.size(); i < N; ++i) out[i] = 0;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    int entry = -1;
  };
  static uint64_t hash(std::u32string_view w) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a, last character first
    for (size_t i = w.size(); i-- > 0;) {
      h ^= w[i];
      h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
  }
  void rebuild() {
    size_t size = 16;
    while (size < entries_.size() * 4) size *= 2;
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
      slots_[i] = {h, e};
    }
  }
  std::vector<std::pair<std::u32string, T>> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0, minLength_ = 0, maxLength_ = 0;
};

}  // namespace atlas
