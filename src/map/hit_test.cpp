#include "map/hit_test.h"

namespace atlas::map {

namespace {
// Even-odd crossing test.
bool inRing(const Ring& ring, Vec2 p) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}
}  // namespace

bool pointInPolygon(const Polygon& poly, Vec2 p) {
  if (poly.outer.size() < 3 || !inRing(poly.outer, p)) return false;
  for (const Ring& h : poly.holes)
    if (h.size() >= 3 && inRing(h, p)) return false;
  return true;
}

int hitMarker(const std::vector<PointInstance>& instances, const std::vector<int>& order,
              const LocalFrame& frame, const Viewport& view, double sx, double sy, float slopPx) {
  for (size_t k = instances.size(); k-- > 0;) {
    const PointInstance& m = instances[k];
    if (m.fill == 0) continue;  // the selection ring is not a target of its own
    double mx = 0, my = 0;
    view.toScreen(frame.toMercator(m.pos), mx, my);
    const double dx = sx - mx, dy = sy - my, r = m.radiusPx + slopPx;
    if (dx * dx + dy * dy <= r * r) return order[k];
  }
  return -1;
}

int hitNeighbourhood(const Neighbourhoods& hoods, Vec2 p) {
  for (size_t i = 0; i < hoods.cells.size(); ++i)
    for (const Polygon& part : hoods.cells[i])
      if (pointInPolygon(part, p)) return static_cast<int>(i);
  return -1;
}

}  // namespace atlas::map
