// Byte range → rectangles and point → byte offset. Expected widths are hb-shape's advances for
// the same font (layout at size 0 = font units), positions worked out from right alignment.
#include <gtest/gtest.h>

#include "text_test_util.h"

namespace atlas::text::test {
namespace {

size_t find(const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  return at;
}

TEST(Ranges, NameInsideOneRtlLine) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const std::string text = "حي الشيخ سعيد جنوب حلب";
  const std::string name = "الشيخ سعيد";
  const Paragraph p = engine->layout(text, LayoutOptions{0, 0, Align::Auto});
  const float total = static_cast<float>(hbAdvance(hbShape(kNaskh, text)));
  ASSERT_FLOAT_EQ(p.width, total);
  const size_t at = find(text, name);
  const auto rects = p.rangeRects(at, at + name.size());
  ASSERT_EQ(rects.size(), 1u);
  const float right = total - static_cast<float>(hbAdvance(hbShape(kNaskh, "حي ")));
  const float width = static_cast<float>(hbAdvance(hbShape(kNaskh, name)));
  EXPECT_NEAR(rects[0].x1, right, 0.01);
  EXPECT_NEAR(rects[0].x0, right - width, 0.01);
  EXPECT_FLOAT_EQ(rects[0].y0, p.lines[0].top);
  EXPECT_FLOAT_EQ(rects[0].y1, p.lines[0].bottom);

  // Clicking the middle of the highlight lands inside the name.
  const size_t hit = p.offsetAt((rects[0].x0 + rects[0].x1) / 2, (rects[0].y0 + rects[0].y1) / 2);
  EXPECT_GE(hit, at);
  EXPECT_LT(hit, at + name.size());
  // The first logical letter is at the right end of the line.
  EXPECT_EQ(p.offsetAt(total - 1, 1), 0u);
  // Beyond the left end: the last letter.
  EXPECT_EQ(p.offsetAt(-50, 1), text.size() - 2);
}

TEST(Ranges, EveryCharacterRoundTrips) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const std::string text = "قتل 20 عنصراً من «12.7» قرب Aleppo";
  const Paragraph p = engine->layout(text, LayoutOptions{16, 0, Align::Auto});
  for (size_t b = 0; b < text.size();) {
    size_t e = b + 1;
    while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
    const auto rects = p.rangeRects(b, e);
    if (!rects.empty() && text[b] != ' ') {
      ASSERT_EQ(rects.size(), 1u) << b;
      EXPECT_EQ(p.offsetAt((rects[0].x0 + rects[0].x1) / 2, 5), b) << "byte " << b;
    }
    b = e;
  }
}

TEST(Ranges, LigatureIsSplitEvenly) {
  // Noto Sans Arabic: lam-alef is one glyph (cluster 0, both letters); lam is its right half.
  auto engine = engineFor(kSans);
  ASSERT_TRUE(engine);
  const std::string text = "لا";
  const Paragraph p = engine->layout(text, LayoutOptions{0, 0, Align::Auto});
  const float adv = static_cast<float>(hbAdvance(hbShape(kSans, text)));
  const auto lam = p.rangeRects(0, 2);
  const auto alef = p.rangeRects(2, 4);
  ASSERT_EQ(lam.size(), 1u);
  ASSERT_EQ(alef.size(), 1u);
  EXPECT_NEAR(lam[0].x0, adv / 2, 0.01);
  EXPECT_NEAR(lam[0].x1, adv, 0.01);
  EXPECT_NEAR(alef[0].x0, 0, 0.01);
  EXPECT_NEAR(alef[0].x1, adv / 2, 0.01);
  EXPECT_EQ(p.offsetAt(adv * 0.75f, 10), 0u);
  EXPECT_EQ(p.offsetAt(adv * 0.25f, 10), 2u);
}

TEST(Ranges, AcrossBidiRuns) {
  // Visual: [" أمس" reversed][Ban Ki-moon][reversed "قال "]. "Ki-moon أمس" is two pieces:
  // the right end of the Latin run and the left end of the line.
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const std::string text = "قال Ban Ki-moon أمس";
  const Paragraph p = engine->layout(text, LayoutOptions{0, 0, Align::Auto});
  const size_t at = find(text, "Ki-moon");
  const auto rects = p.rangeRects(at, text.size());
  ASSERT_EQ(rects.size(), 2u);
  // The space before "أمس" sits between L and R: it takes the paragraph direction (N2), so it
  // belongs to the Arabic run and is part of the left piece.
  const float amsWidth = static_cast<float>(hbAdvance(hbShape(kNaskh, " أمس")));
  EXPECT_NEAR(rects[0].x0, 0, 0.01);
  EXPECT_NEAR(rects[0].x1, amsWidth, 0.01);
  const float qalWidth = static_cast<float>(hbAdvance(hbShape(kNaskh, "قال ")));
  EXPECT_NEAR(rects[1].x1, p.width - qalWidth, 0.01);
}

TEST(Ranges, AcrossLineBreaks) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const std::string text = "دارت اشتباكات على جبهات حي بستان الباشا ومنطقة العويجة";
  const std::string name = "بستان الباشا";
  const size_t at = find(text, name);
  // Wrap exactly after "بستان ": the width of everything before "الباشا" (hb-shape, font units).
  const float first =
      static_cast<float>(hbAdvance(hbShape(kNaskh, text.substr(0, find(text, "الباشا") - 1))));
  const Paragraph p = engine->layout(text, LayoutOptions{0, first + 1, Align::Auto});
  ASSERT_GE(p.lines.size(), 2u);
  ASSERT_EQ(p.lines[1].byteBegin, find(text, "الباشا"));
  const auto rects = p.rangeRects(at, at + name.size());
  ASSERT_EQ(rects.size(), 2u);
  // "بستان" ends line 0 (its left end); "الباشا" starts line 1 (its right end).
  EXPECT_NEAR(rects[0].x0, p.lines[0].left, 0.01);
  EXPECT_FLOAT_EQ(rects[0].y0, p.lines[0].top);
  EXPECT_NEAR(rects[0].x1 - rects[0].x0, hbAdvance(hbShape(kNaskh, "بستان")), 0.01);
  EXPECT_NEAR(rects[1].x1, first + 1, 0.01);
  EXPECT_FLOAT_EQ(rects[1].y0, p.lines[1].top);
  EXPECT_NEAR(rects[1].x1 - rects[1].x0, hbAdvance(hbShape(kNaskh, "الباشا")), 0.01);
}

TEST(Ranges, EmptyAndOutside) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const Paragraph p = engine->layout("حلب", LayoutOptions{});
  EXPECT_TRUE(p.rangeRects(2, 2).empty());
  EXPECT_TRUE(p.rangeRects(100, 200).empty());
  const Paragraph empty = engine->layout("", LayoutOptions{});
  EXPECT_EQ(empty.lines.size(), 1u);
  EXPECT_EQ(empty.offsetAt(10, 10), 0u);
}

}  // namespace
}  // namespace atlas::text::test
