#include "app/cmd_extract.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/atomic_write.h"
#include "app/paths.h"
#include "core/control_builder.h"
#include "core/corpus.h"
#include "core/event_attribution.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas::app {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string slice(const std::string& s, uint32_t a, uint32_t b) { return s.substr(a, b - a); }

ordered_json mentionRecord(const Corpus& corpus, const Gazetteer& g, const Mention& m) {
  const Article& a = corpus.articles[m.doc];
  ordered_json r;
  r["doc"] = a.id;
  r["sentence"] = m.sentence;
  r["sentence_text"] = slice(a.text, m.sentenceStart, m.sentenceEnd);
  r["start"] = m.start;
  r["end"] = m.end;
  r["surface"] = slice(a.text, m.start, m.end);
  const Place* p = m.place >= 0 ? &g.places[m.place] : nullptr;
  r["place"] = p ? json(p->id) : json(nullptr);
  r["name_ar"] = p ? json(p->nameAr) : json(nullptr);
  r["name_en"] = p ? json(p->nameEn) : json(nullptr);
  r["kind"] = p ? json(placeKindName(p->kind)) : json(nullptr);
  // Coordinates only for places that belong on the Aleppo map.
  r["lat"] = p && p->onMap() ? json(*p->lat) : json(nullptr);
  r["lon"] = p && p->onMap() ? json(*p->lon) : json(nullptr);
  r["date"] = m.date ? json(m.date->iso()) : json(nullptr);
  r["date_precision"] = datePrecisionName(m.datePrecision);
  r["date_end"] = m.dateEnd ? json(m.dateEnd->iso()) : json(nullptr);
  r["date_rule"] = m.dateRule ? json(*m.dateRule) : json(nullptr);
  r["event"] = eventTypeName(m.event);
  json actors = json::array();
  for (Actor a : {kGovernment, kOpposition, kRussianAirForce, kKurdish, kCivilians})
    if (m.actors & a) actors.push_back(actorNames(a));
  r["actors"] = actors;
  r["fatalities"] = m.fatalities ? json(*m.fatalities) : json(nullptr);
  r["frontline"] = m.frontline;
  r["claim"] = m.claimKind != ClaimKind::None ? json(claimKindName(m.claimKind)) : json(nullptr);
  r["claim_side"] = m.claimSide ? json(sideName(*m.claimSide)) : json(nullptr);
  r["control_claim"] = m.claim ? json(sideName(*m.claim)) : json(nullptr);
  r["claim_date"] = m.claimKind != ClaimKind::None && m.date ? json(m.date->iso()) : json(nullptr);
  r["said_by"] =
      m.saidByEnd > m.saidByStart ? json(slice(a.text, m.saidByStart, m.saidByEnd)) : json(nullptr);
  r["actor1"] = m.actor1 == kRussianAirForce ? json("russia")
                : m.actor1                   ? json(actorNames(m.actor1))
                                             : json(nullptr);
  r["ambiguous"] = m.ambiguous;
  json candidates = json::array();
  for (int c : m.candidates) candidates.push_back(g.places[c].id);
  r["candidates"] = candidates;
  r["context"] = m.headEnd > m.headStart ? json(slice(a.text, m.headStart, m.headEnd))
                 : m.contextFromArticle  ? json("(the article)")
                                         : json(nullptr);
  r["run_together"] = m.runTogether;
  return r;
}

// Article bytes that are not valid UTF-8 come out as U+FFFD: JSON must be UTF-8 (RFC 8259), and
// the offsets still point at the original bytes.
std::string dumpJson(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// ACLED's columns for a mention, so the CSV opens next to ACLED or UCDP data.
void addAcledColumns(const Corpus& corpus, const Gazetteer& g, const Mention& m, ordered_json& r) {
  r["event_date"] = m.date ? json(m.date->iso()) : json(nullptr);
  int timePrecision = 1;  // ACLED: 1 day, 2 week, 3 month
  if (m.datePrecision == DatePrecision::Week || m.datePrecision == DatePrecision::Span ||
      m.datePrecision == DatePrecision::Publication)
    timePrecision = 2;
  if (m.datePrecision == DatePrecision::Month) timePrecision = 3;
  r["time_precision"] = timePrecision;
  r["event_type"] = acledEventType(m.event);
  r["sub_event_type"] = acledSubEventType(m.event, m.actors);
  // actor1 is the side that did it; actor2 the first other fighting side the sentence names.
  std::vector<Actor> actors;
  if (m.actor1) actors.push_back(static_cast<Actor>(m.actor1));
  for (Actor a : {kGovernment, kOpposition, kRussianAirForce, kKurdish, kCivilians})
    if (m.actors & a && a != m.actor1) actors.push_back(a);
  r["actor1"] = m.actor1 ? actorLongName(actors[0]) : "";
  const size_t second = m.actor1 ? 1 : 0;
  r["actor2"] = actors.size() > second ? actorLongName(actors[second]) : "";
  const Place* p = m.place >= 0 ? &g.places[m.place] : nullptr;
  r["location"] = p ? p->nameEn : "";
  r["latitude"] = p && p->onMap() ? json(*p->lat) : json(nullptr);
  r["longitude"] = p && p->onMap() ? json(*p->lon) : json(nullptr);
  // ACLED: 1 the place itself, 2 near it or part of a region, 3 a larger region.
  r["geo_precision"] = !p ? 3 : p->isArea() ? 3 : 1;
  const Article& a = corpus.articles[m.doc];
  r["source"] = a.outlet.empty() ? a.id : a.outlet + " (" + a.id + ")";
  r["notes"] = a.text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart);
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string toCsvCell(const ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return csvField(v.get<std::string>());  // bytes as in the article
  if (v.is_array()) {
    std::string joined;
    for (const auto& e : v) {
      if (!joined.empty()) joined += '|';
      joined += e.get<std::string>();
    }
    return csvField(joined);
  }
  return dumpJson(v, -1);
}

}  // namespace

