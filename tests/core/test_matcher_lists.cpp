// The matcher reading the way Arabic news writes: context carried along coordinated lists of
// names, detached "و", marks inside names, names built from common words, generic words, and the
// names of armed groups and people that must not turn into places. The gazetteer is written here
// (not read from assets/) so the sentences test the rules, not the current asset.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"

using namespace atlas;

namespace {

// id, kind, Arabic name, needs_context, ambiguous group, aliases, context aliases.
const char* const kRows[][7] = {
    // Neighbourhoods whose names count anywhere.
    {"al-kallaseh", "neighbourhood", "الكلاسة", "0", "", "الكلاسة", "كلاسة"},
    {"bustan-al-qasr", "neighbourhood", "بستان القصر", "0", "", "بستان القصر", ""},
    {"al-amiriyah", "neighbourhood", "العامرية", "0", "", "العامرية", ""},
    {"tal-al-zarazir", "neighbourhood", "تل الزرازير", "0", "", "تل الزرازير", ""},
    {"al-sakhour", "neighbourhood", "الصاخور", "0", "", "الصاخور", ""},
    {"sheikh-saeed", "neighbourhood", "الشيخ سعيد", "0", "", "الشيخ سعيد", ""},
    {"old-city", "neighbourhood", "حلب القديمة", "0", "", "حلب القديمة", ""},
    // Counts anywhere in this gazetteer, so "كتائب الفرقان" would be found but for the rule on
    // organisations.
    {"al-furqan", "neighbourhood", "الفرقان", "0", "", "الفرقان", ""},
    // Neighbourhoods named by ordinary words (sugar/diabetes, a surname, Saladin, the scene,
    // gambling, the righteous): only with context.
    {"al-sukkari", "neighbourhood", "السكري", "1", "", "", "السكري"},
    {"al-ansari", "neighbourhood", "الأنصاري", "1", "", "", "الأنصاري"},
    {"salah-al-din", "neighbourhood", "صلاح الدين", "1", "", "", "صلاح الدين"},
    {"al-mashhad", "neighbourhood", "المشهد", "1", "", "", "المشهد"},
    {"al-myassar", "neighbourhood", "الميسر", "0", "", "كرم الميسر", "الميسر"},
    {"al-salihin", "neighbourhood", "الصالحين", "1", "", "", "الصالحين"},
    {"al-izaa", "neighbourhood", "الإذاعة", "1", "izaa", "", "الإذاعة"},
    // One name, two places: a neighbourhood and a town.
    {"jamiat-al-zahra", "neighbourhood", "جمعية الزهراء", "0", "zahra", "جمعية الزهراء", "الزهراء"},
    {"al-zahraa", "town", "الزهراء", "1", "zahra", "", "الزهراء"},
    // Sites named with common words, and generic words listed as aliases (to be ignored).
    {"sakhour-roundabout", "site", "دوار الصاخور", "0", "", "دوار الصاخور", ""},
    {"bab-al-nasr", "site", "باب النصر", "0", "", "باب النصر", ""},
    {"citadel", "site", "قلعة حلب", "0", "", "قلعة حلب|القلعة", ""},
    {"umayyad-square", "site", "ساحة الأمويين", "0", "", "ساحة الأمويين|الساحة", ""},
    // One name, two places: the camp it names freely, the village only after a head word.
    {"handarat-camp", "site", "مخيم حندرات", "0", "", "مخيم حندرات|حندرات", ""},
    {"handarat-village", "town", "حندرات", "1", "", "", "حندرات"},
    // A school named with ordinary words, and with the district (which needs context) it is in.
    {"al-shahba", "neighbourhood", "الشهباء", "1", "", "", "الشهباء"},
    {"wataniya-school", "site", "المدرسة الوطنية", "1", "", "",
     "المدرسة الوطنية|المدرسة الوطنية في حي الشهباء|المدرسة الوطنية بحي الشهباء"},
    {"nairab-airport", "site", "مطار النيرب", "0", "", "مطار النيرب|المطار", ""},
    {"ramouseh-crossing", "site", "معبر الراموسة", "0", "",
     "معبر الراموسة|الكليات العسكرية|الكليات", ""},
    {"sheikh-yusuf-hill", "site", "تلة الشيخ يوسف", "0", "", "تلة الشيخ يوسف", ""},
    {"haj-bridge", "site", "جسر الحج", "0", "", "جسر الحج|الجسر", ""},
    {"al-rahman-mosque", "site", "مسجد الرحمن", "0", "", "مسجد الرحمن", ""},
    // Towns and the city.
    {"al-bab", "town", "الباب", "1", "", "", "الباب|باب"},
    {"nubl", "town", "نبل", "0", "", "نبل", ""},
    {"anadan", "town", "عندان", "0", "", "عندان", ""},
    {"dabiq", "town", "دابق", "0", "", "دابق", ""},
    {"al-rai", "town", "الراعي", "1", "", "", "الراعي"},
    {"aleppo", "city", "حلب", "0", "", "حلب", ""},
};

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    std::string tsv =
        "id\tkind\tname_ar\tname_en\tlat\tlon\tneeds_context\tambiguous\taliases\tcontext_"
        "aliases\n";
    for (const auto& r : kRows) {
      tsv += std::string(r[0]) + '\t' + r[1] + '\t' + r[2] + '\t' + r[0] + "\t36.2\t37.15\t" +
             r[3] + '\t' + r[4] + '\t' + r[5] + '\t' + r[6] + '\n';
    }
    GazetteerLoadResult result = parseGazetteer(tsv, "test");
    EXPECT_TRUE(result.diagnostics.empty());
    return *result.gazetteer;
  }();
  return g;
}

