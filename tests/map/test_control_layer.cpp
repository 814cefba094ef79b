#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "map/control_layer.h"
#include "map/map_style.h"

using namespace atlas;
using namespace atlas::map;

namespace {

Polygon square(float x0, float y0, float x1, float y1) {
  return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// Four 1 km areas in a 2 km square with the borders each two neighbours share.
Neighbourhoods grid() {
  Neighbourhoods h;
  h.ids = {"sw", "se", "nw", "ne"};
  h.cells = {{square(0, 0, 1000, 1000)},
             {square(1000, 0, 2000, 1000)},
             {square(0, 1000, 1000, 2000)},
             {square(1000, 1000, 2000, 2000)}};
  h.edges = {{0, 1, {{{1000, 0}, {1000, 1000}}}},
             {2, 3, {{{1000, 1000}, {1000, 2000}}}},
             {0, 2, {{{0, 1000}, {1000, 1000}}}},
             {1, 3, {{{1000, 1000}, {2000, 1000}}}}};
  return h;
}

// Claims view their strings (control.h): these come from string literals, which outlive them.
ControlClaim claim(std::string_view place, const Date& date, Side side, const char* kind,
                   const char* doc = "doc") {
  ControlClaim c;
  c.place = place;
  c.date = date;
  c.side = side;
  c.kind = kind;
  c.evidence.doc = doc;
  return c;
}

}  // namespace

TEST(ControlLayer, UnknownBeforeEvidenceUnconfirmedAfterTheShelfLife) {
  ControlTimeline t;
  t.addClaim(claim("sw", {2016, 10, 1}, Side::Government, "reference", "reference"));
  t.addClaim(claim("se", {2016, 10, 1}, Side::Opposition, "reference", "reference"));
  t.addClaim(claim("se", {2016, 10, 20}, Side::Opposition, "held"));
  const Neighbourhoods h = grid();

  const ControlLayer before = controlLayerAt(h, t, {2016, 9, 30}, {});
  for (const ControlSummary& c : before.cells) EXPECT_EQ(c.side, Side::Unknown);
  EXPECT_TRUE(before.front.empty());

  // 25 October: the south-west's evidence is 24 days old, the south-east's 5.
  const ControlLayer layer = controlLayerAt(h, t, {2016, 10, 25}, {}, 14);
  ASSERT_EQ(layer.cells.size(), 4u);
  EXPECT_EQ(layer.sideOfCell[0], Side::Government);
  EXPECT_TRUE(layer.cells[0].unconfirmed);
  EXPECT_EQ(layer.cells[0].lastEvidenceDay, (Date{2016, 10, 1}.toDays()));
  EXPECT_FALSE(layer.cells[1].unconfirmed);
  EXPECT_EQ(layer.cells[2].side, Side::Unknown);
  // The front between them runs beside an unconfirmed area: unconfirmed (drawn dashed).
  ASSERT_FALSE(layer.front.empty());
  for (const FrontlineSegment& s : layer.front) EXPECT_TRUE(s.unconfirmed);

  // A longer shelf life confirms the south-west, and its front.
  const ControlLayer longer = controlLayerAt(h, t, {2016, 10, 25}, {}, 30);
  EXPECT_FALSE(longer.cells[0].unconfirmed);
  for (const FrontlineSegment& s : longer.front) EXPECT_FALSE(s.unconfirmed);
  EXPECT_FALSE(samePicture(layer, longer));
  // No reference asked for: no reference layer.
  EXPECT_TRUE(layer.referenceOfCell.empty());
  EXPECT_TRUE(layer.referenceFront.empty());
}

TEST(ControlLayer, TheReferenceKeepsItsLastRowAndDrawsItsOwnFront) {
  ControlTimeline evidence, reference;
  evidence.addClaim(claim("sw", {2016, 12, 1}, Side::Opposition, "held"));
  reference.addClaim(claim("sw", {2016, 7, 1}, Side::Government, "reference", "reference"));
  reference.addClaim(claim("se", {2016, 7, 1}, Side::Opposition, "reference", "reference"));
  reference.addClaim(claim("nw", {2016, 7, 1}, Side::Contested, "reference", "reference"));
  const ControlLayer layer =
      controlLayerAt(grid(), evidence, {2016, 12, 2}, {}, kDefaultShelfLifeDays, &reference);
  ASSERT_EQ(layer.referenceOfCell.size(), 4u);
  // Five months after its last row the reference still says government (no shelf life).
  EXPECT_EQ(layer.referenceOfCell[0], Side::Government);
  EXPECT_EQ(layer.referenceOfCell[2], Side::Contested);
  EXPECT_EQ(layer.referenceOfCell[3], Side::Unknown);
  EXPECT_EQ(layer.sideOfCell[0], Side::Opposition);
  // The reference front: only where two of its known sides meet (south-west / south-east).
  ASSERT_FALSE(layer.referenceFront.empty());
  for (const FrontlineSegment& s : layer.referenceFront) {
    EXPECT_EQ(std::min(s.cellA, s.cellB), 0);
    EXPECT_EQ(std::max(s.cellA, s.cellB), 1);
  }
  // The evidence has a single known area: no front of its own.
  EXPECT_TRUE(layer.front.empty());
  const auto bands = referenceBands(layer);
  EXPECT_EQ(bands[0].colour, style::referenceBand(Side::Government));
  EXPECT_EQ(bands[3].colour, 0u);
  // Wider where the evidence says otherwise (south-west: opposition by the texts).
  EXPECT_GT(bands[0].widthPx, bands[1].widthPx);
}

TEST(ControlLayer, StylesTellUnknownUnconfirmedContestedAndDisputedApart) {
  ControlLayer layer;
  auto add = [&](Side side, bool unconfirmed, bool disputed) {
    ControlSummary c;
    c.side = side;
    c.unconfirmed = unconfirmed;
    c.disputed = disputed;
    layer.cells.push_back(c);
  };
  add(Side::Unknown, false, false);     // 0
  add(Side::Opposition, false, false);  // 1
  add(Side::Opposition, true, false);   // 2
  add(Side::Contested, false, false);   // 3
  add(Side::Opposition, false, true);   // 4
  add(Side::Opposition, false, false);  // 5
  const std::vector<AreaStyle> s = cellStyles(layer);
  // Unknown: grey (r = g = b), nothing over it.
  const std::uint32_t grey = s[0].fill;
  EXPECT_EQ(grey & 0xff, grey >> 8 & 0xff);
  EXPECT_EQ(grey >> 8 & 0xff, grey >> 16 & 0xff);
  EXPECT_EQ(s[0].hatch, 0u);
  EXPECT_EQ(s[0].dots, 0u);
  // Unconfirmed: lighter than the confirmed fill of the same side, stippled.
  auto sum = [](std::uint32_t c) { return (c & 0xff) + (c >> 8 & 0xff) + (c >> 16 & 0xff); };
  EXPECT_GT(sum(s[2].fill), sum(style::sideFill(Side::Opposition, false)) + 60);
  EXPECT_NE(s[2].dots, 0u);
  EXPECT_EQ(s[1].dots, 0u);
  // Contested: stripes; disputed: a grid in another colour.
  EXPECT_EQ(s[3].pattern, Pattern::Stripes);
  EXPECT_EQ(s[3].hatch, style::kContestedHatch);
  EXPECT_EQ(s[4].pattern, Pattern::CrossHatch);
  EXPECT_EQ(s[4].hatch, style::kDisputedHatch);
  EXPECT_NE(s[4].hatch & 0xffffff, s[3].hatch & 0xffffff);
  EXPECT_EQ(s[5].hatch, 0u);
}

TEST(ControlLayer, UnconfirmedFrontIsDashedAndRunsOn) {
  std::vector<FrontlineSegment> front(2);
  front[0] = {{0, 0}, {100, 0}, 0, 1};
  front[1] = {{100, 0}, {100, 50}, 0, 1};
  front[0].unconfirmed = front[1].unconfirmed = true;
  std::vector<LineInstance> lines;
  appendFrontline(front, lines);
  ASSERT_EQ(lines.size(), 2u);
  for (const LineInstance& l : lines) EXPECT_GT(l.dashPx, 0);
  // Chained: the second segment's dashes start where the first one's ended.
  const LineInstance& first = lines[0].dashStart < lines[1].dashStart ? lines[0] : lines[1];
  const LineInstance& second = &first == &lines[0] ? lines[1] : lines[0];
  EXPECT_FLOAT_EQ(first.dashStart, 0.0f);
  EXPECT_FLOAT_EQ(second.dashStart, std::hypot(first.b.x - first.a.x, first.b.y - first.a.y));
  front[0].unconfirmed = front[1].unconfirmed = false;
  lines.clear();
  appendFrontline(front, lines);
  for (const LineInstance& l : lines) EXPECT_EQ(l.dashPx, 0);
}

TEST(ControlLayer, TheReferenceBandLiesInsideTheArea) {
  Neighbourhoods h = grid();
  // The north-east wound the other way round (clockwise, with a counter-clockwise hole).
  h.cells[3][0].outer = {{1000, 1000}, {1000, 2000}, {2000, 2000}, {2000, 1000}};
  h.cells[3][0].holes = {{{1400, 1400}, {1600, 1400}, {1600, 1600}, {1400, 1600}}};
  for (int cell : {0, 3}) {
    std::vector<LineInstance> lines;
    appendInsideBand(h, cell, 2.0f, style::referenceBand(Side::Government), lines);
    ASSERT_FALSE(lines.empty());
    for (const LineInstance& l : lines) {
      // The shader shifts a segment to its left by offsetPx: that side is inside the area.
      const float dx = l.b.x - l.a.x, dy = l.b.y - l.a.y;
      const float side = l.offsetPx > 0 ? 1.0f : -1.0f;
      const Vec2 mid{(l.a.x + l.b.x) / 2 - dy * side * 0.01f,
                     (l.a.y + l.b.y) / 2 + dx * side * 0.01f};
      const Polygon& p = h.cells[cell][0];
      const auto inRing = [](const Ring& r, Vec2 q) {
        bool in = false;
        for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
          if ((r[i].y > q.y) != (r[j].y > q.y) &&
              q.x < (r[j].x - r[i].x) * (q.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            in = !in;
        return in;
      };
      bool inside = inRing(p.outer, mid);
      for (const Ring& hole : p.holes) inside = inside && !inRing(hole, mid);
      EXPECT_TRUE(inside) << cell << ": " << l.a.x << "," << l.a.y << " → " << l.b.x << ","
                          << l.b.y;
      EXPECT_NEAR(std::abs(l.offsetPx), 1.5f, 1e-6);
    }
  }
}
