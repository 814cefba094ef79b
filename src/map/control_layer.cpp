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
  // By day, in mention order within a day: counted into place when the days span less than the
  // reports (a million at 100,000 articles), else a stable sort.
  if (out.empty()) return out;
  const auto [lo, hi] = std::minmax_element(
      out.begin(), out.end(),
      [](const FightingReport& a, const FightingReport& b) { return a.day < b.day; });
  const size_t days = static_cast<size_t>(hi->day - lo->day) + 1;
  if (days > out.size()) {
    std::stable_sort(out.begin(), out.end(), [](const FightingReport& a, const FightingReport& b) {
      return a.day < b.day;
    });
    return out;
  }
  const int first = lo->day;
  std::vector<size_t> start(days + 1, 0);
  for (const FightingReport& r : out) ++start[static_cast<size_t>(r.day - first) + 1];
  for (size_t d = 1; d <= days; ++d) start[d] += start[d - 1];
  std::vector<FightingReport> sorted(out.size());
  for (const FightingReport& r : out) sorted[start[static_cast<size_t>(r.day - first)]++] = r;
  return sorted;
}

namespace {

// A side as frontlineSegments wants it: the sides that hold ground, or -1.
int frontSide(Side s) {
  return s == Side::Government || s == Side::Opposition || s == Side::Kurdish ? static_cast<int>(s)
                                                                              : -1;
}

}  // namespace

ControlLayer controlLayerAt(const Neighbourhoods& hoods, const ControlTimeline& control,
                            const Date& day, const std::vector<FightingReport>& fighting,
                            int shelfLifeDays, const ControlTimeline* reference) {
  ControlLayer layer;
  const size_t n = hoods.ids.size();
  layer.cells.reserve(n);
  layer.sideOfCell.reserve(n);
  std::vector<int> sideIndex;
  sideIndex.reserve(n);
  for (const std::string& id : hoods.ids) {
    layer.cells.push_back(control.summaryAt(id, day, shelfLifeDays));
    layer.sideOfCell.push_back(layer.cells.back().side);
    sideIndex.push_back(frontSide(layer.cells.back().side));
  }
  layer.front = frontlineSegments(hoods, sideIndex);
  for (FrontlineSegment& s : layer.front)
    s.unconfirmed = layer.cells[s.cellA].unconfirmed || layer.cells[s.cellB].unconfirmed;
  const int last = day.toDays(), first = last - kActiveFrontDays + 1;
  auto byDay = [](const FightingReport& r, int d) { return r.day < d; };
  auto from = std::lower_bound(fighting.begin(), fighting.end(), first, byDay);
  auto to = std::lower_bound(fighting.begin(), fighting.end(), last + 1, byDay);
  std::vector<Vec2> points;
  for (auto it = from; it != to; ++it) points.push_back(it->pos);
  // A big corpus reports fighting at the same few hundred places thousands of times a week:
  // each place is tested against the front once.
  std::sort(points.begin(), points.end(),
            [](const Vec2& a, const Vec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  points.erase(std::unique(points.begin(), points.end(),
                           [](const Vec2& a, const Vec2& b) { return a.x == b.x && a.y == b.y; }),
               points.end());
  markActive(layer.front, points, kActiveFrontRadius);
  if (reference) {
    layer.referenceOfCell.reserve(n);
    std::vector<int> refIndex;
    refIndex.reserve(n);
    for (const std::string& id : hoods.ids) {
      layer.referenceOfCell.push_back(reference->summaryAt(id, day, kReferenceShelfLifeDays).side);
      refIndex.push_back(frontSide(layer.referenceOfCell.back()));
    }
    layer.referenceFront = frontlineSegments(hoods, refIndex);
  }
  return layer;
}

bool samePicture(const ControlLayer& a, const ControlLayer& b) {
  if (a.cells.size() != b.cells.size() || a.front.size() != b.front.size() ||
      a.referenceOfCell != b.referenceOfCell || a.referenceFront.size() != b.referenceFront.size())
    return false;
  for (size_t i = 0; i < a.cells.size(); ++i)
    if (a.cells[i].side != b.cells[i].side || a.cells[i].unconfirmed != b.cells[i].unconfirmed ||
        a.cells[i].disputed != b.cells[i].disputed)
      return false;
  for (size_t i = 0; i < a.front.size(); ++i)
    if (a.front[i].active != b.front[i].active ||
        a.front[i].unconfirmed != b.front[i].unconfirmed || a.front[i].cellA != b.front[i].cellA ||
        a.front[i].cellB != b.front[i].cellB)
      return false;
  for (size_t i = 0; i < a.referenceFront.size(); ++i)
    if (a.referenceFront[i].cellA != b.referenceFront[i].cellA ||
        a.referenceFront[i].cellB != b.referenceFront[i].cellB)
      return false;
  return true;
}

std::vector<AreaStyle> cellStyles(const ControlLayer& layer) {
  std::vector<AreaStyle> out(layer.cells.size());
  for (size_t i = 0; i < layer.cells.size(); ++i) {
    const ControlSummary& c = layer.cells[i];
    const bool alt = i % 2 == 1;
    AreaStyle& s = out[i];
    s.fill = style::sideFill(c.side, alt);
    if (c.side == Side::Contested) s.hatch = style::kContestedHatch;
    if (c.disputed) {
      s.hatch = style::kDisputedHatch;
      s.pattern = Pattern::CrossHatch;
    }
    if (c.unconfirmed && c.side != Side::Unknown) {
      s.fill = style::unconfirmedFill(c.side, alt);
      s.dots = style::unconfirmedDots(c.side);
      // The stripes or the grid stay, fainter: what was said last, not confirmed since.
      if (s.hatch) s.hatch = (s.hatch & 0x00ffffffu) | (((s.hatch >> 24) * 7 / 10) << 24);
    }
  }
  return out;
}

std::vector<InsideBand> referenceBands(const ControlLayer& layer) {
  std::vector<InsideBand> out;
  out.reserve(layer.referenceOfCell.size());
  for (size_t i = 0; i < layer.referenceOfCell.size(); ++i) {
    const Side ref = layer.referenceOfCell[i];
    const Side own = i < layer.cells.size() ? layer.cells[i].side : Side::Unknown;
    const bool differs = ref != Side::Unknown && own != Side::Unknown && own != ref;
    out.push_back({style::referenceBand(ref),
                   differs ? style::kReferenceBandDifferPx : style::kReferenceBandPx});
  }
  return out;
}

void appendFrontline(const std::vector<FrontlineSegment>& front, std::vector<LineInstance>& out) {
  // Unconfirmed stretches first (dashed, chained so the dashes run on), then the quiet confirmed
  // ones, then the active ones over them where they meet.
  for (bool active : {false, true}) {
    std::vector<FrontlineSegment> stale;
    for (const FrontlineSegment& s : front)
      if (s.unconfirmed && s.active == active) stale.push_back(s);
    appendDashed(chainSegments(stale), active ? 4.0f : 2.5f, style::kUnconfirmedFrontDashPx,
                 active ? style::kFrontlineActive : style::kFrontline, out);
  }
  for (bool active : {false, true})
    for (const FrontlineSegment& s : front)
      if (!s.unconfirmed && s.active == active)
        out.push_back(
            {s.a, s.b, active ? 5.0f : 2.5f, active ? style::kFrontlineActive : style::kFrontline});
}

void appendReferenceFront(const std::vector<FrontlineSegment>& front,
                          std::vector<LineInstance>& out) {
  appendDashed(chainSegments(front), 2.0f, style::kReferenceFrontDashPx, style::kReferenceFront,
               out);
}

}  // namespace atlas::map
