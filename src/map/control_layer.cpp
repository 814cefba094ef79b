#include "map/control_layer.h"

#include <algorithm>

#include "map/map_style.h"

namespace atlas::map {

bool reportsFighting(const Mention& m) {
  return m.event == EventType::Clashes || m.event == EventType::AttackRepelled ||
         m.event == EventType::TerritoryTaken || m.frontline;
}

std::vector<FightingReport> fightingReports(const Gazetteer& gazetteer,
                                            const ExtractionResult& extraction,
                                            const LocalFrame& frame) {
  std::vector<FightingReport> out;
  for (const Mention& m : extraction.mentions) {
    if (m.place < 0 || !m.date || !reportsFighting(m)) continue;
    const Place& p = gazetteer.places[m.place];
    if (!p.onMap()) continue;
    out.push_back({m.date->toDays(), frame.toLocal({*p.lon, *p.lat})});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FightingReport& a, const FightingReport& b) { return a.day < b.day; });
  return out;
}

ControlLayer controlLayerAt(const Neighbourhoods& hoods, const ControlTimeline& control,
                            const Date& day, const std::vector<FightingReport>& fighting) {
  ControlLayer layer;
  layer.sideOfCell.reserve(hoods.ids.size());
  std::vector<int> sideIndex;
  sideIndex.reserve(hoods.ids.size());
  for (const std::string& id : hoods.ids) layer.sideOfCell.push_back(control.sideAt(id, day));
  for (const Side s : layer.sideOfCell)
    sideIndex.push_back(s == Side::Unknown || s == Side::Contested ? -1 : static_cast<int>(s));
  layer.front = frontlineSegments(hoods, sideIndex);
  const int last = day.toDays(), first = last - kActiveFrontDays + 1;
  auto byDay = [](const FightingReport& r, int d) { return r.day < d; };
  auto from = std::lower_bound(fighting.begin(), fighting.end(), first, byDay);
  auto to = std::lower_bound(fighting.begin(), fighting.end(), last + 1, byDay);
  std::vector<Vec2> points;
  for (auto it = from; it != to; ++it) points.push_back(it->pos);
  markActive(layer.front, points, kActiveFrontRadius);
  return layer;
}

void cellStyles(const std::vector<Side>& sideOfCell, std::vector<std::uint32_t>& fill,
                std::vector<std::uint32_t>& hatch) {
  fill.resize(sideOfCell.size());
  hatch.resize(sideOfCell.size());
  for (size_t i = 0; i < sideOfCell.size(); ++i) {
    fill[i] = style::sideFill(sideOfCell[i], i % 2 == 1);
    hatch[i] = sideOfCell[i] == Side::Contested ? style::kContestedHatch : 0;
  }
}

void appendFrontline(const std::vector<FrontlineSegment>& front, std::vector<LineInstance>& out) {
  // Quiet segments first so the active ones are drawn over them where they meet.
  for (bool active : {false, true})
    for (const FrontlineSegment& s : front)
      if (s.active == active)
        out.push_back(
            {s.a, s.b, active ? 5.0f : 2.5f, active ? style::kFrontlineActive : style::kFrontline});
}

}  // namespace atlas::map
