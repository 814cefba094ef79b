#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/gazetteer.h"

using namespace atlas;

TEST(Gazetteer, TheAssetHoldsTheBattlesPlacesEachWithASource) {
  const auto r = loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv");
  ASSERT_TRUE(r.gazetteer);
  // No row was skipped: in particular no two rows share an id (the loader would say so).
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().format();
  const Gazetteer& g = *r.gazetteer;
  EXPECT_GE(g.places.size(), 300u);
  std::set<std::string> ids;
  for (const Place& place : g.places) {
    EXPECT_TRUE(ids.insert(place.id).second) << "two places share the id " << place.id;
    EXPECT_FALSE(place.source.empty()) << place.id << " has no source";
  }
  // Kinds of the 2016 battle's sites are there, each found by its usual name.
  for (const char* id : {"artillery-academy", "project-1070", "bab-al-nasr", "mallah-farms",
                         "castello-road", "handarat-camp", "m10-sakhour-hospital",
                         "bustan-al-qasr-crossing", "ramouseh-bridge", "khan-tuman"})
    EXPECT_NE(g.find(id), nullptr) << id;
  // Reference coordinates carried over exactly (aleppo_places.csv: Sheikh Saeed 36.1646, 37.1558).
  const Place* p = g.find("sheikh-saeed");
  ASSERT_NE(p, nullptr);
  EXPECT_DOUBLE_EQ(*p->lat, 36.1646);
  EXPECT_DOUBLE_EQ(*p->lon, 37.1558);
  EXPECT_EQ(p->kind, PlaceKind::Neighbourhood);
  // The roundabout the reference could not locate is known but never plotted.
  const Place* hawouz = g.find("hawouz-roundabout");
  ASSERT_NE(hawouz, nullptr);
  EXPECT_FALSE(hawouz->onMap());
  // Areas are areas.
  EXPECT_TRUE(g.find("east-aleppo")->isArea());
  EXPECT_TRUE(g.find("aleppo")->isArea());
  EXPECT_FALSE(g.find("aleppo-countryside")->onMap());
  // Every id is stable ASCII.
  for (const Place& place : g.places)
    for (char c : place.id)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << place.id;
}

TEST(Gazetteer, BadRowsAreReportedWithTheirLineAndTheRestLoads) {
  const std::string tsv =
      "id\tkind\tname_ar\tname_en\tlat\tlon\taliases\n"
      "good\tneighbourhood\tالفردوس\tal-Ferdous\t36.187\t37.1508\tالفردوس\n"
      "badcoord\tneighbourhood\tس\tS\t36.1\tnorth\tسسس\n"
      "outofrange\ttown\tص\tT\t136.1\t37.1\tصصص\n"
      "good\tsite\tك\tDuplicate\t36\t37\tككك\n"
      "\tsite\tك\tNo id\t36\t37\tككك\n";
  const auto r = parseGazetteer(tsv, "places.tsv");
  ASSERT_TRUE(r.gazetteer);
  EXPECT_EQ(r.gazetteer->places.size(), 3u);
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[0].format().rfind("places.tsv:3: warning: bad coordinate", 0), 0u)
      << r.diagnostics[0].format();
  EXPECT_EQ(r.diagnostics[1].line, 4);
  EXPECT_EQ(r.diagnostics[2].line, 5);
  EXPECT_EQ(r.diagnostics[3].line, 6);
  EXPECT_FALSE(r.gazetteer->find("badcoord")->onMap());
  EXPECT_FALSE(r.gazetteer->find("outofrange")->onMap());
}

TEST(Gazetteer, MissingColumnsOrFileAreErrors) {
  EXPECT_FALSE(parseGazetteer("id\tkind\n", "x.tsv").gazetteer);
  const auto r = loadGazetteer("/nonexistent/gazetteer.tsv");
  EXPECT_FALSE(r.gazetteer);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].format().find("/nonexistent/gazetteer.tsv"), std::string::npos);
}
