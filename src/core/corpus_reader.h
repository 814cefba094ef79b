// A whole corpus read into memory for a session, with its content hash (the extraction cache's
// key), progress and cancel. A big .jsonl file is read in pieces side by side, one per core:
// each piece starts after a line break, counts the lines before it, and is read and hashed by
// its own JsonlArticleReader. The result is the one a single reader gives, messages included;
// when pieces cannot agree on their own (an id in two pieces, a failed read), the file is read
// again in one go. Folders and standard input are read in one go.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/corpus.h"

namespace atlas {

struct CorpusReadOptions {
  bool hash = true;  // work out CorpusRead::contentHash
  int threads = 0;   // pieces of a .jsonl file read at once; 0: one per core
  // A .jsonl file smaller than this is read in one go (tests set it low to cut small files).
  uint64_t minPieceBytes = uint64_t{16} << 20;
  std::atomic<uint64_t>* bytesRead = nullptr;   // input bytes read so far, for progress bars
  std::atomic<uint64_t>* bytesTotal = nullptr;  // the input's size (0: not known)
  const std::atomic<bool>* cancel = nullptr;    // checked between articles
};

struct CorpusRead {
  std::optional<Corpus> corpus;  // empty when it cannot be read or was cancelled
  std::string error;             // why, when empty: one line naming the path
  bool cancelled = false;
  std::string contentHash;  // corpusContentHash (corpus_hash.h), when asked for
  int pieces = 1;           // how the file was read (for tests and benchmarks)
};

CorpusRead readCorpus(const std::filesystem::path& path, const CorpusReadOptions& options = {});

}  // namespace atlas
