#include "core/extraction.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "core/arabic_fold.h"
#include "core/place_matcher.h"
#include "core/sentences.h"
#include "core/tokens.h"

namespace atlas {

namespace {

// Dating a mention. It takes (1) its sentence's own time expression, the nearest in the same
// clause (Worker::dateFor; a clause about the future gives the publication date); else (2) the date
// of the event its sentence goes on with, the narrative date; else (3) the publication date. The
// narrative date is the day the last earlier sentence that gave one set, and it reaches a sentence
// only while the text stays on that event:
//  - only a day sets it (a day or a part of a day, not a week, month or span, nothing about the
//    future), and only within its paragraph (settingExpression);
//  - it goes on for a few sentences only: a paragraph of up to 4 sentences tells one story and the
//    date may reach all of it; a longer one, like a one-line article, strings reports together
//    and the date reaches at most the 2 sentences after the one that set it (carryLimit);
//  - a sentence with a time expression of its own, even about the future, ends it (hasOwnTime);
//  - a sentence that opens another story ("وفي سياق آخر", "من جهة أخرى", "في غضون ذلك", "إلى
//    ذلك", "وفي ...", "كما", "على صعيد", "أما", "يذكر أن", ...) ends it (opensNewTopic, with the
//    words in date_resolver's sentenceLink);
//  - a sentence about other places ends it: it names neighbourhoods, sites or towns and none of
//    those the event's sentences named (namesOtherPlaces), unless it says it is the
//    same time ("في اليوم نفسه" anywhere, "في أعقاب ذلك" at its start). An event whose first
//    sentence named none of these is about the city or a region, and any place fits in it.
// Once ended it never comes back: later sentences take their own date or the publication date.
// So "الخميس الماضي" at the head of a one-line article cannot date an air strike ten sentences on.

constexpr int kShortParagraph = 4;      // sentences: up to this, a paragraph is one story
constexpr int kLongParagraphCarry = 2;  // sentences a date reaches beyond its own, in a long one

// How many sentences after its own a date may reach in a paragraph of `paragraphSentences`.
int carryLimit(int paragraphSentences) {
  return paragraphSentences <= kShortParagraph ? kShortParagraph - 1 : kLongParagraphCarry;
}

// The expression that sets the narrative date: the sentence's last day that is not about the
// future (what will happen does not move the story; a week, a month or a span is too vague to
// date the next sentence's events).
DateExpression* settingExpression(std::vector<DateExpression>& exprs) {
  for (auto e = exprs.rbegin(); e != exprs.rend(); ++e)
    if (!e->future &&
        (e->precision == DatePrecision::Day || e->precision == DatePrecision::PartOfDay))
      return &*e;
  return nullptr;
}

// A time expression of its own, whatever it is, starts a new reckoning.
bool hasOwnTime(const std::vector<DateExpression>& exprs) { return !exprs.empty(); }

bool opensNewTopic(SentenceLink link) { return link == SentenceLink::NewTopic; }

// The sentence names places (sorted ids of neighbourhoods, sites and towns) and none of those of
// the event (empty: the event's sentences named none, nothing to compare with).
bool namesOtherPlaces(const std::vector<int>& sentencePlaces, const std::vector<int>& eventPlaces,
                      SentenceLink link) {
  if (link == SentenceLink::SameTime || sentencePlaces.empty() || eventPlaces.empty()) return false;
  auto a = sentencePlaces.begin();
  auto b = eventPlaces.begin();
  while (a != sentencePlaces.end() && b != eventPlaces.end()) {
    if (*a == *b) return false;
    if (*a < *b)
      ++a;
    else
      ++b;
  }
  return true;
}

// Places that can be what a sentence is about: a city or a region is named by nearly every one.
bool isSubjectPlace(PlaceKind kind) {
  return kind == PlaceKind::Neighbourhood || kind == PlaceKind::Site || kind == PlaceKind::Town;
}

// The narrative date (see above). Its rule text is built only when a mention takes the date from
// it: many such dates date nothing.
struct NarrativeDate {
  int paragraph = -1;
  int paragraphSentences = 0;  // how many sentences the paragraph has
  bool set = false;
  int carried = 0;  // sentences it has reached after the one that set it
  Date date;
  std::optional<Date> end;
  DatePrecision precision = DatePrecision::Unknown;
  uint32_t textStart = 0, textEnd = 0;  // the expression's bytes in the article
  std::string resolution;
  std::shared_ptr<const std::string> rule;  // built on first use
  std::vector<int> places;                  // the event's places so far, sorted

  // Whether the date reaches the next sentence, which has these expressions, link and places.
  bool reaches(const std::vector<DateExpression>& exprs, SentenceLink link,
               const std::vector<int>& sentencePlaces) const {
    return set && carried < carryLimit(paragraphSentences) && !hasOwnTime(exprs) &&
           !opensNewTopic(link) && !namesOtherPlaces(sentencePlaces, places, link);
  }

