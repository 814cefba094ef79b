#include "map/basemap.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

namespace atlas::map {

namespace {

using nlohmann::json;

bool readPosition(const json& j, const LocalFrame& frame, Vec2& out) {
  if (!j.is_array() || j.size() < 2 || !j[0].is_number() || !j[1].is_number()) return false;
  const double lon = j[0].get<double>(), lat = j[1].get<double>();
  if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -85 ||
      lat > 85)
    return false;
  out = frame.toLocal({lon, lat});
  return true;
}

bool readLine(const json& j, const LocalFrame& frame, std::vector<Vec2>& out) {
  if (!j.is_array()) return false;
  for (const json& p : j) {
    Vec2 v;
    if (!readPosition(p, frame, v)) return false;
    out.push_back(v);
  }
  return out.size() >= 2;
}

bool readPolygon(const json& j, const LocalFrame& frame, Polygon& out) {
  if (!j.is_array() || j.empty()) return false;
  for (size_t i = 0; i < j.size(); ++i) {
    Ring ring;
    if (!readLine(j[i], frame, ring) || ring.size() < 4) return false;
    ring.pop_back();  // GeoJSON repeats the first position at the end
    (i == 0 ? out.outer : out.holes.emplace_back()) = std::move(ring);
  }
  return true;
}

// obj[key] if it is a string, else "" (json::value throws when the member has another type).
std::string stringMember(const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Byte offsets where the elements of the top-level "features" array start, so messages can name
// a feature's line (the parsed document keeps no positions). Empty if the text is not shaped so.
std::vector<size_t> featureOffsets(std::string_view t) {
  std::vector<size_t> out;
  int depth = 0, featuresDepth = -1;
  bool done = false, expectElement = false;
  std::string_view lastString;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (depth == featuresDepth && expectElement && c != ']' && c != ',') {
      out.push_back(i);
      expectElement = false;
    }
    if (c == '"') {
      const size_t start = i + 1;
      for (++i; i < t.size() && t[i] != '"'; ++i)
        if (t[i] == '\\') ++i;
      if (depth == 1) lastString = t.substr(start, std::min(i, t.size()) - start);
    } else if (c == '{' || c == '[') {
      ++depth;
      if (c == '[' && depth == 2 && !done && featuresDepth < 0 && lastString == "features") {
        featuresDepth = 2;
        expectElement = true;
      }
    } else if (c == '}' || c == ']') {
      if (depth == featuresDepth) {
        featuresDepth = -1;
        done = true;
      }
      --depth;
    } else if (c == ',' && depth == featuresDepth) {
      expectElement = true;
    }
  }
  return out;
}

}  // namespace

BaseMapLoadResult parseBaseMap(const std::string& text, const std::string& name) {
  BaseMapLoadResult result;
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || stringMember(doc, "type") != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    result.diagnostics.push_back({Diagnostic::Severity::Error, name, 0,
                                  "not a GeoJSON FeatureCollection; the map has no base layers"});
    return result;
  }
  BaseMap base;
  const std::vector<size_t> offsets = featureOffsets(text);
  const bool haveLines = offsets.size() == doc["features"].size();
  int index = 0;
  // Lines counted on from the previous feature's, not from the start each time.
  int linesBefore = 0;
  size_t countedTo = 0;
  for (const json& f : doc["features"]) {
    ++index;
    const std::string where = "feature " + std::to_string(index);
    if (haveLines) {
      linesBefore += static_cast<int>(
          std::count(text.begin() + countedTo, text.begin() + offsets[index - 1], '\n'));
      countedTo = offsets[index - 1];
    }
    const int featureLine = haveLines ? 1 + linesBefore : 0;
    if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object()) {
      result.diagnostics.push_back(
          {Diagnostic::Severity::Warning, name, featureLine, where + ": no geometry; skipped"});
      continue;
    }
    static const json kNoProperties = json::object();
    const json& props = f.contains("properties") ? f["properties"] : kNoProperties;
    const std::string layer = stringMember(props, "layer");
    const json& g = f["geometry"];
    const std::string type = stringMember(g, "type");
    static const json kNoCoordinates;
    const json& coords = g.contains("coordinates") ? g["coordinates"] : kNoCoordinates;
    bool ok = false;
    std::string problem;
    if (layer == "area") {
      AreaPart part;
      part.place = stringMember(props, "place");
      ok = type == "Polygon" && readPolygon(coords, base.frame, part.polygon);
      if (ok && part.place.empty()) problem = "an area without a place";
      if (ok && problem.empty()) base.areas.push_back(std::move(part));
    } else if (layer == "shared_edge") {
      SharedEdge edge{stringMember(props, "a"), stringMember(props, "b"), {}};
      ok = type == "MultiLineString" && coords.is_array();
      if (ok)
        for (const json& line : coords) {
          std::vector<Vec2> points;
          if (!readLine(line, base.frame, points)) ok = false;
          edge.lines.push_back(std::move(points));
        }
      if (ok && (edge.a.empty() || edge.b.empty())) problem = "a shared edge without its places";
      if (ok && problem.empty()) base.sharedEdges.push_back(std::move(edge));
    } else if (type == "LineString") {
      std::vector<Vec2> line;
      ok = readLine(coords, base.frame, line);
      if (ok) base.lineLayers[layer] = std::move(line);
    } else if (type == "Polygon") {
      Polygon poly;
      ok = readPolygon(coords, base.frame, poly);
      const std::string from = stringMember(props, "valid_from");
      const std::string until = stringMember(props, "valid_until");
      if (ok && (!from.empty() || !until.empty())) {
        DatedOutline outline{layer, parseIsoDate(from), parseIsoDate(until), poly};
        if ((!from.empty() && !outline.from) || (!until.empty() && !outline.until))
          problem = "bad valid_from/valid_until date";
        else
          base.datedOutlines.push_back(std::move(outline));
      }
      if (ok) base.polygonLayers[layer].push_back(std::move(poly));
    }
    if (ok && !problem.empty()) {
      result.diagnostics.push_back({Diagnostic::Severity::Warning, name, featureLine,
                                    where + " (" + layer + "): " + problem + "; skipped"});
    } else if (!ok)
      result.diagnostics.push_back(
          {Diagnostic::Severity::Warning, name, featureLine,
           where + " (" + layer + "): bad or unsupported " + type + " geometry; skipped"});
  }
  auto firstPolygon = [&](const char* id, Polygon& out) {
    auto it = base.polygonLayers.find(id);
    if (it != base.polygonLayers.end() && !it->second.empty())
      out = it->second.front();
    else
      result.diagnostics.push_back({Diagnostic::Severity::Warning, name, 0,
                                    std::string("no '") + id + "' layer; not drawn"});
  };
  firstPolygon("city_extent", base.cityExtent);
  firstPolygon("old_city", base.oldCity);
  if (auto it = base.lineLayers.find("river"); it != base.lineLayers.end()) base.river = it->second;
  result.baseMap = std::move(base);
  return result;
}

const Polygon* BaseMap::outlineAt(const Date& day) const {
  for (const DatedOutline& o : datedOutlines)
    if ((!o.from || *o.from <= day) && (!o.until || day <= *o.until)) return &o.polygon;
  return nullptr;
}

BaseMapLoadResult loadBaseMap(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    BaseMapLoadResult r;
    r.diagnostics.push_back({Diagnostic::Severity::Error, path.string(), 0,
                             "cannot read the base map; the map has no base layers"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseBaseMap(ss.str(), path.string());
}

}  // namespace atlas::map
