#include "text/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <mutex>

namespace atlas::text {

namespace {

FT_Library sharedLibrary() {
  static FT_Library library = nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    if (FT_Init_FreeType(&library) != 0) library = nullptr;
  });
  return library;
}

}  // namespace

std::unique_ptr<FontFace> FontFace::open(const std::string& path, int index, std::string* error) {
  auto fail = [&](const std::string& why) -> std::unique_ptr<FontFace> {
    if (error) *error = "cannot open font " + path + ": " + why;
    return nullptr;
  };
  FT_Library library = sharedLibrary();
  if (!library) return fail("FreeType failed to initialise");
  std::unique_ptr<FontFace> face(new FontFace());
  face->path_ = path;
  if (FT_New_Face(library, path.c_str(), index, &face->ftFace_) != 0) {
    face->ftFace_ = nullptr;
    return fail("FreeType cannot read it");
  }
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return fail("cannot read the file");
  hb_face_t* hbFace = hb_face_create(blob, static_cast<unsigned>(index));
  hb_blob_destroy(blob);
  face->upem_ = static_cast<int>(hb_face_get_upem(hbFace));
  face->hbFont_ = hb_font_create(hbFace);
  hb_face_destroy(hbFace);
  hb_font_set_scale(face->hbFont_, face->upem_, face->upem_);
  hb_font_extents_t extents{};
  hb_font_get_h_extents(face->hbFont_, &extents);
  face->ascender_ = extents.ascender;
  face->descender_ = extents.descender;
  face->lineGap_ = extents.line_gap;
  if (face->upem_ <= 0) return fail("no units per em");
  return face;
}

FontFace::~FontFace() {
  if (hbFont_) hb_font_destroy(hbFont_);
  if (ftFace_) FT_Done_Face(ftFace_);
}

bool FontFace::hasCodepoint(unsigned codepoint) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hbFont_, codepoint, &glyph) != 0;
}

}  // namespace atlas::text
