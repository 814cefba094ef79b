// Date expressions resolved against the publication date. Every expected day below was worked out
// by hand from a calendar of 2016 (10 Oct was a Monday, 4 Oct a Tuesday, 4 Dec a Sunday) and the
// manifest's publication dates, not taken from the program.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/corpus.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/sentences.h"
#include "core/tokens.h"

using namespace atlas;

namespace {

struct Found {
  std::string words;  // the expression, folded
  Date date;
  DatePrecision precision;
  bool future;
  std::optional<Date> end;
};

std::vector<Found> resolve(const std::string& text, Date pub) {
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<Token> tokens;
  tokenize(f.chars, tokens);
  std::vector<Found> out;
  for (const DateExpression& e : findDateExpressions(f.chars, tokens, pub))
    out.push_back({toUtf8(std::u32string_view(f.chars.data() + tokens[e.tokenFrom].from,
                                              tokens[e.tokenTo - 1].to - tokens[e.tokenFrom].from)),
                   e.date, e.precision, e.future, e.end});
  return out;
}

Found only(const std::string& text, Date pub) {
  const auto all = resolve(text, pub);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Found{} : all[0];
}

// Every expression of a sample article, in order.
std::vector<Found> ofArticle(const std::string& id) {
  static const Corpus c = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
  for (const Article& a : c.articles)
    if (a.id == id) {
      SentenceSplitter splitter;
      std::vector<SentenceSpan> sentences;
      splitter.split(a.text, sentences);
      std::vector<Found> out;
      for (const SentenceSpan& s : sentences) {
        const auto found = resolve(a.text.substr(s.start, s.end - s.start), *a.published);
        out.insert(out.end(), found.begin(), found.end());
      }
      return out;
    }
  ADD_FAILURE() << id;
  return {};
}

void expect(const Found& f, const char* words, Date date, DatePrecision p) {
  EXPECT_EQ(f.words, toUtf8(foldString(words)));
  EXPECT_EQ(f.date, date) << words;
  EXPECT_EQ(f.precision, p) << words;
}

}  // namespace

TEST(SampleDates, Article000PublishedMonday10October) {
  const auto d = ofArticle("000_c162b1d864b0bcfc");
  ASSERT_EQ(d.size(), 4u);
  expect(d[0], "أمس", {2016, 10, 9}, DatePrecision::Day);
  expect(d[1], "أمس", {2016, 10, 9}, DatePrecision::Day);
  expect(d[2], "ليل السبت", {2016, 10, 8}, DatePrecision::PartOfDay);  // the veto night
  expect(d[3], "السبت", {2016, 10, 8}, DatePrecision::Day);
}

TEST(SampleDates, Article001PublishedTuesday4October) {
  const auto d = ofArticle("001_cbed00854abe3786");
  ASSERT_EQ(d.size(), 4u);
  expect(d[0], "الثلاثاء", {2016, 10, 4}, DatePrecision::Day);  // the publication day itself
  expect(d[1], "الخميس الماضي", {2016, 9, 29}, DatePrecision::Day);
  expect(d[2], "الاثنين", {2016, 10, 3}, DatePrecision::Day);  // US suspended talks on Monday
  expect(d[3], "الشهر الماضي", {2016, 9, 1}, DatePrecision::Month);
}

TEST(SampleDates, Article002PublishedWednesday5October) {
  const auto d = ofArticle("002_713d03fa4f516202");
  ASSERT_EQ(d.size(), 2u);
  expect(d[0], "أمس", {2016, 10, 4}, DatePrecision::Day);
  expect(d[1], "التاسع من سبتمبر الماضي", {2016, 9, 9}, DatePrecision::Day);
}

TEST(SampleDates, Article003PublishedMonday5December) {
  const auto d = ofArticle("003_53edab2f179b4b77");
  ASSERT_EQ(d.size(), 3u);
  expect(d[0], "منذ الخامس عشر من نوفمبر الماضي", {2016, 11, 15}, DatePrecision::Span);
  EXPECT_EQ(d[0].end, (Date{2016, 12, 5}));
  // Lavrov: the talks "will start" Tuesday evening or Wednesday morning: the coming days.
  expect(d[1], "مساء الثلاثاء", {2016, 12, 6}, DatePrecision::PartOfDay);
  EXPECT_TRUE(d[1].future);
  expect(d[2], "صباح الأربعاء", {2016, 12, 7}, DatePrecision::PartOfDay);
}

