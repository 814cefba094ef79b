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
  if (model->corpus.articles.empty()) {
    std::fprintf(stderr, "aleppo-atlas: %s: no articles to read\n", args.corpus.c_str());
    return 2;
  }
  const Gazetteer& g = model->gazetteer;
  const ControlTimeline& timeline = model->control;

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
        by += c.evidence.doc == kReferenceDoc
                  ? std::string(kReferenceDoc)
                  : c.evidence.doc + ":" + std::to_string(c.evidence.sentence);
        sentence += c.evidence.text;
      }
      if (s.decidedBy.empty()) by = "no evidence";
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
    // The areas (Polygon or MultiPolygon, with the side) and the frontline along the borders of
    // areas held by different sides: the same computation the map draws.
    if (model->baseMap) {
      const ui::ViewModel& v = model->view;
      const map::LocalFrame& frame = model->baseMap->frame;
      auto lonLat = [&](const map::Vec2& p) {
        const map::LonLat ll = map::unproject(frame.toMercator(p));
        return json::array({std::round(ll.lon * 1e6) / 1e6, std::round(ll.lat * 1e6) / 1e6});
      };
      auto ring = [&](const map::Ring& r) {
        json coords = json::array();
        for (const map::Vec2& p : r) coords.push_back(lonLat(p));
        if (!r.empty()) coords.push_back(lonLat(r.front()));  // RFC 7946: closed rings
        return coords;
      };
      const map::Neighbourhoods hoods = map::neighbourhoodAreas(*model->baseMap);
      const map::ControlLayer layer = map::controlLayerAt(hoods, timeline, *date, v.fighting);
      for (size_t i = 0; i < hoods.ids.size(); ++i) {
        const Place* p = g.find(hoods.ids[i]);
        json polygons = json::array();
        for (const map::Polygon& part : hoods.cells[i]) {
          json rings = json::array({ring(part.outer)});
          for (const map::Ring& h : part.holes) rings.push_back(ring(h));
          polygons.push_back(rings);
        }
        ordered_json f;
        f["type"] = "Feature";
        f["id"] = "area:" + hoods.ids[i];
        f["geometry"] = polygons.size() == 1
                            ? ordered_json{{"type", "Polygon"}, {"coordinates", polygons[0]}}
                            : ordered_json{{"type", "MultiPolygon"}, {"coordinates", polygons}};
        const ControlState s = timeline.at(hoods.ids[i], *date);
        f["properties"] = {{"area", true},
                           {"place", hoods.ids[i]},
                           {"name_en", p ? p->nameEn : std::string()},
                           {"name_ar", p ? p->nameAr : std::string()},
                           {"side", sideName(layer.sideOfCell[i])},
                           {"since", s.since ? json(s.since->iso()) : json(nullptr)},
                           {"date", date->iso()}};
        fc["features"].push_back(f);
      }
      const std::vector<map::FrontlineSegment>& segments = layer.front;
      for (bool active : {true, false}) {
        std::vector<map::FrontlineSegment> subset;
        for (const auto& s : segments)
          if (s.active == active) subset.push_back(s);
        for (const auto& line : map::chainSegments(subset)) {
          json coords = json::array();
          for (const map::Vec2& p : line) coords.push_back(lonLat(p));
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
