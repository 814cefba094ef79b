// Tessellation, triangulation, hit testing and the base-map asset.
#include <gtest/gtest.h>

#include <cmath>

#include "map/basemap.h"
#include "map/geos_ops.h"
#include "map/hit_test.h"
#include "map/map_scene.h"

using namespace atlas::map;

namespace {

Polygon square(float x0, float y0, float x1, float y1) {
  return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

double ringArea(const Ring& r) {
  double a = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const Vec2 p = r[i], q = r[(i + 1) % r.size()];
    a += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
  }
  return a / 2;
}

double polygonArea(const Polygon& p) {
  double a = std::abs(ringArea(p.outer));
  for (const Ring& h : p.holes) a -= std::abs(ringArea(h));
  return a;
}

double triangleArea(const Triangle& t) {
  return std::abs((t[1].x - t[0].x) * (t[2].y - t[0].y) - (t[2].x - t[0].x) * (t[1].y - t[0].y)) /
         2.0;
}

}  // namespace

TEST(Triangulate, CoversAPolygonWithAHoleExactly) {
  Polygon p = square(0, 0, 100, 100);
  p.holes.push_back({{40, 40}, {40, 60}, {60, 60}, {60, 40}});
  const auto tris = triangulate(p);
  double area = 0;
  for (const Triangle& t : tris) area += triangleArea(t);
  EXPECT_NEAR(area, 100 * 100 - 20 * 20, 1e-3);
  // No triangle covers the hole's centre.
  for (const Triangle& t : tris) {
    const Polygon tp{{t[0], t[1], t[2]}, {}};
    EXPECT_FALSE(pointInPolygon(tp, {50, 50}));
  }
}

TEST(Triangulate, ConcavePolygon) {
  // An L shape: 3 of the 4 quarters of a 2×2 square.
  const Polygon l{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}, {}};
  double area = 0;
  for (const Triangle& t : triangulate(l)) area += triangleArea(t);
  EXPECT_NEAR(area, 3.0, 1e-5);
}

TEST(HitTest, PointInPolygonHonoursHoles) {
  Polygon p = square(0, 0, 10, 10);
  p.holes.push_back({{4, 4}, {4, 6}, {6, 6}, {6, 4}});
  EXPECT_TRUE(pointInPolygon(p, {1, 1}));
  EXPECT_FALSE(pointInPolygon(p, {5, 5}));
  EXPECT_FALSE(pointInPolygon(p, {11, 5}));
}

TEST(HitTest, TopmostMarkerUnderTheMouseWins) {
  LocalFrame frame;
  Viewport view;
  view.centre = frame.origin;
  view.metresPerPixel = 10;
  view.width = 800;
  view.height = 600;
  // Two overlapping places: "big" with many mentions (drawn first), "small" on top.
  std::vector<MapPlace> places = {{"big", {0, 0}, PlaceKind::Neighbourhood, 30},
                                  {"small", {50, 0}, PlaceKind::Site, 1},
                                  {"area", {0, 0}, PlaceKind::Region, 99}};
  std::vector<PointInstance> markers;
  std::vector<int> order;
  buildMarkers(places, nullptr, "", 1.0f, markers, order);
  ASSERT_EQ(markers.size(), 2u) << "areas are not pins";
  // The small marker is at +50 m = +5 px from the centre (400, 300).
  EXPECT_EQ(hitMarker(markers, order, frame, view, 405, 300), 1);
  EXPECT_EQ(hitMarker(markers, order, frame, view, 392, 300), 0);
  EXPECT_EQ(hitMarker(markers, order, frame, view, 400, 200), -1);
  // Selecting adds a ring that is drawn last but is not a target of its own.
  buildMarkers(places, nullptr, "big", 1.0f, markers, order);
  ASSERT_EQ(markers.size(), 3u);
  EXPECT_EQ(hitMarker(markers, order, frame, view, 405, 300), 1);
}

TEST(HitTest, MarkersGrowWithMentionsAndSkipPlacesWithout) {
  std::vector<MapPlace> places = {{"a", {0, 0}, PlaceKind::Town, 0},
                                  {"b", {0, 0}, PlaceKind::Town, 4},
                                  {"c", {0, 0}, PlaceKind::Town, 16}};
  std::vector<PointInstance> markers;
  std::vector<int> order;
  buildMarkers(places, nullptr, "", 1.0f, markers, order);
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_EQ(order[0], 2);  // larger first
  EXPECT_GT(markers[0].radiusPx, markers[1].radiusPx);
}

TEST(BaseMap, TheShippedAssetHasTheCityRiverAndOldCity) {
  const auto r = loadBaseMap(std::string(ATLAS_TEST_ASSETS_DIR) + "/basemap.geojson");
  ASSERT_TRUE(r.baseMap);
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().format();
  const BaseMap& b = *r.baseMap;
  // The reference puts the built-up extent at ~100 km² and the Old City at ~3.5 km² (ground
  // area; Mercator area is larger by 1/cos²(36.2°) = 1.535).
  const double k = 1.535;
  EXPECT_NEAR(polygonArea(b.cityExtent) / k / 1e6, 100, 15);
  EXPECT_NEAR(polygonArea(b.oldCity) / k / 1e6, 3.5, 0.7);
  EXPECT_GE(b.river.size(), 10u);
  // The Citadel (36.1993 N, 37.1628 E) lies inside the Old City outline.
  EXPECT_TRUE(pointInPolygon(b.oldCity, b.frame.toLocal({37.1628, 36.1993})));
}

TEST(BaseMap, BadInputIsReportedNotFatal) {
  auto r = parseBaseMap("{not json", "broken.geojson");
  EXPECT_FALSE(r.baseMap);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].format().find("broken.geojson"), std::string::npos);

  r = parseBaseMap(R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"layer":"river"},
       "geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,"x"]]}},
      {"type":"Feature","properties":{"layer":"city_extent"},
       "geometry":{"type":"Polygon","coordinates":[[[37.1,36.1],[37.2,36.1],[37.2,36.3],[37.1,36.1]]]}},
      {"type":"Feature","properties":{"layer":"old_city"},
       "geometry":{"type":"Polygon","coordinates":[[[37.1,36.1],[999,36.1],[37.2,36.3],[37.1,36.1]]]}}
    ]})",
                   "mixed.geojson");
  ASSERT_TRUE(r.baseMap);
  EXPECT_EQ(r.baseMap->cityExtent.outer.size(), 3u);
  EXPECT_TRUE(r.baseMap->river.empty());
  EXPECT_TRUE(r.baseMap->oldCity.outer.empty());
  // The bad river, the bad Old City, and the missing-layer note for the Old City.
  EXPECT_EQ(r.diagnostics.size(), 3u);
}
