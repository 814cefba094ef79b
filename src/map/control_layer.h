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

// A day long enough for the reference layer: it keeps its last row until the next one.
inline constexpr int kReferenceShelfLifeDays = 1 << 20;

struct ControlLayer {
  // Per neighbourhood area (parallel to Neighbourhoods::ids): the side of the latest evidence on
  // or before the day, the day of that evidence, and whether it is unconfirmed (older than the
  // shelf life) or disputed (sources within kDisputeDays name different holders).
  std::vector<ControlSummary> cells;
  std::vector<Side> sideOfCell;  // cells[i].side
  // Where areas of two different known sides meet (contested and unknown areas make no front).
  // A segment beside an unconfirmed area is `unconfirmed`: the front the last evidence drew,
  // not confirmed since, drawn dashed; `active`: fighting reported near it that week.
  std::vector<FrontlineSegment> front;
  // The reference layer, when asked for (empty otherwise): the reference's side of every area
  // (its last row, however old) and the front between its sides.
  std::vector<Side> referenceOfCell;
  std::vector<FrontlineSegment> referenceFront;
};

// Control of every neighbourhood area at the end of `day` from the evidence in `control` with
// the given shelf life, the front between confirmed and unconfirmed sides, which stretches of it
// run within kActiveFrontRadius of fighting reported in the kActiveFrontDays up to `day`, and,
// if `reference` is given, the reference layer.
ControlLayer controlLayerAt(const Neighbourhoods& hoods, const ControlTimeline& control,
                            const Date& day, const std::vector<FightingReport>& fighting,
                            int shelfLifeDays = kDefaultShelfLifeDays,
                            const ControlTimeline* reference = nullptr);

// Whether two control layers draw the same picture (the last-evidence days aside).
bool samePicture(const ControlLayer& a, const ControlLayer& b);

// How each neighbourhood area is filled: its side's colour (unknown: neutral grey); contested
// areas striped; disputed ones gridded; unconfirmed ones washed out and stippled with the side's
// colour (their stripes or grid fainter).
std::vector<AreaStyle> cellStyles(const ControlLayer& layer);

// The reference layer's band per area: the reference side's colour (none where it has no row),
// wider where the evidence names another known side (a disagreement shows at a glance).
std::vector<InsideBand> referenceBands(const ControlLayer& layer);

// The frontline as line instances: confirmed stretches solid, active ones wider and brighter;
// unconfirmed stretches dashed.
void appendFrontline(const std::vector<FrontlineSegment>& front, std::vector<LineInstance>& out);

// The reference front, dashed.
void appendReferenceFront(const std::vector<FrontlineSegment>& front,
                          std::vector<LineInstance>& out);

}  // namespace atlas::map
