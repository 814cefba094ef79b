#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>

#include "text/font_face.h"

namespace atlas::text {

namespace {
constexpr int kPadding = 1;
}

GlyphAtlas::GlyphAtlas(int initialSize, int maxSize)
    : width_(initialSize), height_(initialSize), maxSize_(std::max(initialSize, maxSize)) {
  pixels_.assign(static_cast<size_t>(width_) * height_, 0);
}

void GlyphAtlas::clear() {
  std::fill(pixels_.begin(), pixels_.end(), 0);
  shelves_.clear();
  entries_.clear();
  ++generation_;
  ++evictions_;
  recreate_ = true;
}

void GlyphAtlas::grow() {
  // Double the height first (rows stay where they are), then the width.
  int newWidth = width_, newHeight = height_;
  if (height_ <= width_)
    newHeight *= 2;
  else
    newWidth *= 2;
  std::vector<uint8_t> grown(static_cast<size_t>(newWidth) * newHeight, 0);
  for (int y = 0; y < height_; ++y)
    std::memcpy(&grown[static_cast<size_t>(y) * newWidth],
                &pixels_[static_cast<size_t>(y) * width_], width_);
  pixels_.swap(grown);
  width_ = newWidth;
  height_ = newHeight;
  ++generation_;
  recreate_ = true;
}

bool GlyphAtlas::pack(int w, int h, int* x, int* y) {
  // Best-fitting existing shelf (tall enough, not much taller), else a new shelf.
  Shelf* best = nullptr;
  for (auto& shelf : shelves_) {
    if (shelf.height >= h && shelf.height <= h + h / 2 + 2 && shelf.x + w <= width_ &&
        (!best || shelf.height < best->height))
      best = &shelf;
  }
  if (!best) {
    int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height;
    if (top + h > height_ || w > width_) return false;
    shelves_.push_back({top, h, 0});
    best = &shelves_.back();
  }
  *x = best->x;
  *y = best->y;
  best->x += w;
  return true;
}

const AtlasGlyph& GlyphAtlas::glyph(const FontFace& face, int faceId, float pixelSize,
                                    uint32_t glyphId) {
  uint32_t size64 = static_cast<uint32_t>(std::lround(pixelSize * 64.0f)) & 0xffffffu;
  uint64_t key = (static_cast<uint64_t>(faceId & 0xff) << 56) |
                 (static_cast<uint64_t>(size64) << 32) | glyphId;
  auto found = entries_.find(key);
  if (found != entries_.end()) return found->second;

  AtlasGlyph entry;
  FT_Face ft = face.ftFace();
  if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(size64), 72, 72) == 0 &&
      FT_Load_Glyph(ft, glyphId, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
      FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) == 0) {
    const FT_Bitmap& bitmap = ft->glyph->bitmap;
    entry.left = ft->glyph->bitmap_left;
    entry.top = -ft->glyph->bitmap_top;
    int w = static_cast<int>(bitmap.width), h = static_cast<int>(bitmap.rows);
    // A glyph larger than the largest atlas (absurd sizes) is not drawn: packing it would evict
    // everything forever.
    if (w + kPadding > maxSize_ || h + kPadding > maxSize_) w = h = 0;
    if (w > 0 && h > 0) {
      int x = 0, y = 0;
      while (!pack(w + kPadding, h + kPadding, &x, &y)) {
        if (width_ < maxSize_ || height_ < maxSize_)
          grow();
        else
          clear();  // evict everything; callers re-request what they draw
      }
      for (int row = 0; row < h; ++row)
        std::memcpy(&pixels_[static_cast<size_t>(y + row) * width_ + x],
                    bitmap.buffer + static_cast<ptrdiff_t>(row) * bitmap.pitch, w);
      entry.x = x;
      entry.y = y;
      entry.w = w;
      entry.h = h;
      if (dirtyY0_ == dirtyY1_) {
        dirtyY0_ = y;
        dirtyY1_ = y + h;
      } else {
        dirtyY0_ = std::min(dirtyY0_, y);
        dirtyY1_ = std::max(dirtyY1_, y + h);
      }
    }
  }
  return entries_.emplace(key, entry).first->second;
}

void GlyphAtlas::flush(TextureSink& sink) {
  if (recreate_) {
    sink.recreate(width_, height_, pixels_.data());
  } else if (dirtyY1_ > dirtyY0_) {
    sink.updateRows(dirtyY0_, dirtyY1_, width_, &pixels_[static_cast<size_t>(dirtyY0_) * width_]);
  }
  recreate_ = false;
  dirtyY0_ = dirtyY1_ = 0;
}

}  // namespace atlas::text
