#include "core/control.h"

#include <iterator>
#include <set>

namespace atlas {

const char* sideName(Side side) {
  switch (side) {
    case Side::Government:
      return "government";
    case Side::Opposition:
      return "opposition";
    case Side::Kurdish:
      return "kurdish";
    case Side::Contested:
      return "contested";
    case Side::Unknown:
      break;
  }
  return "unknown";
}

std::optional<Side> parseSide(const std::string& name) {
  for (Side s : {Side::Unknown, Side::Government, Side::Opposition, Side::Kurdish, Side::Contested})
    if (name == sideName(s)) return s;
  return std::nullopt;
}

void ControlTimeline::setBaseline(const std::string& place, Side side) { baseline_[place] = side; }

void ControlTimeline::addClaim(ControlClaim claim) {
  const Date date = claim.date;
  claims_[claim.place][date].push_back(std::move(claim));
}

ControlState ControlTimeline::at(const std::string& place, const Date& day) const {
  ControlState state;
  if (auto b = baseline_.find(place); b != baseline_.end()) state.side = b->second;
  auto byPlace = claims_.find(place);
  if (byPlace == claims_.end()) return state;
  // The last day with claims on or before `day`.
  auto it = byPlace->second.upper_bound(day);
  if (it == byPlace->second.begin()) return state;
  --it;
  const std::vector<ControlClaim>& claims = it->second;
  std::set<Side> sides;
  for (const ControlClaim& c : claims) sides.insert(c.side);
  state.side = sides.size() == 1 ? *sides.begin() : Side::Contested;
  state.since = it->first;
  state.decidedBy = claims;
  // A repeated claim of the same side does not move "since" forward: walk back over days that
  // agree with this one, so "held since" is the first day of an unbroken run.
  while (state.side != Side::Contested && it != byPlace->second.begin()) {
    auto prev = std::prev(it);
    std::set<Side> prevSides;
    for (const ControlClaim& c : prev->second) prevSides.insert(c.side);
    if (prevSides.size() != 1 || *prevSides.begin() != state.side) break;
    state.since = prev->first;
    it = prev;
  }
  return state;
}

Side ControlTimeline::sideAt(const std::string& place, const Date& day) const {
  if (auto byPlace = claims_.find(place); byPlace != claims_.end()) {
    auto it = byPlace->second.upper_bound(day);
    if (it != byPlace->second.begin()) {
      const std::vector<ControlClaim>& claims = std::prev(it)->second;
      for (const ControlClaim& c : claims)
        if (c.side != claims.front().side) return Side::Contested;
      return claims.front().side;
    }
  }
  auto b = baseline_.find(place);
  return b == baseline_.end() ? Side::Unknown : b->second;
}

std::vector<std::string> ControlTimeline::places() const {
  std::set<std::string> all;
  for (const auto& [p, _] : baseline_) all.insert(p);
  for (const auto& [p, _] : claims_) all.insert(p);
  return {all.begin(), all.end()};
}

}  // namespace atlas