const PlaceMatcher& matcher() {
  static const PlaceMatcher m(gazetteer());
  return m;
}

std::vector<PlaceMatch> matchText(const std::string& text, FoldedText& f) {
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<PlaceMatch> matches;
  matcher().match(f, matches);
  return matches;
}

// The places found, in order, "?" for an ambiguous name.
std::string ids(const std::string& text) {
  FoldedText f;
  std::string s;
  for (const PlaceMatch& m : matchText(text, f)) {
    if (!s.empty()) s += ' ';
    s += m.ambiguous ? std::string("?") : gazetteer().places[m.candidates[0]].id;
  }
  return s;
}

// The words found, as written (clitics excluded), separated by "|".
std::string surfaces(const std::string& text) {
  FoldedText f;
  std::string s;
  for (const PlaceMatch& m : matchText(text, f)) {
    const uint32_t a = f.originalStart(m.from), b = f.originalEnd(m.to);
    if (!s.empty()) s += '|';
    s.append(text, a, b - a);
  }
  return s;
}

}  // namespace

TEST(MatcherLists, TheFixtureHasTheNamesTheTestsNeed) {
  EXPECT_EQ(ids("الكلاسة"), "al-kallaseh");
  EXPECT_EQ(ids("السكري"), "");  // alone: diabetes
  EXPECT_EQ(ids("حي السكري"), "al-sukkari");
}

TEST(MatcherLists, AHeadCarriesAlongAListJoinedByCommasAndWaw) {
  // SANA.
  EXPECT_EQ(ids("وحدات من الجيش العربي السوري تعيد الأمن والاستقرار إلى أحياء الكلاسة والسكري "
                "والأنصاري وصلاح الدين في حلب"),
            "al-kallaseh al-sukkari al-ansari salah-al-din aleppo");
  EXPECT_EQ(ids("أحياء بستان القصر والعامرية والإذاعة"), "bustan-al-qasr al-amiriyah al-izaa");
  // Opposition.
  EXPECT_EQ(ids("الثوار يصدون محاولة تقدم لقوات الأسد على جبهة السكري، والأنصاري، والمشهد"),
            "al-sukkari al-ansari al-mashhad");
  EXPECT_EQ(ids("قصف مدفعي يستهدف حيي المشهد و الصالحين"), "al-mashhad al-salihin");
}

TEST(MatcherLists, ANeighbourhoodTheGazetteerLacksKeepsTheHeadsListOpen) {
  // "الحلوم" is in no gazetteer here: one definite word, then a comma or "و", is a member.
  EXPECT_EQ(ids("ما تزال الفصائل تسيطر على أحياء الحلوم، والأنصاري، والمشهد"),
            "al-ansari al-mashhad");
  EXPECT_EQ(ids("قصف على أحياء الحلوم والسكري"), "al-sukkari");
  // A detached "و" after it, as after a name.
  EXPECT_EQ(ids("قصفت الطائرات أحياء الزبذية و الأنصاري و السكري"), "al-ansari al-sukkari");
  // Not a word that ends the list: "أحياء المدينة الأنصاري" has no separator after "المدينة".
  EXPECT_EQ(ids("قصف على أحياء المدينة الأنصاري"), "");
  // Nor after a head that opens no neighbourhood list.
  EXPECT_EQ(ids("قال المرصد، والأنصاري"), "");
}

