#include "app/cmd_control.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/atomic_write.h"
#include "app/session.h"
#include "core/control_builder.h"
#include "map/control_layer.h"
#include "map/map_scene.h"

namespace atlas::app {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// A claim's source as the TSV names it: "doc:sentence" or "reference".
std::string claimSource(const ControlClaim& c) {
  return c.evidence.doc == kReferenceDoc
             ? std::string(kReferenceDoc)
             : std::string(c.evidence.doc) + ":" + std::to_string(c.evidence.sentence);
}

json claimJson(const ControlClaim& c) {
  ordered_json j;
  j["doc"] = c.evidence.doc;
  j["sentence"] = c.evidence.sentence;
  j["date"] = c.date.iso();
  j["kind"] = c.kind;
  j["side"] = sideName(c.side);
  j["actor"] = c.actor ? json(sideName(*c.actor)) : json(nullptr);
  j["outlet"] = c.evidence.outlet.empty() ? json(nullptr) : json(c.evidence.outlet);
  j["said_by"] = c.evidence.saidBy.empty() ? json(nullptr) : json(c.evidence.saidBy);
  j["text"] = c.evidence.text;
  return j;
}

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
  SessionOptions options;
  options.corpus = args.corpus;
  options.mentions = args.mentions;
  std::unique_ptr<Session> model = loadSession(options);
  if (!model) return 2;
  if (model->corpus.articles.empty()) {
    std::fprintf(stderr, "aleppo-atlas: %s: no articles to read\n", args.corpus.c_str());
    return 2;
  }
  const Gazetteer& g = model->gazetteer;
  const ControlTimeline& timeline = model->control;
  const int shelf = args.shelfLifeDays;

  // Outside the evidence nothing is known: say so, and guess no side.
  const std::optional<Date> first = timeline.firstDay(), last = timeline.lastDay();
  const bool outside = !first || *date < *first || date->toDays() - last->toDays() > shelf;
  if (outside) {
    if (!first)
      std::fprintf(stderr, "aleppo-atlas: no evidence on %s: no claim of control at all\n",
                   date->iso().c_str());
    else
      std::fprintf(stderr,
                   "aleppo-atlas: no evidence on %s: the evidence runs from %s to %s (shelf life "
                   "%d days); every place is unknown\n",
                   date->iso().c_str(), first->iso().c_str(), last->iso().c_str(), shelf);
  }
  // The state a place is reported in: nothing at all outside the evidence.
  auto stateOf = [&](const std::string& id) {
    return outside ? ControlState{} : timeline.at(id, *date, shelf);
  };

  std::string out;
  if (args.format == "tsv") {
    out =
        "place\tname_en\tname_ar\tkind\tside\tsince\tlast_evidence\tunconfirmed\tdisputed\t"
        "reference_side\tdecided_by\tsentence\n";
    for (const Place& p : g.places) {
      if (p.kind != PlaceKind::Neighbourhood && p.kind != PlaceKind::Site &&
          p.kind != PlaceKind::Town)
        continue;
      const ControlState s = stateOf(p.id);
      std::string by, sentence;
      for (const ControlClaim& c : s.decidedBy) {
        if (!by.empty()) by += ", ", sentence += " || ";
        by += claimSource(c);
        sentence += c.evidence.text;
      }
      if (s.decidedBy.empty()) by = "no evidence";
      const Side reference =
          outside ? Side::Unknown : model->reference.summaryAt(p.id, *date, 1 << 20).side;
      out += p.id + "\t" + tsvCell(p.nameEn) + "\t" + tsvCell(p.nameAr) + "\t" +
             placeKindName(p.kind) + "\t" + sideName(s.side) + "\t" +
             (s.since ? s.since->iso() : std::string()) + "\t" +
             (s.lastEvidence ? s.lastEvidence->iso() : std::string()) + "\t" +
             (s.unconfirmed ? "yes" : "no") + "\t" + (s.disputed ? "yes" : "no") + "\t" +
             sideName(reference) + "\t" + by + "\t" + tsvCell(sentence) + "\n";
    }
  } else {
    ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = json::array();
    for (const Place& p : g.places) {
      if (!p.onMap() || p.isArea()) continue;
      const ControlState s = stateOf(p.id);
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
      props["last_evidence"] = s.lastEvidence ? json(s.lastEvidence->iso()) : json(nullptr);
      props["unconfirmed"] = s.unconfirmed;
      props["disputed"] = s.disputed;
      json evidence = json::array(), disputing = json::array();
      for (const ControlClaim& c : s.decidedBy) evidence.push_back(claimJson(c));
      for (const ControlClaim& c : s.disputedBy) disputing.push_back(claimJson(c));
      props["decided_by"] = evidence;
      props["disputed_by"] = disputing;
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
      const map::ControlLayer layer =
          map::controlLayerAt(hoods, timeline, *date, v.fighting, shelf, &model->reference);
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
        const ControlState s = stateOf(hoods.ids[i]);
        f["properties"] = {
            {"area", true},
            {"place", hoods.ids[i]},
            {"name_en", p ? p->nameEn : std::string()},
            {"name_ar", p ? p->nameAr : std::string()},
            {"side", sideName(outside ? Side::Unknown : s.side)},
            {"since", s.since ? json(s.since->iso()) : json(nullptr)},
            {"last_evidence", s.lastEvidence ? json(s.lastEvidence->iso()) : json(nullptr)},
            {"unconfirmed", s.unconfirmed},
            {"disputed", s.disputed},
            {"date", date->iso()}};
        fc["features"].push_back(f);
      }
      const std::vector<map::FrontlineSegment>& segments = layer.front;
      for (const auto& [active, unconfirmed] : {std::pair{true, false}, std::pair{false, false},
                                                std::pair{true, true}, std::pair{false, true}}) {
        if (outside) break;  // no front is guessed either
        std::vector<map::FrontlineSegment> subset;
        for (const auto& s : segments)
          if (s.active == active && s.unconfirmed == unconfirmed) subset.push_back(s);
        for (const auto& line : map::chainSegments(subset)) {
          json coords = json::array();
          for (const map::Vec2& p : line) coords.push_back(lonLat(p));
          ordered_json f;
          f["type"] = "Feature";
          f["geometry"] = {{"type", "LineString"}, {"coordinates", coords}};
          f["properties"] = {{"frontline", true},
                             {"active", active},
                             {"unconfirmed", unconfirmed},
                             {"date", date->iso()}};
          fc["features"].push_back(f);
        }
      }
    }
    out = fc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  keepUntilExit(std::move(model));
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
