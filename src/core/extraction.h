// The extraction pipeline: articles → sentences → folded text → place mentions, with the exact
// byte span of every mention in the original article.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/candidate_places.h"
#include "core/corpus.h"
#include "core/date.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/gazetteer.h"

namespace atlas {

// Fields are grouped by size so that a mention takes as few bytes as it can: a big corpus has
// millions of them.
struct Mention {
  int doc = -1;                 // index into Corpus::articles
  int sentence = -1;            // 0-based sentence index within the article
  int paragraph = 0;            // 0-based paragraph of that sentence
  uint32_t start = 0, end = 0;  // byte offsets of the name in Article::text
  uint32_t sentenceStart = 0, sentenceEnd = 0;
  int place = -1;                       // index into Gazetteer::places; -1 if ambiguous
  uint32_t headStart = 0, headEnd = 0;  // the head word that gave context ("حي"), if any
  CandidatePlaces candidates;           // the places it may be (more than one if ambiguous)
  // When: the sentence's own date expression nearest the name (same clause first), else the one
  // the event an earlier sentence set (NarrativeDate in extraction.cpp), else the publication date.
  std::optional<Date> date;
  std::optional<Date> dateEnd;  // for spans ("منذ الخامس عشر من نوفمبر")
  // The expression and how it resolved; shared by the mentions it dates (built once).
  std::shared_ptr<const std::string> dateRule;
  // Killed, as the sentence counts them; 32 bits (8 bytes fewer per mention), a figure beyond
  // them is read as the largest they hold.
  std::optional<int32_t> fatalities;
  uint32_t actors = 0;  // every side the sentence names
  uint32_t actor1 = 0;  // the side that did it (one Actor bit), 0 when not said
  // The speaker a claim is attributed to (byte range in Article::text; empty: the outlet's own
  // voice).
  uint32_t saidByStart = 0, saidByEnd = 0;
  DatePrecision datePrecision = DatePrecision::Unknown;
  // What the sentence says happened there (see events.h).
  EventType event = EventType::Other;
  // What the sentence claims about who controls the place (see claims.h): the kind, the side
  // that acted, and who holds the place from `date` on (Contested: a front through it).
  ClaimKind claimKind = ClaimKind::None;
  std::optional<Side> claimSide;
  std::optional<Side> claim;
  bool ambiguous = false;
  // A name two places share, read as the one nearer the other places the article names.
  bool resolvedByNeighbours = false;
  bool runTogether = false;
  // A name that needs context and had none in its sentence, counted because the article names
  // the same place with context elsewhere (one sense per article: "حي الفرافرة ... الفرافرة").
  bool contextFromArticle = false;
  bool frontline = false;
};

struct ExtractionResult {
  std::vector<Mention> mentions;   // ordered by (doc, start)
  std::vector<int> sentenceCount;  // per article
};

// Makes mentions whose date rules read the same share one string (articles of a day give the
// same rules over and over; a big corpus would hold each copy).
void shareDateRules(ExtractionResult& extraction);

// The pipeline for one article at a time, for callers that stream articles (extract reads a
// corpus of any size this way) or share work out themselves. Reuses its buffers from article to
// article: one per thread.
class ArticleExtractor {
 public:
  explicit ArticleExtractor(const Gazetteer& gazetteer, bool annotate = true);
  ~ArticleExtractor();
  ArticleExtractor(const ArticleExtractor&) = delete;
  ArticleExtractor& operator=(const ArticleExtractor&) = delete;
  // Appends the article's mentions to `out` in text order (Mention::doc = `doc`) and returns its
  // number of sentences.
  int run(const Article& article, int doc, std::vector<Mention>& out);

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

// Runs the pipeline over all articles with `threads` worker threads (0: one per core).
// `annotate` = false finds the places only (no dates, events or claims): for measuring what the
// annotation costs. `articlesDone`, if given, counts the articles finished (a progress bar).
// `cancel`, if given and set, stops the work at the next article (the result is then partial).
ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads = 0,
                                 bool annotate = true, std::atomic<int>* articlesDone = nullptr,
                                 const std::atomic<bool>* cancel = nullptr);

}  // namespace atlas

namespace atlas {

// Mentions of the same place, day, event type and actors, across articles, are one event with
// all its sources (the rule analysts know from ACLED and UCDP).
struct Event {
  int place = -1;
  Date date;
  EventType type = EventType::Other;
  uint32_t actors = 0;
  std::optional<long> fatalities;  // the largest figure any source gives
  bool frontline = false;
  std::vector<int> mentions;  // indices into ExtractionResult::mentions
};

std::vector<Event> aggregateEvents(const ExtractionResult& extraction);

}  // namespace atlas
