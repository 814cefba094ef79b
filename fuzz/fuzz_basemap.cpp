// The base-map asset (GeoJSON): any bytes give layers and messages, never a crash; every
// position that was kept is finite.
#include <cmath>
#include <string>

#include "fuzz_target.h"
#include "map/basemap.h"

namespace {
void checkRing(const std::vector<atlas::map::Vec2>& ring) {
  for (const auto& v : ring) FUZZ_CHECK(std::isfinite(v.x) && std::isfinite(v.y));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto r = atlas::map::parseBaseMap(text, "basemap.geojson");
  for (const auto& d : r.diagnostics) FUZZ_CHECK(d.file == "basemap.geojson");
  if (!r.baseMap) {
    FUZZ_CHECK(!r.diagnostics.empty());
    return 0;
  }
  for (const auto& [id, polygons] : r.baseMap->polygonLayers)
    for (const auto& p : polygons) {
      FUZZ_CHECK(p.outer.size() >= 3);
      checkRing(p.outer);
      for (const auto& h : p.holes) checkRing(h);
    }
  for (const auto& [id, line] : r.baseMap->lineLayers) {
    FUZZ_CHECK(line.size() >= 2);
    checkRing(line);
  }
  return 0;
}
