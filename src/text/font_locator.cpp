#include "text/font_locator.h"

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <mutex>

namespace atlas::text {

namespace {

std::optional<FontFile> matchFamily(const std::string& family) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return std::nullopt;

  std::optional<FontFile> found;
  FcChar8* matchedFamily = nullptr;
  FcChar8* file = nullptr;
  int index = 0;
  if (FcPatternGetString(match, FC_FAMILY, 0, &matchedFamily) == FcResultMatch &&
      FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
      family == reinterpret_cast<const char*>(matchedFamily)) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    found = FontFile{reinterpret_cast<const char*>(file), family, index};
  }
  FcPatternDestroy(match);
  return found;
}

}  // namespace

std::optional<FontFile> findFont(const std::vector<std::string>& families) {
  static std::once_flag init;
  static bool ok = false;
  std::call_once(init, [] {
    ok = FcInit() == FcTrue;
    // Release fontconfig's parsed configuration at exit (leak checkers report it otherwise).
    if (ok) std::atexit([] { FcFini(); });
  });
  if (!ok) return std::nullopt;
  for (const auto& family : families)
    if (auto f = matchFamily(family)) return f;
  return std::nullopt;
}

std::optional<FontFile> findUiFont() {
  return findFont({"Noto Sans", "DejaVu Sans", "Liberation Sans"});
}

std::optional<FontFile> findArabicFont() {
  return findFont({"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri"});
}

}  // namespace atlas::text
