#include "map/frontline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace atlas::map {

namespace {

// Vertices of neighbouring Voronoi cells are the same numbers, but clipping can leave the last
// bits different: compare positions on a 5 cm grid.
using Key = std::pair<long long, long long>;
Key keyOf(Vec2 p) {
  return {std::llround(static_cast<double>(p.x) * 20), std::llround(static_cast<double>(p.y) * 20)};
}

float distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

std::vector<FrontlineSegment> frontlineSegments(const Neighbourhoods& hoods,
                                                const std::vector<int>& sideOfCell) {
  struct EdgeOwner {
    int cell;
    Vec2 a, b;
  };
  std::map<std::pair<Key, Key>, EdgeOwner> firstOwner;
  std::vector<FrontlineSegment> out;
  auto visitRing = [&](const Ring& ring, int cell) {
    for (size_t i = 0; i < ring.size(); ++i) {
      const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
      Key ka = keyOf(a), kb = keyOf(b);
      if (ka == kb) continue;
      if (kb < ka) std::swap(ka, kb);
      auto [it, inserted] = firstOwner.try_emplace({ka, kb}, EdgeOwner{cell, a, b});
      if (inserted || it->second.cell == cell) continue;
      const int other = it->second.cell;
      const int sa = other < static_cast<int>(sideOfCell.size()) ? sideOfCell[other] : -1;
      const int sb = cell < static_cast<int>(sideOfCell.size()) ? sideOfCell[cell] : -1;
      if (sa >= 0 && sb >= 0 && sa != sb) out.push_back({it->second.a, it->second.b, other, cell});
    }
  };
  for (size_t c = 0; c < hoods.cells.size(); ++c)
    for (const Polygon& part : hoods.cells[c]) {
      visitRing(part.outer, static_cast<int>(c));
      for (const Ring& h : part.holes) visitRing(h, static_cast<int>(c));
    }
  return out;
}

std::vector<std::vector<Vec2>> chainSegments(const std::vector<FrontlineSegment>& segments) {
  std::multimap<Key, int> byEnd;
  for (int i = 0; i < static_cast<int>(segments.size()); ++i) {
    byEnd.emplace(keyOf(segments[i].a), i);
    byEnd.emplace(keyOf(segments[i].b), i);
  }
  std::vector<bool> used(segments.size(), false);
  auto takeNext = [&](Vec2 end) -> int {
    auto [lo, hi] = byEnd.equal_range(keyOf(end));
    for (auto it = lo; it != hi; ++it)
      if (!used[it->second]) return it->second;
    return -1;
  };
  std::vector<std::vector<Vec2>> lines;
  for (int start = 0; start < static_cast<int>(segments.size()); ++start) {
    if (used[start]) continue;
    used[start] = true;
    std::vector<Vec2> line = {segments[start].a, segments[start].b};
    // Grow forwards from the last point, then backwards from the first.
    for (int pass = 0; pass < 2; ++pass) {
      for (;;) {
        const Vec2 end = line.back();
        const int next = takeNext(end);
        if (next < 0) break;
        used[next] = true;
        const bool forward = keyOf(segments[next].a) == keyOf(end);
        line.push_back(forward ? segments[next].b : segments[next].a);
      }
      std::reverse(line.begin(), line.end());
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

void markActive(std::vector<FrontlineSegment>& segments, const std::vector<Vec2>& points,
                float radius) {
  for (FrontlineSegment& s : segments)
    for (const Vec2& p : points)
      if (distanceToSegment(p, s.a, s.b) <= radius) {
        s.active = true;
        break;
      }
}

}  // namespace atlas::map
