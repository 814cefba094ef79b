#include "core/corpus_hash.h"

// The state on the stack (XXH3_INITSTATE) needs its definition.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <cstdio>

namespace atlas {

namespace {

std::string hex128(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace

std::string contentHash(std::string_view bytes) {
  return hex128(XXH3_128bits(bytes.data(), bytes.size()));
}

ArticleHash articleContentHash(const Article& a) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_128bits_reset(&state);
  auto field = [&](std::string_view s) {
    const uint64_t n = s.size();
    XXH3_128bits_update(&state, &n, sizeof n);
    XXH3_128bits_update(&state, s.data(), s.size());
  };
  field(a.id);
  field(a.published ? a.published->iso() : std::string());
  field(a.outlet);
  field(a.title);
  field(a.text);
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  return {h.low64, h.high64};
}

std::string corpusContentHash(const std::vector<ArticleHash>& articles) {
  static_assert(sizeof(ArticleHash) == 16);
  return hex128(XXH3_128bits(articles.data(), articles.size() * sizeof(ArticleHash)));
}

std::string corpusContentHash(const Corpus& corpus) {
  std::vector<ArticleHash> hashes;
  hashes.reserve(corpus.articles.size());
  for (const Article& a : corpus.articles) hashes.push_back(articleContentHash(a));
  return corpusContentHash(hashes);
}

}  // namespace atlas
