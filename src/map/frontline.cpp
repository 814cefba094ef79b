#include "map/frontline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace atlas::map {

namespace {

// Chaining segments compares end points on a 5 cm grid (the same vertex read twice may differ in
// the last bits).
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
  std::vector<FrontlineSegment> out;
  auto side = [&](int cell) {
    return cell >= 0 && cell < static_cast<int>(sideOfCell.size()) ? sideOfCell[cell] : -1;
  };
  for (const AreaEdge& e : hoods.edges) {
    const int sa = side(e.cellA), sb = side(e.cellB);
    if (sa < 0 || sb < 0 || sa == sb) continue;
    for (const std::vector<Vec2>& line : e.lines)
      for (size_t i = 0; i + 1 < line.size(); ++i)
        out.push_back({line[i], line[i + 1], e.cellA, e.cellB});
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
