// A name two places share is read as the one nearer the other places its article names, when one
// is clearly nearer (extraction.cpp, resolveByNeighbours); otherwise it stays ambiguous. The
// gazetteer is written here: two estates called "السكن الشبابي" about 7 km apart, and a district
// beside each (positions from the project's gazetteer, rounded).
#include <gtest/gtest.h>

#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    const std::string tsv =
        "id\tkind\tname_ar\tname_en\tlat\tlon\tneeds_context\tambiguous\taliases\tcontext_aliases\n"
        "youth-housing-nw\tsite\tالسكن الشبابي\tnw\t36.2425\t37.1367\t0\t\tالسكن الشبابي\t\n"
        "youth-housing-east\tsite\tالسكن الشبابي\teast\t36.2009\t37.2103\t0\t\tالسكن الشبابي\t\n"
        "bani-zaid\tneighbourhood\tبني زيد\tbz\t36.2350\t37.1500\t0\t\tبني زيد\t\n"
        "sheikh-saeed\tneighbourhood\tالشيخ سعيد\tss\t36.1700\t37.2000\t0\t\tالشيخ سعيد\t\n"
        "aleppo\tcity\tحلب\taleppo\t36.2000\t37.1500\t0\t\tحلب\t\n";
    GazetteerLoadResult result = parseGazetteer(tsv, "test");
    EXPECT_TRUE(result.diagnostics.empty());
    return *result.gazetteer;
  }();
  return g;
}

// The place the article's "السكن الشبابي" was read as ("?" when it stayed ambiguous).
std::string youthHousing(const std::string& text) {
  Corpus corpus;
  Article& a = corpus.articles.emplace_back();
  a.text = text;
  a.published = Date{2016, 12, 3};
  const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
  for (const Mention& m : r.mentions)
    if (text.compare(m.start, m.end - m.start, "السكن الشبابي") == 0)
      return m.ambiguous ? "?" : gazetteer().places[static_cast<size_t>(m.place)].id;
  ADD_FAILURE() << "no mention of the estate in: " << text;
  return {};
}

}  // namespace

TEST(ToponymResolution, TheEstateNearTheArticlesOtherPlaces) {
  EXPECT_EQ(youthHousing("سيطرت قوات النظام على حي بني زيد ومنطقة السكن الشبابي."),
            "youth-housing-nw");
  EXPECT_EQ(youthHousing("تدور اشتباكات في الشيخ سعيد. وتقدم الثوار في السكن الشبابي."),
            "youth-housing-east");
}

TEST(ToponymResolution, WithoutOtherPlacesItStaysAmbiguous) {
  EXPECT_EQ(youthHousing("تدور اشتباكات في السكن الشبابي."), "?");
  // The city says nothing about which: it is an area, not a point to be near.
  EXPECT_EQ(youthHousing("تدور اشتباكات في السكن الشبابي في حلب."), "?");
}
