// The places a mention may be: one for nearly every mention, a few when a name is ambiguous.
// A vector of ints with room for three inside it, so the millions of mentions of a big corpus
// cost no allocation each (a std::vector<int> did: 24 bytes plus a heap block per mention).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <vector>

namespace atlas {

class CandidatePlaces {
 public:
  CandidatePlaces() = default;
  CandidatePlaces(std::initializer_list<int> places) { assign(places.begin(), places.end()); }
  CandidatePlaces(const std::vector<int>& places) {  // NOLINT: converts like the vector it was
    assign(places.data(), places.data() + places.size());
  }
  CandidatePlaces(const CandidatePlaces& o) { assign(o.begin(), o.end()); }
  CandidatePlaces(CandidatePlaces&& o) noexcept { take(o); }
  CandidatePlaces& operator=(const CandidatePlaces& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  CandidatePlaces& operator=(CandidatePlaces&& o) noexcept {
    if (this != &o) {
      release();
      take(o);
    }
    return *this;
  }
  ~CandidatePlaces() { release(); }

  const int* begin() const { return data(); }
  const int* end() const { return data() + size_; }
  int* begin() { return data(); }
  int* end() { return data() + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int front() const { return data()[0]; }
  int operator[](size_t i) const { return data()[i]; }
  int& operator[](size_t i) { return data()[i]; }

  void clear() {
    release();
    size_ = 0;
  }
  void push_back(int place) {
    std::vector<int> grown(begin(), end());
    grown.push_back(place);
    assign(grown.data(), grown.data() + grown.size());
  }
  // n places from bytes that hold them as native ints (a cache file), without a vector between.
  void assignBytes(const char* bytes, size_t n) {
    release();
    size_ = static_cast<uint32_t>(n);
    if (!inlined()) places_.heap = new int[size_];
    std::memcpy(data(), bytes, n * sizeof(int));
  }
  // Room for n places (their values unspecified until written).
  void resize(size_t n) {
    std::vector<int> grown(begin(), end());
    grown.resize(n, 0);
    assign(grown.data(), grown.data() + grown.size());
  }

  friend bool operator==(const CandidatePlaces& a, const CandidatePlaces& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const CandidatePlaces& a, const std::vector<int>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  static constexpr uint32_t kInline = 3;
  bool inlined() const { return size_ <= kInline; }
  const int* data() const { return inlined() ? places_.inline_ : places_.heap; }
  int* data() { return inlined() ? places_.inline_ : places_.heap; }
  void release() {
    if (!inlined()) delete[] places_.heap;
  }
  void assign(const int* from, const int* to) {
    if (from >= begin() && from < end()) {  // from this very object (rare): copy out first
      const std::vector<int> copy(from, to);
      assign(copy.data(), copy.data() + copy.size());
      return;
    }
    release();
    size_ = static_cast<uint32_t>(to - from);
    if (!inlined()) places_.heap = new int[size_];
    std::copy(from, to, data());
  }
  void take(CandidatePlaces& o) {
    size_ = o.size_;
    places_ = o.places_;
    o.size_ = 0;  // o no longer owns a heap block
  }

  uint32_t size_ = 0;
  union Storage {
    int inline_[kInline];
    int* heap;
  } places_{};
};

}  // namespace atlas
