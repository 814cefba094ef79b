// The static base map of Aleppo (assets/basemap.geojson, built by tools/build_assets.py): the
// neighbourhood areas (one per gazetteer place, from the Columbia Center for Spatial Research's
// polygons), the edges neighbouring areas share, the built-up extent, the Old City, the Queiq
// river, and dated reference outlines (east Aleppo), in local metres.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "map/geometry.h"

namespace atlas::map {

// One polygon of a place's area (a place may have several: al-Hamdaniyah I-V).
struct AreaPart {
  std::string place;  // gazetteer id
  Polygon polygon;
};

// Where the areas of two places meet: the stretches of border they share (the frontline is
// drawn along these when the two are held by different sides).
struct SharedEdge {
  std::string a, b;  // gazetteer ids
  std::vector<std::vector<Vec2>> lines;
};

// A reference outline that holds between two dates (either open), e.g. the east-Aleppo pocket.
struct DatedOutline {
  std::string layer;
  std::optional<Date> from, until;
  Polygon polygon;
};

struct BaseMap {
  LocalFrame frame;
  Polygon cityExtent;
  Polygon oldCity;
  std::vector<Vec2> river;
  std::vector<AreaPart> areas;
  std::vector<SharedEdge> sharedEdges;
  std::vector<DatedOutline> datedOutlines;

  // The dated outline that holds on `day`, or null.
  const Polygon* outlineAt(const Date& day) const;
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
