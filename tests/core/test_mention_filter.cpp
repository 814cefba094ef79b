#include <gtest/gtest.h>

#include "core/mention_filter.h"

using namespace atlas;

namespace {
Mention mention(EventType type, uint32_t actors, DatePrecision precision) {
  Mention m;
  m.event = type;
  m.actors = actors;
  m.datePrecision = precision;
  return m;
}
}  // namespace

TEST(MentionFilter, DefaultPassesEverything) {
  const MentionFilter f;
  EXPECT_FALSE(f.active());
  Article a;
  for (int t = 0; t < kEventTypeCount; ++t)
    for (int p = 0; p < kDatePrecisionCount; ++p)
      EXPECT_TRUE(
          f.passes(mention(static_cast<EventType>(t), 0, static_cast<DatePrecision>(p)), a));
}

TEST(MentionFilter, EventTypeActorPrecisionAndOutlet) {
  Article enab, unknown;
  enab.outlet = "Enab Baladi";
  MentionFilter f;
  f.eventTypes = 1u << static_cast<int>(EventType::TerritoryTaken);
  EXPECT_TRUE(f.active());
  EXPECT_TRUE(f.passes(mention(EventType::TerritoryTaken, 0, DatePrecision::Day), enab));
  EXPECT_FALSE(f.passes(mention(EventType::AirStrike, 0, DatePrecision::Day), enab));

  f = {};
  f.actors = kRussianAirForce | kKurdish;  // any of them
  EXPECT_TRUE(f.passes(
      mention(EventType::AirStrike, kRussianAirForce | kCivilians, DatePrecision::Day), enab));
  EXPECT_FALSE(f.passes(mention(EventType::AirStrike, kGovernment, DatePrecision::Day), enab));
  EXPECT_FALSE(f.passes(mention(EventType::AirStrike, 0, DatePrecision::Day), enab));

  f = {};
  f.precisions &= ~(1u << static_cast<int>(DatePrecision::Publication));
  EXPECT_TRUE(f.passes(mention(EventType::Other, 0, DatePrecision::PartOfDay), enab));
  EXPECT_FALSE(f.passes(mention(EventType::Other, 0, DatePrecision::Publication), enab));

  f = {};
  f.setOutletShown("", false);
  EXPECT_TRUE(f.passes(mention(EventType::Other, 0, DatePrecision::Day), enab));
  EXPECT_FALSE(f.passes(mention(EventType::Other, 0, DatePrecision::Day), unknown));
  f.setOutletShown("", true);
  EXPECT_FALSE(f.active());
}

TEST(PlaceSearch, ArabicInAnySpellingTheMatcherFoldsAlike) {
  // Hamza on alef, taa marbuta / haa, alef maqsura / yaa, tashkeel and tatweel.
  EXPECT_TRUE(nameMatchesQuery("الإذاعة", foldQuery("الاذاعه")));
  EXPECT_TRUE(nameMatchesQuery("مشفى العيون", foldQuery("مشفي")));
  EXPECT_TRUE(nameMatchesQuery("الشيخ سعيد", foldQuery("شيخ سَعيـد")));
  EXPECT_TRUE(nameMatchesQuery("الشيخ سعيد", foldQuery("الشيخسعيد")));  // spaces ignored
  EXPECT_FALSE(nameMatchesQuery("الشيخ مقصود", foldQuery("سعيد")));
  // Arabic-Indic digits fold to ASCII.
  EXPECT_TRUE(nameMatchesQuery("1070 apartments", foldQuery("١٠٧٠")));
}

TEST(PlaceSearch, EnglishIgnoresCaseSpacesAndHyphens) {
  EXPECT_TRUE(nameMatchesQuery("Sheikh Saeed", foldQuery("sheikh-saeed")));
  EXPECT_TRUE(nameMatchesQuery("al-Myassar (Maysar)", foldQuery("MYASSAR")));
  EXPECT_TRUE(nameMatchesQuery("Karm al-Tahhan", foldQuery("karm al tahhan")));
  EXPECT_FALSE(nameMatchesQuery("Karm al-Tahhan", foldQuery("")));
  EXPECT_FALSE(nameMatchesQuery("Karm al-Tahhan", foldQuery("qaterji")));
}

#include "core/arabic_date_format.h"

TEST(ArabicDateLabel, WeekdayDayLevantineMonthYear) {
  // 4 December 2016 was a Sunday (article 004: "يوم الأحد" the day before its 5 December events).
  EXPECT_EQ(arabicDateLabel(Date{2016, 12, 4}), "الأحد ٤ كانون الأول ٢٠١٦");
  EXPECT_EQ(arabicDateLabel(Date{2016, 12, 5}), "الاثنين ٥ كانون الأول ٢٠١٦");
  EXPECT_EQ(arabicDateLabel(Date{2016, 10, 4}), "الثلاثاء ٤ تشرين الأول ٢٠١٦");
  EXPECT_EQ(arabicDateLabel(Date{2016, 9, 1}), "الخميس ١ أيلول ٢٠١٦");
  EXPECT_EQ(arabicIndicDigits(1070), "١٠٧٠");
}
