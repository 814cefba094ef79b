// The user's articles as loaded from disk. The text bytes are kept exactly as read
// (a BOM included): every offset elsewhere in the model points into Article::text.
#pragma once

#include <filesystem>
#include <map>
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
  // The text is known to be valid UTF-8 (a decoded JSON string): writers need not check it.
  bool validUtf8 = false;
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

// A folder of .txt articles with a MANIFEST.tsv (file, published, outlet, ...), a .jsonl file,
// or "-": JSON Lines on standard input. The articles of openArticleStream (article_stream.h),
// gathered.
CorpusLoadResult loadCorpus(const std::filesystem::path& path);

// The parsers behind loadCorpus, on bytes already read (for tests and fuzzing). `name` is the
// file name used in messages.
struct ManifestRow {
  std::optional<Date> published;
  std::string outlet;
  int line = 0;  // 1-based line of the row in the manifest
};
// MANIFEST.tsv: rows by file name. Bad rows are reported in `diags` and skipped or kept
// without a date; a later duplicate row wins.
std::map<std::string, ManifestRow> parseManifest(const std::string& text, const std::string& name,
                                                 Diagnostics& diags);
// JSON Lines: one article per line ({"id", "published", "outlet", "title", "text"}), read by
// JsonlArticleReader (jsonl_reader.h) as a .jsonl file is.
Corpus parseJsonlCorpus(const std::string& text, const std::filesystem::path& path);
// Checks an article's bytes (empty, UTF-16, NUL, invalid UTF-8); false if it cannot be used at
// all. `line` is the article's line in its file (JSONL), 0 for a file of its own. `validUtf8`:
// the text is known to be valid UTF-8 (a decoded JSON string), so it is not checked again.
bool checkArticleText(const std::string& name, const std::string& text, int line,
                      Diagnostics& diags, bool validUtf8 = false);

}  // namespace atlas
