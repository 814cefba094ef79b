// `aleppo-atlas shape`: lays out a paragraph and prints each visual line in hb-shape notation.
#pragma once

#include <string>

namespace atlas::app {

struct ShapeArgs {
  std::string text;
  std::string font;  // font file; empty: the Arabic face found through fontconfig
  float size = 0;    // pixels; 0: the font's units per em (as hb-shape does)
  float width = 0;   // pixels; 0: no wrapping
};

int runShape(const ShapeArgs& args);

}  // namespace atlas::app
