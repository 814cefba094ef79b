#include "core/control.h"

#include <algorithm>
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

using DayClaims = std::map<Date, std::vector<ControlClaim>>;

std::vector<ControlClaim>& ControlTimeline::claimsOn(std::string_view place, const Date& day) {
  auto byPlace = claims_.find(place);
  if (byPlace == claims_.end()) byPlace = claims_.emplace(std::string(place), DayClaims()).first;
  return byPlace->second[day];
}

void ControlTimeline::addClaim(ControlClaim claim) {
  const Date date = claim.date;
  claimsOn(claim.place, date).push_back(std::move(claim));
}

namespace {

bool isReference(const ControlClaim& c) { return c.kind == "reference"; }

// The holder the claims of one day name: the texts outrank reference rows of the same day; among
// several, the side most of them name (ties: the last one added).
Side holderOf(const std::vector<ControlClaim>& claims) {
  bool anyText = false;
  for (const ControlClaim& c : claims) anyText = anyText || !isReference(c);
  std::map<Side, int> votes;
  Side last = Side::Unknown;
  for (const ControlClaim& c : claims) {
    if (anyText && isReference(c)) continue;
    ++votes[c.side];
    last = c.side;
  }
  Side best = last;
  for (const auto& [side, n] : votes)
    if (n > votes[best]) best = side;
  return best;
}

bool opposed(Side a, Side b) {
  auto fighting = [](Side s) {
    return s == Side::Government || s == Side::Opposition || s == Side::Kurdish;
  };
  return fighting(a) && fighting(b) && a != b;
}

// Claims in the kDisputeDays before `last` (its day included) from texts that name a holder
// opposed to `side`.
template <typename F>
void forEachDisagreeing(const DayClaims& days, DayClaims::const_iterator last, Side side, F&& f) {
  const int lastDay = last->first.toDays();
  for (auto it = std::next(last); it != days.begin();) {
    --it;
    if (lastDay - it->first.toDays() > kDisputeDays) break;
    for (const ControlClaim& c : it->second)
      if (!isReference(c) && opposed(c.side, side)) f(c);
  }
}

}  // namespace

ControlSummary ControlTimeline::summaryAt(const std::string& place, const Date& day,
                                          int shelfLifeDays) const {
  ControlSummary out;
  auto byPlace = claims_.find(place);
  if (byPlace == claims_.end()) return out;
  auto it = byPlace->second.upper_bound(day);
  if (it == byPlace->second.begin()) return out;
  --it;
  out.side = holderOf(it->second);
  out.lastEvidenceDay = it->first.toDays();
  out.unconfirmed = day.toDays() - out.lastEvidenceDay > shelfLifeDays;
  forEachDisagreeing(byPlace->second, it, out.side,
                     [&](const ControlClaim&) { out.disputed = true; });
  return out;
}

ControlState ControlTimeline::at(const std::string& place, const Date& day,
                                 int shelfLifeDays) const {
  ControlState state;
  auto byPlace = claims_.find(place);
  if (byPlace == claims_.end()) return state;
  const DayClaims& days = byPlace->second;
  auto it = days.upper_bound(day);
  if (it == days.begin()) return state;
  --it;
  state.side = holderOf(it->second);
  state.lastEvidence = it->first;
  state.since = it->first;
  state.unconfirmed = day.toDays() - it->first.toDays() > shelfLifeDays;
  state.decidedBy = it->second;
  forEachDisagreeing(days, it, state.side, [&](const ControlClaim& c) {
    state.disputed = true;
    state.disputedBy.push_back(c);
  });
  // A repeated claim of the same side does not move "since" forward: walk back over days that
  // agree with this one, so "held since" is the first day of an unbroken run.
  while (state.side != Side::Contested && it != days.begin()) {
    auto prev = std::prev(it);
    if (holderOf(prev->second) != state.side) break;
    state.since = prev->first;
    it = prev;
  }
  return state;
}

Side ControlTimeline::sideAt(const std::string& place, const Date& day) const {
  return summaryAt(place, day).side;
}

std::vector<std::string> ControlTimeline::places() const {
  std::vector<std::string> all;
  for (const auto& [p, _] : claims_) all.push_back(p);
  return all;
}

std::vector<const ControlClaim*> ControlTimeline::claimsOf(const std::string& place) const {
  std::vector<const ControlClaim*> out;
  auto byPlace = claims_.find(place);
  if (byPlace == claims_.end()) return out;
  for (const auto& [day, claims] : byPlace->second)
    for (const ControlClaim& c : claims) out.push_back(&c);
  return out;
}

std::optional<Date> ControlTimeline::firstDay() const {
  std::optional<Date> first;
  for (const auto& [p, days] : claims_)
    if (!days.empty() && (!first || days.begin()->first < *first)) first = days.begin()->first;
  return first;
}

std::optional<Date> ControlTimeline::lastDay() const {
  std::optional<Date> last;
  for (const auto& [p, days] : claims_)
    if (!days.empty() && (!last || days.rbegin()->first > *last)) last = days.rbegin()->first;
  return last;
}

std::vector<Disagreement> findDisagreements(const ControlTimeline& evidence,
                                            const ControlTimeline& reference) {
  std::vector<Disagreement> out;
  constexpr int kNever = 1 << 20;  // the reference layer keeps its last row until the next
  // What the reference says around one day: every side it names within kDisputeDays, and the
  // side (and rows) of the day itself, else of the first day it knows. Many claims share a day:
  // worked out once per place and day.
  struct Window {
    bool known = false;
    uint32_t sides = 0;  // bit per Side
    Side side = Side::Unknown;
    int day = 0;
    std::optional<std::vector<ControlClaim>> rows;  // built on the first disagreement
  };
  for (const std::string& place : evidence.places()) {
    std::map<int, Window> windows;
    auto windowAt = [&](const Date& date) -> Window& {
      auto [it, added] = windows.try_emplace(date.toDays());
      Window& w = it->second;
      if (!added) return w;
      for (int d = -kDisputeDays; d <= kDisputeDays; ++d) {
        const int day = date.toDays() + d;
        const ControlSummary r = reference.summaryAt(place, Date::fromDays(day), kNever);
        if (r.side == Side::Unknown) continue;
        w.sides |= 1u << static_cast<int>(r.side);
        if (d == 0 || !w.known) {
          w.side = r.side;
          w.day = day;
        }
        w.known = true;
      }
      return w;
    };
    for (const ControlClaim* c : evidence.claimsOf(place)) {
      if (isReference(*c) ||
          !(c->side == Side::Government || c->side == Side::Opposition || c->side == Side::Kurdish))
        continue;
      // Agreement anywhere in the window counts: reports and the reference date a fall a day
      // or two apart.
      Window& w = windowAt(c->date);
      const bool agrees = w.sides >> static_cast<int>(c->side) & 1u;
      if (!w.known || agrees || w.side == Side::Contested) continue;
      if (!w.rows) w.rows = reference.at(place, Date::fromDays(w.day), kNever).decidedBy;
      out.push_back({place, c->date, *c, w.side, *w.rows});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Disagreement& a, const Disagreement& b) { return a.date < b.date; });
  return out;
}

}  // namespace atlas
