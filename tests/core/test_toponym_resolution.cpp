// A name two places share is read as the one nearer the other places its article names, when one
// is clearly nearer (extraction.cpp, resolveByNeighbours); otherwise it stays ambiguous. The
// gazetteer is written here: two estates called "السكن الشبابي" about 7 km apart (the name is
// the north-western one's own; the other's is "السكن الشبابي في المعصرانية"), a district beside
// each, and a name two places own alike (positions from the project's gazetteer, rounded).
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
        "youth-housing-east\tsite\tالسكن الشبابي في المعصرانية\teast\t36.2009\t37.2103\t0\t\t"
        "السكن الشبابي في المعصرانية|السكن الشبابي\t\n"
        "tal-west\tsite\tتل المدرسة\tw\t36.2400\t37.1300\t0\t\tتل المدرسة\t\n"
        "tal-east\tsite\tتل المدرسة\te\t36.2000\t37.2100\t0\t\tتل المدرسة\t\n"
        "bani-zaid\tneighbourhood\tبني زيد\tbz\t36.2350\t37.1500\t0\t\tبني زيد\t\n"
        "sheikh-saeed\tneighbourhood\tالشيخ سعيد\tss\t36.1700\t37.2000\t0\t\tالشيخ سعيد\t\n"
        "aleppo\tcity\tحلب\taleppo\t36.2000\t37.1500\t0\t\tحلب\t\n";
    GazetteerLoadResult result = parseGazetteer(tsv, "test");
    EXPECT_TRUE(result.diagnostics.empty());
    return *result.gazetteer;
  }();
  return g;
}

// The place the article's `name` was read as ("?" when it stayed ambiguous).
std::string readAs(const std::string& text, const std::string& name) {
  Corpus corpus;
  Article& a = corpus.articles.emplace_back();
  a.text = text;
  a.published = Date{2016, 12, 3};
  const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
  for (const Mention& m : r.mentions)
    if (text.compare(m.start, m.end - m.start, name) == 0)
      return m.ambiguous ? "?" : gazetteer().places[static_cast<size_t>(m.place)].id;
  ADD_FAILURE() << "no mention of " << name << " in: " << text;
  return {};
}

std::string youthHousing(const std::string& text) { return readAs(text, "السكن الشبابي"); }

}  // namespace

TEST(ToponymResolution, TheEstateNearTheArticlesOtherPlaces) {
  EXPECT_EQ(youthHousing("سيطرت قوات النظام على حي بني زيد ومنطقة السكن الشبابي."),
            "youth-housing-nw");
  EXPECT_EQ(youthHousing("تدور اشتباكات في الشيخ سعيد. وتقدم الثوار في السكن الشبابي."),
            "youth-housing-east");
}

TEST(ToponymResolution, WithoutOtherPlacesItIsThePlaceWhoseOwnNameItIs) {
  EXPECT_EQ(youthHousing("تدور اشتباكات في السكن الشبابي."), "youth-housing-nw");
  // The city says nothing about which: it is an area, not a point to be near.
  EXPECT_EQ(youthHousing("تدور اشتباكات في السكن الشبابي في حلب."), "youth-housing-nw");
}

TEST(ToponymResolution, ANameTwoPlacesOwnAlikeStaysAmbiguousWithoutNeighbours) {
  EXPECT_EQ(readAs("تدور اشتباكات على تل المدرسة.", "تل المدرسة"), "?");
  EXPECT_EQ(readAs("تدور اشتباكات على تل المدرسة قرب حي بني زيد.", "تل المدرسة"), "tal-west");
}

// A shared name is still a place of its kind: a taking of it is a claim.
TEST(ToponymResolution, ASharedNameCarriesItsClaim) {
  Corpus corpus;
  Article& a = corpus.articles.emplace_back();
  a.text = "سيطرت قوات النظام على تل المدرسة.";
  a.published = Date{2016, 12, 3};
  const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
  ASSERT_EQ(r.mentions.size(), 1u);
  EXPECT_TRUE(r.mentions[0].ambiguous);
  EXPECT_EQ(r.mentions[0].claimKind, ClaimKind::Captured);
}
