#include <gtest/gtest.h>

#include <cmath>

#include "map/frontline.h"

using namespace atlas::map;

namespace {
Polygon square(float x0, float y0, float x1, float y1) {
  return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// A 2 km square of four 1 km areas, with the borders each two neighbours share.
Neighbourhoods grid() {
  Neighbourhoods h;
  h.ids = {"sw", "se", "nw", "ne"};
  h.cells = {{square(0, 0, 1000, 1000)},
             {square(1000, 0, 2000, 1000)},
             {square(0, 1000, 1000, 2000)},
             {square(1000, 1000, 2000, 2000)}};
  h.edges = {{0, 1, {{{1000, 0}, {1000, 500}, {1000, 1000}}}},
             {2, 3, {{{1000, 1000}, {1000, 2000}}}},
             {0, 2, {{{0, 1000}, {1000, 1000}}}},
             {1, 3, {{{1000, 1000}, {2000, 1000}}}}};
  return h;
}

double length(const std::vector<Vec2>& line) {
  double l = 0;
  for (size_t i = 1; i < line.size(); ++i)
    l += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
  return l;
}
}  // namespace

TEST(Frontline, WestAgainstEastIsTheVerticalMidline) {
  // West held by side 0, east by side 1: the front is x = 1000 from y = 0 to y = 2000.
  const auto segments = frontlineSegments(grid(), {0, 1, 0, 1});
  ASSERT_FALSE(segments.empty());
  for (const auto& s : segments) {
    EXPECT_NEAR(s.a.x, 1000, 0.01);
    EXPECT_NEAR(s.b.x, 1000, 0.01);
  }
  const auto lines = chainSegments(segments);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(length(lines[0]), 2000, 0.1);
}

TEST(Frontline, OneCornerHeldBySomeoneElse) {
  // Only the north-east cell differs: the front is an L of 2 × 1 km.
  const auto lines = chainSegments(frontlineSegments(grid(), {0, 0, 0, 1}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(length(lines[0]), 2000, 0.1);
}

TEST(Frontline, NoFrontWhereOneSideHoldsAllOrSidesAreUnknown) {
  EXPECT_TRUE(frontlineSegments(grid(), {2, 2, 2, 2}).empty());
  EXPECT_TRUE(frontlineSegments(grid(), {0, -1, 0, -1}).empty());
}

TEST(Frontline, SegmentsNearFightingAreActive) {
  auto segments = frontlineSegments(grid(), {0, 1, 0, 1});
  markActive(segments, {{1100, 1800}}, 250);  // fighting reported 100 m east of the front, north
  int active = 0;
  for (const auto& s : segments) {
    if (s.active) {
      ++active;
      EXPECT_GT(std::max(s.a.y, s.b.y), 1500);
    }
  }
  EXPECT_GE(active, 1);
  EXPECT_LT(active, static_cast<int>(segments.size()));
}
