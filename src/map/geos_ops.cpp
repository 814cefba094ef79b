#include "map/geos_ops.h"

#include <geos_c.h>

#include <cstdarg>
#include <cstdio>
#include <memory>

namespace atlas::map {

namespace {

void ignoreGeosMessage(const char*, void*) {}

// One GEOS context per call: GEOS's reentrant API needs no global state.
struct Geos {
  GEOSContextHandle_t h = GEOS_init_r();
  Geos() {
    GEOSContext_setNoticeMessageHandler_r(h, ignoreGeosMessage, nullptr);
    GEOSContext_setErrorMessageHandler_r(h, ignoreGeosMessage, nullptr);
  }
  ~Geos() { GEOS_finish_r(h); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
};

struct GeomDeleter {
  GEOSContextHandle_t h;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(h, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* makeRing(GEOSContextHandle_t h, const Ring& ring) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, ring.size() + 1, 2);
  for (size_t i = 0; i <= ring.size(); ++i) {
    const Vec2& p = ring[i % ring.size()];
    GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
  }
  return GEOSGeom_createLinearRing_r(h, seq);
}

GEOSGeometry* makePolygon(GEOSContextHandle_t h, const Polygon& poly) {
  if (poly.outer.size() < 3) return GEOSGeom_createEmptyPolygon_r(h);
  std::vector<GEOSGeometry*> holes;
  for (const Ring& r : poly.holes)
    if (r.size() >= 3) holes.push_back(makeRing(h, r));
  return GEOSGeom_createPolygon_r(h, makeRing(h, poly.outer), holes.data(),
                                  static_cast<unsigned>(holes.size()));
}

Ring readRing(GEOSContextHandle_t h, const GEOSGeometry* ring) {
  Ring out;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(h, seq, &n);
  for (unsigned i = 0; i + 1 < n; ++i) {  // drop the closing point
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
    out.push_back({static_cast<float>(x), static_cast<float>(y)});
  }
  return out;
}

// Appends every polygon of a Polygon / MultiPolygon / GeometryCollection.
void readPolygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Polygon>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g)) return;
    Polygon p;
    p.outer = readRing(h, GEOSGetExteriorRing_r(h, g));
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) p.holes.push_back(readRing(h, GEOSGetInteriorRingN_r(h, g, i)));
    out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) readPolygons(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

}  // namespace

std::vector<Triangle> triangulate(const Polygon& polygon) {
  std::vector<Triangle> out;
  if (polygon.outer.size() < 3) return out;
  Geos geos;
  GEOSContextHandle_t h = geos.h;
  GeomPtr poly(makePolygon(h, polygon), GeomDeleter{h});
  GeomPtr valid(GEOSisValid_r(h, poly.get()) == 1 ? GEOSGeom_clone_r(h, poly.get())
                                                  : GEOSMakeValid_r(h, poly.get()),
                GeomDeleter{h});
  if (!valid) return out;
  std::vector<Polygon> parts;
  readPolygons(h, valid.get(), parts);
  for (const Polygon& part : parts) {
    GeomPtr g(makePolygon(h, part), GeomDeleter{h});
    GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(h, g.get()), GeomDeleter{h});
    if (!tris) continue;
    std::vector<Polygon> triangles;
    readPolygons(h, tris.get(), triangles);
    for (const Polygon& t : triangles)
      if (t.outer.size() == 3) out.push_back({t.outer[0], t.outer[1], t.outer[2]});
  }
  return out;
}

}  // namespace atlas::map
