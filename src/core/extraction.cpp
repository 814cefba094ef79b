#include "core/extraction.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <tuple>

#include "core/arabic_fold.h"
#include "core/place_matcher.h"
#include "core/sentences.h"
#include "core/tokens.h"

namespace atlas {

namespace {

// The date the narrative has set: the last expression of an earlier sentence of the same
// paragraph (future ones do not move the story). Its rule text is built only when a mention
// takes the date from it: many such dates date nothing.
struct NarrativeDate {
  int paragraph = -1;
  bool set = false;
  Date date;
  std::optional<Date> end;
  DatePrecision precision = DatePrecision::Unknown;
  uint32_t textStart = 0, textEnd = 0;  // the expression's bytes in the article
  std::string resolution;
  std::shared_ptr<const std::string> rule;  // built on first use

  const std::shared_ptr<const std::string>& ruleText(const std::string& text) {
    if (!rule) {
      std::string r = "set earlier in the paragraph: ";
      r.append(text, textStart, textEnd - textStart);
      r += " → ";
      r += resolution;
      rule = std::make_shared<const std::string>(std::move(r));
    }
    return rule;
  }
};

// Where one article's mentions are, in the vector of the thread that read it.
struct ArticleMentions {
  int thread = 0;
  size_t begin = 0, end = 0;
};

// Everything one worker thread reuses from article to article.
struct Worker {
  explicit Worker(const Gazetteer& g) : gazetteer(g), matcher(g) {}
  const Gazetteer& gazetteer;
  bool annotate = true;
  PlaceMatcher matcher;
  SentenceSplitter splitter;
  FoldedText folded;
  std::vector<SentenceSpan> sentences;
  std::vector<PlaceMatch> matches;
  std::vector<Token> tokens;
  std::vector<DateExpression> exprs;
  std::vector<std::shared_ptr<const std::string>> exprRules;  // parallel to exprs, built on use
  NarrativeDate narrative;
  SentenceEvents events;  // scratch, reused sentence to sentence

  void run(const Article& article, int doc, std::vector<Mention>& out, int& sentenceCount) {
    const size_t first = out.size();
    bool anyUnconfirmed = false;
    splitter.split(article.text, sentences);
    sentenceCount = static_cast<int>(sentences.size());
    narrative = NarrativeDate{};
    for (int s = 0; s < sentenceCount; ++s) {
      const SentenceSpan& span = sentences[s];
      foldRange(article.text, span.start, span.end, folded);
      tokenize(folded.chars, tokens);
      matcher.match(folded, tokens, matches, /*keepUnconfirmed=*/true);
      if (span.paragraph != narrative.paragraph) {
        narrative = NarrativeDate{};
        narrative.paragraph = span.paragraph;
      }
      if (annotate) analyse(article, !matches.empty());
      long previousClaim = -1;
      for (PlaceMatch& m : matches) {
        Mention& mention = out.emplace_back();
        mention.contextFromArticle = m.unconfirmed;  // until the article confirms it, or not
        anyUnconfirmed |= m.unconfirmed;
        place(article.text, doc, s, span, m, mention);
        if (annotate) {
          date(article, m.from, mention);
          event(m.from, mention, previousClaim);
        }
      }
      if (annotate) advanceNarrative();
    }
    if (anyUnconfirmed) keepConfirmed(out, first);
  }

 private:
  // Names that needed context and had none stay only if the article names the same place with
  // context (or freely) somewhere else.
  static void keepConfirmed(std::vector<Mention>& out, size_t first) {
    std::vector<int> confirmed;
    for (size_t i = first; i < out.size(); ++i)
      if (!out[i].contextFromArticle && out[i].place >= 0) confirmed.push_back(out[i].place);
    std::sort(confirmed.begin(), confirmed.end());
    auto keep = out.begin() + static_cast<long>(first);
    for (auto it = keep; it != out.end(); ++it)
      if (!it->contextFromArticle ||
          std::binary_search(confirmed.begin(), confirmed.end(), it->place)) {
        if (keep != it) *keep = std::move(*it);  // (a self-move would empty the vectors)
        ++keep;
      }
    out.erase(keep, out.end());
  }