  const std::shared_ptr<const std::string>& ruleText(const std::string& text) {
    if (!rule) {
      std::string r = "carried from an earlier sentence of the same event: ";
      r.append(text, textStart, textEnd - textStart);
      r += " → ";
      r += resolution;
      rule = std::make_shared<const std::string>(std::move(r));
    }
    return rule;
  }
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
  std::vector<int> sentencePlaces;    // the subject places of the sentence being read, sorted
  std::optional<bool> narrativeHere;  // whether the narrative date reaches it, once decided
  std::vector<uint32_t> starts;       // where names may start in the sentence (candidates)
  // Sentences of the paragraph that name no place, not read yet: only their dates matter, to
  // the narrative date of a later sentence (catchUp).
  std::vector<int> skipped;
  const Article* articleRead = nullptr;  // the article being read
  FoldedText skippedFolded;              // scratch for reading a skipped sentence
  std::vector<Token> skippedTokens;
  std::vector<DateExpression> skippedExprs;

  SentenceEvents events;  // scratch, reused sentence to sentence
  std::vector<SideMention> sides;
  std::vector<NameSpan> names;
  std::vector<PlaceClaim> claims;
  ClaimContext claimContext;
  uint32_t articleAirForce = 0;  // the air force the article last named (see airForceOf)
  int currentSentence = -1, lastSentenceAirStrike = -100;  // for continuesAirStrike
  int lastSkippedSentence = -1;  // the last sentence that names no place (sideOfSentenceBefore)
  bool previousWasAirStrike = false;

  void run(const Article& article, int doc, std::vector<Mention>& out, int& sentenceCount) {
    const size_t first = out.size();
    bool anyUnconfirmed = false;
    splitter.split(article.text, sentences);
    sentenceCount = static_cast<int>(sentences.size());
    claimContext = ClaimContext{};
    articleAirForce = 0;
    lastSentenceAirStrike = -100;
    currentSentence = -1;
    lastSkippedSentence = -1;
    claimContext.articleText = article.text;
    narrative = NarrativeDate{};
    skipped.clear();
    articleRead = &article;
    for (int s = 0; s < sentenceCount; ++s) {
      const SentenceSpan& span = sentences[s];
      foldRange(article.text, span.start, span.end, folded);
      // Where names may start: a sentence without any names no place, and is read further only
      // if a later sentence needs its dates (see catchUp).
      matcher.candidates(folded, starts);
      if (starts.empty()) {
        matches.clear();
        enterSentence(s);
        if (annotate && article.published) skipped.push_back(s);
        lastSkippedSentence = s;
        continue;
      }
      tokenize(folded.chars, tokens);
      matcher.match(folded, tokens, matches, /*keepUnconfirmed=*/true, &starts);
      enterSentence(s);
      if (annotate) analyse(article, !matches.empty(), s);
      for (size_t k = 0; k < matches.size(); ++k) {
        PlaceMatch& m = matches[k];
        Mention& mention = out.emplace_back();
        mention.contextFromArticle = m.unconfirmed;  // until the article confirms it, or not
        anyUnconfirmed |= m.unconfirmed;
        place(article.text, doc, s, span, m, mention);
        if (currentSentence != s) {
          previousWasAirStrike = lastSentenceAirStrike == s - 1;
          currentSentence = s;
        }
        if (annotate) {
          date(article, m.from, mention);
          event(k, mention);
          if (m.unconfirmed && confirmedBySentence(m, mention)) mention.contextFromArticle = false;
        }
      }
      if (annotate) {
        advanceNarrative(narrativeReachesSentence(), exprs, folded, tokens, sentencePlaces);
        skipped.clear();
      }
    }
    if (anyUnconfirmed) keepConfirmed(out, first, article.text);
    resolveByNeighbours(out, first);
    ownerOfSharedName(article.text, out, first);
  }

