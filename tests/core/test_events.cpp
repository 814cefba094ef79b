// Events, actors, fatalities and control on the samples, against what the articles say (read by
// hand), and the reference's control columns parsed into a baseline and dated changes.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/arabic_numbers.h"
#include "core/control_builder.h"
#include "core/control_snapshots.h"
#include "core/corpus.h"
#include "core/event_attribution.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;

namespace {

struct Loaded {
  Corpus corpus;
  Gazetteer gazetteer;
  ExtractionResult result;
  std::vector<ControlSnapshot> snapshots;
  ControlTimeline control;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    x.corpus = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
    x.gazetteer = *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
    x.result = extractMentions(x.corpus, x.gazetteer, 1);
    x.snapshots =
        loadControlSnapshots(std::string(ATLAS_TEST_ASSETS_DIR) + "/control_snapshots.tsv").rows;
    x.control = buildControlTimeline(x.gazetteer, x.snapshots, x.corpus, x.result);
    return x;
  }();
  return l;
}

// The first mention of `place` in article `doc` (by id prefix), in sentence `sentence`.
const Mention* find(const char* doc, const char* place, int sentence) {
  const Loaded& l = loaded();
  for (const Mention& m : l.result.mentions)
    if (l.corpus.articles[m.doc].id.rfind(doc, 0) == 0 && m.place >= 0 &&
        l.gazetteer.places[m.place].id == place && m.sentence == sentence)
      return &m;
  ADD_FAILURE() << doc << " " << place << " " << sentence;
  return nullptr;
}

long number(const char* words) {
  const std::u32string f = foldString(words);
  std::vector<Token> tokens;
  tokenize(f, tokens);
  auto n = parseNumberAt(f, tokens, 0);
  return n ? n->value : -1;
}

}  // namespace

TEST(Numbers, DigitsAndWords) {
  EXPECT_EQ(number("20"), 20);
  EXPECT_EQ(number("٢٤"), 24);
  EXPECT_EQ(number("سبعة"), 7);
  EXPECT_EQ(number("خمسة عشر"), 15);
  EXPECT_EQ(number("ثلاثمئةٍ وأحدعشر"), 311);  // 003, run together as scraped
  EXPECT_EQ(number("ثلاثة آلاف"), 3000);
  EXPECT_EQ(number("مئتين وخمسين"), 250);
  EXPECT_EQ(number("قتلى"), -1);
}

TEST(SampleEvents, TypesActorsAndFatalitiesAsTheArticlesSayThem) {
  // 000: "وقتلوا حوالي 20 عنصراً" in the sentence about Sheikh Saeed.
  const Mention* m = find("000", "sheikh-saeed", 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->fatalities, 20);
  // 000: clashes on the fronts of Bustan al-Basha.
  m = find("000", "bustan-al-basha", 3);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->event, EventType::Clashes);
  EXPECT_TRUE(m->frontline);
  EXPECT_TRUE(m->actors & kGovernment);
  EXPECT_TRUE(m->actors & kOpposition);
  // 001: "صددنا محاولاتهم للتقدم في شيخ سعد وقتلنا 10 من مقاتلي النظام".
  m = find("001", "sheikh-saeed", 2);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->event, EventType::AttackRepelled);
  EXPECT_EQ(m->fatalities, 10);
  // 001: Russian and Syrian aircraft dropped incendiary bombs on Darat Izza.
  m = find("001", "darat-izza", 8);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->event, EventType::AirStrike);
  EXPECT_TRUE(m->actors & kRussianAirForce);
  // 003: "ثلاثمئةٍ وأحدعشر مدنيا ... قتلوا في الأحياء الشرقية".
  m = find("003", "east-aleppo", 2);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->fatalities, 311);
  EXPECT_TRUE(m->actors & kCivilians);
  // 004: government forces took al-Myassar on Sunday.
  m = find("004", "al-myassar", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->event, EventType::TerritoryTaken);
  EXPECT_EQ(m->claim, Side::Government);
  EXPECT_EQ(m->date, (Date{2016, 12, 4}));
}

