// Paragraph layout: ICU bidi on the whole paragraph, runs by direction/script/font, HarfBuzz
// shaping with the paragraph as context (cluster level MONOTONE_CHARACTERS), ICU line breaking at
// a width, per-line visual reordering and alignment. Positions are in pixels, y down, origin at
// the paragraph's top-left corner.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/glyph_atlas.h"

struct UBiDi;
struct UBreakIterator;
struct hb_buffer_t;

namespace atlas::text {

class FontFace;

enum class Align : uint8_t { Auto, Left, Right, Center };  // Auto: right if RTL, else left

struct LayoutOptions {
  float size = 16;  // pixels per em; 0 = the primary font's units per em (hb-shape's default)
  float width = 0;  // wrap width in pixels; 0 = no wrapping
  Align align = Align::Auto;
};

struct Glyph {
  uint32_t id = 0;
  uint8_t font = 0;      // index into TextEngine faces
  bool rtl = false;      // direction of the run it belongs to
  float x = 0;           // pen position from the paragraph's left edge (alignment included)
  float advance = 0;     // pixels
  float dx = 0, dy = 0;  // HarfBuzz offsets in pixels (dy up, as HarfBuzz)
  uint32_t byteBegin = 0, byteEnd = 0;  // the cluster's source bytes
  // Unscaled HarfBuzz values (font units), for hb-shape style output.
  int32_t rawAdvance = 0, rawDx = 0, rawDy = 0;
};

struct Line {
  uint32_t glyphBegin = 0, glyphEnd = 0;  // into Paragraph::glyphs, visual order left to right
  uint32_t byteBegin = 0, byteEnd = 0;    // logical source range (trailing spaces included)
  float left = 0, width = 0;              // ink box of the line's advances
  float top = 0, baseline = 0, bottom = 0;
};

struct Rect {
  float x0, y0, x1, y1;
};

struct Quad {
  float x0, y0, x1, y1;  // relative to the paragraph's top-left
  float u0, v0, u1, v1;
};

class Paragraph {
 public:
  std::string text;
  LayoutOptions options;
  bool rtl = false;  // paragraph base direction
  float scale = 1;   // primary font pixels per font unit
  float width = 0;   // box width (options.width, or the widest line)
  float height = 0;
  std::vector<Glyph> glyphs;
  std::vector<Line> lines;

  // Rectangles covering the source bytes [begin, end), one per contiguous piece on a line, across
  // line breaks and bidi runs; a ligature that is only partly covered is split evenly per
  // character.
  std::vector<Rect> rangeRects(size_t begin, size_t end) const;
  // The byte offset of the character under (x, y); points beside a line snap to its nearest glyph.
  size_t offsetAt(float x, float y) const;

  // Glyph quads (bitmap + UVs), rebuilt only when the atlas generation changes.
  const std::vector<Quad>& quads(GlyphAtlas& atlas,
                                 const std::vector<std::unique_ptr<FontFace>>& faces) const;

 private:
  mutable std::vector<Quad> quads_;
  mutable uint32_t quadsGeneration_ = 0;
};

// Owns the fonts and the reusable ICU and HarfBuzz objects. Not thread-safe.
class TextEngine {
 public:
  // Fonts: `arabicFile` (empty: Noto Naskh Arabic / Noto Sans Arabic / Amiri through fontconfig)
  // and a Latin fallback through fontconfig. Returns nullptr with a readable *error if no Arabic
  // font can be found.
  static std::unique_ptr<TextEngine> create(std::string* error, const std::string& arabicFile = "");
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  Paragraph layout(std::string_view text, const LayoutOptions& options);
  // Cached by (text, size, width, alignment); the engine's fonts are fixed.
  std::shared_ptr<const Paragraph> layoutCached(std::string_view text,
                                                const LayoutOptions& options);
  size_t cacheSize() const { return cache_.size(); }
  void setCacheCapacity(size_t capacity) { cacheCapacity_ = capacity; }

  const std::vector<std::unique_ptr<FontFace>>& faces() const { return faces_; }
  GlyphAtlas& atlas() { return atlas_; }

 private:
  TextEngine() = default;
  // The steps of layout(), in order; LayoutWork (paragraph.cpp) carries what each one adds.
  struct LayoutWork;
  void setMetrics(LayoutWork& w, Paragraph& p) const;
  void resolveBidi(LayoutWork& w, Paragraph& p);
  void shapeItems(LayoutWork& w);
  void scaleGlyphs(LayoutWork& w) const;
  void breakLines(LayoutWork& w, float width);
  void placeLines(LayoutWork& w, Paragraph& p);
  void shapeItem(const std::u16string& text, uint32_t begin, uint32_t end, bool rtl,
                 uint32_t script, int font, std::vector<Glyph>& out,
                 std::vector<uint32_t>& clusters);

  std::vector<std::unique_ptr<FontFace>> faces_;  // 0: Arabic, 1: Latin fallback (if any)
  UBiDi* para_ = nullptr;
  UBiDi* line_ = nullptr;
  UBreakIterator* breaker_ = nullptr;
  hb_buffer_t* buffer_ = nullptr;
  GlyphAtlas atlas_;

  struct Key {
    std::string text;
    float size, width;
    Align align;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  using LruList = std::list<Key>;
  struct CacheEntry {
    std::shared_ptr<const Paragraph> paragraph;
    LruList::iterator lru;
  };
  std::unordered_map<Key, CacheEntry, KeyHash> cache_;
  LruList lru_;
  size_t cacheCapacity_ = 4096;
};

}  // namespace atlas::text
