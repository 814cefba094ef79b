// Names after plural and dual heads ("تلتي الرخم والمؤتة"), a place named inside another ("في"),
// lists opened by brackets, quotes and colons, towns as confident list members, head words that
// begin a longer name, and the article confirming a name that needs context. Sentences written
// for the project in the styles of 2016 reporting from both sides; the gazetteer is written here.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"

using namespace atlas;

namespace {

// id, kind, needs_context, aliases, context aliases.
const char* const kRows[][5] = {
    {"tal-al-rakhm", "site", "0", "تلة الرخم", "الرخم"},
    {"tal-muta", "site", "0", "تلة مؤتة|تلة المؤتة", ""},
    {"humat-al-diyar-school", "site", "0", "مدرسة حماة الديار", ""},
    {"al-amal-school", "site", "0", "مدرسة الأمل", ""},
    {"artillery-academy", "site", "0", "كلية المدفعية", "المدفعية"},
    {"armament-school", "site", "0", "كلية التسليح", "التسليح"},
    {"assad-academy", "site", "0", "أكاديمية الأسد العسكرية", ""},
    {"al-hamdaniyah", "neighbourhood", "1", "", "الحمدانية"},
    {"al-farafra", "neighbourhood", "1", "", "الفرافرة"},
    {"al-sukkari", "neighbourhood", "1", "", "السكري"},
    {"al-mashhad", "neighbourhood", "1", "", "المشهد"},
    {"al-jalloum", "neighbourhood", "1", "", "الجلوم"},
    {"al-rashidin", "neighbourhood", "1", "حي الراشدين", "الراشدين"},
    {"al-kallaseh", "neighbourhood", "0", "الكلاسة", ""},
    {"bustan-al-qasr", "neighbourhood", "0", "بستان القصر", ""},
    {"ayn-al-tal", "neighbourhood", "1", "", "عين التل"},
    {"bustan-al-basha", "neighbourhood", "0", "بستان الباشا", ""},
    {"khan-al-asal", "town", "0", "خان العسل", ""},
    {"citadel", "site", "0", "قلعة حلب", ""},
    {"supplies-battalion", "site", "0", "كتيبة التعيينات", ""},
    {"jazmati-roundabout", "site", "0", "دوار الجزماتي|مستديرة الجزماتي", ""},
    {"helwaniyeh-roundabout", "site", "0", "دوار الحلوانية|مستديرة الحلوانية", ""},
};

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    std::string tsv =
        "id\tkind\tname_ar\tname_en\tlat\tlon\tneeds_context\taliases\tcontext_"
        "aliases\n";
    for (const auto& r : kRows)
      tsv += std::string(r[0]) + '\t' + r[1] + "\tx\t" + r[0] + "\t36.2\t37.15\t" + r[2] + '\t' +
             r[3] + '\t' + r[4] + '\n';
    GazetteerLoadResult result = parseGazetteer(tsv, "test");
    EXPECT_TRUE(result.diagnostics.empty());
    return *result.gazetteer;
  }();
  return g;
}

std::string ids(const std::string& text) {
  static const PlaceMatcher matcher(gazetteer());
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<PlaceMatch> matches;
  matcher.match(f, matches);
  std::string s;
  for (const PlaceMatch& m : matches)
    s += (s.empty() ? "" : " ") + gazetteer().places[m.candidates[0]].id;
  return s;
}

}  // namespace