 private:
  // A name two places share ("السكن الشبابي": the north-western estate and the one in
  // al-Maasaraniyeh) is the place nearer the others the article names, when one is clearly
  // nearer (half the distance or less); otherwise it stays ambiguous. The usual toponym
  // resolution of geoparsers, with the article as the context.
  void resolveByNeighbours(std::vector<Mention>& out, size_t first) const {
    constexpr double kClearlyNearer = 0.5;
    auto usable = [&](int p) {
      const Place& place = gazetteer.places[static_cast<size_t>(p)];
      return place.hasPosition() && !place.isArea();
    };
    std::vector<int> others;
    for (size_t i = first; i < out.size(); ++i)
      if (!out[i].ambiguous && out[i].place >= 0 && usable(out[i].place))
        others.push_back(out[i].place);
    if (others.empty()) return;
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    // Squared distance on a local plane (degrees of longitude shortened at Aleppo's latitude):
    // only the order of distances matters here.
    auto distance2 = [&](int a, int b) {
      const Place& pa = gazetteer.places[static_cast<size_t>(a)];
      const Place& pb = gazetteer.places[static_cast<size_t>(b)];
      const double dy = *pa.lat - *pb.lat, dx = (*pa.lon - *pb.lon) * 0.807;
      return dx * dx + dy * dy;
    };
    for (size_t i = first; i < out.size(); ++i) {
      Mention& m = out[i];
      if (!m.ambiguous || m.candidates.size() < 2 ||
          !std::all_of(m.candidates.begin(), m.candidates.end(), usable))
        continue;
      int best = -1;
      double bestD = 0, secondD = 0;
      for (int c : m.candidates) {
        double d = std::numeric_limits<double>::max();  // to the nearest other place named
        for (int o : others)
          if (std::find(m.candidates.begin(), m.candidates.end(), o) == m.candidates.end())
            d = std::min(d, distance2(c, o));
        if (best < 0 || d < bestD) {
          secondD = best < 0 ? std::numeric_limits<double>::max() : bestD;
          best = c, bestD = d;
        } else if (d < secondD) {
          secondD = d;
        }
      }
      // (Squared distances: half the distance is a quarter of the square.)
      if (best >= 0 && bestD != std::numeric_limits<double>::max() &&
          bestD <= kClearlyNearer * kClearlyNearer * secondD) {
        m.place = best;
        m.ambiguous = false;
        m.resolvedByNeighbours = true;
      }
    }
  }

  // Otherwise a shared name is the place it is the proper name of, when exactly one candidate
  // has it as its own name ("السكن الشبابي": the north-western estate; the one in
  // al-Maasaraniyeh is "السكن الشبابي في المعصرانية").
  void ownerOfSharedName(const std::string& text, std::vector<Mention>& out, size_t first) const {
    for (size_t i = first; i < out.size(); ++i) {
      Mention& m = out[i];
      if (!m.ambiguous || m.candidates.size() < 2) continue;
      const std::u32string said =
          foldString(std::string_view(text).substr(m.start, m.end - m.start));
      int owner = -1, owners = 0;
      for (int c : m.candidates)
        if (foldString(gazetteer.places[static_cast<size_t>(c)].nameAr) == said)
          owner = c, ++owners;
      if (owners != 1) continue;
      m.place = owner;
      m.ambiguous = false;
    }
  }

  // Names that needed context and had none stay only if the article names the same place with
  // context (or freely) somewhere else, or, for a name of more words than one ("مبنى الضباط",
  // "منطقة الدباغات", "كتيبة الصواريخ"), a place within a kilometre of it: an article keeps to
  // one stretch of the front. (Not a one-word name: "تشرين", "الجوية", "مشهد" are words too.)
  void keepConfirmed(std::vector<Mention>& out, size_t first, const std::string& text) const {
    std::vector<int> confirmed;
    for (size_t i = first; i < out.size(); ++i)
      if (!out[i].contextFromArticle && out[i].place >= 0) confirmed.push_back(out[i].place);
    std::sort(confirmed.begin(), confirmed.end());
    const auto nearConfirmed = [&](const Mention& m) {
      if (m.place < 0 || std::string_view(text).substr(m.start, m.end - m.start).find(' ') ==
                             std::string_view::npos)
        return false;
      const Place& p = gazetteer.places[static_cast<size_t>(m.place)];
      if (!p.hasPosition()) return false;
      constexpr double kKm = 1.0, kKmPerDegreeLat = 111.0, kKmPerDegreeLon = 89.6;  // (at 36.2° N)
      for (int c : confirmed) {
        const Place& q = gazetteer.places[static_cast<size_t>(c)];
        if (!q.hasPosition() || q.isArea()) continue;
        const double dy = (*p.lat - *q.lat) * kKmPerDegreeLat,
                     dx = (*p.lon - *q.lon) * kKmPerDegreeLon;
        if (dx * dx + dy * dy <= kKm * kKm) return true;
      }
      return false;
    };
    auto keep = out.begin() + static_cast<long>(first);
    for (auto it = keep; it != out.end(); ++it)
      if (!it->contextFromArticle || getenv("KEEPALL") ||
          std::binary_search(confirmed.begin(), confirmed.end(), it->place) || nearConfirmed(*it)) {
        if (keep != it) *keep = std::move(*it);  // (a self-move would empty the vectors)
        ++keep;
      }
    out.erase(keep, out.end());
  }