int runExtract(const ExtractArgs& args) {
  CorpusLoadResult loaded = loadCorpus(args.corpus);
  if (!loaded.corpus) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", loaded.error.c_str());
    return 2;
  }
  const Corpus& corpus = *loaded.corpus;
  for (const Diagnostic& d : corpus.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (corpus.articles.empty()) {
    std::fprintf(stderr, "aleppo-atlas: %s: no articles to read\n", args.corpus.c_str());
    return 2;
  }
  const auto gazPath = findAssetsDir() / "gazetteer.tsv";
  GazetteerLoadResult gaz = loadGazetteer(gazPath);
  for (const Diagnostic& d : gaz.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!gaz.gazetteer) {
    std::fprintf(stderr, "aleppo-atlas: %s: cannot load the gazetteer\n", gazPath.c_str());
    return 2;
  }
  const Gazetteer& g = *gaz.gazetteer;
  ExtractionResult result = extractMentions(corpus, g);
  // Shells with no named firer: the enemy of the shelled place's holder in the reference.
  const auto assets = findAssetsDir();
  ControlSnapshotsLoadResult snapshots = loadControlSnapshots(assets / "control_snapshots.tsv");
  ReferenceHistoryLoadResult history = loadReferenceHistory(assets / "control_history.tsv");
  for (const Diagnostic& d : snapshots.diagnostics)
    std::fprintf(stderr, "%s\n", d.format().c_str());
  for (const Diagnostic& d : history.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  attributeShellingByHolder(result, g, buildReferenceTimeline(g, snapshots.rows, history.rows));

  std::string out;
  if (args.format == "jsonl") {
    for (const Mention& m : result.mentions)
      out += dumpJson(mentionRecord(corpus, g, m), -1) + "\n";
  } else if (args.format == "csv") {
    const char* columns[] = {
        "doc", "sentence", "start", "end", "surface", "place", "name_ar", "name_en", "kind", "lat",
        "lon", "date", "date_precision", "ambiguous", "candidates", "context", "run_together",
        "sentence_text", "date_end", "date_rule", "event", "actors", "fatalities", "frontline",
        "claim", "claim_side", "control_claim", "claim_date", "said_by",
        // ACLED's columns
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "location", "latitude", "longitude", "geo_precision", "source", "notes"};
    for (size_t i = 0; i < std::size(columns); ++i) {
      if (i) out += ',';
      out += columns[i];
    }
    out += "\r\n";  // RFC 4180 line ends
    for (const Mention& m : result.mentions) {
      ordered_json r = mentionRecord(corpus, g, m);
      addAcledColumns(corpus, g, m, r);
      for (size_t i = 0; i < std::size(columns); ++i) {
        if (i) out += ',';
        out += toCsvCell(r[columns[i]]);
      }
      out += "\r\n";
    }
  } else {  // geojson: one Feature per place on the map, its mentions in properties
    std::map<int, std::vector<const Mention*>> byPlace;
    for (const Mention& m : result.mentions)
      if (m.place >= 0 && g.places[m.place].onMap()) byPlace[m.place].push_back(&m);
    ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = json::array();
    for (const auto& [index, mentions] : byPlace) {
      const Place& p = g.places[index];
      ordered_json f;
      f["type"] = "Feature";
      f["id"] = p.id;
      f["geometry"] = {{"type", "Point"}, {"coordinates", {*p.lon, *p.lat}}};  // lon, lat
      ordered_json props;
      props["place"] = p.id;
      props["name_ar"] = p.nameAr;
      props["name_en"] = p.nameEn;
      props["kind"] = placeKindName(p.kind);
      props["area"] = p.isArea();
      props["mention_count"] = mentions.size();
      ordered_json list = json::array();
      for (const Mention* m : mentions) {
        ordered_json r = mentionRecord(corpus, g, *m);
        for (const char* k : {"place", "name_ar", "name_en", "kind", "lat", "lon"}) r.erase(k);
        list.push_back(r);
      }
      props["mentions"] = list;
      f["properties"] = props;
      fc["features"].push_back(f);
    }
    out = dumpJson(fc, 1) + "\n";
  }

  if (args.out.empty()) {
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
      std::fprintf(stderr, "aleppo-atlas: cannot write to standard output\n");
      return 1;
    }
    return 0;
  }
  std::string error;
  if (!writeFileAtomically(args.out, out, error)) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace atlas::app
