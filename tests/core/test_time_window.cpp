#include <gtest/gtest.h>

#include "core/time_window.h"

using namespace atlas;

TEST(TimeWindow, ModesGiveTheExpectedDays) {
  const Date first{2016, 10, 1}, now{2016, 12, 5};
  const TimeWindow day = windowAt(now, WindowMode::ThisDay, 7, first);
  EXPECT_EQ(day.from, now);
  EXPECT_EQ(day.to, now);
  const TimeWindow week = windowAt(now, WindowMode::LastNDays, 7, first);
  EXPECT_EQ(week.from, (Date{2016, 11, 29}));  // 7 days: 29 Nov .. 5 Dec
  EXPECT_TRUE(week.contains({2016, 11, 29}));
  EXPECT_FALSE(week.contains({2016, 11, 28}));
  EXPECT_FALSE(week.contains({2016, 12, 6}));
  const TimeWindow upTo = windowAt(now, WindowMode::UpToThisDay, 7, first);
  EXPECT_EQ(upTo.from, first);
  EXPECT_TRUE(upTo.contains({2016, 10, 4}));
}

TEST(DayHistogram, JumpsToDaysWithEvidence) {
  DayHistogram h;
  h.first = {2016, 10, 1};
  h.exact = {0, 2, 0, 0, 1, 0};
  h.fallback = {0, 0, 0, 3, 0, 0};
  EXPECT_EQ(h.maxTotal(), 3);
  EXPECT_EQ(h.nextWithEvidence(1), 3);
  EXPECT_EQ(h.nextWithEvidence(4), std::nullopt);
  EXPECT_EQ(h.previousWithEvidence(3), 1);
  EXPECT_EQ(h.previousWithEvidence(1), std::nullopt);
}