  // Dates and events of the sentence just tokenized; events only when a place is named in it.
  void analyse(const Article& article, bool namesPlaces) {
    classifyTokens(folded.chars, tokens);
    exprs.clear();
    if (article.published) findDateExpressions(folded.chars, tokens, *article.published, exprs);
    exprRules.assign(exprs.size(), nullptr);
    if (namesPlaces) analyseSentence(folded.chars, tokens, events);
  }

  // Where the name is and which places it may be.
  void place(const std::string& text, int doc, int s, const SentenceSpan& span, PlaceMatch& m,
             Mention& mention) const {
    mention.doc = doc;
    mention.sentence = s;
    mention.paragraph = span.paragraph;
    mention.start = folded.originalStart(m.from);
    mention.end = folded.originalEnd(m.to);
    // Marks after the last letter belong to it; trailing spaces never do.
    while (mention.end > mention.start &&
           (text[mention.end - 1] == ' ' || text[mention.end - 1] == '\n'))
      --mention.end;
    mention.sentenceStart = span.start;
    mention.sentenceEnd = span.end;
    mention.ambiguous = m.ambiguous;
    mention.runTogether = m.runTogether;
    mention.candidates = std::move(m.candidates);
    mention.place = mention.ambiguous ? -1 : mention.candidates.front();
    if (m.headFrom >= 0) {
      mention.headStart = folded.originalStart(m.headFrom);
      mention.headEnd = folded.originalEnd(m.headTo);
    }
  }

  // When: the sentence's own expression for the name at folded position `at`, else the
  // narrative's, else the publication date.
  void date(const Article& article, uint32_t at, Mention& mention) {
    static const auto publicationRule = std::make_shared<const std::string>("publication date");
    if (const DateExpression* e = dateFor(at)) {
      mention.date = e->date;
      mention.dateEnd = e->end;
      mention.datePrecision = e->precision;
      auto& rule = exprRules[e - exprs.data()];
      if (!rule) rule = std::make_shared<const std::string>(ruleText(article.text, *e));
      mention.dateRule = rule;
    } else if (narrative.set) {
      mention.date = narrative.date;
      mention.dateEnd = narrative.end;
      mention.datePrecision = narrative.precision;
      mention.dateRule = narrative.ruleText(article.text);
    } else if (article.published) {
      mention.date = article.published;
      mention.datePrecision = DatePrecision::Publication;
      mention.dateRule = publicationRule;
    }
  }

  // What happened at the name at folded position `at`, and who holds the place after it.
  // `previousClaim` is the token of the sentence's last name that got a claim (see
  // eventForMention).
  void event(uint32_t at, Mention& mention, long& previousClaim) const {
    // The token the name starts in (its clitics included).
    const size_t first = static_cast<size_t>(
        std::upper_bound(tokens.begin(), tokens.end(), at,
                         [](uint32_t pos, const Token& t) { return pos < t.from; }) -
        tokens.begin() - 1);
    const MentionEvent ev = eventForMention(folded.chars, tokens, events, first, previousClaim);
    mention.event = ev.type;
    mention.actors = ev.actors;
    mention.fatalities = ev.fatalities;
    mention.frontline = ev.frontline;
    const PlaceKind kind =
        mention.place >= 0 ? gazetteer.places[mention.place].kind : PlaceKind::City;
    if (ev.claim &&
        (kind == PlaceKind::Neighbourhood || kind == PlaceKind::Site || kind == PlaceKind::Town)) {
      // Taking a building of a site is taking the site; part of a neighbourhood or town
      // makes it contested.
      mention.partialClaim = ev.partial && kind != PlaceKind::Site;
      mention.claim = mention.partialClaim ? Side::Contested : *ev.taker;
      previousClaim = static_cast<long>(first);
    }
  }

  // The sentence's last expression that is not about the future sets the narrative.
  void advanceNarrative() {
    for (auto e = exprs.rbegin(); e != exprs.rend(); ++e) {
      if (e->future) continue;
      narrative.set = true;
      narrative.date = e->date;
      narrative.end = e->end;
      narrative.precision = e->precision;
      narrative.textStart = folded.originalStart(tokens[e->tokenFrom].from);
      narrative.textEnd = folded.originalEnd(tokens[e->tokenTo - 1].to);
      narrative.resolution = std::move(e->resolution);
      narrative.rule.reset();
      return;
    }
  }

