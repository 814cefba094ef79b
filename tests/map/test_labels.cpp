#include <gtest/gtest.h>

#include <random>

#include "map/label_placement.h"

using namespace atlas::map;

namespace {
const LabelRect kScreen{0, 0, 1000, 800};
}

TEST(Labels, ALonelyLabelGoesToTheRightOfItsMarker) {
  const auto placed = placeLabels({{100, 100, 5, 60, 20, 1}}, {}, kScreen);
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_FLOAT_EQ(placed[0].rect.x0, 108);  // gap 5 + padding 3
  EXPECT_FLOAT_EQ(placed[0].rect.y0, 90);
}

TEST(Labels, TheSecondLabelMovesAsideOrIsDropped) {
  // Two markers 10 px apart: the more important one keeps the right; the other goes left.
  const auto placed =
      placeLabels({{100, 100, 5, 60, 20, 1}, {110, 100, 5, 60, 20, 9}}, {}, kScreen);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0].candidate, 1);
  EXPECT_GT(placed[0].rect.x0, 110);
  EXPECT_LT(placed[1].rect.x1, 100);
}

TEST(Labels, LowerPriorityLabelsAreDroppedFirst) {
  std::vector<LabelCandidate> c;
  for (int i = 0; i < 6; ++i) c.push_back({500, 400, 4, 20, 10, static_cast<float>(i)});
  const auto placed = placeLabels(c, {}, kScreen);
  ASSERT_EQ(placed.size(), 4u);  // right, left, above, below: then no room
  for (const auto& p : placed) EXPECT_GE(p.candidate, 2);
}

TEST(Labels, NeverOverlapEachOtherObstaclesOrTheEdge) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(0, 1000), y(0, 800), w(20, 120);
  std::vector<LabelCandidate> c;
  for (int i = 0; i < 2000; ++i) c.push_back({x(rng), y(rng), 4, w(rng), 16, x(rng)});
  const std::vector<LabelRect> obstacles = {{0, 0, 200, 40}, {800, 700, 1000, 800}};
  const auto placed = placeLabels(c, obstacles, kScreen);
  EXPECT_GT(placed.size(), 50u);
  for (size_t i = 0; i < placed.size(); ++i) {
    const LabelRect& r = placed[i].rect;
    EXPECT_TRUE(r.x0 >= 0 && r.y0 >= 0 && r.x1 <= 1000 && r.y1 <= 800);
    for (const LabelRect& o : obstacles) EXPECT_FALSE(r.overlaps(o));
    for (size_t j = i + 1; j < placed.size(); ++j) ASSERT_FALSE(r.overlaps(placed[j].rect));
  }
}
