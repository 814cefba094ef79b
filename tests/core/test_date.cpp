#include <gtest/gtest.h>

#include "core/date.h"

using atlas::Date;
using atlas::parseIsoDate;

TEST(Date, DaysSinceEpochMatchPythonDatetime) {
  // Expected values from Python: (date(y,m,d) - date(1970,1,1)).days
  EXPECT_EQ((Date{1970, 1, 1}.toDays()), 0);
  EXPECT_EQ((Date{2016, 10, 4}.toDays()), 17078);
  EXPECT_EQ((Date{1900, 3, 1}.toDays()), -25508);
  EXPECT_EQ(Date::fromDays(17078), (Date{2016, 10, 4}));
  EXPECT_EQ(Date::fromDays(-25508), (Date{1900, 3, 1}));
}

TEST(Date, RoundTripOverFourCenturies) {
  for (int z = -150000; z <= 150000; z += 7) ASSERT_EQ(Date::fromDays(z).toDays(), z) << z;
}

TEST(Date, WeekdaysOfTheBattle) {
  // The manifest: al-Myassar fell on Sunday 4 December 2016; Russia's veto was on Saturday
  // 8 October 2016. 1970-01-01 was a Thursday.
  EXPECT_EQ((Date{2016, 12, 4}.weekday()), 0);
  EXPECT_EQ((Date{2016, 10, 8}.weekday()), 6);
  EXPECT_EQ((Date{1970, 1, 1}.weekday()), 4);
  EXPECT_EQ((Date{1969, 12, 31}.weekday()), 3);
}

TEST(Date, ParsesStrictIso) {
  EXPECT_EQ(parseIsoDate("2016-12-05"), (Date{2016, 12, 5}));
  EXPECT_EQ(parseIsoDate("2016-02-29"), (Date{2016, 2, 29}));
  EXPECT_EQ(parseIsoDate("2000-02-29"), (Date{2000, 2, 29}));
  EXPECT_EQ((Date{2016, 1, 9}.iso()), "2016-01-09");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  for (const char* bad :
       {"2016-02-30", "2015-02-29", "1900-02-29", "2016-13-01", "2016-00-10", "2016-04-31",
        "2016-4-3", "16-04-03", "2016/04/03", "", "2016-04-03 ", "٢٠١٦-١٠-٠٤", "abcd-ef-gh"})
    EXPECT_FALSE(parseIsoDate(bad).has_value()) << bad;
}
