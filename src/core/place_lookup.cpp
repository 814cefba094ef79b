#include "core/place_lookup.h"

#include <algorithm>

#include "core/mention_filter.h"

namespace atlas {

std::vector<int> findPlacesNamed(const Gazetteer& gazetteer, const std::string& query) {
  if (auto it = gazetteer.byId.find(query); it != gazetteer.byId.end()) return {it->second};
  const std::u32string q = foldQuery(query);
  std::vector<int> out;
  if (q.empty()) return out;
  for (int i = 0; i < static_cast<int>(gazetteer.places.size()); ++i) {
    const Place& p = gazetteer.places[i];
    auto same = [&](const std::string& name) { return foldQuery(name) == q; };
    if (same(p.nameAr) || same(p.nameEn) || std::any_of(p.aliases.begin(), p.aliases.end(), same) ||
        std::any_of(p.contextAliases.begin(), p.contextAliases.end(), same))
      out.push_back(i);
  }
  return out;
}

}  // namespace atlas
