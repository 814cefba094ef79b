// Places map labels without overlaps: higher-priority labels first, each tries a few positions
// around its anchor (right, left, above, below) and is dropped if none is free.
#pragma once

#include <vector>

namespace atlas::map {

struct LabelRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // screen pixels
  bool overlaps(const LabelRect& o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
};

struct LabelCandidate {
  float anchorX = 0, anchorY = 0;  // the marker's centre, screen pixels
  float gap = 0;                   // distance from the anchor to the label (the marker radius)
  float width = 0, height = 0;     // the label's size
  float priority = 0;              // larger first (e.g. mentions, selection)
  bool centred = false;            // an area's name: centred on the anchor, or not at all
};

struct PlacedLabel {
  int candidate = -1;  // index into the candidates
  LabelRect rect;
};

// `obstacles` (markers, chrome) are avoided too; labels outside `clip` are dropped. O(n·k) with
// a uniform grid over the placed rectangles, so thousands of candidates stay cheap per frame.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelCandidate>& candidates,
                                     const std::vector<LabelRect>& obstacles,
                                     const LabelRect& clip);

}  // namespace atlas::map
