// The places the app knows, read from assets/gazetteer.tsv (see tools/build_gazetteer.py for
// the columns and how the asset is made from the reference data).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"

namespace atlas {

enum class PlaceKind { Neighbourhood, Site, Town, Region, City, Countryside };

const char* placeKindName(PlaceKind kind);  // "neighbourhood", "site", ...

struct Place {
  std::string id;  // stable ASCII id, e.g. "sheikh-saeed"
  PlaceKind kind = PlaceKind::Site;
  std::string nameAr, nameEn;
  std::optional<double> lat, lon;           // WGS84; empty when unknown
  std::string category;                     // finer kind: hospital, hill, old_city_quarter, ...
  std::string confidence;                   // high | medium | low | ""
  bool plotted = true;                      // false: recognised, never put on the map
  bool needsContext = false;                // its names are ordinary words: only after a head word
  std::string ambiguousGroup;               // shared by places with the same name; "" if none
  bool hasArea = false;                     // the base map has an area for it (a polygon)
  std::string source;                       // where its position comes from
  std::vector<std::string> aliases;         // count anywhere
  std::vector<std::string> contextAliases;  // count only after a head word ("حي", "بلدة", ...)

  bool hasPosition() const { return lat.has_value() && lon.has_value(); }
  // Regions and the city are drawn as areas, never as pins.
  bool isArea() const {
    return kind == PlaceKind::Region || kind == PlaceKind::City || kind == PlaceKind::Countryside;
  }
  // On the Aleppo map: plotted and with a position.
  bool onMap() const { return plotted && hasPosition(); }
  // A road, bridge, roundabout or junction, by category or by its name's head ("جسر الحج"):
  // a line or a point that marks how far an advance reached.
  bool isEndpoint() const;
};

struct Gazetteer {
  std::vector<Place> places;
  std::unordered_map<std::string, int> byId;

  const Place* find(const std::string& id) const {
    auto it = byId.find(id);
    return it == byId.end() ? nullptr : &places[it->second];
  }
};

struct GazetteerLoadResult {
  std::optional<Gazetteer> gazetteer;  // empty if the file cannot be read at all
  Diagnostics diagnostics;             // bad rows: file and line; the rest still loads
};

GazetteerLoadResult loadGazetteer(const std::filesystem::path& path);
GazetteerLoadResult parseGazetteer(const std::string& tsv, const std::string& name);

}  // namespace atlas