TEST(MatcherCompounds, APluralOrDualHeadLendsItsWordToEachMember) {
  // Pro-government style: two hills south of the city.
  EXPECT_EQ(ids("بسط الجيش سيطرته على تلتي الرخم والمؤتة جنوب المدينة"), "tal-al-rakhm tal-muta");
  // Opposition style, the names in quotes.
  EXPECT_EQ(ids("تقدم الثوار نحو مدرستي \"حماة الديار، والأمل\" وسط الضاحية"),
            "humat-al-diyar-school al-amal-school");
  EXPECT_EQ(ids("سيطر الثوار على كليات المدفعية والتسليح"), "artillery-academy armament-school");
  EXPECT_EQ(ids("وكليتي المدفعية والتسليح"), "artillery-academy armament-school");
  // "كتيبة" also names armed units; its dual heads a list of bases.
  EXPECT_EQ(ids("بعد سيطرة المقاتلين على كتيبتي التعيينات والمدفعية"),
            "supplies-battalion artillery-academy");
  EXPECT_EQ(ids("باسطاً نفوذه على مستديرتي الحلوانية والجزماتي"),
            "helwaniyeh-roundabout jazmati-roundabout");
  // Without the plural head the short forms are ordinary words.
  EXPECT_EQ(ids("أطلقت المدفعية قذائفها"), "");
  EXPECT_EQ(ids("تلتي الأمل"), "");  // no "تلة الأمل" in the gazetteer
}

TEST(MatcherCompounds, AConfidentPlaceFollowedByFiNamesThePlaceItIsIn) {
  EXPECT_EQ(ids("المباني المحاذية لأكاديمية الأسد العسكرية في الحمدانية"),
            "assad-academy al-hamdaniyah");
  // Only right after it: "في" after an ordinary word gives nothing.
  EXPECT_EQ(ids("قصف في الحمدانية"), "");
  EXPECT_EQ(ids("أكاديمية الأسد العسكرية وقتلى في الحمدانية"), "assad-academy");
  // "ب" right after the site is "في" too, for a district or a town; not for "with artillery".
  EXPECT_EQ(ids("تمركزت القوات في أكاديمية الأسد العسكرية بالحمدانية"),
            "assad-academy al-hamdaniyah");
  EXPECT_EQ(ids("قصف الجيش أكاديمية الأسد العسكرية بالمدفعية"), "assad-academy");
}

TEST(MatcherCompounds, BracketsQuotesAndColonsOpenLists) {
  // "(عين التل، بستان الباشا...)": the list starts at the bracket, its confident member reaches
  // back to the first name.
  EXPECT_EQ(ids("من القسم الشمالي (عين التل، بستان الباشا)"), "ayn-al-tal bustan-al-basha");
  // "وهي “السكري، المشهد، بستان القصر”".
  EXPECT_EQ(ids("ما تبقى من أحياء خاضعة للمعارضة وهي “السكري، المشهد، بستان القصر”"),
            "al-sukkari al-mashhad bustan-al-qasr");
  // "أحياء: الجلوم، والكلاسة".
  EXPECT_EQ(ids("ماتزال المعارضة تسيطر على أحياء: الجلوم، والكلاسة"), "al-jalloum al-kallaseh");
}

TEST(MatcherCompounds, ATownGivesContextToItsList) {
  EXPECT_EQ(ids("أرتال تعزيزاتهم القادمة من خان العسل والراشدين غرب حلب"),
            "khan-al-asal al-rashidin");
}

TEST(MatcherCompounds, AHeadWordThatBeginsALongerNameStillIntroducesTheName) {
  // "حي الراشدين" is itself a name that needs context: the head reads as a head.
  EXPECT_EQ(ids("ومنها إلى حي الراشدين باتجاه خان طومان"), "al-rashidin");
}

TEST(MatcherCompounds, TheArticleConfirmsANameItGivesContextElsewhere) {
  Corpus corpus;
  Article a;
  a.id = "a";
  a.published = Date{2016, 9, 28};
  // "حي الفرافرة" once; "الفرافرة" alone twice more, in sentences about no fighting: all three
  // count, two of them through the article.
  a.text = "طهر الجيش حي الفرافرة. زار الوفد الفرافرة أمس. وتحدث السكان عن الفرافرة طويلا.";
  Article b;
  b.id = "b";
  b.published = Date{2016, 9, 28};
  // Never with context in this article: the ordinary word stays a word.
  b.text = "زار الوفد الفرافرة أمس. وقال السكري إن الطريق مفتوح.";
  corpus.articles = {a, b};
  const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
  int inA = 0, inB = 0, byArticle = 0;
  for (const Mention& m : r.mentions) {
    (m.doc == 0 ? inA : inB) += 1;
    byArticle += m.contextFromArticle;
    EXPECT_EQ(gazetteer().places[m.place].id, "al-farafra");
    EXPECT_EQ(m.candidates, std::vector<int>{m.place});  // whole after the article's pass
  }
  EXPECT_EQ(inA, 3);
  EXPECT_EQ(inB, 0);
  EXPECT_EQ(byArticle, 2);
}

