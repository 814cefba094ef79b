// The extraction of a corpus saved to bytes and read back, so that reopening a big corpus does
// not extract it again. The bytes start with the keys they were made for (the corpus content,
// the gazetteer, the program version) and end with a checksum: a reader given other keys, or
// bytes that are cut short or damaged, gets nothing back and a reason, and the caller extracts
// afresh. Pure: the file and its place ($XDG_CACHE_HOME) are the app's business.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/corpus_hash.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

// What an extraction depends on. Each is a 128-bit hash in hex (XXH3), or any text (version).
struct ExtractionCacheKey {
  std::string corpus;     // corpusContentHash: ids, dates, outlets, titles and texts, in order
  std::string gazetteer;  // contentHash of gazetteer.tsv's bytes
  std::string version;    // the program that extracted (its version and a hash of its code)
  friend bool operator==(const ExtractionCacheKey&, const ExtractionCacheKey&) = default;
};

// The bytes to write, to a sink a chunk at a time (a cache of a big corpus is hundreds of
// megabytes: it is never held whole), or as one string.
using ByteSink = std::function<void(std::string_view)>;
// `corpus` is the one extracted: the sizes of its texts are stored, to check offsets against.
void serializeExtraction(const ExtractionResult& extraction, const Corpus& corpus,
                         const ExtractionCacheKey& key, const ByteSink& sink);
std::string serializeExtraction(const ExtractionResult& extraction, const Corpus& corpus,
                                const ExtractionCacheKey& key);

// Where serialized bytes are read from, a chunk at a time: fills up to `max` bytes at `into` and
// returns how many (0 at the end).
using ByteSource = std::function<size_t(char* into, size_t max)>;

struct CachedExtraction {
  std::optional<ExtractionResult> extraction;  // empty: not usable (see stale / why)
  bool stale = false;          // written for other keys: expected after any change, not an error
  std::string why;             // what was wrong, when not usable
  ExtractionCacheKey written;  // the keys the bytes were written for
  std::vector<uint64_t> textSizes;  // the size of each article's text, as written
};

// The two halves of deserializeExtraction, so that the cache can be read while the corpus is
// (the corpus's key and offsets are known only once it is read):
//  - readExtraction checks the format, the checksum, every value's range and the keys given
//    (an empty key.corpus is not compared: the caller compares `written` later), and every
//    index and offset against the gazetteer's size and the text sizes the file holds;
//  - checkTextSizes compares those sizes with the corpus's texts, and says what is wrong
//    (empty: nothing). Together: no offset can point outside its article.
CachedExtraction readExtraction(const ByteSource& source, const ExtractionCacheKey& key,
                                size_t places);
std::string checkTextSizes(const CachedExtraction& cached, const Corpus& corpus);

// Reads bytes written by serializeExtraction for `key`; checks every index and offset against
// `corpus` and `gazetteer`, so damaged bytes cannot point outside them.
CachedExtraction deserializeExtraction(const ByteSource& source, const ExtractionCacheKey& key,
                                       const Corpus& corpus, const Gazetteer& gazetteer);
CachedExtraction deserializeExtraction(std::string_view bytes, const ExtractionCacheKey& key,
                                       const Corpus& corpus, const Gazetteer& gazetteer);

}  // namespace atlas
