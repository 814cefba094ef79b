// What is under the mouse: markers first (topmost wins), then neighbourhood areas.
#pragma once

#include <vector>

#include "map/map_scene.h"
#include "map/projection.h"

namespace atlas::map {

// Index into `order`'s places of the topmost marker within `slopPx` of the screen point, or -1.
// `instances` and `order` are what buildMarkers produced (drawn first to last).
int hitMarker(const std::vector<PointInstance>& instances, const std::vector<int>& order,
              const LocalFrame& frame, const Viewport& view, double sx, double sy,
              float slopPx = 2.0f);

// Index into hoods.ids of the neighbourhood area containing the local point, or -1.
int hitNeighbourhood(const Neighbourhoods& hoods, Vec2 p);

bool pointInPolygon(const Polygon& poly, Vec2 p);

}  // namespace atlas::map
