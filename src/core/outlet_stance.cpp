// outletStance (side_words.h): whose media wrote the article, from the words only one side's
// outlets use. Every word is looked for in one pass over the article (thirteen Boyer-Moore-Horspool
// searches, one per word, cost as much as the whole claim engine): each starts with one of a few
// pairs of letters, found sixteen positions at a time, and compared in full only there.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/side_words.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace atlas {

namespace {

struct Word {
  std::string_view text;
  int side;  // +1 government's media, -1 the opposition's
};

// Words only one side's media use (wire copy uses neither).
// ("ميليشيا" alone is both sides' word: "ميليشيا جيش الفتح" in the state's papers.)
constexpr std::array<Word, 15> kWords = {{{"الإرهابي", 1},
                                          {"الارهابي", 1},
                                          {"الجيش العربي السوري", 1},
                                          {"التكفيري", 1},
                                          {"وحدات من الجيش", 1},
                                          {"الجيش السوري وحلفائه", 1},
                                          {"الثوار", -1},
                                          {"قوات الأسد", -1},
                                          {"نظام الأسد", -1},
                                          {"الشبيحة", -1},
                                          {"ميليشيات الأسد", -1},
                                          {"الميليشيات الطائفية", -1},
                                          {"الميليشيات الشيعية", -1},
                                          {"المرتزقة", -1},
                                          {"قوات الاحتلال الروسي", -1}}};

// (Each is told apart by its first six bytes before it is compared in full.)
static_assert(std::all_of(kWords.begin(), kWords.end(),
                          [](const Word& w) { return w.text.size() >= 8; }));

uint32_t firstFour(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The words by their first four bytes (two Arabic letters).
struct Anchor {
  uint32_t bytes = 0;
  // The words (bits: indices into kWords) by their sixth byte, the second of their third letter:
  // after "ال" most words have none, and are passed over with one read.
  std::array<uint16_t, 256> bySixth{};
};
static_assert(kWords.size() <= 16, "word sets are 16-bit masks");

const std::vector<Anchor>& anchors() {
  static const std::vector<Anchor> list = [] {
    std::vector<Anchor> v;
    for (size_t k = 0; k < kWords.size(); ++k) {
      const uint32_t bytes = firstFour(kWords[k].text.data());
      auto it = v.begin();
      while (it != v.end() && it->bytes != bytes) ++it;
      if (it == v.end()) it = v.insert(v.end(), Anchor{bytes, {}});
      it->bySixth[static_cast<unsigned char>(kWords[k].text[5])] |= static_cast<uint16_t>(1u << k);
    }
    return v;
  }();
  return list;
}

}  // namespace

int outletStance(std::string_view articleText) {
  const char* text = articleText.data();
  const size_t n = articleText.size();
  const std::vector<Anchor>& list = anchors();
  // Occurrences of each word, counted left to right without overlaps (a search resumes after the
  // last one found, as std::search from there would).
  std::array<int, kWords.size()> count{};
  std::array<size_t, kWords.size()> resume{};
  auto at = [&](size_t i) {
    if (n - i < 8) return;  // (every word has eight bytes or more)
    const uint32_t four = firstFour(text + i);
    for (const Anchor& a : list) {
      if (a.bytes != four) continue;
      for (unsigned m = a.bySixth[static_cast<unsigned char>(text[i + 5])]; m; m &= m - 1) {
        const auto k = static_cast<size_t>(__builtin_ctz(m));
        const std::string_view w = kWords[k].text;
        if (i >= resume[k] && w.size() <= n - i && std::memcmp(text + i, w.data(), w.size()) == 0) {
          ++count[k];
          resume[k] = i + w.size();
        }
      }
      return;  // (the anchors differ: one at most is here)
    }
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen positions at a time: where the four bytes there are one of the anchors.
  __m128i bytes[kWords.size()][4];  // each anchor's four bytes, in every lane
  const size_t anchorCount = list.size();
  for (size_t a = 0; a < anchorCount; ++a)
    for (int k = 0; k < 4; ++k)  // (little-endian: the first byte is the lowest)
      bytes[a][k] = _mm_set1_epi8(static_cast<char>((list[a].bytes >> (8 * k)) & 0xFF));
  for (; i + 16 + 3 <= n; i += 16) {
    const auto* p = reinterpret_cast<const __m128i*>(text + i);
    const __m128i b0 = _mm_loadu_si128(p);
    const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i + 1));
    const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i + 2));
    const __m128i b3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i + 3));
    __m128i any = _mm_setzero_si128();
    for (const auto& a : bytes)
      any = _mm_or_si128(
          any, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(b0, a[0]), _mm_cmpeq_epi8(b1, a[1])),
                             _mm_and_si128(_mm_cmpeq_epi8(b2, a[2]), _mm_cmpeq_epi8(b3, a[3]))));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(any)); mask; mask &= mask - 1)
      at(i + static_cast<size_t>(__builtin_ctz(mask)));
  }
#endif
  for (; i + 4 <= n; ++i) at(i);
  int government = 0, opposition = 0;
  for (size_t k = 0; k < kWords.size(); ++k)
    (kWords[k].side > 0 ? government : opposition) += count[k];
  if (government >= opposition + 1 && government >= 1) return 1;
  if (opposition >= government + 1 && opposition >= 1) return -1;
  return 0;
}

}  // namespace atlas
