// The gazetteer asset: any bytes give places and messages naming a line, never a crash; the
// places it gives can build a matcher that runs over a real sentence.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string tsv(reinterpret_cast<const char*>(data), size);
  const int lines = 1 + static_cast<int>(std::count(tsv.begin(), tsv.end(), '\n'));
  const atlas::GazetteerLoadResult r = atlas::parseGazetteer(tsv, "gazetteer.tsv");
  for (const auto& d : r.diagnostics) {
    FUZZ_CHECK(d.file == "gazetteer.tsv");
    FUZZ_CHECK(d.line >= 0 && d.line <= lines);
  }
  if (!r.gazetteer) return 0;
  const atlas::Gazetteer& g = *r.gazetteer;
  FUZZ_CHECK(g.byId.size() == g.places.size());
  for (const atlas::Place& p : g.places) {
    FUZZ_CHECK(g.find(p.id) == &p);
    if (p.hasPosition()) {
      FUZZ_CHECK(std::isfinite(*p.lat) && *p.lat >= -90 && *p.lat <= 90);
      FUZZ_CHECK(std::isfinite(*p.lon) && *p.lon >= -180 && *p.lon <= 180);
    }
  }
  const atlas::PlaceMatcher matcher(g);
  // A sentence with head words, lists, clitics and names glued together.
  static const std::string sentence =
      "\xD8\xAA\xD9\x82\xD8\xAF\xD9\x85 \xD9\x81\xD9\x8A \xD8\xAD\xD9\x8A "
      "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x8A\xD8\xAE \xD8\xB3\xD8\xB9\xD9\x8A\xD8\xAF "
      "\xD9\x88\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD9\x85\xD9\x88\xD8\xB3\xD8\xA9 "
      "\xD9\x88\xD8\xA8\xD9\x84\xD8\xAF\xD8\xA9 \xD8\xAD\xD9\x84\xD8\xA8" +
      tsv.substr(0, std::min<size_t>(tsv.size(), 512));
  atlas::FoldedText folded;
  atlas::foldRange(sentence, 0, static_cast<uint32_t>(sentence.size()), folded);
  std::vector<atlas::PlaceMatch> matches;
  matcher.match(folded, matches);
  for (const auto& m : matches) {
    FUZZ_CHECK(m.from < m.to && m.to <= folded.chars.size());
    FUZZ_CHECK(!m.candidates.empty());
    for (int c : m.candidates) FUZZ_CHECK(c >= 0 && c < static_cast<int>(g.places.size()));
  }
  return 0;
}
