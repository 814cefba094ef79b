// Plain geometry for the map, in local projected metres (see LocalFrame).
#pragma once

#include <array>
#include <vector>

#include "map/projection.h"

namespace atlas::map {

struct Vec2 {
  float x = 0, y = 0;
};

// Web-Mercator metres relative to a fixed origin near the Citadel, so floats keep centimetre
// precision across the whole Aleppo region (GPU vertices are 32-bit floats).
struct LocalFrame {
  Mercator origin = project({37.1628, 36.1993});

  Vec2 toLocal(LonLat p) const {
    const Mercator m = project(p);
    return {static_cast<float>(m.x - origin.x), static_cast<float>(m.y - origin.y)};
  }
  Mercator toMercator(Vec2 v) const { return {origin.x + v.x, origin.y + v.y}; }
};

using Ring = std::vector<Vec2>;  // closed implicitly: the last point is not repeated

struct Polygon {
  Ring outer;               // counter-clockwise
  std::vector<Ring> holes;  // clockwise
};

struct Bounds {
  float minX = 1e30f, minY = 1e30f, maxX = -1e30f, maxY = -1e30f;
  void add(Vec2 p) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  bool empty() const { return minX > maxX; }
};

using Triangle = std::array<Vec2, 3>;

}  // namespace atlas::map
