#include "core/mention_filter.h"

#include <algorithm>
#include <set>

#include "core/arabic_fold.h"

namespace atlas {

bool MentionFilter::passes(const Mention& m, const Article& a) const {
  if (!(eventTypes >> static_cast<int>(m.event) & 1u)) return false;
  if (actors != 0 && (m.actors & actors) == 0) return false;
  if (!(precisions >> static_cast<int>(m.datePrecision) & 1u)) return false;
  return hiddenOutlets.empty() || outletShown(a.outlet);
}

bool MentionFilter::outletShown(const std::string& outlet) const {
  return !std::binary_search(hiddenOutlets.begin(), hiddenOutlets.end(), outlet);
}

void MentionFilter::setOutletShown(const std::string& outlet, bool shown) {
  auto it = std::lower_bound(hiddenOutlets.begin(), hiddenOutlets.end(), outlet);
  const bool hidden = it != hiddenOutlets.end() && *it == outlet;
  if (shown && hidden) hiddenOutlets.erase(it);
  if (!shown && !hidden) hiddenOutlets.insert(it, outlet);
}

std::vector<std::string> corpusOutlets(const Corpus& corpus) {
  std::set<std::string> outlets;
  for (const Article& a : corpus.articles) outlets.insert(a.outlet);
  return {outlets.begin(), outlets.end()};
}

std::u32string foldQuery(const std::string& query) {
  std::u32string folded;
  for (char32_t c : foldString(query)) {
    if (c == U' ' || c == U'-' || c == U'_' || c == U'\'' || isSpaceChar(c)) continue;
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    folded.push_back(c);
  }
  return folded;
}

bool nameMatchesQuery(const std::string& name, const std::u32string& foldedQuery) {
  if (foldedQuery.empty()) return false;
  return foldQuery(name).find(foldedQuery) != std::u32string::npos;
}

}  // namespace atlas