  // A name that needs context, right after a locative preposition in a sentence about fighting or
  // strikes there ("قصف جوي على الأنصاري", "اشتباكات عنيفة على المشرفة", "توغلت في الفرافرة"):
  // the sentence gives the context. Not the governorate ("في محافظة حلب", "في المحافظة"), nor
  // a town abroad that names a road ("مراسل الجزيرة في غازي عنتاب").
  bool confirmedBySentence(const PlaceMatch& m, const Mention& mention) const {
    if (!m.afterLocative) return false;
    switch (mention.event) {
      case EventType::Clashes:
      case EventType::TerritoryTaken:
      case EventType::AttackRepelled:
      case EventType::AirStrike:
      case EventType::Shelling:
        break;
      default:
        return false;
    }
    static const std::u32string notHere[] = {foldString("محافظة"), foldString("المحافظة"),
                                             foldString("غازي عنتاب")};
    const std::u32string_view name(folded.chars.data() + m.from, m.to - m.from);
    return std::find(std::begin(notHere), std::end(notHere), name) == std::end(notHere);
  }

  // Dates and events of the sentence just tokenized; events only when a place is named in it.
  // "وشنت قوات النظام هجوماً عنيفاً فجراً. وتمت السيطرة على X": the sentence right before,
  // skipped because it names no place, may tell the side a taking here continues.
  void sideOfSentenceBefore(int s) {
    if (s == 0 || lastSkippedSentence != s - 1) return;
    const SentenceSpan& span = sentences[s - 1];
    foldRange(articleRead->text, span.start, span.end, skippedFolded);
    tokenize(skippedFolded.chars, skippedTokens);
    classifyTokens(skippedFolded.chars, skippedTokens);
    findSideMentions(skippedFolded.chars, skippedTokens, sides);
    noteActingSide(skippedFolded.chars, skippedTokens, sides, claimContext);
  }

  void analyse(const Article& article, bool namesPlaces, int sentenceIndex) {
    classifyTokens(folded.chars, tokens);
    exprs.clear();
    if (article.published) findDateExpressions(folded.chars, tokens, *article.published, exprs);
    exprRules.assign(exprs.size(), nullptr);
    if (!namesPlaces) return;
    sideOfSentenceBefore(sentenceIndex);
    analyseSentence(folded.chars, tokens, events);
    findSideMentions(folded.chars, tokens, sides);
    names.clear();
    for (const PlaceMatch& m : matches) {
      // (A name several places of one kind share is still a place of that kind: "السكن
      // الشبابي" is taken or held whichever estate it turns out to be.)
      const bool oneKind =
          !m.candidates.empty() &&
          std::all_of(m.candidates.begin(), m.candidates.end(), [&](int c) {
            return gazetteer.places[static_cast<size_t>(c)].kind ==
                   gazetteer.places[static_cast<size_t>(m.candidates.front())].kind;
          });
      const PlaceKind kind = m.ambiguous && !(oneKind && m.candidates.size() > 1)
                                 ? PlaceKind::City
                                 : gazetteer.places[m.candidates.front()].kind;
      NameSpan& n = names.emplace_back();
      n.first = tokenAt(m.from);
      n.last = tokenAt(m.to > m.from ? m.to - 1 : m.from);
      n.claimable =
          kind == PlaceKind::Neighbourhood || kind == PlaceKind::Site || kind == PlaceKind::Town;
      n.endpoint = !m.ambiguous && gazetteer.places[m.candidates.front()].isEndpoint();
      n.district = kind == PlaceKind::Neighbourhood;
      for (const DateExpression& e : exprs)
        if (n.first >= e.tokenFrom && n.last < e.tokenTo) n.inDate = true;
    }
    dropWordsInsideNames();
    findSyrianAircraft(folded.chars, tokens, events);
    findClaims(folded.chars, tokens, sides, names, claimContext, claims);
    dropFormerHolders();
  }

  // "سيطرتها على كلية المدفعية ... داخل سور كلية المدفعية الخاضعة لسيطرة قوات النظام": a place
  // the sentence says was taken, named again as held by another side, was held before the
  // taking; the sentence's statement about it is the taking.
  void dropFormerHolders() {
    for (size_t k = 0; k < claims.size(); ++k) {
      if (claims[k].kind != ClaimKind::Held || matches[k].ambiguous) continue;
      for (size_t j = 0; j < claims.size(); ++j)
        if (j != k && claims[j].kind == ClaimKind::Captured && !matches[j].ambiguous &&
            matches[j].candidates.front() == matches[k].candidates.front() && claims[j].actor &&
            claims[j].actor != claims[k].holder) {
          claims[k] = PlaceClaim{};
          break;
        }
    }
  }

