// The matcher on hand-made sentences: clitics, heads, run-together words, ambiguity.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"

using namespace atlas;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

struct Found {
  std::string surface;
  std::string place;  // "?" when ambiguous
};

std::vector<Found> find(const std::string& text) {
  static PlaceMatcher matcher(gazetteer());
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<PlaceMatch> matches;
  matcher.match(f, matches);
  std::vector<Found> out;
  for (const PlaceMatch& m : matches) {
    const uint32_t a = f.originalStart(m.from), b = f.originalEnd(m.to);
    out.push_back(
        {text.substr(a, b - a), m.ambiguous ? "?" : gazetteer().places[m.candidates[0]].id});
  }
  return out;
}

std::string ids(const std::vector<Found>& found) {
  std::string s;
  for (const Found& f : found) s += (s.empty() ? "" : " ") + f.place;
  return s;
}

}  // namespace

TEST(Matcher, EachProcliticIsPeeledOnlyBeforeAName) {
  EXPECT_EQ(ids(find("وبستان الباشا")), "bustan-al-basha");
  EXPECT_EQ(ids(find("فبستان الباشا")), "bustan-al-basha");
  EXPECT_EQ(ids(find("ببستان الباشا")), "bustan-al-basha");
  EXPECT_EQ(ids(find("كبستان الباشا")), "bustan-al-basha");
  EXPECT_EQ(ids(find("لمستشفى الكندي")), "al-kindi-hospital");
  EXPECT_EQ(ids(find("وبالراموسة")), "al-ramouseh");
  // لل = ل + ال: "للشيخ سعيد".
  EXPECT_EQ(ids(find("للشيخ سعيد")), "sheikh-saeed");
  // The surface excludes the clitic.
  EXPECT_EQ(find("والعويجة")[0].surface, "العويجة");
  // A word that merely starts like a clitic + name is not a name: "بحلبة" (in an arena).
  EXPECT_EQ(ids(find("أشبه بحلبة صراع")), "");
}

TEST(Matcher, NoSuffixStemming) {
  EXPECT_EQ(ids(find("حلبي")), "");
  EXPECT_EQ(ids(find("الراموسات")), "");
}

TEST(Matcher, LongestMatchWins) {
  EXPECT_EQ(ids(find("في باب النيرب")), "bab-al-nairab");  // not the town al-Nayrab
  EXPECT_EQ(ids(find("طريق الباب")), "tariq-al-bab");      // not the town al-Bab
  EXPECT_EQ(ids(find("ريف حلب الشمالي")), "aleppo-countryside");
  EXPECT_EQ(ids(find("حلب القديمة")), "old-city");
  EXPECT_EQ(ids(find("الأحياء الشرقية من مدينة حلب")), "east-aleppo");
}

TEST(Matcher, SpellingVariantsAndDiacritics) {
  EXPECT_EQ(ids(find("شيخ سعد")), "sheikh-saeed");
  EXPECT_EQ(ids(find("الشيخ سعيد")), "sheikh-saeed");
  EXPECT_EQ(ids(find("مشفي الكندي")), "al-kindi-hospital");
  EXPECT_EQ(ids(find("مشفى الكندي")), "al-kindi-hospital");
  EXPECT_EQ(ids(find("مستشفى الكندي")), "al-kindi-hospital");
  EXPECT_EQ(ids(find("الهُلك")), "al-halak");
  EXPECT_EQ(ids(find("العويجه")), "al-uwayja");  // ة written as ه
  EXPECT_EQ(ids(find("إعزاز")), "azaz");
  EXPECT_EQ(ids(find("بستان  الباشا")), "bustan-al-basha");  // two spaces
}

TEST(Matcher, HashtagsAreTheirWords) {
  // Reports quote activists' hashtags: "#دوار_الليرمون" is the roundabout, not "الليرمون".
  EXPECT_EQ(ids(find("هجوم قرب #دوار_الليرمون")), "layramoun-roundabout");
  EXPECT_EQ(ids(find("قصف على #مساكن_هنانو و#الصاخور")), "masakin-hanano al-sakhour");
  const std::vector<Found> f = find("#مساكن_هنانو");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].surface, "مساكن_هنانو");  // the text shown is the report's own
}

TEST(Matcher, OrdinaryWordsNeedAHeadWord) {
  // "الميسر" (gambling), "السفيرة" (the ambassador), "الباب" (the door): not places alone.
  EXPECT_EQ(ids(find("تحريم الميسر")), "");
  EXPECT_EQ(ids(find("قالت السفيرة")), "");
  EXPECT_EQ(ids(find("فتح الباب")), "");
  EXPECT_EQ(ids(find("حي الميسر")), "al-myassar");
  EXPECT_EQ(ids(find("بلدة السفيرة")), "al-safira");
  EXPECT_EQ(ids(find("مدينة الباب")), "al-bab");
  // The head word with its preposition: "بحي", "لحي", "وبحي", "ببلدة".
  EXPECT_EQ(ids(find("قذائف بحي الميسر")), "al-myassar");
  EXPECT_EQ(ids(find("مبنى تابع لحي الميسر")), "al-myassar");
  EXPECT_EQ(ids(find("وبحي الميسر")), "al-myassar");
  EXPECT_EQ(ids(find("اشتباكات ببلدة السفيرة")), "al-safira");
  // (Only head words: "بالميسر" alone is still the game.)
  EXPECT_EQ(ids(find("لعب بالميسر")), "");
}

TEST(Matcher, AHeadCarriesAlongAListOfNames) {
  EXPECT_EQ(ids(find("أحياء بستان القصر والعامرية والإذاعة وجب الشلبي")),
            "bustan-al-qasr al-amiriyah al-izaa jub-al-shalabi");
  // ...but not past an ordinary word.
  EXPECT_EQ(ids(find("حي الميسر في المشهد")), "al-myassar");
}

TEST(Matcher, AmbiguousNamesAreResolvedByContextOrMarked) {
  EXPECT_EQ(ids(find("بلدتي نبل والزهراء")), "nubl al-zahraa");
  EXPECT_EQ(ids(find("حي الزهراء")), "jamiat-al-zahra");
  EXPECT_EQ(ids(find("جمعية الزهراء")), "jamiat-al-zahra");
  EXPECT_EQ(ids(find("قصفت الزهراء")), "?");  // town or neighbourhood: not guessed
  EXPECT_EQ(ids(find("حي الفرقان")), "al-furqan");
  EXPECT_EQ(ids(find("مبنى الإذاعة")), "?");  // "the radio" or the neighbourhood
}

TEST(Matcher, WordsRunTogetherByScraping) {
  // A long name glued to the word before or after it is still found, and flagged.
  FoldedText f;
  const std::string text = "قصفتالراموسة أمس";
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<PlaceMatch> m;
  PlaceMatcher(gazetteer()).match(f, m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].runTogether);
  EXPECT_EQ(gazetteer().places[m[0].candidates[0]].id, "al-ramouseh");
  EXPECT_EQ(ids(find("بستان الباشاوالعويجة")), "bustan-al-basha");
  // Short names are never looked for inside words: "حلب" in "الحلبي" is not the city.
  EXPECT_EQ(ids(find("الحلبية")), "");
}

TEST(Matcher, PlacesOutsideAleppoAreNotFound) {
  EXPECT_EQ(ids(find("ريف دمشق الغربي ومحيط اللواء 75 وموسكو وجنيف وبكينموسكو")), "");
}
