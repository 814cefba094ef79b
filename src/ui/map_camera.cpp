#include "ui/map_camera.h"

#include <algorithm>

namespace atlas::ui {

map::Viewport viewportOf(const MapCamera& camera, const MapArea& area) {
  map::Viewport v;
  v.centre = camera.centre;
  v.metresPerPixel = camera.metresPerPixel;
  v.originX = area.x;
  v.originY = area.y;
  v.width = area.width;
  v.height = area.height;
  return v;
}

void fitBounds(MapCamera& camera, const MapArea& area, const map::LocalFrame& frame,
               const map::Bounds& b, double margin) {
  if (b.empty()) return;
  const double w = std::max(1.0, static_cast<double>(b.maxX - b.minX));
  const double h = std::max(1.0, static_cast<double>(b.maxY - b.minY));
  camera.centre = frame.toMercator({(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2});
  camera.metresPerPixel = std::max(w / std::max(1.0, area.width * (1 - 2 * margin)),
                                   h / std::max(1.0, area.height * (1 - 2 * margin)));
  camera.metresPerPixel = std::clamp(camera.metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel);
}

void zoomAt(MapCamera& camera, const MapArea& area, double factor, double sx, double sy) {
  const map::Viewport before = viewportOf(camera, area);
  const map::Mercator anchor = before.toMercator(sx, sy);
  camera.metresPerPixel =
      std::clamp(camera.metresPerPixel / factor, kMinMetresPerPixel, kMaxMetresPerPixel);
  // Move the centre so that the anchor is under the same pixel again.
  const map::Viewport after = viewportOf(camera, area);
  const map::Mercator moved = after.toMercator(sx, sy);
  camera.centre.x += anchor.x - moved.x;
  camera.centre.y += anchor.y - moved.y;
}

void panByPixels(MapCamera& camera, double dx, double dy) {
  camera.centre.x -= dx * camera.metresPerPixel;
  camera.centre.y += dy * camera.metresPerPixel;  // screen y grows downwards
}

void clampCamera(MapCamera& camera, const map::LocalFrame& frame, const map::Bounds& region) {
  camera.metresPerPixel = std::clamp(camera.metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel);
  if (region.empty()) return;
  const map::Mercator lo = frame.toMercator({region.minX, region.minY});
  const map::Mercator hi = frame.toMercator({region.maxX, region.maxY});
  camera.centre.x = std::clamp(camera.centre.x, lo.x, hi.x);
  camera.centre.y = std::clamp(camera.centre.y, lo.y, hi.y);
}

}  // namespace atlas::ui
