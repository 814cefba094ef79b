// The extraction pipeline: articles → sentences → folded text → place mentions, with the exact
// byte span of every mention in the original article.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/date.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/gazetteer.h"

namespace atlas {

struct Mention {
  int doc = -1;                 // index into Corpus::articles
  int sentence = -1;            // 0-based sentence index within the article
  int paragraph = 0;            // 0-based paragraph of that sentence
  uint32_t start = 0, end = 0;  // byte offsets of the name in Article::text
  uint32_t sentenceStart = 0, sentenceEnd = 0;
  int place = -1;               // index into Gazetteer::places; -1 if ambiguous
  std::vector<int> candidates;  // the places it may be (more than one if ambiguous)
  bool ambiguous = false;
  bool runTogether = false;
  uint32_t headStart = 0, headEnd = 0;  // the head word that gave context ("حي"), if any
  // A name that needs context and had none in its sentence, counted because the article names
  // the same place with context elsewhere (one sense per article: "حي الفرافرة ... الفرافرة").
  bool contextFromArticle = false;
  // When: the sentence's own date expression nearest the name (same clause first), else the one
  // the event an earlier sentence set (NarrativeDate in extraction.cpp), else the publication date.
  std::optional<Date> date;
  std::optional<Date> dateEnd;  // for spans ("منذ الخامس عشر من نوفمبر")
  DatePrecision datePrecision = DatePrecision::Unknown;
  // The expression and how it resolved; shared by the mentions it dates (built once).
  std::shared_ptr<const std::string> dateRule;
  // What the sentence says happened there (see events.h).
  EventType event = EventType::Other;
  uint32_t actors = 0;  // every side the sentence names
  uint32_t actor1 = 0;  // the side that did it (one Actor bit), 0 when not said
  std::optional<long> fatalities;
  bool frontline = false;
  // What the sentence claims about who controls the place (see claims.h): the kind, the side
  // that acted, who holds the place from `date` on (Contested: a front through it), and the
  // speaker it is attributed to (byte range in Article::text; empty: the outlet's own voice).
  ClaimKind claimKind = ClaimKind::None;
  std::optional<Side> claimSide;
  std::optional<Side> claim;
  uint32_t saidByStart = 0, saidByEnd = 0;
};

struct ExtractionResult {
  std::vector<Mention> mentions;   // ordered by (doc, start)
  std::vector<int> sentenceCount;  // per article
};

// Runs the pipeline over all articles with `threads` worker threads (0: one per core).
// `annotate` = false finds the places only (no dates, events or claims): for measuring what the
// annotation costs. `articlesDone`, if given, counts the articles finished (a progress bar).
ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads = 0,
                                 bool annotate = true, std::atomic<int>* articlesDone = nullptr);

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
