// The user's articles as loaded from disk. The text bytes are kept exactly as read
// (a BOM included): every offset elsewhere in the model points into Article::text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace atlas {

struct Article {
  std::string id;      // file name without extension, or the JSONL "id"
  std::string source;  // path the text came from (for messages and the reader)
  std::string text;    // original bytes, UTF-8
  std::optional<Date> published;
  std::string outlet;  // may be empty
  std::string title;   // may be empty
};

struct Corpus {
  std::filesystem::path root;
  std::vector<Article> articles;
  Diagnostics diagnostics;  // problems found while loading; the rest still loaded
};

struct CorpusLoadResult {
  std::optional<Corpus> corpus;  // empty when nothing at all could be loaded
  std::string error;             // why, when corpus is empty: one line naming the path
};

// A folder of .txt articles with a MANIFEST.tsv (file, published, outlet, ...).
CorpusLoadResult loadCorpus(const std::filesystem::path& path);

}  // namespace atlas
