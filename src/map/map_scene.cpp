#include "map/map_scene.h"

#include <algorithm>
#include <map>

#include "map/geos_ops.h"
#include "map/map_style.h"

namespace atlas::map {

namespace {

void addTriangles(const std::vector<Triangle>& tris, std::uint32_t colour,
                  std::vector<FillVertex>& out, std::uint32_t hatch = 0) {
  for (const Triangle& t : tris)
    for (const Vec2& p : t) out.push_back({p, colour, hatch});
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
                           const std::vector<std::uint32_t>* cellColour, const Polygon* area,
                           const std::vector<std::uint32_t>* cellHatch) {
  BaseLayers out;
  addTriangles(triangulate(base.cityExtent), style::kCityExtentFill, out.fills);
  for (size_t i = 0; i < hoods.triangles.size(); ++i) {
    const std::uint32_t colour = cellColour && i < cellColour->size()
                                     ? (*cellColour)[i]
                                     : (i % 2 ? style::kCellFillAlt : style::kCellFill);
    const std::uint32_t hatch = cellHatch && i < cellHatch->size() ? (*cellHatch)[i] : 0;
    addTriangles(hoods.triangles[i], colour, out.fills, hatch);
  }
  addTriangles(triangulate(base.oldCity), style::kOldCityFill, out.fills);

  for (const auto& cell : hoods.cells)
    for (const Polygon& part : cell) addPolygonOutline(part, 1.0f, style::kCellBorder, out.lines);
  addPolygonOutline(base.cityExtent, 1.5f, style::kCityExtentOutline, out.lines);
  addPolygonOutline(base.oldCity, 1.5f, style::kOldCityOutline, out.lines);
  if (area) addPolygonOutline(*area, 2.0f, style::kEastAleppoOutline, out.lines);
  addRing(base.river, false, 3.0f, style::kRiver, out.lines);
  return out;
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
