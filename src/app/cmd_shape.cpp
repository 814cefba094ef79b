#include "app/cmd_shape.h"

#include <cstdio>
#include <string>

#include "text/hb_notation.h"
#include "text/paragraph.h"

namespace atlas::app {

int runShape(const ShapeArgs& args) {
  std::string error;
  auto engine = text::TextEngine::create(&error, args.font);
  if (!engine) {  // a missing or unreadable font is bad input
    std::fprintf(stderr, "aleppo-atlas: shape: %s\n", error.c_str());
    return 2;
  }
  text::LayoutOptions options;
  options.size = args.size;
  options.width = args.width;
  const text::Paragraph p = engine->layout(args.text, options);
  for (const text::Line& line : p.lines)
    std::printf("%s\n", text::hbShapeNotation(p, line, engine->faces()).c_str());
  return 0;
}

}  // namespace atlas::app
