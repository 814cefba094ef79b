// Place matching, as the app runs it: the input is one article, put through the whole
// extraction pipeline (ICU sentences, folding, words, the matcher with the shipped gazetteer,
// dates, events). Every mention's byte range lies inside its sentence and the article.
#include <cstdlib>
#include <string>

#include "core/extraction.h"
#include "fuzz_target.h"

namespace {
const atlas::Gazetteer* gGazetteer = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static atlas::GazetteerLoadResult loaded =
      atlas::loadGazetteer(std::string(ATLAS_FUZZ_ASSETS_DIR) + "/gazetteer.tsv");
  if (!loaded.gazetteer) {
    std::fprintf(stderr, "fuzz_matcher: cannot load the gazetteer\n");
    std::abort();
  }
  gGazetteer = &*loaded.gazetteer;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  atlas::Corpus corpus;
  atlas::Article& a = corpus.articles.emplace_back();
  a.id = "fuzz";
  a.text.assign(reinterpret_cast<const char*>(data), size);
  a.published = atlas::Date{2016, 10, 10};
  const atlas::ExtractionResult r = atlas::extractMentions(corpus, *gGazetteer, 1);
  FUZZ_CHECK(r.sentenceCount.size() == 1);
  for (const atlas::Mention& m : r.mentions) {
    FUZZ_CHECK(m.doc == 0);
    FUZZ_CHECK(m.sentence >= 0 && m.sentence < r.sentenceCount[0]);
    FUZZ_CHECK(m.sentenceStart <= m.start && m.start <= m.end && m.end <= m.sentenceEnd);
    FUZZ_CHECK(m.sentenceEnd <= size);
    FUZZ_CHECK(!m.candidates.empty());
    for (int c : m.candidates)
      FUZZ_CHECK(c >= 0 && c < static_cast<int>(gGazetteer->places.size()));
    FUZZ_CHECK(m.ambiguous ? m.place == -1 : m.place == m.candidates.front());
    if (m.headEnd > 0) FUZZ_CHECK(m.headStart <= m.headEnd && m.headEnd <= size);
    if (m.date && m.dateEnd) FUZZ_CHECK(*m.date <= *m.dateEnd);
  }
  return 0;
}
