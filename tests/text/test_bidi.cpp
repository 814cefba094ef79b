// Visual order of mixed text. Expected orders are worked out by hand from UAX #9: each expected
// line is written as its bidi runs from left to right, RTL runs spelled reversed.
#include <gtest/gtest.h>

#include "text_test_util.h"

namespace atlas::text::test {
namespace {

class BidiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = engineFor(kNaskh);
    ASSERT_TRUE(engine);
  }
  std::vector<std::string> visual(const std::string& text, float width = 0) {
    return visualLines(engine->layout(text, LayoutOptions{16, width, Align::Auto}));
  }
  std::unique_ptr<TextEngine> engine;
};

TEST_F(BidiTest, DigitsAndGuillemetsInsideArabic) {
  // Runs: "قتل " R, "20" AN, " عنصراً من «" R, "12.7" AN (W4: CS between ANs), "»" R.
  const std::string text = "قتل 20 عنصراً من «12.7»";
  const std::string expected =
      reversed("»") + "12.7" + reversed(" عنصراً من «") + "20" + reversed("قتل ");
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
}

TEST_F(BidiTest, DecimalNumberStaysLeftToRight) {
  const std::string text = "رشاشاً عيار 12.7 ملم";
  const std::string expected = reversed(" ملم") + "12.7" + reversed("رشاشاً عيار ");
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
}

TEST_F(BidiTest, LatinNameInsideArabic) {
  // "Ban Ki-moon": the space and hyphen between L letters are L.
  const std::string text = "قال Ban Ki-moon أمس";
  const std::string expected = reversed(" أمس") + "Ban Ki-moon" + reversed("قال ");
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
}

TEST_F(BidiTest, ParenthesesAroundLatinTakeTheArabicDirection) {
  // N0: the pair encloses L but is preceded by R, so both brackets are R.
  const std::string text = "مدينة (Aleppo) حلب";
  const std::string expected = reversed(") حلب") + "Aleppo" + reversed("مدينة (");
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
}

TEST_F(BidiTest, ParenthesesInArabicAreReversedAsOneRun) {
  const std::string text = "حي (الشيخ سعيد) جنوب";
  EXPECT_EQ(visual(text), std::vector<std::string>{reversed(text)});
}

TEST_F(BidiTest, DatesKeepNumbersLeftToRight) {
  // "12" follows sos (R) so stays EN; "2024" follows AL so becomes AN; both at level 2.
  const std::string text = "12 آذار 2024";
  const std::string expected = "2024" + reversed(" آذار ") + "12";
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
}

TEST_F(BidiTest, ArabicInsideLatinParagraph) {
  // LTR paragraph; "حلب 2016" is R then AN (level 2): reversed as a whole, number kept LTR.
  const std::string text = "Aleppo حلب 2016";
  const std::string expected = "Aleppo 2016 " + reversed("حلب");
  EXPECT_EQ(visual(text), std::vector<std::string>{expected});
  EXPECT_FALSE(engine->layout(text, LayoutOptions{}).rtl);
}

TEST_F(BidiTest, WrappedLinesAreReorderedPerLine) {
  // Wrapping at a width narrower than the sentence: each line holds consecutive words and is
  // reordered by itself; the first line holds the logical start.
  const std::string text = "قتل 20 عنصراً من ميليشيات حركة النجباء العراقية";
  const Paragraph p = engine->layout(text, LayoutOptions{16, 120, Align::Auto});
  ASSERT_GE(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[0].byteBegin, 0u);
  const auto lines = visualLines(p);
  EXPECT_EQ(lines[0].substr(lines[0].size() - std::string("قتل").size()), reversed("قتل"));
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const Line& line = p.lines[i];
    if (i + 1 < p.lines.size()) {
      EXPECT_EQ(p.lines[i + 1].byteBegin, line.byteEnd);
      EXPECT_EQ(p.text[line.byteEnd - 1], ' ') << "line " << i << " breaks inside a word";
    }
    EXPECT_LE(line.width, 120.0f);
    // RTL paragraphs are right-aligned by default.
    EXPECT_NEAR(line.left + line.width, 120.0f, 1e-3);
    // Each line's text, un-reordered, is its logical slice.
    std::string slice = p.text.substr(line.byteBegin, line.byteEnd - line.byteBegin);
    while (!slice.empty() && slice.back() == ' ') slice.pop_back();
    EXPECT_EQ(lines[i].size(), slice.size());
  }
  EXPECT_EQ(p.lines.back().byteEnd, text.size());
}

TEST_F(BidiTest, Alignment) {
  const std::string text = "حلب";
  const float w = engine->layout(text, LayoutOptions{16, 0, Align::Auto}).lines[0].width;
  EXPECT_NEAR(engine->layout(text, LayoutOptions{16, 200, Align::Left}).lines[0].left, 0, 1e-3);
  EXPECT_NEAR(engine->layout(text, LayoutOptions{16, 200, Align::Right}).lines[0].left, 200 - w,
              1e-3);
  EXPECT_NEAR(engine->layout(text, LayoutOptions{16, 200, Align::Center}).lines[0].left,
              (200 - w) / 2, 1e-3);
  EXPECT_NEAR(engine->layout("Aleppo", LayoutOptions{16, 200, Align::Auto}).lines[0].left, 0, 1e-3);
}

TEST_F(BidiTest, HardLineBreaks) {
  const Paragraph p = engine->layout("حلب\nإدلب", LayoutOptions{16, 0, Align::Auto});
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(visualLines(p), (std::vector<std::string>{reversed("حلب"), reversed("إدلب")}));
}

}  // namespace
}  // namespace atlas::text::test
