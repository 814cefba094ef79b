#include "core/control_builder.h"

namespace atlas {

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer,
                                     const std::vector<ControlSnapshot>& snapshots,
                                     const Corpus& corpus, const ExtractionResult& extraction) {
  ControlTimeline t;
  for (const ControlSnapshot& s : snapshots)
    if (gazetteer.find(s.place))
      t.addClaim({s.place, s.date, s.side, {kReferenceDoc, -1, s.source}});
  for (const Mention& m : extraction.mentions) {
    if (!m.claim || m.place < 0 || !m.date) continue;
    const Article& a = corpus.articles[m.doc];
    t.addClaim(
        {gazetteer.places[m.place].id,
         *m.date,
         *m.claim,
         {a.id, m.sentence, a.text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart)}});
  }
  return t;
}

}  // namespace atlas
