#include "map/map_scene.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "map/geos_ops.h"
#include "map/map_style.h"

namespace atlas::map {

namespace {

void addTriangles(const std::vector<Triangle>& tris, const AreaStyle& style,
                  std::vector<FillVertex>& out) {
  for (const Triangle& t : tris)
    for (const Vec2& p : t) out.push_back({p, style.fill, style.hatch, style.pattern, style.dots});
}

void addTriangles(const std::vector<Triangle>& tris, std::uint32_t colour,
                  std::vector<FillVertex>& out) {
  AreaStyle style;
  style.fill = colour;
  addTriangles(tris, style, out);
}

// Twice the signed area of a ring (positive: counter-clockwise).
double signedArea2(const Ring& r) {
  double a = 0;
  for (size_t i = 0, n = r.size(); i < n; ++i) {
    const Vec2 p = r[i], q = r[(i + 1) % n];
    a += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
  }
  return a;
}

void addRing(const Ring& ring, bool closed, float widthPx, std::uint32_t colour,
             std::vector<LineInstance>& out) {
  if (ring.size() < 2) return;
  const size_t n = closed ? ring.size() : ring.size() - 1;
  for (size_t i = 0; i < n; ++i)
    out.push_back({ring[i], ring[(i + 1) % ring.size()], widthPx, colour});
}

void addPolygonOutline(const Polygon& p, float widthPx, std::uint32_t colour,
                       std::vector<LineInstance>& out) {
  addRing(p.outer, true, widthPx, colour, out);
  for (const Ring& h : p.holes) addRing(h, true, widthPx, colour, out);
}

}  // namespace

Neighbourhoods neighbourhoodAreas(const BaseMap& base) {
  Neighbourhoods hoods;
  std::map<std::string, int> index;
  for (const AreaPart& part : base.areas) {
    const auto [it, added] = index.try_emplace(part.place, static_cast<int>(hoods.ids.size()));
    if (added) {
      hoods.ids.push_back(part.place);
      hoods.cells.emplace_back();
      hoods.triangles.emplace_back();
    }
    hoods.cells[it->second].push_back(part.polygon);
    auto tris = triangulate(part.polygon);
    hoods.triangles[it->second].insert(hoods.triangles[it->second].end(), tris.begin(), tris.end());
  }
  for (const SharedEdge& e : base.sharedEdges) {
    const auto a = index.find(e.a), b = index.find(e.b);
    if (a == index.end() || b == index.end() || a->second == b->second) continue;
    hoods.edges.push_back({a->second, b->second, e.lines});
  }
  return hoods;
}

BaseLayers buildBaseLayers(const BaseMap& base, const Neighbourhoods& hoods,
                           const std::vector<AreaStyle>* cellStyle, const Polygon* area,
                           const std::vector<InsideBand>* insideBand) {
  BaseLayers out;
  addTriangles(triangulate(base.cityExtent), style::kCityExtentFill, out.fills);
  for (size_t i = 0; i < hoods.triangles.size(); ++i) {
    AreaStyle s;
    s.fill = i % 2 ? style::kCellFillAlt : style::kCellFill;
    if (cellStyle && i < cellStyle->size()) s = (*cellStyle)[i];
    addTriangles(hoods.triangles[i], s, out.fills);
  }
  addTriangles(triangulate(base.oldCity), style::kOldCityFill, out.fills);

  for (const auto& cell : hoods.cells)
    for (const Polygon& part : cell) addPolygonOutline(part, 1.0f, style::kCellBorder, out.lines);
  if (insideBand)
    for (size_t i = 0; i < insideBand->size() && i < hoods.cells.size(); ++i)
      if ((*insideBand)[i].colour != 0)
        appendInsideBand(hoods, static_cast<int>(i), (*insideBand)[i].widthPx,
                         (*insideBand)[i].colour, out.lines);
  addPolygonOutline(base.cityExtent, 1.5f, style::kCityExtentOutline, out.lines);
  addPolygonOutline(base.oldCity, 1.5f, style::kOldCityOutline, out.lines);
  if (area) addPolygonOutline(*area, 2.0f, style::kEastAleppoOutline, out.lines);
  addRing(base.river, false, 3.0f, style::kRiver, out.lines);
  return out;
}

void appendInsideBand(const Neighbourhoods& hoods, int cell, float widthPx, std::uint32_t colour,
                      std::vector<LineInstance>& out) {
  if (cell < 0 || cell >= static_cast<int>(hoods.cells.size())) return;
  // The line shader shifts a segment to the left of a → b: the inside of a counter-clockwise
  // outer ring and of a clockwise hole. Half a pixel more clears the area's own border.
  auto ring = [&](const Ring& r, bool hole) {
    if (r.size() < 3) return;
    const bool ccw = signedArea2(r) > 0;
    const float side = (ccw != hole) ? 1.0f : -1.0f;
    for (size_t k = 0; k < r.size(); ++k) {
      LineInstance l{r[k], r[(k + 1) % r.size()], widthPx, colour};
      l.offsetPx = side * (widthPx / 2 + 0.5f);
      out.push_back(l);
    }
  };
  for (const Polygon& part : hoods.cells[cell]) {
    ring(part.outer, false);
    for (const Ring& h : part.holes) ring(h, true);
  }
}

void appendDashed(const std::vector<std::vector<Vec2>>& lines, float widthPx, float dashPx,
                  std::uint32_t colour, std::vector<LineInstance>& out) {
  for (const std::vector<Vec2>& line : lines) {
    float along = 0;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
      LineInstance l{line[k], line[k + 1], widthPx, colour};
      l.dashPx = dashPx;
      l.dashStart = along;
      out.push_back(l);
      along += std::hypot(line[k + 1].x - line[k].x, line[k + 1].y - line[k].y);
    }
  }
}

