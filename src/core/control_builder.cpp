#include "core/control_builder.h"

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

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer,
                                     const std::vector<ControlSnapshot>& snapshots,
                                     const Corpus& corpus, const ExtractionResult& extraction) {
  ControlTimeline t;
  addSnapshots(gazetteer, snapshots, t);
  for (const Mention& m : extraction.mentions) {
    if (!m.claim || m.place < 0 || !m.date) continue;
    const Article& a = corpus.articles[m.doc];
    const std::string_view text = a.text;  // views into the article: nothing is copied
    Evidence e{a.id, m.sentence, text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart),
               a.outlet,
               m.saidByEnd > m.saidByStart ? text.substr(m.saidByStart, m.saidByEnd - m.saidByStart)
                                           : std::string_view()};
    t.addClaim({gazetteer.places[m.place].id, *m.date, *m.claim, claimKindName(m.claimKind),
                m.claimSide, std::move(e)});
  }
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
