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
  SentenceEvents events;  // scratch, reused sentence to sentence

  // The date expression that applies to a name at folded position `at`: the nearest one in the
  // same clause (clauses end at "،" "؛" "," ";"), else the nearest in the sentence.
  const DateExpression* dateFor(const std::vector<DateExpression>& exprs, uint32_t at) const {
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
  std::shared_ptr<const std::string> ruleText(const std::string& text,
                                              const DateExpression& e) const {
    const uint32_t a = folded.originalStart(tokens[e.tokenFrom].from);
    const uint32_t b = folded.originalEnd(tokens[e.tokenTo - 1].to);
    std::string rule = text.substr(a, b - a);
    rule += " → ";
    rule += e.resolution;
    return std::make_shared<const std::string>(std::move(rule));
  }

  void run(const Article& article, int doc, std::vector<Mention>& out, int& sentenceCount) {
    splitter.split(article.text, sentences);
    sentenceCount = static_cast<int>(sentences.size());
    // The date the narrative has set: the last expression of an earlier sentence of the same
    // paragraph (future ones do not move the story).
    std::optional<DateExpression> narrative;
    std::shared_ptr<const std::string> narrativeRule;
    static const auto publicationRule = std::make_shared<const std::string>("publication date");
    std::vector<std::shared_ptr<const std::string>> exprRules;  // parallel to exprs
    int narrativeParagraph = -1;
    std::vector<DateExpression> exprs;
    for (int s = 0; s < sentenceCount; ++s) {
      const SentenceSpan& span = sentences[s];
      foldRange(article.text, span.start, span.end, folded);
      if (span.paragraph != narrativeParagraph) {
        narrative.reset();
        narrativeParagraph = span.paragraph;
      }
      exprs.clear();
      tokenize(folded.chars, tokens);
      if (annotate) classifyTokens(folded.chars, tokens);
      if (annotate && article.published)
        exprs = findDateExpressions(folded.chars, tokens, *article.published);
      exprRules.assign(exprs.size(), nullptr);
      matcher.match(folded, tokens, matches);
      events.keywords.clear();
      events.actors.clear();
      events.frontWords.clear();
      events.clauseBreaks.clear();
      events.fatalities.reset();
      if (!matches.empty() && annotate) analyseSentence(folded.chars, tokens, events);
      long previousClaim = -1;
      for (PlaceMatch& m : matches) {
        Mention mention;
        mention.doc = doc;
        mention.sentence = s;
        mention.paragraph = span.paragraph;
        mention.start = folded.originalStart(m.from);
        mention.end = folded.originalEnd(m.to);
        // Marks after the last letter belong to it; trailing spaces never do.
        while (mention.end > mention.start &&
               (article.text[mention.end - 1] == ' ' || article.text[mention.end - 1] == '\n'))
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
        if (const DateExpression* e = dateFor(exprs, m.from)) {
          mention.date = e->date;
          mention.dateEnd = e->end;
          mention.datePrecision = e->precision;
          auto& rule = exprRules[e - exprs.data()];
          if (!rule) rule = ruleText(article.text, *e);
          mention.dateRule = rule;
        } else if (narrative) {
          mention.date = narrative->date;
          mention.dateEnd = narrative->end;
          mention.datePrecision = narrative->precision;
          mention.dateRule = narrativeRule;
        } else if (article.published) {
          mention.date = article.published;
          mention.datePrecision = DatePrecision::Publication;
          mention.dateRule = publicationRule;
        }
        // The token the name starts in (its clitics included).
        const size_t first = static_cast<size_t>(
            std::upper_bound(tokens.begin(), tokens.end(), m.from,
                             [](uint32_t at, const Token& t) { return at < t.from; }) -
            tokens.begin() - 1);
        const MentionEvent ev = eventForMention(folded.chars, tokens, events, first, previousClaim);
        mention.event = ev.type;
        mention.actors = ev.actors;
        mention.fatalities = ev.fatalities;
        mention.frontline = ev.frontline;
        const PlaceKind kind =
            mention.place >= 0 ? gazetteer.places[mention.place].kind : PlaceKind::City;
        if (ev.claim && (kind == PlaceKind::Neighbourhood || kind == PlaceKind::Site ||
                         kind == PlaceKind::Town)) {
          // Taking a building of a site is taking the site; part of a neighbourhood or town
          // makes it contested.
          mention.partialClaim = ev.partial && kind != PlaceKind::Site;
          mention.claim = mention.partialClaim ? Side::Contested : *ev.taker;
          previousClaim = static_cast<long>(first);
        }
        out.push_back(std::move(mention));
      }
      for (const DateExpression& e : exprs)
        if (!e.future) {
          narrative = e;
          narrativeRule = std::make_shared<const std::string>("set earlier in the paragraph: " +
                                                              *ruleText(article.text, e));
        }
    }
  }
};

}  // namespace

ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads,
                                 bool annotate) {
  const int n = static_cast<int>(corpus.articles.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min(threads, n));
  ExtractionResult result;
  result.sentenceCount.assign(n, 0);
  std::vector<std::vector<Mention>> perThread(threads);
  std::atomic<int> nextDoc{0};
  auto work = [&](int t) {
    Worker worker(gazetteer);
    worker.annotate = annotate;
    for (int doc = nextDoc++; doc < n; doc = nextDoc++)
      worker.run(corpus.articles[doc], doc, perThread[t], result.sentenceCount[doc]);
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  size_t total = 0;
  for (const auto& v : perThread) total += v.size();
  result.mentions.reserve(total);
  for (auto& v : perThread) std::move(v.begin(), v.end(), std::back_inserter(result.mentions));
  std::sort(result.mentions.begin(), result.mentions.end(), [](const Mention& a, const Mention& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.start < b.start;
  });
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
