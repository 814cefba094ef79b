#include "text/hb_notation.h"

#include <cmath>
#include <cstdio>

#include "text/font_face.h"

namespace atlas::text {

std::string hbShapeNotation(const Paragraph& p, const Line& line,
                            const std::vector<std::unique_ptr<FontFace>>& faces) {
  const float size = p.options.size;
  auto value = [size](int32_t raw, int upem) -> long {
    if (size <= 0) return raw;
    return std::lround(static_cast<double>(raw) * size / upem);
  };
  std::string out = "[";
  for (uint32_t i = line.glyphBegin; i < line.glyphEnd; ++i) {
    const Glyph& g = p.glyphs[i];
    const int upem = faces[g.font]->unitsPerEm();
    uint32_t cluster = 0;  // hb-shape prints character indices
    for (uint32_t b = 0; b < g.byteBegin; ++b)
      if ((static_cast<unsigned char>(p.text[b]) & 0xC0) != 0x80) ++cluster;
    const long dx = value(g.rawDx, upem), dy = value(g.rawDy, upem);
    char buf[96];
    int n =
        std::snprintf(buf, sizeof buf, "%s%u=%u", i != line.glyphBegin ? "|" : "", g.id, cluster);
    if (dx != 0 || dy != 0)
      n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "@%ld,%ld", dx, dy);
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "+%ld", value(g.rawAdvance, upem));
    out += buf;
  }
  out += ']';
  return out;
}

}  // namespace atlas::text
