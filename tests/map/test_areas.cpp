// The base map's neighbourhood areas against the gazetteer and the polygons they come from
// (../shared/reference/neighbourhoods, the Columbia Center for Spatial Research's layer).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/gazetteer.h"
#include "map/basemap.h"
#include "map/hit_test.h"
#include "map/map_scene.h"
#include "ui/timeline_panel.h"

using namespace atlas;
using namespace atlas::map;

namespace {

struct Loaded {
  Gazetteer gazetteer;
  BaseMap base;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    x.gazetteer = *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
    x.base = *loadBaseMap(std::string(ATLAS_TEST_ASSETS_DIR) + "/basemap.geojson").baseMap;
    return x;
  }();
  return l;
}

// Area-weighted centroid of a ring (lon, lat pairs), in degrees.
std::pair<double, double> centroid(const nlohmann::json& ring) {
  double a = 0, cx = 0, cy = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const double x0 = ring[i][0], y0 = ring[i][1], x1 = ring[i + 1][0], y1 = ring[i + 1][1];
    const double f = x0 * y1 - x1 * y0;
    a += f, cx += (x0 + x1) * f, cy += (y0 + y1) * f;
  }
  return {cx / (3 * a), cy / (3 * a)};
}

}  // namespace

TEST(Areas, EveryAreaIsAGazetteerPlaceWhosePointLiesInsideIt) {
  const Loaded& l = loaded();
  ASSERT_GE(l.base.areas.size(), 133u);
  std::map<std::string, std::vector<const Polygon*>> partsOf;
  for (const AreaPart& a : l.base.areas) partsOf[a.place].push_back(&a.polygon);
  for (const auto& [id, parts] : partsOf) {
    const Place* p = l.gazetteer.find(id);
    ASSERT_NE(p, nullptr) << "area of unknown place " << id;
    EXPECT_TRUE(p->hasArea) << id;
    ASSERT_TRUE(p->onMap()) << id;
    const Vec2 point = l.base.frame.toLocal({*p->lon, *p->lat});
    bool inside = false;
    for (const Polygon* poly : parts) inside = inside || pointInPolygon(*poly, point);
    EXPECT_TRUE(inside) << id << " at " << *p->lat << "," << *p->lon << " is outside its area";
  }
  // And the other way: every place that says it has an area has one.
  for (const Place& p : l.gazetteer.places) {
    if (p.hasArea) {
      EXPECT_TRUE(partsOf.count(p.id)) << p.id;
    }
  }
}

TEST(Areas, EveryNeighbourhoodPolygonOfTheReferenceIsCovered) {
  const std::filesystem::path csr = std::filesystem::path(ATLAS_SHARED_REFERENCE_DIR) /
                                    "neighbourhoods" / "aleppo_neighbourhoods_csr.geojson";
  std::ifstream in(csr);
  if (!in) GTEST_SKIP() << "no reference data at " << csr;
  const nlohmann::json doc = nlohmann::json::parse(in);
  const Loaded& l = loaded();
  int features = 0;
  for (const auto& f : doc["features"]) {
    ++features;
    // The polygon's centroid (inside for all but thin shapes) falls in an area of a place.
    for (const auto& poly : f["geometry"]["coordinates"]) {
      const auto [lon, lat] = centroid(poly[0]);
      const Vec2 p = l.base.frame.toLocal({lon, lat});
      std::string owner;
      for (const AreaPart& a : l.base.areas)
        if (pointInPolygon(a.polygon, p)) owner = a.place;
      EXPECT_FALSE(owner.empty()) << f["properties"]["NAME"] << " has no area";
      EXPECT_NE(l.gazetteer.find(owner), nullptr) << owner;
    }
  }
  EXPECT_EQ(features, 133);
}

TEST(Areas, APolygonWithTwoNamedPlacesIsSplitBetweenThem) {
  // Karm al-Tahhan lies inside CSR's Karm al-Qaterji polygon: each keeps its own part, and the
  // two parts share a border (the frontline can run between them).
  const Loaded& l = loaded();
  const Neighbourhoods hoods = neighbourhoodAreas(l.base);
  int tahhan = -1, qaterji = -1;
  for (size_t i = 0; i < hoods.ids.size(); ++i) {
    if (hoods.ids[i] == "karm-al-tahhan") tahhan = static_cast<int>(i);
    if (hoods.ids[i] == "al-qaterji") qaterji = static_cast<int>(i);
  }
  ASSERT_GE(tahhan, 0);
  ASSERT_GE(qaterji, 0);
  const Place& t = *l.gazetteer.find("karm-al-tahhan");
  const Place& q = *l.gazetteer.find("al-qaterji");
  EXPECT_TRUE(pointInPolygon(hoods.cells[tahhan][0], l.base.frame.toLocal({*t.lon, *t.lat})));
  EXPECT_FALSE(pointInPolygon(hoods.cells[tahhan][0], l.base.frame.toLocal({*q.lon, *q.lat})));
  bool shared = false;
  for (const AreaEdge& e : hoods.edges)
    shared = shared || (std::min(e.cellA, e.cellB) == std::min(tahhan, qaterji) &&
                        std::max(e.cellA, e.cellB) == std::max(tahhan, qaterji));
  EXPECT_TRUE(shared);
}

TEST(Areas, NeighboursAcrossTheFrontShareAnEdge) {
  // Pairs that face each other in 2016 reporting (e.g. the Bustan al-Qasr crossing between
  // Bustan al-Qasr and al-Masharqa; Sheikh Maqsoud above al-Halak).
  const Neighbourhoods hoods = neighbourhoodAreas(loaded().base);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const AreaEdge& e : hoods.edges) {
    const std::string a = hoods.ids[e.cellA], b = hoods.ids[e.cellB];
    pairs.insert({std::min(a, b), std::max(a, b)});
  }
  EXPECT_TRUE(pairs.count({"al-masharqa", "bustan-al-qasr"}));
  EXPECT_TRUE(pairs.count({"al-halak", "sheikh-maqsoud"}));
  EXPECT_TRUE(pairs.count({"al-kallaseh", "bustan-al-qasr"}));
  // Far-apart areas do not.
  EXPECT_FALSE(pairs.count({"new-aleppo", "sheikh-saeed"}));
}

TEST(Areas, TheEastAleppoOutlineFollowsItsDates) {
  const BaseMap& b = loaded().base;
  const Polygon* october = b.outlineAt({2016, 10, 4});
  const Polygon* december = b.outlineAt({2016, 12, 5});
  ASSERT_NE(october, nullptr);
  ASSERT_NE(december, nullptr);
  EXPECT_NE(october, december);
  EXPECT_EQ(b.outlineAt({2016, 11, 25}), october);
  EXPECT_EQ(b.outlineAt({2016, 11, 26}), december);
  // Outside the outlines' dates (a corpus of 2012 or 2020) nothing is drawn.
  EXPECT_EQ(b.outlineAt({2012, 8, 1}), nullptr);
  EXPECT_EQ(b.outlineAt({2020, 3, 1}), nullptr);
}

TEST(Areas, WithoutDatedEvidenceTheTimelineEndsOnTheReferencesLastDay) {
  // No year is assumed: an undated corpus shows the last day the reference data speaks of.
  ui::ViewModel model;
  ui::UiState state;
  model.lastReferenceDay = Date{2016, 12, 8};
  EXPECT_EQ(ui::currentDay(model, state), (Date{2016, 12, 8}));
  model.lastReferenceDay = Date{2020, 3, 5};
  EXPECT_EQ(ui::currentDay(model, state), (Date{2020, 3, 5}));
}
