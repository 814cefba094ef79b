// Sentences that name no place are not matched or analysed (extraction.cpp), but their days can
// still date a later sentence of the same story (the narrative date): they are read when such a
// sentence comes, the last few of them. These articles check that the dates come out as the
// narrative rules say, across one and two such sentences, in short and long paragraphs.
#include <gtest/gtest.h>

#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

// The date and rule of the article's only mention of al-Kallaseh.
std::pair<std::string, std::string> kallasehDate(const std::string& text) {
  Corpus corpus;
  Article& a = corpus.articles.emplace_back();
  a.text = text;
  a.published = Date{2016, 12, 6};
  const ExtractionResult r = extractMentions(corpus, gazetteer(), 1);
  const Place* place = gazetteer().find("al-kallaseh");
  EXPECT_NE(place, nullptr);
  for (const Mention& m : r.mentions)
    if (place && m.place == static_cast<int>(place - gazetteer().places.data()))
      return {m.date ? m.date->iso() : "-", m.dateRule ? *m.dateRule : "-"};
  ADD_FAILURE() << "no mention of al-Kallaseh in: " << text;
  return {};
}

const std::string kStrike = "قصفت الطائرات الحربية مواقع عدة صباح أمس.";  // no place, a day
const std::string kFiller = " وسقط عدد من الجرحى.";                       // no place, no time
const std::string kPlace = " واستهدف القصف حي الكلاسة.";
const std::string kTail = " وقال ناشطون إن الوضع صعب. وطالبوا بالمساعدة. ودعوا إلى التحرك.";

}  // namespace

TEST(ExtractionSkips, ADaySaidInASentenceWithoutPlacesDatesTheNextOne) {
  const auto [date, rule] = kallasehDate(kStrike + kPlace);
  EXPECT_EQ(date, "2016-12-05");
  EXPECT_NE(rule.find("carried from an earlier sentence"), std::string::npos) << rule;
}

TEST(ExtractionSkips, InALongParagraphTheDayReachesTwoSentencesOnOnly) {
  // Six sentences or more: a day reaches the two sentences after its own.
  EXPECT_EQ(kallasehDate(kStrike + kFiller + kPlace + kTail).first, "2016-12-05");
  EXPECT_EQ(kallasehDate(kStrike + kFiller + kFiller + kPlace + kTail).first, "2016-12-06");
}

TEST(ExtractionSkips, InAShortParagraphTheDayReachesTheWholeStory) {
  EXPECT_EQ(kallasehDate(kStrike + kFiller + kFiller + kPlace).first, "2016-12-05");
}

TEST(ExtractionSkips, ANewTopicOrAnotherTimeWithoutPlacesEndsTheDay) {
  EXPECT_EQ(kallasehDate(kStrike + " وفي سياق آخر، عقد مجلس الأمن جلسة." + kPlace).first,
            "2016-12-06");
  EXPECT_EQ(kallasehDate(kStrike + " ويتوقع أن تستمر الغارات غدا." + kPlace).first, "2016-12-06");
}

TEST(ExtractionSkips, ALineBreakEndsTheDay) {
  EXPECT_EQ(kallasehDate(kStrike + "\n" + kPlace).first, "2016-12-06");
}
