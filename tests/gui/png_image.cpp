#include "png_image.h"

#include <stb_image.h>

#include <algorithm>
#include <cstdlib>

namespace atlas::test {

bool Image::load(const std::string& path) {
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (!data) return false;
  rgba.assign(data, data + static_cast<size_t>(width) * height * 4);
  stbi_image_free(data);
  return true;
}

Rgb Image::at(int x, int y) const {
  const size_t i = (static_cast<size_t>(y) * width + x) * 4;
  return {rgba[i], rgba[i + 1], rgba[i + 2]};
}

double Image::fractionNear(int x0, int y0, int x1, int y1, Rgb c, int tolerance) const {
  x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(width, x1), y1 = std::min(height, y1);
  long hits = 0, total = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++total) {
      const Rgb p = at(x, y);
      hits += std::abs(p.r - c.r) <= tolerance && std::abs(p.g - c.g) <= tolerance &&
              std::abs(p.b - c.b) <= tolerance;
    }
  return total ? static_cast<double>(hits) / total : 0.0;
}

double Image::fractionDarkerThan(int x0, int y0, int x1, int y1, int luma) const {
  x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(width, x1), y1 = std::min(height, y1);
  long hits = 0, total = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++total) {
      const Rgb p = at(x, y);
      hits += (p.r * 299 + p.g * 587 + p.b * 114) / 1000 < luma;
    }
  return total ? static_cast<double>(hits) / total : 0.0;
}

}  // namespace atlas::test
