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

// The overlay pattern the fill shader draws over an area's colour, in screen space (constant
// spacing at any zoom).
enum class Pattern : std::uint32_t {
  Stripes = 0,     // diagonal stripes: contested by fighting
  CrossHatch = 1,  // an upright grid: disputed by sources
};

struct FillVertex {
  Vec2 pos;
  std::uint32_t rgba;
  std::uint32_t hatch = 0;  // the pattern's colour (alpha: its strength); 0: none
  Pattern pattern = Pattern::Stripes;
  std::uint32_t dots = 0;  // a stipple of this colour (unconfirmed areas); 0: none
};

// A band just inside an area's border (the reference layer).
struct InsideBand {
  std::uint32_t colour = 0;  // 0: none
  float widthPx = 0;
};

// How a neighbourhood area is filled (see FillVertex).
struct AreaStyle {
  std::uint32_t fill = 0;
  std::uint32_t hatch = 0;
  Pattern pattern = Pattern::Stripes;
  std::uint32_t dots = 0;
};

struct LineInstance {
  Vec2 a, b;
  float widthPx;
  std::uint32_t rgba;
  float dashPx = 0;     // dashes this long with gaps as long (pixels); 0: solid
  float dashStart = 0;  // metres along the whole line at `a`, so dashes run on across segments
  float offsetPx = 0;   // drawn this far to the left of a → b (pixels): a band inside an area
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
// `cellStyle` may restyle each neighbourhood (by index into hoods.ids); null: default style.
// `area`, if given, is outlined over the neighbourhoods (east Aleppo). `insideBand`, if given,
// holds per neighbourhood a band just inside its border (see appendInsideBand), drawn over the
// borders and under the other lines.
BaseLayers buildBaseLayers(const BaseMap& base, const Neighbourhoods& hoods,
                           const std::vector<AreaStyle>* cellStyle = nullptr,
                           const Polygon* area = nullptr,
                           const std::vector<InsideBand>* insideBand = nullptr);

// A band `widthPx` wide just inside every border of `cell` (its outer rings and holes), in
// `colour`: the reference layer's side of an area, read against the fill.
void appendInsideBand(const Neighbourhoods& hoods, int cell, float widthPx, std::uint32_t colour,
                      std::vector<LineInstance>& out);

// Polylines (from chainSegments) as dashed line instances: dashes run on from one segment to
// the next.
void appendDashed(const std::vector<std::vector<Vec2>>& lines, float widthPx, float dashPx,
                  std::uint32_t colour, std::vector<LineInstance>& out);

// Markers for the places with mentions (areas excluded), larger ones first so small markers
// stay on top and clickable; the selected place gets a ring. `inWindow`, if given, holds each
// place's mentions inside the timeline's window: those size the markers, and places mentioned
// only outside the window are drawn faded. `order` receives the place index of each instance
// (for hit testing in draw order).
void buildMarkers(const std::vector<MapPlace>& places, const std::vector<int>* inWindow,
                  const std::string& selectedId, float uiScale, std::vector<PointInstance>& out,
                  std::vector<int>& order);

}  // namespace atlas::map
