#include "core/control_builder.h"

#include <algorithm>
#include <cstdint>

#include "core/claims.h"

namespace atlas {

namespace {

void addSnapshots(const Gazetteer& gazetteer, const std::vector<ControlSnapshot>& snapshots,
                  ControlTimeline& t) {
  for (const ControlSnapshot& s : snapshots)
    if (gazetteer.find(s.place))
      t.addClaim({s.place,
                  s.date,
                  s.side,
                  "reference",
                  std::nullopt,
                  {kReferenceDoc, -1, s.source, {}, {}}});
}

}  // namespace

namespace {

struct ClaimRef {
  uint32_t mention;
  int32_t place, day;
};

}  // namespace

// Claims are many (580,000 at 100,000 articles) and fall on few place-days: each place-day's
// list is made once at its final size, then the claims are added in mention order, each to its
// list through a table, without a map lookup each.
ControlTimeline buildControlTimeline(const Gazetteer& gazetteer,
                                     const std::vector<ControlSnapshot>& snapshots,
                                     const Corpus& corpus, const ExtractionResult& extraction) {
  ControlTimeline t;
  addSnapshots(gazetteer, snapshots, t);
  const std::vector<Mention>& mentions = extraction.mentions;
  std::vector<ClaimRef> claims;
  int firstDay = 0, lastDay = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (!m.claim || m.place < 0 || !m.date) continue;
    const int day = m.date->toDays();
    if (claims.empty() || day < firstDay) firstDay = day;
    if (claims.empty() || day > lastDay) lastDay = day;
    claims.push_back({static_cast<uint32_t>(i), m.place, day});
  }
  auto claimOf = [&](const ClaimRef& c) {
    const Mention& m = mentions[c.mention];
    const Article& a = corpus.articles[m.doc];
    const std::string_view text = a.text;  // views into the article: nothing is copied
    Evidence e{a.id, m.sentence, text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart),
               a.outlet,
               m.saidByEnd > m.saidByStart ? text.substr(m.saidByStart, m.saidByEnd - m.saidByStart)
                                           : std::string_view()};
    return ControlClaim{gazetteer.places[m.place].id, *m.date,     *m.claim,
                        claimKindName(m.claimKind),   m.claimSide, std::move(e)};
  };
  const uint64_t days = claims.empty() ? 0 : static_cast<uint64_t>(lastDay - firstDay) + 1;
  const uint64_t cells = days * gazetteer.places.size();
  if (cells > (uint64_t{1} << 24)) {  // dates centuries apart: no table of every day
    for (const ClaimRef& c : claims) t.addClaim(claimOf(c));
    return t;
  }
  auto cellOf = [&](const ClaimRef& c) {
    return static_cast<size_t>(c.place) * days + static_cast<size_t>(c.day - firstDay);
  };
  std::vector<uint32_t> count(cells, 0);
  for (const ClaimRef& c : claims) ++count[cellOf(c)];
  std::vector<std::vector<ControlClaim>*> list(cells, nullptr);
  for (size_t cell = 0; cell < cells; ++cell) {
    if (!count[cell]) continue;
    const Place& place = gazetteer.places[cell / days];
    std::vector<ControlClaim>& l =
        t.claimsOn(place.id, Date::fromDays(firstDay + static_cast<int>(cell % days)));
    l.reserve(l.size() + count[cell]);
    list[cell] = &l;
  }
  for (const ClaimRef& c : claims) list[cellOf(c)]->push_back(claimOf(c));
  return t;
}

ControlTimeline buildReferenceTimeline(const Gazetteer& gazetteer,
                                       const std::vector<ControlSnapshot>& snapshots,
                                       const std::vector<ReferenceChange>& history) {
  ControlTimeline t;
  addSnapshots(gazetteer, snapshots, t);
  for (const ReferenceChange& r : history)
    if (gazetteer.find(r.place))
      t.addClaim({r.place,
                  r.date,
                  r.side,
                  "reference",
                  std::nullopt,
                  {kReferenceDoc, -1, r.source, {}, r.note}});
  return t;
}

}  // namespace atlas
