// The computational geometry the map needs, done by GEOS (libgeos-dev): polygon triangulation.
// Inputs and outputs are local metres.
#pragma once

#include <vector>

#include "map/geometry.h"

namespace atlas::map {

// Triangles covering the polygon exactly (constrained Delaunay; holes respected).
std::vector<Triangle> triangulate(const Polygon& polygon);

}  // namespace atlas::map