TEST(MatcherLists, AConfidentMemberCarriesContextToTheRestOfItsList) {
  EXPECT_EQ(ids("الكلاسة، والسكري، والأنصاري، وصلاح الدين"),
            "al-kallaseh al-sukkari al-ansari salah-al-din");
  EXPECT_EQ(ids("الثوار يصدون محاولة تقدم لقوات الأسد في كل من الكلاسة و السكري"),
            "al-kallaseh al-sukkari");
  EXPECT_EQ(ids("غارات جوية على بستان القصر والإذاعة والميسر"),
            "bustan-al-qasr al-izaa al-myassar");
  EXPECT_EQ(ids("وأكد ناشطون أن الأحياء المتبقية هي: الكلاسة، السكري، المشهد"),
            "al-kallaseh al-sukkari al-mashhad");
  // "، و" with a detached و, and a detached و before a name of two words.
  EXPECT_EQ(ids("استهدف الطيران الحربي الكلاسة، و الصالحين و تل الزرازير"),
            "al-kallaseh al-salihin tal-al-zarazir");
  // The context is the member's own name.
  FoldedText f;
  const std::string text = "الكلاسة والسكري";
  const std::vector<PlaceMatch> m = matchText(text, f);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].headFrom, static_cast<int>(m[0].from));
  EXPECT_EQ(m[1].headTo, static_cast<int>(m[0].to));
}

TEST(MatcherLists, AConfidentMemberReachesBackOnlyToAListThatStartsCleanly) {
  // After a preposition, "هي:" or at the start of the sentence the members before it count too.
  EXPECT_EQ(ids("اشتباكات عنيفة في السكري والكلاسة"), "al-sukkari al-kallaseh");
  EXPECT_EQ(ids("الأحياء المحاصرة هي: الأنصاري، والمشهد، وبستان القصر"),
            "al-ansari al-mashhad bustan-al-qasr");
  EXPECT_EQ(ids("صلاح الدين والكلاسة تحت القصف"), "salah-al-din al-kallaseh");
  // After "بما فيها" or "بما في ذلك": the places a whole includes.
  EXPECT_EQ(ids("سيطر الجيش على أحياء بما فيها الأنصاري والصالحين وبستان القصر"),
            "al-ansari al-salihin bustan-al-qasr");
  EXPECT_EQ(ids("بما في ذلك السكري والمشهد والكلاسة"), "al-sukkari al-mashhad al-kallaseh");
  // After any other word they are not: "مرضى السكري" are diabetics.
  EXPECT_EQ(ids("نقص أدوية مرضى السكري والكلاسة محاصرة"), "al-kallaseh");
}

TEST(MatcherLists, ADetachedWawNeitherClosesAListNorHidesAName) {
  EXPECT_EQ(ids("حي الكلاسة و السكري"), "al-kallaseh al-sukkari");
  EXPECT_EQ(ids("الكلاسة و الصالحين"), "al-kallaseh al-salihin");
  EXPECT_EQ(surfaces("الكلاسة و تل الزرازير"), "الكلاسة|تل الزرازير");
  EXPECT_EQ(ids("و الكلاسة"), "al-kallaseh");
  // Two conjunctions in a row are no list.
  EXPECT_EQ(ids("الكلاسة و و السكري"), "al-kallaseh");
}

