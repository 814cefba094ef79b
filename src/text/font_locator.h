// Finds font files through fontconfig, by family name, with an explicit fallback list.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace atlas::text {

struct FontFile {
  std::string path;
  std::string family;  // the family fontconfig actually matched
  int index = 0;       // face index inside a collection
};

// The first of `families` that is installed (exact family match, regular style), or nothing.
// fontconfig always returns *some* font for a pattern; we only accept a real family match so
// that a missing font is reported rather than silently replaced by an unrelated face.
std::optional<FontFile> findFont(const std::vector<std::string>& families);

// The UI (Latin) face: Noto Sans, then DejaVu Sans, then Liberation Sans.
std::optional<FontFile> findUiFont();
// The Arabic face: Noto Naskh Arabic, then Noto Sans Arabic, then Amiri.
std::optional<FontFile> findArabicFont();

}  // namespace atlas::text
