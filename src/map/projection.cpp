#include "map/projection.h"

#include <cmath>
#include <numbers>

namespace atlas::map {

namespace {
constexpr double kEarthRadius = 6378137.0;  // WGS84 semi-major axis, as EPSG:3857 uses
constexpr double kDeg = std::numbers::pi / 180.0;
}  // namespace

Mercator project(LonLat p) {
  return {kEarthRadius * p.lon * kDeg,
          kEarthRadius * std::log(std::tan(std::numbers::pi / 4 + p.lat * kDeg / 2))};
}

LonLat unproject(Mercator m) {
  return {m.x / kEarthRadius / kDeg,
          (2 * std::atan(std::exp(m.y / kEarthRadius)) - std::numbers::pi / 2) / kDeg};
}

double groundMetresPerProjectedMetre(double latDeg) { return std::cos(latDeg * kDeg); }

void Viewport::toScreen(Mercator m, double& sx, double& sy) const {
  sx = originX + width / 2 + (m.x - centre.x) / metresPerPixel;
  sy = originY + height / 2 - (m.y - centre.y) / metresPerPixel;
}

Mercator Viewport::toMercator(double sx, double sy) const {
  return {centre.x + (sx - originX - width / 2) * metresPerPixel,
          centre.y - (sy - originY - height / 2) * metresPerPixel};
}

}  // namespace atlas::map
