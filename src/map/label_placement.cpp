#include "map/label_placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <unordered_map>

namespace atlas::map {

namespace {

// Buckets rectangles by the grid cells they touch so a new label is only tested against its
// neighbours.
class RectGrid {
 public:
  explicit RectGrid(float cell) : cell_(cell) {}

  bool collides(const LabelRect& r) const {
    bool hit = false;
    forCells(r, [&](long long key) {
      auto it = cells_.find(key);
      if (it == cells_.end()) return;
      for (int i : it->second)
        if (rects_[i].overlaps(r)) hit = true;
    });
    return hit;
  }

  void add(const LabelRect& r) {
    const int index = static_cast<int>(rects_.size());
    rects_.push_back(r);
    forCells(r, [&](long long key) { cells_[key].push_back(index); });
  }

 private:
  template <typename F>
  void forCells(const LabelRect& r, F&& f) const {
    const long long cx0 = static_cast<long long>(std::floor(r.x0 / cell_));
    const long long cx1 = static_cast<long long>(std::floor(r.x1 / cell_));
    const long long cy0 = static_cast<long long>(std::floor(r.y0 / cell_));
    const long long cy1 = static_cast<long long>(std::floor(r.y1 / cell_));
    for (long long cy = cy0; cy <= cy1; ++cy)
      for (long long cx = cx0; cx <= cx1; ++cx) f(cy * 1000003LL + cx);
  }

  float cell_;
  std::vector<LabelRect> rects_;
  std::unordered_map<long long, std::vector<int>> cells_;
};

}  // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<LabelCandidate>& candidates,
                                     const std::vector<LabelRect>& obstacles,
                                     const LabelRect& clip) {
  std::vector<int> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return candidates[a].priority > candidates[b].priority; });
  RectGrid grid(64.0f);
  for (const LabelRect& o : obstacles) grid.add(o);
  std::vector<PlacedLabel> placed;
  for (int i : order) {
    const LabelCandidate& c = candidates[i];
    const float pad = 3.0f;
    const float g = c.gap + pad;
    // Right, left, above, below: the cartographic preference order for point labels.
    const LabelRect options[] = {
        {c.anchorX + g, c.anchorY - c.height / 2, c.anchorX + g + c.width,
         c.anchorY + c.height / 2},
        {c.anchorX - g - c.width, c.anchorY - c.height / 2, c.anchorX - g,
         c.anchorY + c.height / 2},
        {c.anchorX - c.width / 2, c.anchorY - g - c.height, c.anchorX + c.width / 2, c.anchorY - g},
        {c.anchorX - c.width / 2, c.anchorY + g, c.anchorX + c.width / 2,
         c.anchorY + g + c.height}};
    const LabelRect centred[] = {{c.anchorX - c.width / 2, c.anchorY - c.height / 2,
                                  c.anchorX + c.width / 2, c.anchorY + c.height / 2}};
    for (const LabelRect& r :
         c.centred ? std::span<const LabelRect>(centred) : std::span<const LabelRect>(options)) {
      if (r.x0 < clip.x0 || r.y0 < clip.y0 || r.x1 > clip.x1 || r.y1 > clip.y1) continue;
      if (grid.collides(r)) continue;
      grid.add(r);
      placed.push_back({i, r});
      break;
    }
  }
  return placed;
}

}  // namespace atlas::map
