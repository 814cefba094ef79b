// One font file opened once: a HarfBuzz face and font (scale = units per em) for shaping and a
// FreeType face for rasterising glyphs by id.
#pragma once

#include <memory>
#include <string>

struct hb_font_t;
struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace atlas::text {

class FontFace {
 public:
  // Opens `path` (face `index` of a collection). Returns nullptr and sets *error on failure.
  static std::unique_ptr<FontFace> open(const std::string& path, int index, std::string* error);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  hb_font_t* hbFont() const { return hbFont_; }
  FT_FaceRec_* ftFace() const { return ftFace_; }
  const std::string& path() const { return path_; }
  int unitsPerEm() const { return upem_; }
  // Vertical metrics in font units (descender is negative).
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }
  int lineGap() const { return lineGap_; }
  // True if the face maps `codepoint` to a glyph.
  bool hasCodepoint(unsigned codepoint) const;

 private:
  FontFace() = default;
  std::string path_;
  hb_font_t* hbFont_ = nullptr;
  FT_FaceRec_* ftFace_ = nullptr;
  int upem_ = 1000;
  int ascender_ = 0, descender_ = 0, lineGap_ = 0;
};

}  // namespace atlas::text