  // The date expression that applies to a name at folded position `at`: the nearest one in the
  // same clause (clauses end at "،" "؛" "," ";"), else the nearest in the sentence.
  const DateExpression* dateFor(uint32_t at) const {
    const DateExpression* best = nullptr;
    long bestScore = 0;
    for (const DateExpression& e : exprs) {
      // What will happen ("غداً", "ستبدأ ... الثلاثاء") does not date what a sentence reports.
      if (e.future) continue;
      const uint32_t from = tokens[e.tokenFrom].from, to = tokens[e.tokenTo - 1].to;
      const uint32_t lo = std::min(at, from), hi = std::max(at, to);
      bool sameClause = true;
      for (uint32_t k = lo; k < hi && sameClause; ++k) {
        const char32_t c = folded.chars[k];
        if (c == U'\u060C' || c == U'\u061B' || c == U',' || c == U';') sameClause = false;
      }
      const long distance = static_cast<long>(hi - lo);
      const long score = distance + (sameClause ? 0 : 1000000);
      if (!best || score < bestScore) {
        best = &e;
        bestScore = score;
      }
    }
    return best;
  }

  // "فجر أمس → 2016-12-05 (publication - 1 day, dawn)", with the words as the article has them.
  std::string ruleText(const std::string& text, const DateExpression& e) const {
    const uint32_t a = folded.originalStart(tokens[e.tokenFrom].from);
    const uint32_t b = folded.originalEnd(tokens[e.tokenTo - 1].to);
    std::string rule = text.substr(a, b - a);
    rule += " → ";
    rule += e.resolution;
    return rule;
  }
};

}  // namespace

ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads,
                                 bool annotate, std::atomic<int>* articlesDone) {
  const int n = static_cast<int>(corpus.articles.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min(threads, n));
  ExtractionResult result;
  result.sentenceCount.assign(n, 0);
  std::vector<std::vector<Mention>> perThread(threads);
  std::vector<ArticleMentions> where(n);  // each written by the one thread that reads it
  std::atomic<int> nextDoc{0};
  auto work = [&](int t) {
    Worker worker(gazetteer);
    worker.annotate = annotate;
    std::vector<Mention>& out = perThread[t];
    for (int doc = nextDoc++; doc < n; doc = nextDoc++) {
      const size_t begin = out.size();
      worker.run(corpus.articles[doc], doc, out, result.sentenceCount[doc]);
      where[doc] = {t, begin, out.size()};
      if (articlesDone) articlesDone->fetch_add(1, std::memory_order_relaxed);
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  // An article's mentions are already in text order: gathering the articles in order sorts
  // them all by (doc, start). One thread read them in order already: nothing to gather.
  if (threads == 1) {
    result.mentions = std::move(perThread[0]);
    return result;
  }
  size_t total = 0;
  for (const auto& v : perThread) total += v.size();
  result.mentions.reserve(total);
  for (const ArticleMentions& a : where) {
    auto& from = perThread[a.thread];
    std::move(from.begin() + static_cast<long>(a.begin), from.begin() + static_cast<long>(a.end),
              std::back_inserter(result.mentions));
  }
  return result;
}

}  // namespace atlas

namespace atlas {

std::vector<Event> aggregateEvents(const ExtractionResult& extraction) {
  std::map<std::tuple<int, int, int, uint32_t>, size_t> index;
  std::vector<Event> events;
  for (size_t i = 0; i < extraction.mentions.size(); ++i) {
    const Mention& m = extraction.mentions[i];
    if (m.place < 0 || !m.date) continue;
    const auto key =
        std::make_tuple(m.place, m.date->toDays(), static_cast<int>(m.event), m.actors);
    auto [it, inserted] = index.try_emplace(key, events.size());
    if (inserted) events.push_back({m.place, *m.date, m.event, m.actors, {}, false, {}});
    Event& e = events[it->second];
    e.mentions.push_back(static_cast<int>(i));
    if (m.fatalities) e.fatalities = std::max(e.fatalities.value_or(0), *m.fatalities);
    e.frontline = e.frontline || m.frontline;
  }
  return events;
}

}  // namespace atlas
