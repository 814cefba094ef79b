// Articles one at a time, from a folder of .txt files with a MANIFEST.tsv, a .jsonl file, or
// JSON Lines on standard input ("-"). Memory is bounded by the largest article, so a corpus of
// any size can be read (extract streams; loadCorpus gathers the articles into a Corpus).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/corpus.h"

namespace atlas {

class ArticleStream {
 public:
  virtual ~ArticleStream() = default;
  // The next usable article. Problems (bad lines, unreadable files, bad dates, invalid UTF-8)
  // are appended to `diags` with their file and line, and the stream goes on with the rest.
  // False at the end of the input.
  virtual bool next(Article& out, Diagnostics& diags) = 0;
  // Input bytes consumed so far, and the total if known (0 when not: standard input), for
  // progress bars.
  virtual uint64_t bytesRead() const = 0;
  virtual uint64_t bytesTotal() const = 0;
};

struct ArticleStreamOpenResult {
  std::unique_ptr<ArticleStream> stream;  // null when the corpus cannot be read at all
  std::string error;                      // why, when null: one line naming the path
};

// "-" reads JSON Lines from standard input (ids of lines without one: "stdin:LINE").
ArticleStreamOpenResult openArticleStream(const std::filesystem::path& path);

}  // namespace atlas