TEST(MatcherLists, PunctuationAndOtherWordsCloseAList) {
  EXPECT_EQ(ids("سيطر الجيش على الكلاسة. السكري"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة؛ السكري"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة: السكري"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة! السكري"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة؟ السكري"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة (السكري)"), "al-kallaseh");
  EXPECT_EQ(ids("الكلاسة، ، السكري"), "al-kallaseh");
  EXPECT_EQ(ids("سقطت قذائف على الكلاسة وأصيب مرضى السكري"), "al-kallaseh");
  EXPECT_EQ(ids("حي الميسر في المشهد"), "al-myassar");
  // A head is followed directly by its first member, or by a colon that introduces the list
  // (Enab Baladi's style: "تسيطر على أحياء: الجلوم، والكلاسة").
  EXPECT_EQ(ids("أحياء: السكري"), "al-sukkari");
  EXPECT_EQ(ids("أحياء، السكري"), "");
  // "هي:" gives no context of its own: the first member must be a place, the list must have a
  // head ("الأحياء ... هي:" is not one: other words stand between), or two or more names that
  // each need context confirm each other there.
  EXPECT_EQ(ids("الأحياء المتبقية هي: السكري"), "");
  EXPECT_EQ(ids("الأحياء المتبقية هي: السكري، المشهد"), "al-sukkari al-mashhad");
  // "الأحياء" with its article is a head like "أحياء".
  EXPECT_EQ(ids("وتعرضت الأحياء السكري والمشهد للقصف"), "al-sukkari al-mashhad");
}

TEST(MatcherLists, NamesThatNeedContextConfirmEachOtherInAList) {
  // After a preposition, two or more such names are neighbourhoods together; one alone is not,
  // nor a list of people's names with no preposition before it.
  EXPECT_EQ(ids("انسحب المسلحون من صلاح الدين والأنصاري والمشهد"),
            "salah-al-din al-ansari al-mashhad");
  EXPECT_EQ(ids("انسحب المسلحون من الأنصاري"), "");
  // "بينها", "منها", "أبرزها" open a list as a preposition does.
  EXPECT_EQ(ids("قصفت الطائرات أحياء عدة بينها الأنصاري والمشهد"), "al-ansari al-mashhad");
  EXPECT_EQ(ids("قال أحمد الأنصاري وصلاح الدين الحلبي إن القصف مستمر"), "");
}

TEST(MatcherLists, MarksInsideNamesDoNotStopAMatch) {
  EXPECT_EQ(ids("حي الميسّر"), "al-myassar");          // shadda
  EXPECT_EQ(ids("الكلاســة"), "al-kallaseh");         // tatweel
  EXPECT_EQ(ids("مسجد الرحمٰن"), "al-rahman-mosque");  // superscript alef
  EXPECT_EQ(ids("الكلاسة والسكّري والأنصاريّ"), "al-kallaseh al-sukkari al-ansari");
  EXPECT_EQ(surfaces("أحياء الكلاســة والسكّري"), "الكلاســة|السكّري");
}

TEST(MatcherLists, NamesBuiltFromCommonWordsMatchAsWholes) {
  EXPECT_EQ(ids("منطقة باب النصر في حلب القديمة"), "bab-al-nasr old-city");
  EXPECT_EQ(ids("قرب باب النصر"), "bab-al-nasr");
  EXPECT_EQ(ids("دوار الصاخور"), "sakhour-roundabout");
  EXPECT_EQ(ids("اشتباكات قرب دوار الصاخور وفي الصاخور"), "sakhour-roundabout al-sakhour");
  EXPECT_EQ(ids("قلعة حلب"), "citadel");
  EXPECT_EQ(ids("جسر الحج"), "haj-bridge");
  EXPECT_EQ(ids("تلة الشيخ يوسف"), "sheikh-yusuf-hill");
  EXPECT_EQ(ids("مطار النيرب"), "nairab-airport");
  EXPECT_EQ(ids("الكليات العسكرية"), "ramouseh-crossing");
}

TEST(MatcherLists, AnyWhiteSpaceInsideANameMatches) {
  EXPECT_EQ(ids("منطقة باب  النصر"), "bab-al-nasr");
  EXPECT_EQ(ids("منطقة باب\nالنصر"), "bab-al-nasr");
  EXPECT_EQ(ids("منطقة باب\u2009النصر"), "bab-al-nasr");  // thin space
  EXPECT_EQ(ids("بستان\u00A0القصر وتل\tالزرازير"), "bustan-al-qasr tal-al-zarazir");
  EXPECT_EQ(surfaces("دوار\nالصاخور"), "دوار\nالصاخور");
}

TEST(MatcherLists, GenericWordsAreNeverPlacesOnTheirOwn) {
  EXPECT_EQ(ids("قصف الطيران المطار والجسر والساحة"), "");
  EXPECT_EQ(ids("سيطر الثوار على الكليات"), "");
  EXPECT_EQ(ids("تقدم نحو الجسر"), "");
  // Not even inside a list.
  EXPECT_EQ(ids("الكلاسة والساحة"), "al-kallaseh");
}

// "محيط القلعة", "حامية القلعة": in reports on Aleppo the castle is the citadel, not a kind of
// place like "الساحة".
TEST(MatcherLists, TheCastleIsTheCitadel) {
  EXPECT_EQ(ids("تقدم الجيش في محيط القلعة"), "citadel");
  EXPECT_EQ(ids("الكلاسة والقلعة"), "al-kallaseh citadel");
}

// "المدرسة الوطنية في حي الشهباء": a name that needs context carries it when it names the
// district it is in after a head word; alone it is an ordinary phrase.
TEST(MatcherLists, ANameWithItsHeadedDistrictCarriesItsContext) {
  EXPECT_EQ(ids("استهداف المدرسة الوطنية في حي الشهباء"), "wataniya-school");
  EXPECT_EQ(ids("استهداف المدرسة الوطنية بحي الشهباء"), "wataniya-school");
  EXPECT_EQ(ids("استهداف المدرسة الوطنية"), "");
}

// A head of any kind ("محور", "منطقة") picks no place over the one a name names freely; a town
// head picks the town.
TEST(MatcherLists, AHeadOfAnyKindKeepsTheFreeReading) {
  EXPECT_EQ(ids("تقدم الجيش على محور حندرات"), "handarat-camp");
  EXPECT_EQ(ids("سيطر الجيش على حندرات"), "handarat-camp");
  EXPECT_EQ(ids("قوات النظام المتمركزة في بلدة حندرات"), "handarat-village");
}

TEST(MatcherLists, TheTownAlBabOnlyAfterATownHead) {
  EXPECT_EQ(ids("مدينة الباب"), "al-bab");
  EXPECT_EQ(ids("بلدة الباب"), "al-bab");
  EXPECT_EQ(ids("منطقة باب"), "");
  EXPECT_EQ(ids("فتح الباب أمام المفاوضات"), "");
  EXPECT_EQ(ids("أحياء الكلاسة والباب"), "al-kallaseh");
  EXPECT_EQ(ids("في الباب والكلاسة"), "al-kallaseh");
  // A town head carries along a list of towns.
  EXPECT_EQ(ids("بلدات دابق والراعي والباب"), "dabiq al-rai al-bab");
}

TEST(MatcherLists, OrganisationsAreNotPlaces) {
  EXPECT_EQ(ids("لواء صلاح الدين"), "");
  EXPECT_EQ(ids("كتائب الفرقان"), "");
  EXPECT_EQ(ids("أعلنت كتائب الفرقان وحركة نور الدين الزنكي وجيش الفتح وفيلق الشام وتجمع "
                "فاستقم بدء المعركة"),
            "");
  // A list that starts with an organisation carries no context.
  EXPECT_EQ(ids("كتائب الفرقان والسكري"), "");
  // The organisation's name ends; places named after it still count.
  EXPECT_EQ(ids("أعلن لواء صلاح الدين انسحابه من الكلاسة"), "al-kallaseh");
  EXPECT_EQ(ids("جيش الفتح يقصف الكلاسة"), "al-kallaseh");
  EXPECT_EQ(ids("تقدم لواء صلاح الدين على جبهة الشيخ سعيد"), "sheikh-saeed");
}

TEST(MatcherLists, PeopleAreNotPlaces) {
  EXPECT_EQ(ids("قال أحمد الأنصاري وصلاح الدين الحلبي إن القصف مستمر"), "");
  EXPECT_EQ(ids("سقطت قذائف على الكلاسة وقال الأنصاري إن القصف مستمر"), "al-kallaseh");
}

TEST(MatcherLists, MembersOfTheWrongKindCountOnlyIfTheyCountFreely) {
  // A town in a list of neighbourhoods: taken because it counts anywhere; the list goes on.
  EXPECT_EQ(ids("أحياء الكلاسة وعندان والسكري"), "al-kallaseh anadan al-sukkari");
  // A neighbourhood that needs context in a list of towns: not taken.
  EXPECT_EQ(ids("بلدتي نبل والسكري"), "nubl");
  // The list's kind decides a shared name.
  EXPECT_EQ(ids("بلدتي نبل والزهراء"), "nubl al-zahraa");
  EXPECT_EQ(ids("أحياء الكلاسة والزهراء"), "al-kallaseh jamiat-al-zahra");
  EXPECT_EQ(ids("الكلاسة والزهراء"), "al-kallaseh jamiat-al-zahra");
  // A town or the city opens no list of neighbourhoods.
  EXPECT_EQ(ids("حلب والسكري"), "aleppo");
  EXPECT_EQ(ids("قصفت الزهراء"), "?");
}