TEST(SampleControl, MyassarAndKarmAlTahhanOn4And5DecemberFollowArticle004) {
  const Loaded& l = loaded();
  // 4 December: "سيطرة قوات الأسد ... على أحياء الميسر وكرم الطحان" (004, sentence 0).
  for (const char* place : {"al-myassar", "karm-al-tahhan"}) {
    const ControlState s = l.control.at(place, {2016, 12, 4});
    EXPECT_EQ(s.side, Side::Government) << place;
    EXPECT_EQ(s.since, (Date{2016, 12, 4})) << place;
    bool fromArticle = false;
    for (const ControlClaim& c : s.decidedBy)
      if (c.evidence.doc == "004_696f5fdaa54c9078" && c.evidence.sentence == 0) fromArticle = true;
    EXPECT_TRUE(fromArticle) << place;
  }
  // 5 December, dawn: the rebels retook "كامل حيي القاطرجي وكرم الطحان وأجزاء واسعة من حي
  // الميسر" (sentence 2): Karm al-Tahhan theirs, al-Myassar only in part, so contested.
  const ControlState tahhan = l.control.at("karm-al-tahhan", {2016, 12, 5});
  EXPECT_EQ(tahhan.side, Side::Opposition);
  ASSERT_FALSE(tahhan.decidedBy.empty());
  EXPECT_EQ(tahhan.decidedBy[0].evidence.sentence, 2);
  EXPECT_NE(tahhan.decidedBy[0].evidence.text.find("كرم الطحان"), std::string::npos);
  const ControlState myassar = l.control.at("al-myassar", {2016, 12, 5});
  EXPECT_EQ(myassar.side, Side::Contested);
  // Before the fighting both were the opposition's (the reference's baseline).
  EXPECT_EQ(l.control.at("al-myassar", {2016, 12, 3}).side, Side::Opposition);
  EXPECT_EQ(l.control.at("karm-al-tahhan", {2016, 12, 3}).side, Side::Opposition);
}

TEST(ReferenceControl, DatedRowsFromTheReferenceColumns) {
  const ControlTimeline& t = loaded().control;
  // aleppo_places.csv: al-Ramouseh "GOV (retaken 4 Sep 2016)": government from 4 September, and
  // nothing is known before (no row says who held it then).
  EXPECT_EQ(t.at("al-ramouseh", {2016, 9, 3}).side, Side::Unknown);
  EXPECT_EQ(t.at("al-ramouseh", {2016, 9, 4}).side, Side::Government);
  EXPECT_EQ(t.at("al-ramouseh", {2016, 9, 4}).decidedBy[0].evidence.doc, "reference");
  // al-Sakhour: "OPP" in early October, "GOV (28 Nov)" in December.
  EXPECT_EQ(t.at("al-sakhour", {2016, 10, 1}).side, Side::Opposition);
  EXPECT_EQ(t.at("al-sakhour", {2016, 11, 27}).side, Side::Opposition);
  EXPECT_EQ(t.at("al-sakhour", {2016, 11, 28}).side, Side::Government);
  // Sheikh Maqsoud: Kurdish-held at both dates; unknown before the first.
  EXPECT_EQ(t.at("sheikh-maqsoud", {2016, 11, 1}).side, Side::Kurdish);
  EXPECT_EQ(t.at("sheikh-maqsoud", {2016, 7, 1}).side, Side::Unknown);
  // al-Amiriyah: "OPP part remained until evacuation 15–22 Dec" is a split on 8 December, not
  // a change to the opposition on 15 December (the note says when a state ended).
  EXPECT_EQ(t.at("al-amiriyah", {2016, 12, 8}).side, Side::Contested);
  EXPECT_EQ(t.at("al-amiriyah", {2016, 12, 16}).side, Side::Contested);
  // Dahiyat al-Assad: "GOV (rebels held much of it 28 Oct–10 Nov)" is the rebels' period (their
  // offensive of 28 October, reversed by 10 November), not a government change on 28 October.
  EXPECT_EQ(t.at("dahiyat-al-assad", {2016, 11, 1}).side, Side::Opposition);
  EXPECT_EQ(t.at("dahiyat-al-assad", {2016, 11, 10}).side, Side::Government);
}

