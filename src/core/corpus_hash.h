// Hashes that key the extraction cache by content. A corpus's hash is made of one hash per
// article, so it can be worked out as the articles are read, in pieces side by side
// (corpus_reader.h), and still equal the hash of the corpus read in one go.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace atlas {

// XXH3-128 of bytes, in hex (32 digits).
std::string contentHash(std::string_view bytes);

// An article's id, date, outlet, title and text, each with its length first, so that no two
// articles hash the same bytes.
struct ArticleHash {
  uint64_t low = 0, high = 0;
  friend bool operator==(const ArticleHash&, const ArticleHash&) = default;
};
ArticleHash articleContentHash(const Article& article);

// The corpus's hash (hex) from its articles' hashes, in order.
std::string corpusContentHash(const std::vector<ArticleHash>& articles);
std::string corpusContentHash(const Corpus& corpus);

}  // namespace atlas
