// Paragraph layout (ICU bidi, HarfBuzz shaping, ICU line breaking, range mapping) with the
// app's fonts. The first byte chooses the mode and alignment, the second the wrap width, the
// third the size. In "mix" mode every further byte picks a piece of text (Arabic and Latin
// letters, digits, marks, lam-alef, bidi embeddings, isolates and marks, spaces, line breaks,
// an emoji) so even short inputs are bidi-heavy valid UTF-8; otherwise the bytes are the text.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_target.h"
#include "text/paragraph.h"

namespace {

std::unique_ptr<atlas::text::TextEngine> gEngine;

const char* const kPieces[] = {
    "\xD8\xAD",          // ح
    "\xD9\x84\xD8\xA7",  // لا (lam-alef ligature)
    "\xD8\xA8\xD9\x90",  // ب with kasra
    "\xD8\xA9",          // ة
    "\xD9\x80",          // tatweel
    "\xD9\xA1\xD9\xA2",  // Arabic-Indic digits
    "a",
    "Z",
    "1",
    "42",
    " ",
    "  ",
    "\n",
    "\t",
    ".",
    "(",
    ")",
    "-",
    "/",
    ":",
    "\xE2\x80\x8E",                                               // LRM
    "\xE2\x80\x8F",                                               // RLM
    "\xE2\x80\xAA",                                               // LRE
    "\xE2\x80\xAB",                                               // RLE
    "\xE2\x80\xAC",                                               // PDF
    "\xE2\x80\xAD",                                               // LRO
    "\xE2\x80\xAE",                                               // RLO
    "\xE2\x81\xA6",                                               // LRI
    "\xE2\x81\xA7",                                               // RLI
    "\xE2\x81\xA8",                                               // FSI
    "\xE2\x81\xA9",                                               // PDI
    "\xD8\x9C",                                                   // ALM
    "\xE2\x80\x8D",                                               // ZWJ
    "\xC2\xA0",                                                   // no-break space
    "\xCC\x81",                                                   // combining acute
    "\xD7\x90",                                                   // Hebrew alef
    "\xF0\x9F\x98\x80",                                           // emoji
    "\xEF\xBB\xBF",                                               // BOM
    "\xE2\x80\xA8",                                               // line separator
    "\xD8\xB4\xD9\x8A\xD8\xAE \xD8\xB3\xD8\xB9\xD9\x8A\xD8\xAF",  // شيخ سعيد
    "Aleppo 2016",
};

void checkFinite(float v) { FUZZ_CHECK(std::isfinite(v)); }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string error;
  gEngine = atlas::text::TextEngine::create(&error);
  if (!gEngine) {
    std::fprintf(stderr, "fuzz_paragraph: %s\n", error.c_str());
    std::abort();
  }
  gEngine->setCacheCapacity(64);
  std::atexit([] { gEngine.reset(); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3 || size > 4096) return 0;
  atlas::text::LayoutOptions options;
  const uint8_t mode = data[0];
  options.align = static_cast<atlas::text::Align>((mode >> 1) & 3);
  options.width = data[1] == 0 ? 0 : static_cast<float>(data[1]) * 3;
  options.size = data[2] == 0 ? 0 : 4 + static_cast<float>(data[2] % 64);
  std::string text;
  if (mode & 1) {
    for (size_t i = 3; i < size; ++i) text += kPieces[data[i] % std::size(kPieces)];
  } else {
    text.assign(reinterpret_cast<const char*>(data) + 3, size - 3);
  }
  const atlas::text::Paragraph p = gEngine->layout(text, options);
  FUZZ_CHECK(p.text == text);
  checkFinite(p.width);
  checkFinite(p.height);
  for (const auto& g : p.glyphs) {
    FUZZ_CHECK(g.byteBegin <= g.byteEnd && g.byteEnd <= text.size());
    FUZZ_CHECK(g.font < gEngine->faces().size());
    checkFinite(g.x);
    checkFinite(g.advance);
  }
  for (const auto& l : p.lines) {
    FUZZ_CHECK(l.glyphBegin <= l.glyphEnd && l.glyphEnd <= p.glyphs.size());
    FUZZ_CHECK(l.byteBegin <= l.byteEnd && l.byteEnd <= text.size());
    FUZZ_CHECK(l.top <= l.baseline && l.baseline <= l.bottom);
  }
  // Range mapping: ranges cut from the input itself, and the whole text.
  for (size_t k = 3; k + 1 < size && k < 24; k += 2) {
    const size_t a = data[k] % (text.size() + 1), b = data[k + 1] % (text.size() + 1);
    for (const auto& r : p.rangeRects(std::min(a, b), std::max(a, b))) {
      FUZZ_CHECK(r.x0 <= r.x1 && r.y0 <= r.y1);
      checkFinite(r.x0);
      checkFinite(r.x1);
    }
    const size_t at = p.offsetAt(static_cast<float>(data[k]) - 20, static_cast<float>(data[k + 1]));
    FUZZ_CHECK(at <= text.size());
  }
  p.rangeRects(0, text.size());
  // Glyph bitmaps packed into the atlas (CPU side) and their quads, at the sizes the UI uses
  // (size 0 is the font's units per em, thousands of pixels: hb-shape notation only).
  if (options.size > 0)
    for (const auto& q : p.quads(gEngine->atlas(), gEngine->faces())) {
      checkFinite(q.x0);
      checkFinite(q.y1);
      FUZZ_CHECK(q.u0 >= 0 && q.u1 <= 1 && q.v0 >= 0 && q.v1 <= 1);
    }
  // The cache returns the same layout.
  const auto cached = gEngine->layoutCached(text, options);
  FUZZ_CHECK(cached->glyphs.size() == p.glyphs.size() && cached->lines.size() == p.lines.size());
  return 0;
}