TEST(ReferenceControl, SnapshotRowsNameFileAndLineWhenBad) {
  const auto r = parseControlSnapshots(
      "place\tdate\tside\tsource\nx\t2016-13-01\tgovernment\ts\ny\t2016-10-01\tblue\ts\n"
      "z\t2020-02-29\topposition\ts\n",
      "snap.tsv");
  ASSERT_EQ(r.rows.size(), 1u);  // 2020 is a leap year: any year is data, not only 2016
  EXPECT_EQ(r.rows[0].date, (Date{2020, 2, 29}));
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[1].line, 3);
  EXPECT_NE(r.diagnostics[0].format().find("snap.tsv:2"), std::string::npos);
}

TEST(Events, SamePlaceDayTypeAndActorsAcrossArticlesAreOneEvent) {
  ExtractionResult r;
  auto mention = [](int doc, int place, Date d, EventType t, uint32_t actors, long dead) {
    Mention m;
    m.doc = doc;
    m.place = place;
    m.date = d;
    m.event = t;
    m.actors = actors;
    m.fatalities = dead;
    return m;
  };
  r.mentions = {mention(0, 7, {2016, 10, 4}, EventType::Clashes, kGovernment | kOpposition, 10),
                mention(1, 7, {2016, 10, 4}, EventType::Clashes, kGovernment | kOpposition, 20),
                mention(1, 7, {2016, 10, 4}, EventType::AirStrike, kRussianAirForce, 0),
                mention(2, 7, {2016, 10, 5}, EventType::Clashes, kGovernment | kOpposition, 0)};
  const auto events = aggregateEvents(r);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].mentions.size(), 2u);
  EXPECT_EQ(events[0].fatalities, 20);
}

namespace {
// One article, extracted with the real gazetteer; the first mention of `place`.
struct OneArticle {
  Corpus corpus;
  ExtractionResult result;
  const Mention* first(const std::string& place) const {
    for (const Mention& m : result.mentions)
      if (m.place >= 0 && loaded().gazetteer.places[m.place].id == place) return &m;
    return nullptr;
  }
};
OneArticle extractOne(const std::string& text, Date published) {
  OneArticle a;
  Article& art = a.corpus.articles.emplace_back();
  art.id = "t";
  art.text = text;
  art.published = published;
  a.result = extractMentions(a.corpus, loaded().gazetteer, 1);
  return a;
}
}  // namespace

TEST(ArticleEvents, ABareBombardmentGoesOnWithTheAirStrikeOfTheSentenceBefore) {
  // Written for this test in an opposition outlet's style: the lead names Russian aircraft, the
  // next sentence only "القصف".
  const OneArticle a = extractOne(
      "شهدت الأحياء الشرقية لمدينة حلب قصفاً جوياً روسياً عنيفاً.\n"
      "واستهدف القصف حيي الكلاسة وبستان القصر، فيما قتل مدني برصاص قناص قوات النظام.\n",
      {2016, 9, 20});
  const Mention* m = a.first("al-kallaseh");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->event, EventType::AirStrike);
  EXPECT_EQ(m->actor1, kRussianAirForce);
  // The dead of the next sentence, with no attack of their own, are casualties (the annotation
  // rule: dead or wounded with no kind of attack given), not a guess at the strike's.
  const OneArticle c = extractOne(
      "قصفت الطائرات الحربية الروسية أحياء حلب الشرقية بعشرات الغارات.\n"
      "كما وارتقى ثمانية شهداء في حي الزبدية.\n",
      {2016, 9, 20});
  ASSERT_TRUE(c.first("al-zebdiyeh"));
  EXPECT_EQ(c.first("al-zebdiyeh")->event, EventType::Casualties);
  // Artillery named in the sentence is shelling, whatever came before.
  const OneArticle b = extractOne(
      "شهدت الأحياء الشرقية لمدينة حلب قصفاً جوياً روسياً عنيفاً.\n"
      "واستهدف القصف المدفعي حي الكلاسة.\n",
      {2016, 9, 20});
  ASSERT_TRUE(b.first("al-kallaseh"));
  EXPECT_EQ(b.first("al-kallaseh")->event, EventType::Shelling);
}

