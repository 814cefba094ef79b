#include <gtest/gtest.h>

#include <cmath>

#include "map/projection.h"

using namespace atlas::map;

// EPSG:3857 reference values: the projected world spans ±20037508.342789244 m, and the
// latitude that maps to the square's edge is 85.0511287798066°.
constexpr double kHalfWorld = 20037508.342789244;

TEST(Projection, KnownReferenceValues) {
  EXPECT_NEAR(project({0, 0}).x, 0, 1e-6);
  EXPECT_NEAR(project({0, 0}).y, 0, 1e-6);
  EXPECT_NEAR(project({180, 0}).x, kHalfWorld, 1e-3);
  EXPECT_NEAR(project({0, 85.0511287798066}).y, kHalfWorld, 1e-2);
  EXPECT_NEAR(project({-90, 0}).x, -kHalfWorld / 2, 1e-3);
}

TEST(Projection, AleppoCitadel) {
  // The Citadel at 36.1993 N, 37.1628 E. Expected values from EPSG:3857's defining formulas
  // (x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6378137) evaluated separately in Python's math module.
  const Mercator m = project({37.1628, 36.1993});
  EXPECT_NEAR(m.x, 4136943.97, 0.05);
  EXPECT_NEAR(m.y, 4328079.51, 0.05);
}

TEST(Projection, RoundTripIsExact) {
  for (double lat : {-80.0, -36.2, 0.0, 36.1993, 60.0})
    for (double lon : {-179.0, 0.0, 37.1628, 120.5}) {
      const LonLat back = unproject(project({lon, lat}));
      EXPECT_NEAR(back.lon, lon, 1e-9);
      EXPECT_NEAR(back.lat, lat, 1e-9);
    }
}

TEST(Projection, ScaleFactorAtAleppo) {
  // One projected metre at 36.2° N is cos(36.2°) = 0.8070 ground metres.
  EXPECT_NEAR(groundMetresPerProjectedMetre(36.2), 0.8070, 1e-4);
}

TEST(Viewport, CentreLandsInTheMiddleOfTheArea) {
  Viewport v;
  v.centre = project({37.16, 36.2});
  v.metresPerPixel = 20;
  v.originX = 100;
  v.originY = 50;
  v.width = 800;
  v.height = 600;
  double sx = 0, sy = 0;
  v.toScreen(v.centre, sx, sy);
  EXPECT_DOUBLE_EQ(sx, 500);
  EXPECT_DOUBLE_EQ(sy, 350);
  // North is up: a point 2 km north is 100 px higher on screen.
  v.toScreen({v.centre.x, v.centre.y + 2000}, sx, sy);
  EXPECT_DOUBLE_EQ(sy, 250);
  const Mercator back = v.toMercator(123.5, 456.25);
  v.toScreen(back, sx, sy);
  EXPECT_NEAR(sx, 123.5, 1e-9);
  EXPECT_NEAR(sy, 456.25, 1e-9);
}