  // Words of a place's own name say nothing about events or sides: "كلية المدفعية" is no
  // shelling, "المدرسة الفنية الجوية" no air strike, "ضاحية الأسد" no government.
  void dropWordsInsideNames() {
    // (Only names that count without more context, or of more words than one: "المدفعية"
    // alone may be a word, "كتيبة الصواريخ" is a name.)
    auto inName = [&](size_t t) {
      for (size_t k = 0; k < names.size(); ++k)
        if ((!matches[k].unconfirmed || names[k].last > names[k].first) && t >= names[k].first &&
            t <= names[k].last)
          return true;
      return false;
    };
    // ("استهدف الثوار مواقع قوات الأسد في الفنية الجوية": a targeting verb is an air strike
    // only for an aircraft word outside the names, not for "الجوية" of the college's.)
    auto airOutsideNames = [&](size_t t) {
      for (size_t b = t >= 5 ? t - 5 : 0; b < tokens.size() && b <= t + 5; ++b)
        if (b != t && isAircraftWord(tokenText(folded.chars, tokens[b])) && !inName(b)) return true;
      return false;
    };
    for (SentenceEvents::Keyword& k : events.keywords)
      if (k.airByNeighbour && k.shellingWord && !airOutsideNames(k.token))
        k.type = EventType::Shelling;
    std::erase_if(events.keywords, [&](const SentenceEvents::Keyword& k) {
      return inName(k.token) || (k.airByNeighbour && !k.shellingWord && !airOutsideNames(k.token));
    });
    std::erase_if(events.frontWords, [&](size_t t) { return inName(t); });
    std::erase_if(sides, [&](const SideMention& s) { return inName(s.token); });
  }

