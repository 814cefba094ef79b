// The computational geometry the map needs, done by GEOS (libgeos-dev): Voronoi cells clipped
// to an outline, and polygon triangulation. Inputs and outputs are local metres.
#pragma once

#include <vector>

#include "map/geometry.h"

namespace atlas::map {

// One cell per site, in the order of `sites`: the part of `clip` closer to that site than to any
// other. Sites at the same position share one cell (each gets a copy). A site outside `clip`
// gets the part of its cell inside `clip`, which may be empty.
std::vector<std::vector<Polygon>> voronoiCells(const std::vector<Vec2>& sites, const Polygon& clip);

// Triangles covering the polygon exactly (constrained Delaunay; holes respected).
std::vector<Triangle> triangulate(const Polygon& polygon);

}  // namespace atlas::map
