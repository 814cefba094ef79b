// Control of the city at a date as the map draws it: the side holding each neighbourhood area,
// the frontline between areas held by different sides, and the segments of it near fighting.
// Shared by the map panel and the `control` command, so the picture and the export agree.
#pragma once

#include <cstdint>
#include <vector>

#include "core/control.h"
#include "core/date.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "map/frontline.h"
#include "map/map_scene.h"
#include "map/projection.h"

namespace atlas::map {

// A report of fighting at a place on a day (clashes, attacks repelled, territory changing
// hands, or frontline language). Kept sorted by day so a week is two binary searches.
struct FightingReport {
  int day = 0;  // Date::toDays()
  Vec2 pos;     // local metres
};

bool reportsFighting(const Mention& m);

// Every dated mention of a mapped place that reports fighting, sorted by day.
std::vector<FightingReport> fightingReports(const Gazetteer& gazetteer,
                                            const ExtractionResult& extraction,
                                            const LocalFrame& frame);

// How many days of fighting up to a date make a front segment active ("that week").
inline constexpr int kActiveFrontDays = 7;
// How close (metres) to a report of fighting a front segment must run to be active.
inline constexpr float kActiveFrontRadius = 800.0f;

struct ControlLayer {
  std::vector<Side> sideOfCell;  // parallel to Neighbourhoods::ids
  std::vector<FrontlineSegment> front;
};

// The side of every neighbourhood area at the end of `day`, the segments where areas of two
// different known sides meet (contested and unknown areas make no front), and which of those
// run within kActiveFrontRadius of fighting reported in the kActiveFrontDays up to `day`.
ControlLayer controlLayerAt(const Neighbourhoods& hoods, const ControlTimeline& control,
                            const Date& day, const std::vector<FightingReport>& fighting);

// Fill and hatch colours of neighbourhood areas by side (hatch 0: none; contested is hatched).
void cellStyles(const std::vector<Side>& sideOfCell, std::vector<std::uint32_t>& fill,
                std::vector<std::uint32_t>& hatch);

// The frontline as line instances, active segments wider and brighter.
void appendFrontline(const std::vector<FrontlineSegment>& front, std::vector<LineInstance>& out);

}  // namespace atlas::map