TEST(SampleDates, Article004PublishedTuesday6December) {
  const auto d = ofArticle("004_696f5fdaa54c9078");
  ASSERT_EQ(d.size(), 5u);
  expect(d[0], "الأحد", {2016, 12, 4}, DatePrecision::Day);  // "يوم الأحد": al-Myassar fell
  expect(d[1], "فجر أمس", {2016, 12, 5}, DatePrecision::PartOfDay);  // the counter-attack
  expect(d[2], "أمس", {2016, 12, 5}, DatePrecision::Day);
  expect(d[3], "اليوم", {2016, 12, 6}, DatePrecision::Day);
  expect(d[4], "غداً", {2016, 12, 7}, DatePrecision::Day);
  EXPECT_TRUE(d[4].future);
}

TEST(DateRules, RelativeDays) {
  const Date pub{2016, 12, 6};
  expect(only("قال أمس", pub), "أمس", {2016, 12, 5}, DatePrecision::Day);
  expect(only("البارحة", pub), "البارحة", {2016, 12, 5}, DatePrecision::Day);
  expect(only("أول أمس", pub), "أول أمس", {2016, 12, 4}, DatePrecision::Day);
  expect(only("أول من أمس", pub), "أول من أمس", {2016, 12, 4}, DatePrecision::Day);
  expect(only("مساء أمس", pub), "مساء أمس", {2016, 12, 5}, DatePrecision::PartOfDay);
  expect(only("فجر اليوم", pub), "فجر اليوم", {2016, 12, 6}, DatePrecision::PartOfDay);
}

TEST(DateRules, WeekdaysArePastBiased) {
  const Date tuesday{2016, 12, 6};
  expect(only("الثلاثاء", tuesday), "الثلاثاء", {2016, 12, 6}, DatePrecision::Day);
  expect(only("الأربعاء", tuesday), "الأربعاء", {2016, 11, 30}, DatePrecision::Day);
  expect(only("يوم الأحد", tuesday), "الأحد", {2016, 12, 4}, DatePrecision::Day);
  expect(only("الثلاثاء الماضي", tuesday), "الثلاثاء الماضي", {2016, 11, 29}, DatePrecision::Day);
  expect(only("الخميس الماضي", tuesday), "الخميس الماضي", {2016, 12, 1}, DatePrecision::Day);
  expect(only("ليلة السبت", tuesday), "ليلة السبت", {2016, 12, 3}, DatePrecision::PartOfDay);
  // Future only when the sentence says so.
  expect(only("سيجتمع المجلس الخميس", tuesday), "الخميس", {2016, 12, 8}, DatePrecision::Day);
  expect(only("الجمعة المقبل", tuesday), "الجمعة المقبل", {2016, 12, 9}, DatePrecision::Day);
}

TEST(DateRules, ExplicitDatesInBothMonthSeriesAndBothDigitKinds) {
  const Date pub{2016, 12, 6};
  expect(only("في 15 نوفمبر", pub), "15 نوفمبر", {2016, 11, 15}, DatePrecision::Day);
  expect(only("في ١٥ تشرين الثاني ٢٠١٦", pub), "15 تشرين الثاني 2016", {2016, 11, 15},
         DatePrecision::Day);
  expect(only("الحادي والعشرين من أيلول", pub), "الحادي والعشرين من أيلول", {2016, 9, 21},
         DatePrecision::Day);
  expect(only("3 كانون الأول", pub), "3 كانون الأول", {2016, 12, 3}, DatePrecision::Day);
  // Without a year, the latest such date not after publication: in January, December is last year.
  expect(only("25 ديسمبر", {2017, 1, 3}), "25 ديسمبر", {2016, 12, 25}, DatePrecision::Day);
  expect(only("ديسمبر الماضي", {2017, 1, 3}), "ديسمبر الماضي", {2016, 12, 1}, DatePrecision::Month);
  EXPECT_TRUE(resolve("قتل 31 فبراير", pub).empty());  // no such day
}

