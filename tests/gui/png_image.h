// A decoded PNG for pixel checks in GUI tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace atlas::test {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;

  bool load(const std::string& path);
  Rgb at(int x, int y) const;
  // Fraction of pixels in [x0,x1)×[y0,y1) within `tolerance` (per channel) of `colour`.
  double fractionNear(int x0, int y0, int x1, int y1, Rgb colour, int tolerance = 6) const;
  // Fraction of pixels in the rectangle darker than `luma` (text, lines).
  double fractionDarkerThan(int x0, int y0, int x1, int y1, int luma) const;
};

}  // namespace atlas::test