TEST(MatcherCompounds, APlaceNearByConfirmsANameOfSeveralWords) {
  // "كتيبة الصواريخ" needs context (many battalions bear the name). The al-Hikma school, 700 m
  // away, gives it; al-Shaar, 8 km away in the east, does not.
  static const Gazetteer near = [] {
    GazetteerLoadResult result = parseGazetteer(
        "id\tkind\tname_ar\tname_en\tlat\tlon\tneeds_context\taliases\tcontext_aliases\n"
        "hikma-school\tsite\tمدرسة الحكمة\tal-Hikma school\t36.156\t37.103\t0\tمدرسة الحكمة\t\n"
        "missile-battalion-sw\tsite\tكتيبة الصواريخ\tMissile battalion\t36.150\t37.105\t1\t\t"
        "كتيبة الصواريخ\n"
        "al-shaar\tneighbourhood\tالشعار\tal-Shaar\t36.2105\t37.180\t0\tالشعار\t\n",
        "test");
    EXPECT_TRUE(result.diagnostics.empty());
    return *result.gazetteer;
  }();
  auto found = [](const std::string& text) {
    Corpus corpus;
    Article a;
    a.id = "a";
    a.published = Date{2016, 8, 3};
    a.text = text;
    corpus.articles = {a};
    std::string got;
    for (const Mention& m : extractMentions(corpus, near, 1).mentions)
      got += (got.empty() ? "" : " ") + near.places[m.place].id;
    return got;
  };
  EXPECT_EQ(found("تقدمت الفصائل نحو مدرسة الحكمة. وتضم المنطقة كتيبة الصواريخ ومستودعات أخرى."),
            "hikma-school missile-battalion-sw");
  EXPECT_EQ(found("تقدمت الفصائل في حي الشعار. وتضم المنطقة كتيبة الصواريخ ومستودعات أخرى."),
            "al-shaar");
}

TEST(MatcherCompounds, FightingOrAStrikeRightAfterAPrepositionGivesANameItsContext) {
  // No other mention in the article: the sentence itself says the name is a place.
  const char* placed[][2] = {
      {"تقدمت وحدة من الجيش داخل الفرافرة.", "al-farafra"},
      {"قتل مدني في قصف جوي على السكري بمدينة حلب.", "al-sukkari"},
      {"دارت اشتباكات عنيفة في الراشدين غرب المدينة.", "al-rashidin"},
  };
  // Not without fighting, not after another word, and not the governorate.
  const char* words[] = {
      "وقال السكري إن الطريق مفتوح.",
      "زار الوفد الفرافرة أمس.",
      "قتل مدني في قصف جوي على محافظة حلب.",
  };
  for (const auto& [text, id] : placed) {
    Corpus corpus;
    Article a;
    a.id = "a";
    a.published = Date{2016, 9, 28};
    a.text = text;
    corpus.articles = {a};
    const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
    std::string got;
    for (const Mention& m : r.mentions)
      if (gazetteer().places[m.place].kind != PlaceKind::City)
        got += gazetteer().places[m.place].id;
    EXPECT_EQ(got, id) << text;
  }
  for (const char* text : words) {
    Corpus corpus;
    Article a;
    a.id = "a";
    a.published = Date{2016, 9, 28};
    a.text = text;
    corpus.articles = {a};
    const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
    for (const Mention& m : r.mentions)
      EXPECT_EQ(gazetteer().places[m.place].kind, PlaceKind::City) << text;
  }
}
