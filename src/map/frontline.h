// Frontlines: where neighbourhood areas held by different sides touch.
#pragma once

#include <vector>

#include "map/map_scene.h"

namespace atlas::map {

struct FrontlineSegment {
  Vec2 a, b;
  int cellA = -1, cellB = -1;  // the two neighbourhoods (indices into Neighbourhoods::ids)
  bool active = false;         // fighting reported near it (see markActive)
  bool unconfirmed = false;    // an area on either side has no evidence within the shelf life
};

// Every stretch of border shared by two areas whose sides differ. `sideOfCell` is parallel to
// hoods.ids; a negative side means unknown, and unknown areas never make a front.
std::vector<FrontlineSegment> frontlineSegments(const Neighbourhoods& hoods,
                                                const std::vector<int>& sideOfCell);

// Joins segments that share end points into polylines (for drawing and GeoJSON export).
std::vector<std::vector<Vec2>> chainSegments(const std::vector<FrontlineSegment>& segments);

// Marks the segments within `radius` metres of any of `points` as active.
void markActive(std::vector<FrontlineSegment>& segments, const std::vector<Vec2>& points,
                float radius);

}  // namespace atlas::map
