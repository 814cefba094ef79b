// Glyph ids, clusters, advances and offsets against HarfBuzz's hb-shape tool on the same font file.
#include <gtest/gtest.h>

#include <algorithm>

#include "text/font_face.h"
#include "text/hb_notation.h"
#include "text_test_util.h"

namespace atlas::text::test {
namespace {

// Single-script Arabic: one RTL run, so our line must equal hb-shape's buffer exactly.
bool pureArabic(const std::string& s) {
  if (s.find_first_of("\xD8\xD9\xDA\xDB") == std::string::npos) return false;  // no Arabic
  for (unsigned char c : s)
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return false;
  // Arabic-Indic digits (U+0660..U+0669) are AN: a separate run.
  return s.find("\xD9\xA0") == std::string::npos && s.find("\xD9\xA1") == std::string::npos &&
         s.find("\xD9\xA2") == std::string::npos;
}

class ShapingTest : public ::testing::TestWithParam<const char*> {};

void expectSameAsHbShape(TextEngine& engine, const std::string& font, const std::string& text) {
  const Paragraph p = engine.layout(text, LayoutOptions{0, 0, Align::Auto});
  ASSERT_EQ(p.lines.size(), 1u) << text;
  EXPECT_TRUE(p.rtl) << text;
  const std::string ours = hbShapeNotation(p, p.lines[0], engine.faces());
  const std::string theirs = hbShape(font, text);
  if (theirs.find("[0=") == std::string::npos && theirs.find("|0=") == std::string::npos) {
    EXPECT_EQ(ours, theirs) << text;
    return;
  }
  // The font lacks some characters (hb-shape shows glyph 0): those clusters come from the
  // fallback face instead; everything else must be identical.
  auto split = [](const std::string& glyphs) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : glyphs.substr(1, glyphs.size() - 2)) {
      if (c == '|') {
        out.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    out.push_back(cur);
    return out;
  };
  const auto a = split(ours), b = split(theirs);
  ASSERT_EQ(a.size(), b.size()) << text;
  ASSERT_EQ(a.size(), p.glyphs.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (b[i].rfind("0=", 0) == 0) {
      EXPECT_EQ(p.glyphs[i].font, 1) << text << " glyph " << i;
      EXPECT_NE(p.glyphs[i].id, 0u);
      EXPECT_EQ(a[i].substr(a[i].find('=')).substr(0, b[i].find_first_of("@+") - b[i].find('=')),
                b[i].substr(b[i].find('='), b[i].find_first_of("@+") - b[i].find('=')))
          << "cluster of glyph " << i << " in " << text;
    } else {
      EXPECT_EQ(a[i], b[i]) << text << " glyph " << i;
    }
  }
}

TEST_P(ShapingTest, SampleSentencesMatchHbShape) {
  auto engine = engineFor(GetParam());
  ASSERT_TRUE(engine);
  int compared = 0;
  for (const std::string& s : corpusSentences()) {
    if (!pureArabic(s)) continue;
    expectSameAsHbShape(*engine, GetParam(), s);
    ++compared;
  }
  EXPECT_GE(compared, 20);
}

TEST_P(ShapingTest, LamAlefMatchesHbShape) {
  auto engine = engineFor(GetParam());
  ASSERT_TRUE(engine);
  for (const char* word : {"لا", "الأسد", "إلا", "السلام", "لآلئ", "الإسلام", "فلا تقل لا"})
    expectSameAsHbShape(*engine, GetParam(), word);
}

TEST_P(ShapingTest, HarakatMatchHbShape) {
  auto engine = engineFor(GetParam());
  ASSERT_TRUE(engine);
  for (const char* word : {"الهُلك", "مُحَمَّدٌ", "حَلَبُ الشَّهْبَاءُ", "مسعىً", "عنصراً", "لَا"})
    expectSameAsHbShape(*engine, GetParam(), word);
}

INSTANTIATE_TEST_SUITE_P(Fonts, ShapingTest, ::testing::Values(kNaskh, kSans, kAmiri));

TEST(Shaping, LamAlefIsOneGlyphInNotoSansArabicButTwoInNaskh) {
  // What the notes say; the counts themselves come from hb-shape.
  auto count = [](const std::string& glyphs) {
    return std::count(glyphs.begin(), glyphs.end(), '=');
  };
  EXPECT_EQ(count(hbShape(kSans, "لا")), 1);
  EXPECT_EQ(count(hbShape(kNaskh, "لا")), 2);
  auto engine = engineFor(kSans);
  ASSERT_TRUE(engine);
  const Paragraph p = engine->layout("لا", LayoutOptions{0, 0, Align::Auto});
  ASSERT_EQ(p.glyphs.size(), 1u);
  EXPECT_EQ(p.glyphs[0].byteBegin, 0u);
  EXPECT_EQ(p.glyphs[0].byteEnd, 4u);  // the ligature's cluster covers both letters
}

TEST(Shaping, LatinIsReshapedWithTheFallbackFace) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  ASSERT_GE(engine->faces().size(), 2u) << "no Latin UI font";
  const Paragraph p = engine->layout("قال Aleppo أمس", LayoutOptions{0, 0, Align::Auto});
  int latin = 0;
  for (const Glyph& g : p.glyphs) {
    EXPECT_NE(g.id, 0u) << "notdef at byte " << g.byteBegin;
    if (g.font == 1) ++latin;
  }
  EXPECT_EQ(latin, 6);
}

TEST(Shaping, EngineReportsAMissingFontFile) {
  std::string error;
  auto engine = TextEngine::create(&error, "/nonexistent/font.ttf");
  EXPECT_FALSE(engine);
  EXPECT_NE(error.find("/nonexistent/font.ttf"), std::string::npos);
}

TEST(Shaping, ScalesToPixelSize) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const Paragraph units = engine->layout("حلب", LayoutOptions{0, 0, Align::Auto});
  const Paragraph px = engine->layout("حلب", LayoutOptions{20, 0, Align::Auto});
  const float upem = static_cast<float>(hbAdvance(hbShape(kNaskh, "حلب")));
  EXPECT_FLOAT_EQ(units.lines[0].width, upem);
  const float unitsPerEm = static_cast<float>(engine->faces()[0]->unitsPerEm());
  EXPECT_NEAR(px.lines[0].width, upem * 20.0f / unitsPerEm, 1e-3);
}

}  // namespace
}  // namespace atlas::text::test
