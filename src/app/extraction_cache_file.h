// The extraction cache on disk: one file per corpus path in $XDG_CACHE_HOME/aleppo-atlas/
// extraction/, holding the keys it was made for (core/extraction_cache.h). Reading it is an
// optimisation only: any problem means "extract again", said on stderr when it is not the
// expected staleness, and the file is then rewritten. Deleting the folder is always harmless.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/extraction_cache.h"

namespace atlas::app {

// The program's part of the key: its version and a hash of its executable, so any build with
// other code (which may extract differently) does not reuse another build's cache.
std::string programVersionKey();

// The cache file for a corpus path (made absolute) under `root` (cacheDir() by default).
std::filesystem::path extractionCacheFile(const std::filesystem::path& root,
                                          const std::string& corpusPath);

// The file's content, read without the corpus at hand (core's readExtraction: key.corpus may be
// empty and is then compared by the caller); nullopt when there is no file. Says nothing.
std::optional<CachedExtraction> readExtractionCacheFile(const std::filesystem::path& file,
                                                        const ExtractionCacheKey& key,
                                                        size_t places);

// The extraction in `cached` if it was written for `key` and fits `corpus` and `gazetteer`.
// A cache that is damaged (not merely stale) is said on stderr, naming the file.
std::optional<ExtractionResult> useExtractionCache(const std::filesystem::path& file,
                                                   std::optional<CachedExtraction> cached,
                                                   const ExtractionCacheKey& key,
                                                   const Corpus& corpus);

// Writes the cache atomically (a failure is said on stderr; nothing else depends on it).
void writeExtractionCache(const std::filesystem::path& file, const ExtractionResult& extraction,
                          const Corpus& corpus, const ExtractionCacheKey& key);

}  // namespace atlas::app
