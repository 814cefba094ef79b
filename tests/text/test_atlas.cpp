#include <gtest/gtest.h>

#include "text/font_face.h"
#include "text/glyph_atlas.h"
#include "text_test_util.h"

namespace atlas::text::test {
namespace {

struct RecordingSink : TextureSink {
  int recreated = 0, updated = 0, lastW = 0, lastH = 0;
  void recreate(int w, int h, const uint8_t*) override {
    ++recreated;
    lastW = w;
    lastH = h;
  }
  void updateRows(int, int, int, const uint8_t*) override { ++updated; }
};

TEST(Atlas, RasterisesGlyphsOnceAndPacksThemApart) {
  std::string error;
  auto face = FontFace::open(kNaskh, 0, &error);
  ASSERT_TRUE(face) << error;
  GlyphAtlas atlas(256, 256);
  const AtlasGlyph a = atlas.glyph(*face, 0, 24, 250);
  const AtlasGlyph b = atlas.glyph(*face, 0, 24, 510);
  ASSERT_GT(a.w, 0);
  ASSERT_GT(b.w, 0);
  EXPECT_TRUE(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y);
  int ink = 0;
  for (int y = a.y; y < a.y + a.h; ++y)
    for (int x = a.x; x < a.x + a.w; ++x) ink += atlas.pixels()[y * atlas.width() + x] > 128;
  EXPECT_GT(ink, 5);
  EXPECT_EQ(atlas.glyphCount(), 2u);
  atlas.glyph(*face, 0, 24, 250);
  EXPECT_EQ(atlas.glyphCount(), 2u);
  atlas.glyph(*face, 0, 32, 250);  // another size is another entry
  EXPECT_EQ(atlas.glyphCount(), 3u);
  EXPECT_EQ(atlas.glyph(*face, 0, 24, 1364).w, 0);  // space (glyph 1364 in Noto Naskh): no bitmap

  RecordingSink sink;
  atlas.flush(sink);
  EXPECT_EQ(sink.recreated, 1);
  atlas.glyph(*face, 0, 24, 251);
  atlas.flush(sink);
  EXPECT_EQ(sink.updated, 1);
  atlas.flush(sink);
  EXPECT_EQ(sink.updated, 1);
}

TEST(Atlas, GrowsThenEvictsWhenFull) {
  std::string error;
  auto face = FontFace::open(kNaskh, 0, &error);
  ASSERT_TRUE(face) << error;
  GlyphAtlas atlas(64, 128);
  const uint32_t g0 = atlas.generation();
  for (uint32_t id = 100; id < 140; ++id) atlas.glyph(*face, 0, 24, id);
  EXPECT_GT(atlas.generation(), g0);
  EXPECT_EQ(atlas.width(), 128);
  EXPECT_EQ(atlas.height(), 128);
  for (uint32_t id = 140; id < 400; ++id) atlas.glyph(*face, 0, 24, id);
  EXPECT_GT(atlas.evictions(), 0);
  EXPECT_EQ(atlas.width(), 128);
}

// Found by fuzz_paragraph: a glyph bigger than the largest atlas made glyph() evict and retry
// forever. It is now left undrawn and the atlas goes on working.
TEST(Atlas, AGlyphLargerThanTheLargestAtlasIsSkippedNotPackedForever) {
  std::string error;
  auto face = FontFace::open(kNaskh, 0, &error);
  ASSERT_TRUE(face) << error;
  GlyphAtlas atlas(64, 128);
  EXPECT_EQ(atlas.glyph(*face, 0, 600, 250).w, 0);
  EXPECT_GT(atlas.glyph(*face, 0, 24, 250).w, 0);
}

TEST(Atlas, ParagraphQuadsFollowTheGlyphs) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  const Paragraph p = engine->layout("حلب الشهباء", LayoutOptions{24, 0, Align::Auto});
  const auto& quads = p.quads(engine->atlas(), engine->faces());
  EXPECT_EQ(quads.size(), p.glyphs.size() - 1);  // all but the space
  for (const Quad& q : quads) {
    EXPECT_GE(q.x0, -2);
    EXPECT_LE(q.x1, p.width + 2);
    EXPECT_GE(q.u0, 0);
    EXPECT_LE(q.u1, 1);
  }
  EXPECT_EQ(&p.quads(engine->atlas(), engine->faces()), &quads);
}

TEST(Cache, SameKeySameLayout) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  auto a = engine->layoutCached("حلب", LayoutOptions{16, 100, Align::Auto});
  auto b = engine->layoutCached("حلب", LayoutOptions{16, 100, Align::Auto});
  auto c = engine->layoutCached("حلب", LayoutOptions{16, 120, Align::Auto});
  EXPECT_EQ(a.get(), b.get());
  EXPECT_NE(a.get(), c.get());
  engine->setCacheCapacity(2);
  engine->layoutCached("إدلب", LayoutOptions{});
  EXPECT_LE(engine->cacheSize(), 2u);
}

}  // namespace
}  // namespace atlas::text::test
