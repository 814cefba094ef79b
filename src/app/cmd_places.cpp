#include "app/cmd_places.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/atomic_write.h"
#include "app/paths.h"
#include "core/gazetteer.h"

namespace atlas::app {

namespace {

std::string tsvCell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", *v);
  return buf;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

}  // namespace

int runPlaces(const PlacesArgs& args) {
  const GazetteerLoadResult loaded = loadGazetteer(findAssetsDir() / "gazetteer.tsv");
  for (const Diagnostic& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!loaded.gazetteer) {
    std::fprintf(stderr, "aleppo-atlas: no gazetteer: the installation is incomplete\n");
    return 2;
  }
  const Gazetteer& g = *loaded.gazetteer;
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Place& p : g.places) {
      nlohmann::ordered_json j;
      j["id"] = p.id;
      j["name_ar"] = p.nameAr;
      j["name_en"] = p.nameEn;
      j["kind"] = placeKindName(p.kind);
      j["category"] = p.category;
      j["lat"] = p.lat ? nlohmann::json(*p.lat) : nlohmann::json(nullptr);
      j["lon"] = p.lon ? nlohmann::json(*p.lon) : nlohmann::json(nullptr);
      j["area"] = p.hasArea;
      j["confidence"] = p.confidence;
      j["names"] = p.aliases;
      j["names_after_head_word"] = p.contextAliases;
      j["source"] = p.source;
      list.push_back(j);
    }
    out = list.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    out = "id\tname_ar\tname_en\tkind\tcategory\tlat\tlon\tarea\tconfidence\tnames\tsource\n";
    for (const Place& p : g.places)
      out += p.id + "\t" + tsvCell(p.nameAr) + "\t" + tsvCell(p.nameEn) + "\t" +
             placeKindName(p.kind) + "\t" + tsvCell(p.category) + "\t" + coordinate(p.lat) + "\t" +
             coordinate(p.lon) + "\t" + (p.hasArea ? "1" : "0") + "\t" + tsvCell(p.confidence) +
             "\t" +
             tsvCell(joined(p.aliases) +
                     (p.contextAliases.empty()
                          ? ""
                          : " [after a head word: " + joined(p.contextAliases) + "]")) +
             "\t" + tsvCell(p.source) + "\n";
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