void buildMarkers(const std::vector<MapPlace>& places, const std::vector<int>* inWindow,
                  const std::string& selectedId, float uiScale, std::vector<PointInstance>& out,
                  std::vector<int>& order) {
  out.clear();
  order.clear();
  auto windowCount = [&](int i) { return inWindow ? (*inWindow)[i] : places[i].mentions; };
  for (int i = 0; i < static_cast<int>(places.size()); ++i)
    if ((places[i].mentions > 0 || places[i].landmark) && !places[i].isArea()) order.push_back(i);
  // Faded (outside the window) first, then by size, larger first.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const int ca = windowCount(a), cb = windowCount(b);
    if ((ca > 0) != (cb > 0)) return ca == 0;  // (landmarks have none: drawn first too)
    return ca > cb;
  });
  out.reserve(order.size() + 1);
  int selected = -1;
  for (int i : order) {
    const MapPlace& p = places[i];
    const int n = windowCount(i);
    PointInstance m{p.pos, style::markerRadius(n, uiScale), 1.5f * uiScale,
                    style::markerFill(p.kind), style::kMarkerStroke};
    if (p.mentions == 0) {  // a landmark nobody mentions: a small grey dot
      m.fill = style::kLandmark;
      m.radiusPx = 3.0f * uiScale;
      m.strokePx = 1.0f * uiScale;
    } else if (n == 0) {  // mentioned, but not in the window: a small faded dot
      m.fill = (m.fill & 0x00ffffffu) | 0x50000000u;
      m.stroke = (m.stroke & 0x00ffffffu) | 0x50000000u;
      m.radiusPx = 3.5f * uiScale;
    }
    out.push_back(m);
    if (!selectedId.empty() && p.id == selectedId) selected = static_cast<int>(out.size()) - 1;
  }
  if (selected >= 0) {
    // The selection: a red ring drawn over everything, a little larger than the marker.
    PointInstance ring = out[selected];
    ring.radiusPx += 5.0f * uiScale;
    ring.strokePx = 3.0f * uiScale;
    ring.fill = 0;
    ring.stroke = style::kSelection;
    out.push_back(ring);
    order.push_back(order[selected]);
  }
}

}  // namespace atlas::map