  // The token that holds folded position `at` (its clitics included).
  size_t tokenAt(uint32_t at) const {
    return static_cast<size_t>(
        std::upper_bound(tokens.begin(), tokens.end(), at,
                         [](uint32_t pos, const Token& t) { return pos < t.from; }) -
        tokens.begin() - 1);
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
  // narrative's if it reaches this sentence, else the publication date (see NarrativeDate).
  void date(const Article& article, uint32_t at, Mention& mention) {
    static const auto publicationRule = std::make_shared<const std::string>("publication date");
    const DateExpression* e = dateFor(at, article.published);
    if (e && !e->future) {
      mention.date = e->date;
      mention.dateEnd = e->end;
      mention.datePrecision = e->precision;
      auto& rule = exprRules[e - exprs.data()];
      if (!rule) rule = std::make_shared<const std::string>(ruleText(article.text, *e));
      mention.dateRule = rule;
    } else if (!e && narrativeReachesSentence()) {
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

  // What happened at the sentence's k-th name, and what the sentence claims about the place.
  // "شهدت الأحياء الشرقية قصفاً جوياً روسياً. واستهدف القصف حيي الأنصاري والزبدية": a bare
  // "القصف" (no gun, shell or rocket named, no side) goes on with the air strike of the sentence
  // before.
  bool continuesAirStrike(const MentionEvent& ev) const {
    if (!previousWasAirStrike) return false;
    if (ev.type != EventType::Shelling) return false;
    static const std::u32string bare[] = {foldString("القصف"), foldString("قصف")};
    auto clauseOf = [&](size_t t) {
      return std::upper_bound(events.clauseBreaks.begin(), events.clauseBreaks.end(), t) -
             events.clauseBreaks.begin();
    };
    for (const auto& k : events.keywords) {
      if (k.type != EventType::Shelling) continue;
      const std::u32string_view w = withoutConjunction(tokenText(folded.chars, tokens[k.token]));
      if (w != bare[0] && w != bare[1]) return false;
      // A side acting in the same clause fired it ("قصف قوات النظام").
      for (const SideMention& s : sides)
        if (!s.object && s.side != SideWord::Civilians && clauseOf(s.token) == clauseOf(k.token))
          return false;
    }
    return true;
  }

  // Whose aircraft, when the sentence does not say: the air force the article last named
  // ("طائرات روسية" in the lead, then "واستهدف القصف حيي الأنصاري والزبدية"). A sentence that
  // names one sets it for the sentences after it.
  uint32_t airForceOf(uint32_t sentenceActor) {
    // A side names the aircraft when it stands within four words of an air-strike word.
    bool russian = false, syrian = false;
    for (const SideMention& s : sides)
      for (const auto& k : events.keywords)
        if (k.type == EventType::AirStrike && s.token + 4 >= k.token && s.token <= k.token + 4) {
          russian = russian || s.side == SideWord::Russia;
          syrian = syrian || (s.side == SideWord::Government && !s.object);
        }
    for (const auto& k : events.keywords)
      if (k.type == EventType::AirStrike)
        for (size_t t : events.syrianAircraft)
          syrian = syrian || (t + 4 >= k.token && t <= k.token + 4);
    if (russian != syrian) {
      articleAirForce = russian ? kRussianAirForce : kGovernment;
      return sentenceActor;
    }
    // ("طائرات روسية وسورية" in the article's first air strike: both named, the first named is
    // the sentence's, and the article's until one is named alone.)
    if (russian && syrian && !articleAirForce &&
        (sentenceActor == kRussianAirForce || sentenceActor == kGovernment)) {
      articleAirForce = sentenceActor;
      return sentenceActor;
    }
    return !russian && articleAirForce ? articleAirForce : sentenceActor;
  }

  // The claim of the advance that reached the road, bridge or roundabout `k` names after
  // "وصولاً إلى" (the place before it, taken or fought over), else null.
  const PlaceClaim* reachedBy(size_t k) const {
    if (k == 0 || !names[k].endpoint) return nullptr;
    const PlaceClaim& before = claims[k - 1];
    if (before.kind != ClaimKind::Captured && before.kind != ClaimKind::Contested) return nullptr;
    static const std::u32string reaching = foldString("وصولا"), to = foldString("الى");
    size_t t = names[k].first;
    if (t > 0 && tokenText(folded.chars, tokens[t - 1]) == to) --t;
    return t > 0 && t < names[k].first && tokenText(folded.chars, tokens[t - 1]) == reaching
               ? &before
               : nullptr;
  }

  // "فر السكان إلى حي الشعار المجاور", "قرب حي الأشرفية القريب": a place called the neighbour of
  // where things happen, named to say where they are.
  bool nearbyReference(size_t k) const {
    static const WordTable<bool> nearby = [] {
      WordTable<bool> t;
      for (const char* w : {"المجاور", "المجاورة", "القريب", "القريبة", "المتاخم", "المتاخمة",
                            "المحاذي", "المحاذية", "الملاصق", "الملاصقة"})
        t.add(foldString(w), true);
      return t;
    }();
    const size_t after = names[k].last + 1;
    if (after >= tokens.size() || !nearby.contains(tokenText(folded.chars, tokens[after])))
      return false;
    // (Not "قصف على حي الحيدرية المجاور": the fire's own target.)
    const size_t first = names[k].first;
    return std::none_of(events.keywords.begin(), events.keywords.end(),
                        [&](const auto& kw) { return kw.token < first && kw.token + 4 >= first; });
  }

  // "سيطرت على كلية المدفعية في منطقة الراموسة": the place that locates the one before it, which
  // the sentence's claim is about; nothing is told of the place itself.
  bool locatesPrevious(size_t k) const {
    if (k == 0 || claims[k - 1].kind == ClaimKind::None) return false;
    static const std::u32string in = foldString("في");
    static const WordTable<bool> heads = [] {
      WordTable<bool> t;
      for (const char* w : {"حي", "منطقة", "بلدة", "قرية", "بحي", "بمنطقة", "ببلدة", "بقرية"})
        t.add(foldString(w), true);
      return t;
    }();
    size_t at = names[k].first;
    if (at > 0 && heads.contains(tokenText(folded.chars, tokens[at - 1]))) {
      --at;
      const std::u32string_view h = tokenText(folded.chars, tokens[at]);
      if (!h.empty() && h[0] == U'\u0628') return at > 0 && names[k - 1].last + 1 == at;
    }
    return at > 1 && tokenText(folded.chars, tokens[at - 1]) == in && names[k - 1].last + 2 == at;
  }

  void event(size_t k, Mention& mention) {
    const PlaceClaim& c = claims[k];
    MentionEvent ev = eventForMention(folded.chars, tokens, events, sides, names[k].first, c,
                                      claimContext, reachedBy(k));
    if (c.kind == ClaimKind::None && (nearbyReference(k) || locatesPrevious(k)))
      ev.type = EventType::Other;
    const EventType type = continuesAirStrike(ev) ? EventType::AirStrike : ev.type;
    mention.event = type;
    mention.actors = ev.actors;
    mention.actor1 = type == EventType::AirStrike ? airForceOf(ev.actor1) : ev.actor1;
    if (type == EventType::AirStrike) lastSentenceAirStrike = currentSentence;
    if (ev.fatalities)
      mention.fatalities =
          static_cast<int32_t>(std::min<long>(*ev.fatalities, std::numeric_limits<int32_t>::max()));
    mention.frontline = ev.frontline;
    // The city as a whole is no claim: "حلب" names where things happen, and who holds it is the
    // sum of its districts.
    if (c.kind == ClaimKind::None ||
        (mention.place >= 0 && gazetteer.places[mention.place].kind == PlaceKind::City))
      return;
    mention.claimKind = c.kind;
    mention.claimSide = c.actor;
    mention.claim = c.holder;
    if (c.saidByTo > c.saidByFrom) {
      mention.saidByStart = folded.originalStart(tokens[c.saidByFrom].from);
      mention.saidByEnd = folded.originalEnd(tokens[c.saidByTo - 1].to);
    }
  }

  // A sentence begins: a new paragraph begins with no date; note the places the sentence names
  // (before the mentions take their candidates).
  void enterSentence(int s) {
    const SentenceSpan& span = sentences[s];
    if (span.paragraph != narrative.paragraph) {
      narrative = NarrativeDate{};
      narrative.paragraph = span.paragraph;
      skipped.clear();
      int n = s;
      while (n < static_cast<int>(sentences.size()) && sentences[n].paragraph == span.paragraph)
        ++n;
      narrative.paragraphSentences = n - s;
    }
    narrativeHere.reset();
    sentencePlaces.clear();
    if (!annotate) return;
    for (const PlaceMatch& m : matches)
      for (int c : m.candidates)
        if (isSubjectPlace(gazetteer.places[c].kind)) sentencePlaces.push_back(c);
    std::sort(sentencePlaces.begin(), sentencePlaces.end());
    sentencePlaces.erase(std::unique(sentencePlaces.begin(), sentencePlaces.end()),
                         sentencePlaces.end());
  }

  // Whether the narrative date reaches the sentence being read (decided once per sentence, after
  // its expressions are found). Only a sentence with no time expression of its own that opens no
  // other story can go on with it: only then do the skipped sentences before it matter.
  bool narrativeReachesSentence() {
    if (!narrativeHere) {
      bool here = false;
      if (!hasOwnTime(exprs)) {
        const SentenceLink link = sentenceLink(folded.chars, tokens);
        if (!opensNewTopic(link)) {
          catchUp();
          here = narrative.set && narrative.reaches(exprs, link, sentencePlaces);
        }
      }
      narrativeHere = here;
    }
    return *narrativeHere;
  }

  // Reads the skipped sentences before this one, as far as the narrative date goes: their own
  // days set it, and their times and openings end it. (They name no place, so they add none to
  // the event.) A date reaches at most carryLimit sentences past the one that set it, so after
  // that many sentences the narrative is whatever they made of it, whatever came before them:
  // only the last ones are read.
  void catchUp() {
    if (skipped.empty()) return;
    const size_t window = static_cast<size_t>(carryLimit(narrative.paragraphSentences));
    size_t from = 0;
    if (skipped.size() > window) {
      from = skipped.size() - window;
      narrative.set = false;
    }
    static const std::vector<int> noPlaces;
    for (size_t k = from; k < skipped.size(); ++k) {
      const SentenceSpan& span = sentences[skipped[k]];
      foldRange(articleRead->text, span.start, span.end, skippedFolded);
      tokenize(skippedFolded.chars, skippedTokens);
      classifyTokens(skippedFolded.chars, skippedTokens);
      findDateExpressions(skippedFolded.chars, skippedTokens, *articleRead->published,
                          skippedExprs);
      const bool reached =
          narrative.set &&
          narrative.reaches(skippedExprs, sentenceLink(skippedFolded.chars, skippedTokens),
                            noPlaces);
      advanceNarrative(reached, skippedExprs, skippedFolded, skippedTokens, noPlaces);
    }
    skipped.clear();
  }

  // A sentence ends: its own day sets the narrative date; else the date goes on if it reached
  // this sentence (one sentence further, this sentence's places added to the event's); else it
  // ends.
  void advanceNarrative(bool reached, std::vector<DateExpression>& sentenceExprs,
                        const FoldedText& text, const std::vector<Token>& words,
                        const std::vector<int>& places) {
    if (DateExpression* e = settingExpression(sentenceExprs)) {
      narrative.set = true;
      narrative.carried = 0;
      narrative.date = e->date;
      narrative.end = e->end;
      narrative.precision = e->precision;
      narrative.textStart = text.originalStart(words[e->tokenFrom].from);
      narrative.textEnd = text.originalEnd(words[e->tokenTo - 1].to);
      narrative.resolution = std::move(e->resolution);
      narrative.rule.reset();
      narrative.places = places;
      return;
    }
    if (!reached) {
      narrative.set = false;
      return;
    }
    ++narrative.carried;
    // An event whose first sentence named no neighbourhood, site or town is about the city or a
    // region: any place fits in it, and it keeps no places to compare with.
    if (narrative.places.empty()) return;
    const size_t had = narrative.places.size();
    narrative.places.insert(narrative.places.end(), places.begin(), places.end());
    std::inplace_merge(narrative.places.begin(), narrative.places.begin() + static_cast<long>(had),
                       narrative.places.end());
    narrative.places.erase(std::unique(narrative.places.begin(), narrative.places.end()),
                           narrative.places.end());
  }

  // The date expression that applies to a name at folded position `at`: the nearest one in the
  // same clause (clauses end at "،" "؛" "," ";"), else the nearest in the sentence. What will
  // happen ("غداً", "ستبدأ ... الثلاثاء") does not date what a sentence reports: an expression
  // about the future counts only in the name's own clause, and then says the clause is about
  // the future (the caller gives the publication date).
  const DateExpression* dateFor(uint32_t at, const std::optional<Date>& published) const {
    const DateExpression* best = nullptr;
    long bestScore = 0;
    for (const DateExpression& e : exprs) {
      const uint32_t from = tokens[e.tokenFrom].from, to = tokens[e.tokenTo - 1].to;
      const uint32_t lo = std::min(at, from), hi = std::max(at, to);
      bool sameClause = true;
      for (uint32_t k = lo; k < hi && sameClause; ++k) {
        const char32_t c = folded.chars[k];
        if (c == U'\u060C' || c == U'\u061B' || c == U',' || c == U';') sameClause = false;
      }
      if (e.future && !sameClause) continue;
      // (A date half a year or more before publication in another clause is background: "التي
      // سيطرت على الحي في 21 تموز 2012" does not date "تمكنت من السيطرة على حي X".)
      if (!sameClause && published && e.date.toDays() < published->toDays() - 180) continue;
      // (A month alone in another clause tells when something else happened: "استعادت كافة
      // المناطق ... التي خسرتها في شهر آب الفائت، وهي X".)
      if (!sameClause && e.precision == DatePrecision::Month) continue;
      const long distance = static_cast<long>(hi - lo);
      // (A month alone after the name, "على مواقع كان قد خسرها خلال شهر آب", yields to a day
      // told anywhere else in the sentence.)
      const bool monthAfter = e.precision == DatePrecision::Month && from > at;
      const long score = distance + (sameClause ? 0 : 1000000) + (monthAfter ? 2000000 : 0);
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

struct ArticleExtractor::Worker : atlas::Worker {
  using atlas::Worker::Worker;
};

ArticleExtractor::ArticleExtractor(const Gazetteer& gazetteer, bool annotate)
    : worker_(std::make_unique<Worker>(gazetteer)) {
  worker_->annotate = annotate;
}

ArticleExtractor::~ArticleExtractor() = default;

int ArticleExtractor::run(const Article& article, int doc, std::vector<Mention>& out) {
  int sentences = 0;
  worker_->run(article, doc, out, sentences);
  return sentences;
}

namespace {

// One string per rule text: `byText` is kept across calls (the blocks of one extraction).
using RulesByText = std::unordered_map<std::string_view, std::shared_ptr<const std::string>>;
void shareRules(std::vector<Mention>& mentions, RulesByText& byText) {
  std::unordered_map<const std::string*, std::shared_ptr<const std::string>> byPointer;
  for (Mention& m : mentions) {
    if (!m.dateRule) continue;
    auto [it, added] = byPointer.try_emplace(m.dateRule.get());
    if (added) it->second = byText.try_emplace(*m.dateRule, m.dateRule).first->second;
    m.dateRule = it->second;
  }
}

}  // namespace

ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads,
                                 bool annotate, std::atomic<int>* articlesDone,
                                 const std::atomic<bool>* cancel) {
  const int n = static_cast<int>(corpus.articles.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min(threads, n));
  ExtractionResult result;
  result.sentenceCount.assign(n, 0);
  // Threads take blocks of consecutive articles, each block's mentions in a vector of its own:
  // gathering the blocks in order sorts every mention by (doc, start), and frees each block as
  // it goes, so the mentions are never held twice (a big corpus has millions).
  constexpr int kBlock = 32;
  const int blocks = (n + kBlock - 1) / kBlock;
  std::vector<std::vector<Mention>> perBlock(blocks);
  std::atomic<int> nextBlock{0};
  // Each finished block's date rules join the shared ones at once, so duplicates (articles of a
  // day give the same rules) are freed during the extraction, not at its end.
  std::mutex rulesMutex;
  RulesByText rules;
  auto work = [&] {
    Worker worker(gazetteer);
    worker.annotate = annotate;
    for (int b = nextBlock++; b < blocks; b = nextBlock++) {
      std::vector<Mention>& out = perBlock[b];
      for (int doc = b * kBlock; doc < std::min(n, (b + 1) * kBlock); ++doc) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return;
        worker.run(corpus.articles[doc], doc, out, result.sentenceCount[doc]);
        if (articlesDone) articlesDone->fetch_add(1, std::memory_order_relaxed);
      }
      std::lock_guard lock(rulesMutex);
      shareRules(out, rules);
    }
  };
  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& th : pool) th.join();
  }
  size_t total = 0;
  for (const auto& v : perBlock) total += v.size();
  result.mentions.reserve(total);
  for (std::vector<Mention>& block : perBlock) {
    std::move(block.begin(), block.end(), std::back_inserter(result.mentions));
    std::vector<Mention>().swap(block);
  }
  return result;
}

void shareDateRules(ExtractionResult& extraction) {
  RulesByText byText;
  shareRules(extraction.mentions, byText);
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
    if (m.fatalities) e.fatalities = std::max<long>(e.fatalities.value_or(0), *m.fatalities);
    e.frontline = e.frontline || m.frontline;
  }
  return events;
}

}  // namespace atlas
