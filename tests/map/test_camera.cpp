#include <gtest/gtest.h>

#include "ui/map_camera.h"

using namespace atlas;
using namespace atlas::ui;

TEST(Camera, FitBoundsShowsTheWholeBoxCentred) {
  map::LocalFrame frame;
  MapCamera cam;
  const MapArea area{100, 50, 1000, 500};
  map::Bounds b;
  b.add({-5000, -1000});
  b.add({5000, 1000});
  fitBounds(cam, area, frame, b, 0.0);
  // 10 km across 1000 px: 10 m per pixel; the box's centre is the camera centre.
  EXPECT_DOUBLE_EQ(cam.metresPerPixel, 10.0);
  EXPECT_NEAR(cam.centre.x, frame.origin.x, 1e-6);
  const map::Viewport v = viewportOf(cam, area);
  double sx = 0, sy = 0;
  v.toScreen(frame.toMercator({5000, 1000}), sx, sy);
  EXPECT_NEAR(sx, 1100, 1e-6);  // right edge of the area
  EXPECT_NEAR(sy, 200, 1e-6);   // 100 px above the middle row (300)
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
  map::LocalFrame frame;
  MapCamera cam{frame.origin, 20};
  const MapArea area{0, 0, 800, 600};
  const map::Mercator before = viewportOf(cam, area).toMercator(123, 456);
  zoomAt(cam, area, 2.0, 123, 456);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel, 10);
  const map::Mercator after = viewportOf(cam, area).toMercator(123, 456);
  EXPECT_NEAR(after.x, before.x, 1e-6);
  EXPECT_NEAR(after.y, before.y, 1e-6);
}

TEST(Camera, LimitsKeepAleppoInView) {
  map::LocalFrame frame;
  MapCamera cam{frame.origin, 1e6};
  map::Bounds region;
  region.add({-20000, -20000});
  region.add({20000, 20000});
  clampCamera(cam, frame, region);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel, kMaxMetresPerPixel);
  panByPixels(cam, -1e6, 0);  // drag far to the left: the map moves right... until the limit
  clampCamera(cam, frame, region);
  EXPECT_NEAR(cam.centre.x, frame.origin.x + 20000, 1e-6);
  cam.metresPerPixel = 0.001;
  clampCamera(cam, frame, region);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel, kMinMetresPerPixel);
}

TEST(Camera, PanMovesTheMapWithTheMouse) {
  map::LocalFrame frame;
  MapCamera cam{frame.origin, 5};
  const MapArea area{0, 0, 800, 600};
  const map::Mercator grabbed = viewportOf(cam, area).toMercator(400, 300);
  panByPixels(cam, 30, -20);  // mouse moved right and up
  double sx = 0, sy = 0;
  viewportOf(cam, area).toScreen(grabbed, sx, sy);
  EXPECT_NEAR(sx, 430, 1e-9);
  EXPECT_NEAR(sy, 280, 1e-9);
}