TEST(DateRules, SinceSpans) {
  const Date pub{2016, 12, 6};
  const Found f = only("منذ ثلاثة أيام", pub);
  EXPECT_EQ(f.date, (Date{2016, 12, 3}));
  EXPECT_EQ(f.precision, DatePrecision::Span);
  EXPECT_EQ(f.end, pub);
  EXPECT_EQ(only("منذ أسبوعين", pub).date, (Date{2016, 11, 22}));
  EXPECT_TRUE(resolve("منذ عدة أشهر", pub).empty());  // "for months": no day to give
}

// classifyTokens lets dating and event analysis skip words that can start nothing. Marking every
// word as worth a look instead must find exactly the same: the word lists behind the skip miss
// no word that matters, in any of its proclitic forms.
TEST(WordClasses, SkippingWordsChangesNothing) {
  std::vector<std::string> texts = {
      "وأمس قصفت الطائرات الحربية حي الشعار وقتل 12 مدنيا، وفجر أمس استعادوا السيطرة",
      "أول من أمس والبارحة واليوم وغدا ستبدأ المفاوضات يوم الخميس المقبل",
      "منذ أسبوعين ومنذ ثلاثة أيام وفي الخامس عشر من نوفمبر الماضي وبـ9 تشرين الثاني 2016",
      "الحادي والعشرين من أيلول، والشهر الماضي والأسبوع الماضي، وسبتمبر الماضي، ولليلة يوم السبت",
      "على جبهات حي الشيخ سعيد وخطوط التماس، سيطرت قوات النظام والميليشيات الإيرانية على أجزاء",
      "فصائل المعارضة صدت هجوما للثوار بصواريخ وبالطيران الروسي وسقوط ثلاثمئة وأحدعشر قتيلا"};
  const Corpus c = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
  SentenceSplitter splitter;
  std::vector<SentenceSpan> sentences;
  for (const Article& a : c.articles) {
    splitter.split(a.text, sentences);
    for (const SentenceSpan& s : sentences)
      texts.push_back(a.text.substr(s.start, s.end - s.start));
  }
  for (const std::string& text : texts) {
    FoldedText f;
    foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
    std::vector<Token> skipping, lookingAtAll;
    tokenize(f.chars, skipping);
    classifyTokens(f.chars, skipping);
    lookingAtAll = skipping;
    for (Token& t : lookingAtAll) t.lexical = kMayStartDate | kMayBeEventWord;
    for (const Date pub : {Date{2016, 1, 2}, Date{2016, 10, 4}, Date{2016, 12, 6}}) {
      const auto a = findDateExpressions(f.chars, skipping, pub);
      const auto b = findDateExpressions(f.chars, lookingAtAll, pub);
      ASSERT_EQ(a.size(), b.size()) << text;
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].tokenFrom, b[i].tokenFrom) << text;
        EXPECT_EQ(a[i].tokenTo, b[i].tokenTo) << text;
        EXPECT_EQ(a[i].resolution, b[i].resolution) << text;
      }
    }
    const SentenceEvents a = analyseSentence(f.chars, skipping);
    const SentenceEvents b = analyseSentence(f.chars, lookingAtAll);
    ASSERT_EQ(a.keywords.size(), b.keywords.size()) << text;
    for (size_t i = 0; i < a.keywords.size(); ++i) {
      EXPECT_EQ(a.keywords[i].token, b.keywords[i].token) << text;
      EXPECT_EQ(a.keywords[i].type, b.keywords[i].type) << text;
    }
    ASSERT_EQ(a.actors.size(), b.actors.size()) << text;
    for (size_t i = 0; i < a.actors.size(); ++i) {
      EXPECT_EQ(a.actors[i].token, b.actors[i].token) << text;
      EXPECT_EQ(a.actors[i].actor, b.actors[i].actor) << text;
      EXPECT_EQ(a.actors[i].object, b.actors[i].object) << text;
    }
    EXPECT_EQ(a.frontWords, b.frontWords) << text;
    EXPECT_EQ(a.fatalities, b.fatalities) << text;
  }
}
