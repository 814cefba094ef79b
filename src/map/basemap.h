// The static base map of Aleppo (assets/basemap.geojson): built-up extent, Old City, the Queiq
// river, and the reference control outlines, in local metres.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "map/geometry.h"

namespace atlas::map {

struct BaseMap {
  LocalFrame frame;
  Polygon cityExtent;
  Polygon oldCity;
  std::vector<Vec2> river;
  // Every layer by its id (as in the asset), polygons and lines separately.
  std::map<std::string, std::vector<Polygon>> polygonLayers;
  std::map<std::string, std::vector<Vec2>> lineLayers;
};

struct BaseMapLoadResult {
  std::optional<BaseMap> baseMap;
  Diagnostics diagnostics;  // bad features are skipped with a message naming the file
};

BaseMapLoadResult loadBaseMap(const std::filesystem::path& path);
// Parses GeoJSON text (for tests); `name` is used in messages.
BaseMapLoadResult parseBaseMap(const std::string& geojson, const std::string& name);

}  // namespace atlas::map
