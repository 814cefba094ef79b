// A single-channel (coverage) glyph atlas: FreeType rasterises glyph ids on demand into a CPU
// bitmap, shelf-packed. The GPU copy lives behind TextureSink so this stays testable without GL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace atlas::text {

class FontFace;

// Where the atlas bitmap goes (a GL texture in src/ui; nothing in tests and benchmarks).
class TextureSink {
 public:
  virtual ~TextureSink() = default;
  // The whole bitmap changed size (or was cleared): re-create the texture from `pixels`.
  virtual void recreate(int width, int height, const uint8_t* pixels) = 0;
  // Rows [y0, y1) changed; `pixels` points at row y0 (stride = atlas width).
  virtual void updateRows(int y0, int y1, int width, const uint8_t* pixels) = 0;
};

struct AtlasGlyph {
  // Bitmap rectangle in atlas pixels (w or h 0: nothing to draw, e.g. a space).
  int x = 0, y = 0, w = 0, h = 0;
  // Offset of the bitmap's top-left corner from the pen position on the baseline (y down).
  int left = 0, top = 0;
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(int initialSize = 512, int maxSize = 4096);

  // The glyph's bitmap, rasterised and packed on first use. `faceId` identifies `face` in the key.
  const AtlasGlyph& glyph(const FontFace& face, int faceId, float pixelSize, uint32_t glyphId);

  int width() const { return width_; }
  int height() const { return height_; }
  const std::vector<uint8_t>& pixels() const { return pixels_; }
  // Changes whenever existing glyph positions become invalid (growth changes UVs; eviction).
  uint32_t generation() const { return generation_; }
  size_t glyphCount() const { return entries_.size(); }
  int evictions() const { return evictions_; }

  // Sends what changed since the last flush to `sink`.
  void flush(TextureSink& sink);

 private:
  struct Shelf {
    int y, height, x;
  };
  bool pack(int w, int h, int* x, int* y);
  void grow();
  void clear();

  int width_, height_, maxSize_;
  std::vector<uint8_t> pixels_;
  std::vector<Shelf> shelves_;
  std::unordered_map<uint64_t, AtlasGlyph> entries_;
  uint32_t generation_ = 1;
  int evictions_ = 0;
  bool recreate_ = true;
  int dirtyY0_ = 0, dirtyY1_ = 0;
};

}  // namespace atlas::text
