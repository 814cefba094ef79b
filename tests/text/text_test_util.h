#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/paragraph.h"

namespace atlas::text::test {

inline const char* kNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
inline const char* kSans = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
inline const char* kAmiri = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf";

// Output of `hb-shape --no-glyph-names --cluster-level=1 FONT TEXT` (one line, no newline).
std::string hbShape(const std::string& font, const std::string& text);
// The sum of x advances in an hb-shape glyph string.
long hbAdvance(const std::string& glyphs);
// Engine whose primary face is `font`; aborts the test on failure.
std::unique_ptr<TextEngine> engineFor(const std::string& font);
// The source characters of each line, in visual order left to right (RTL clusters reversed).
std::vector<std::string> visualLines(const Paragraph& p);
// Code points of `s` in reverse order.
std::string reversed(const std::string& s);
std::vector<std::string> corpusSentences();

}  // namespace atlas::text::test
