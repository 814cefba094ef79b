// CPU-side draw data of the map: triangles for areas, segment instances for lines, point
// instances for markers, all in local metres. Built when data or style change, never per frame:
// pan and zoom only change the renderer's uniforms.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/basemap.h"
#include "map/map_places.h"

namespace atlas::map {

struct FillVertex {
  Vec2 pos;
  std::uint32_t rgba;
  std::uint32_t hatch = 0;  // stripes of this colour over the fill (screen-space); 0: none
};

struct LineInstance {
  Vec2 a, b;
  float widthPx;
  std::uint32_t rgba;
};

struct PointInstance {
  Vec2 pos;
  float radiusPx;
  float strokePx;
  std::uint32_t fill;
  std::uint32_t stroke;
};

// Where two areas meet (indices into Neighbourhoods::ids), as drawn: the first one's border.
struct AreaEdge {
  int cellA = -1, cellB = -1;
  std::vector<std::vector<Vec2>> lines;
};

// The areas of the places that have one (the base map's neighbourhood polygons), grouped by
// place, triangulated once, with the edges neighbouring areas share.
struct Neighbourhoods {
  std::vector<std::string> ids;
  std::vector<std::vector<Polygon>> cells;       // per id
  std::vector<std::vector<Triangle>> triangles;  // per id, triangulated once
  std::vector<AreaEdge> edges;
};

Neighbourhoods neighbourhoodAreas(const BaseMap& base);

struct BaseLayers {
  std::vector<FillVertex> fills;
  std::vector<LineInstance> lines;
};

// The static layers: city extent, neighbourhood areas and borders, Old City, river.
// `cellColour` may recolour each neighbourhood (by index into hoods.ids) and `cellHatch` stripe
// it; null: default style. `area`, if given, is outlined over the neighbourhoods (east Aleppo).
BaseLayers buildBaseLayers(const BaseMap& base, const Neighbourhoods& hoods,
                           const std::vector<std::uint32_t>* cellColour = nullptr,
                           const Polygon* area = nullptr,
                           const std::vector<std::uint32_t>* cellHatch = nullptr);

// Markers for the places with mentions (areas excluded), larger ones first so small markers
// stay on top and clickable; the selected place gets a ring. `inWindow`, if given, holds each
// place's mentions inside the timeline's window: those size the markers, and places mentioned
// only outside the window are drawn faded. `order` receives the place index of each instance
// (for hit testing in draw order).
void buildMarkers(const std::vector<MapPlace>& places, const std::vector<int>* inWindow,
                  const std::string& selectedId, float uiScale, std::vector<PointInstance>& out,
                  std::vector<int>& order);

}  // namespace atlas::map
