// Camera arithmetic for the map: fitting, zooming about a point, and the limits that keep
// Aleppo in view. Pure functions of the camera and the map area; no ImGui.
#pragma once

#include "map/geometry.h"
#include "ui/ui_state.h"

namespace atlas::ui {

struct MapArea {
  double x = 0, y = 0, width = 1, height = 1;  // screen pixels
};

map::Viewport viewportOf(const MapCamera& camera, const MapArea& area);

// Shows `bounds` (local metres in `frame`) with a margin, whole, centred.
void fitBounds(MapCamera& camera, const MapArea& area, const map::LocalFrame& frame,
               const map::Bounds& bounds, double margin = 0.06);
// Zooms by `factor` (>1 zooms in) keeping the plane point under screen (sx, sy) fixed.
void zoomAt(MapCamera& camera, const MapArea& area, double factor, double sx, double sy);
void panByPixels(MapCamera& camera, double dx, double dy);
// Keeps the zoom between street level and the Aleppo region, and the centre within `region`.
void clampCamera(MapCamera& camera, const map::LocalFrame& frame, const map::Bounds& region);

inline constexpr double kMinMetresPerPixel = 0.5;
inline constexpr double kMaxMetresPerPixel = 250.0;

}  // namespace atlas::ui
