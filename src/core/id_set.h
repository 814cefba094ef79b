// A set of article ids, for telling duplicates in corpora of 100,000 articles and more. The ids'
// bytes sit side by side in large blocks and the table is one array of views (open addressing),
// so adding an id costs no allocation of its own and dropping the set frees a few blocks, not a
// node per id.
#pragma once

#include <cstddef>
#include <functional>
#include <memory_resource>
#include <string_view>
#include <vector>

namespace atlas {

class IdSet {
 public:
  // True if `id` was not in the set (it is now).
  bool insert(std::string_view id) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    Slot& s = find(slots_, id);
    if (s.data) return false;
    char* copy = static_cast<char*>(bytes_.allocate(id.size() ? id.size() : 1, 1));
    id.copy(copy, id.size());
    s = {copy, id.size()};
    ++count_;
    return true;
  }
  bool contains(std::string_view id) const {
    return !slots_.empty() && find(slots_, id).data != nullptr;
  }
  size_t size() const { return count_; }
  template <typename F>
  void forEach(F f) const {
    for (const Slot& s : slots_)
      if (s.data) f(std::string_view(s.data, s.size));
  }

 private:
  struct Slot {
    const char* data = nullptr;  // null: empty (an empty id has a data pointer too)
    size_t size = 0;
  };

  // The slot holding `id`, or the empty one where it would go.
  template <typename Slots>
  static auto find(Slots& slots, std::string_view id) -> decltype(slots[0])& {
    const size_t mask = slots.size() - 1;
    for (size_t i = std::hash<std::string_view>{}(id)&mask;; i = (i + 1) & mask) {
      auto& s = slots[i];
      if (!s.data || std::string_view(s.data, s.size) == id) return s;
    }
  }
  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? 1024 : 2 * slots_.size());
    for (const Slot& s : slots_)
      if (s.data) find(bigger, std::string_view(s.data, s.size)) = s;
    slots_.swap(bigger);
  }

  std::pmr::monotonic_buffer_resource bytes_;
  std::vector<Slot> slots_;  // a power of two long, at most half full
  size_t count_ = 0;
};

}  // namespace atlas
