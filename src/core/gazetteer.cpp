#include "core/gazetteer.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace atlas {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::optional<double> parseNumber(const std::string& s) {
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<PlaceKind> parseKind(const std::string& s) {
  for (PlaceKind k : {PlaceKind::Neighbourhood, PlaceKind::Site, PlaceKind::Town, PlaceKind::Region,
                      PlaceKind::City, PlaceKind::Countryside})
    if (s == placeKindName(k)) return k;
  return std::nullopt;
}

}  // namespace

bool Place::isEndpoint() const {
  if (category == "road" || category == "bridge" || category == "roundabout" ||
      category == "junction")
    return true;
  for (const char* head : {"طريق ", "دوار ", "جسر ", "مستديرة ", "عقدة "})
    if (nameAr.rfind(head, 0) == 0) return true;
  return false;
}

const char* placeKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::Neighbourhood:
      return "neighbourhood";
    case PlaceKind::Site:
      return "site";
    case PlaceKind::Town:
      return "town";
    case PlaceKind::Region:
      return "region";
    case PlaceKind::City:
      return "city";
    case PlaceKind::Countryside:
      return "countryside";
  }
  return "site";
}

GazetteerLoadResult parseGazetteer(const std::string& tsv, const std::string& name) {
  GazetteerLoadResult result;
  auto warn = [&](int line, const std::string& msg) {
    result.diagnostics.push_back({Diagnostic::Severity::Warning, name, line, msg});
  };
  if (const size_t bad = utf8::firstInvalid(tsv); bad != std::string::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += tsv[i] == '\n';
    warn(line, "invalid UTF-8; names on this line may not match");
  }
  std::istringstream in(tsv);
  std::string line;
  std::unordered_map<std::string, int> column;
  Gazetteer g;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty() || line[0] == '#') continue;
    const auto cells = split(line, '\t');
    if (column.empty()) {
      for (size_t i = 0; i < cells.size(); ++i) column[cells[i]] = static_cast<int>(i);
      for (const char* required : {"id", "kind", "name_ar", "name_en", "lat", "lon", "aliases"})
        if (!column.count(required)) {
          result.diagnostics.push_back({Diagnostic::Severity::Error, name, lineNo,
                                        std::string("header lacks the column '") + required + "'"});
          return result;
        }
      continue;
    }
    auto cell = [&](const char* col) -> std::string {
      auto it = column.find(col);
      return it != column.end() && it->second < static_cast<int>(cells.size()) ? cells[it->second]
                                                                               : std::string();
    };
    Place p;
    p.id = cell("id");
    if (p.id.empty()) {
      warn(lineNo, "row without an id; skipped");
      continue;
    }
    if (g.byId.count(p.id)) {
      warn(lineNo, "duplicate id '" + p.id + "'; skipped");
      continue;
    }
    const auto kind = parseKind(cell("kind"));
    if (!kind) {
      warn(lineNo, "unknown kind '" + cell("kind") + "' for " + p.id + "; read as a site");
    }
    p.kind = kind.value_or(PlaceKind::Site);
    p.nameAr = cell("name_ar");
    p.nameEn = cell("name_en");
    const std::string latText = cell("lat"), lonText = cell("lon");
    if (!latText.empty() || !lonText.empty()) {
      const auto lat = parseNumber(latText), lon = parseNumber(lonText);
      if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
        warn(lineNo, "bad coordinate '" + latText + "," + lonText + "' for " + p.id +
                         "; the place is recognised but not plotted");
      } else {
        p.lat = lat;
        p.lon = lon;
      }
    }
    p.confidence = cell("confidence");
    p.plotted = cell("plotted") != "0";
    p.needsContext = cell("needs_context") == "1";
    p.ambiguousGroup = cell("ambiguous");
    p.category = cell("category");
    p.hasArea = cell("area") == "1";
    p.source = cell("source");
    for (const std::string& a : split(cell("aliases"), '|'))
      if (!a.empty()) p.aliases.push_back(a);
    for (const std::string& a : split(cell("context_aliases"), '|'))
      if (!a.empty()) p.contextAliases.push_back(a);
    if (p.aliases.empty() && p.contextAliases.empty())
      warn(lineNo, "no names for " + p.id + "; it can never be found");
    g.byId[p.id] = static_cast<int>(g.places.size());
    g.places.push_back(std::move(p));
  }
  result.gazetteer = std::move(g);
  return result;
}

GazetteerLoadResult loadGazetteer(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    GazetteerLoadResult r;
    r.diagnostics.push_back(
        {Diagnostic::Severity::Error, path.string(), 0, "cannot read the gazetteer"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseGazetteer(ss.str(), path.string());
}

}  // namespace atlas
