// JSON Lines corpora: any bytes load what can be loaded; every article's text is what its line
// said (kept byte for byte), ids are unique and messages name a line of the input. Read again a
// few bytes at a time (every line cut by reads, the buffer grown), the same bytes give the same
// articles and messages.
#include <algorithm>
#include <set>
#include <string>

#include "core/corpus.h"
#include "core/jsonl_reader.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  const atlas::Corpus corpus = atlas::parseJsonlCorpus(text, "fuzz.jsonl");
  std::set<std::string> ids;
  for (const auto& a : corpus.articles) {
    FUZZ_CHECK(!a.id.empty());
    FUZZ_CHECK(ids.insert(a.id).second);
    FUZZ_CHECK(a.text.find_first_not_of(" \t\r\n") != std::string::npos);
    FUZZ_CHECK(a.source.rfind("fuzz.jsonl:", 0) == 0);
  }
  for (const auto& d : corpus.diagnostics) {
    FUZZ_CHECK(d.file == "fuzz.jsonl");
    FUZZ_CHECK(d.line >= 0 && d.line <= lines);
  }
  atlas::JsonlArticleReader reader(text, "fuzz.jsonl", 1 + size % 13);
  atlas::Diagnostics diags;
  size_t n = 0;
  for (atlas::Article a; reader.next(a, diags); ++n) {
    FUZZ_CHECK(n < corpus.articles.size());
    const atlas::Article& b = corpus.articles[n];
    FUZZ_CHECK(a.id == b.id && a.source == b.source && a.text == b.text);
    FUZZ_CHECK(a.published == b.published && a.outlet == b.outlet && a.title == b.title);
  }
  FUZZ_CHECK(n == corpus.articles.size());
  FUZZ_CHECK(reader.bytesRead() == size);
  FUZZ_CHECK(diags.size() == corpus.diagnostics.size());
  for (size_t i = 0; i < diags.size(); ++i)
    FUZZ_CHECK(diags[i].format() == corpus.diagnostics[i].format());
  return 0;
}
