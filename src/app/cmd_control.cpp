#include "app/cmd_control.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/app_model.h"
#include "app/atomic_write.h"
#include "core/control_builder.h"
#include "map/control_layer.h"
#include "map/map_scene.h"

namespace atlas::app {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string tsvCell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

int runControl(const ControlArgs& args) {
  const auto date = parseIsoDate(args.date);
  if (!date) {
    std::fprintf(stderr, "aleppo-atlas: --date %s: not a valid date (want YYYY-MM-DD)\n",
                 args.date.c_str());
    return 2;
  }
  std::unique_ptr<AppModel> model = loadAppModel(args.corpus);
  if (!model) return 2;
  const Gazetteer& g = model->gazetteer;
  const ControlTimeline timeline = buildControlTimeline(g, model->corpus, model->extraction);

  std::string out;
  if (args.format == "tsv") {
    out = "place\tname_en\tname_ar\tkind\tside\tsince\tdecided_by\tsentence\n";
    for (const Place& p : g.places) {
      if (p.kind != PlaceKind::Neighbourhood && p.kind != PlaceKind::Site &&
          p.kind != PlaceKind::Town)
        continue;
      const ControlState s = timeline.at(p.id, *date);
      std::string by, sentence;
      for (const ControlClaim& c : s.decidedBy) {
        if (!by.empty()) by += ", ", sentence += " || ";
        by += c.evidence.doc == "reference"
                  ? std::string("reference")
                  : c.evidence.doc + ":" + std::to_string(c.evidence.sentence);
        sentence += c.evidence.text;
      }
      if (s.decidedBy.empty()) by = "baseline (reference, " + kControlBaselineDate.iso() + ")";
      out += p.id + "\t" + tsvCell(p.nameEn) + "\t" + tsvCell(p.nameAr) + "\t" +
             placeKindName(p.kind) + "\t" + sideName(s.side) + "\t" +
             (s.since ? s.since->iso() : std::string()) + "\t" + by + "\t" + tsvCell(sentence) +
             "\n";
    }
  } else {
    ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = json::array();
    for (const Place& p : g.places) {
      if (!p.onMap() || p.isArea()) continue;
      const ControlState s = timeline.at(p.id, *date);
      ordered_json f;
      f["type"] = "Feature";
      f["id"] = p.id;
      f["geometry"] = {{"type", "Point"}, {"coordinates", {*p.lon, *p.lat}}};
      ordered_json props;
      props["place"] = p.id;
      props["name_en"] = p.nameEn;
      props["name_ar"] = p.nameAr;
      props["side"] = sideName(s.side);
      props["since"] = s.since ? json(s.since->iso()) : json(nullptr);
      json evidence = json::array();
      for (const ControlClaim& c : s.decidedBy)
        evidence.push_back({{"doc", c.evidence.doc},
                            {"sentence", c.evidence.sentence},
                            {"text", c.evidence.text}});
      props["decided_by"] = evidence;
      f["properties"] = props;
      fc["features"].push_back(f);
    }
    // The frontline: edges between neighbourhood areas held by different sides.
    if (model->baseMap) {
      const ui::ViewModel& v = model->view;
      const map::Neighbourhoods hoods = map::tessellateNeighbourhoods(v.places, *model->baseMap);
      const map::ControlLayer layer = map::controlLayerAt(hoods, timeline, *date, v.fighting);
      const std::vector<map::FrontlineSegment>& segments = layer.front;
      for (bool active : {true, false}) {
        std::vector<map::FrontlineSegment> subset;
        for (const auto& s : segments)
          if (s.active == active) subset.push_back(s);
        for (const auto& line : map::chainSegments(subset)) {
          json coords = json::array();
          for (const map::Vec2& p : line) {
            const map::LonLat ll = map::unproject(model->baseMap->frame.toMercator(p));
            coords.push_back({std::round(ll.lon * 1e6) / 1e6, std::round(ll.lat * 1e6) / 1e6});
          }
          ordered_json f;
          f["type"] = "Feature";
          f["geometry"] = {{"type", "LineString"}, {"coordinates", coords}};
          f["properties"] = {{"frontline", true}, {"active", active}, {"date", date->iso()}};
          fc["features"].push_back(f);
        }
      }
    }
    out = fc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  if (args.out.empty()) {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  std::string error;
  if (!writeFileAtomically(args.out, out, error)) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace atlas::app