TEST(ArticleEvents, ShellsWithNoNamedFirerComeFromTheEnemyOfTheShelledPlacesHolder) {
  // "سقطت قذائف على حي ..." in a wire's neutral voice names no firer. The reference holds
  // al-Hamdaniyah for the government and al-Kallaseh for the opposition in October 2016.
  OneArticle a = extractOne("سقطت قذائف على حي الحمدانية وحي الكلاسة في حلب.", {2016, 10, 20});
  const Loaded& l = loaded();
  ControlTimeline reference;
  for (const ControlSnapshot& s : l.snapshots)
    reference.addClaim(
        {s.place, s.date, s.side, "reference", std::nullopt, {"reference", -1, s.source, {}, {}}});
  attributeShellingByHolder(a.result, l.gazetteer, reference);
  ASSERT_TRUE(a.first("al-hamdaniyah"));
  ASSERT_TRUE(a.first("al-kallaseh"));
  EXPECT_EQ(a.first("al-hamdaniyah")->event, EventType::Shelling);
  EXPECT_EQ(a.first("al-hamdaniyah")->actor1, kOpposition);
  EXPECT_EQ(a.first("al-kallaseh")->actor1, kGovernment);
}

TEST(ArticleClaims, APlaceTakenAndNamedAgainAsTheOtherSidesHoldsOnlyTheTaking) {
  // Written for this test: the second "كلية التسليح" is described as it was before the taking.
  const OneArticle a = extractOne(
      "أعلنت الفصائل سيطرتها على كلية التسليح بعد اقتحام مستودع داخل سور كلية التسليح الخاضعة "
      "لسيطرة قوات النظام.\n",
      {2016, 8, 5});
  int taken = 0, held = 0;
  for (const Mention& m : a.result.mentions)
    if (m.place >= 0 && loaded().gazetteer.places[m.place].id == "armament-school") {
      taken += m.claimKind == ClaimKind::Captured;
      held += m.claimKind == ClaimKind::Held;
    }
  EXPECT_EQ(taken, 1);
  EXPECT_EQ(held, 0);
  // A place held by one side in one sentence and taken in another keeps both statements.
  const OneArticle b = extractOne(
      "كانت كلية التسليح خاضعة لسيطرة قوات النظام.\nوأعلنت الفصائل سيطرتها على كلية التسليح.\n",
      {2016, 8, 5});
  held = 0;
  for (const Mention& m : b.result.mentions) held += m.claimKind == ClaimKind::Held;
  EXPECT_EQ(held, 1);
}

TEST(ArticleEvents, AirForcesNamedTogetherFirstGoOnWithTheFirstNamed) {
  // Written for this test in a wire's style: the lead names Syrian and Russian aircraft, the
  // next sentence only "الغارات".
  const OneArticle a = extractOne(
      "جددت طائرات سورية وروسية غاراتها على حي المشهد.\n"
      "وقال الدفاع المدني إن الغارات طالت حيي الشعار والقاطرجي.\n",
      {2016, 11, 25});
  ASSERT_TRUE(a.first("al-shaar"));
  EXPECT_EQ(a.first("al-shaar")->event, EventType::AirStrike);
  EXPECT_EQ(a.first("al-shaar")->actor1, kGovernment);
  const OneArticle b = extractOne(
      "جددت طائرات روسية وسورية غاراتها على حي المشهد.\n"
      "وقال الدفاع المدني إن الغارات طالت حيي الشعار والقاطرجي.\n",
      {2016, 11, 25});
  ASSERT_TRUE(b.first("al-shaar"));
  EXPECT_EQ(b.first("al-shaar")->actor1, kRussianAirForce);
}
