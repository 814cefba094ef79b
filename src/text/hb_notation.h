// Lines of a laid-out paragraph in the notation of HarfBuzz's hb-shape tool (--no-glyph-names):
// [gid=cluster@dx,dy+advance|...], clusters as character indices, values in font units when the
// paragraph was laid out at size 0 (units per em), else rounded pixels.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/paragraph.h"

namespace atlas::text {

std::string hbShapeNotation(const Paragraph& paragraph, const Line& line,
                            const std::vector<std::unique_ptr<FontFace>>& faces);

}  // namespace atlas::text
