#include "core/date_resolver.h"

#include <algorithm>
#include <cstdio>

#include "core/arabic_fold.h"
#include "core/arabic_numbers.h"
#include "core/word_table.h"

namespace atlas {

const char* datePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day:
      return "day";
    case DatePrecision::PartOfDay:
      return "part_of_day";
    case DatePrecision::Week:
      return "week";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Span:
      return "span";
    case DatePrecision::Publication:
      return "publication";
    case DatePrecision::Unknown:
      break;
  }
  return "unknown";
}

namespace {

struct Words {
  std::u32string yesterday = foldString("أمس"), yesterday2 = foldString("البارحة"),
                 today = foldString("اليوم"), tomorrow = foldString("غدا"),
                 first = foldString("أول"), from = foldString("من"), day = foldString("يوم"),
                 past = foldString("الماضي"), pastF = foldString("الماضية"),
                 month = foldString("الشهر"), week = foldString("الأسبوع"),
                 since = foldString("منذ"), before = foldString("قبل"),
                 current = foldString("الجاري"), next = foldString("المقبل"),
                 coming = foldString("القادم");
  std::vector<std::pair<std::u32string, const char*>> partsOfDay;
  std::vector<std::u32string> weekdays;                // Sunday first, with the article
  std::vector<std::pair<std::u32string, int>> months;  // one-word names
  std::vector<std::pair<std::u32string, int>> levantFirst;  // "كانون"/"تشرين" + الأول/الثاني
  std::vector<std::u32string> futureMarkers;
  std::vector<std::pair<std::u32string, int>> units;  // days per unit, for "منذ N ..."
  // Other ways to say "past" after a day, week or month: "الخميس الفائت", "الشهر المنصرم".
  std::vector<std::u32string> pastSynonyms;
  // "اليوم نفسه", "اليوم التالي": "اليوم" there is some other day than the publication's.
  std::vector<std::u32string> notToday;

  Words() {
    for (auto [w, name] : {std::pair{"فجر", "dawn"},
                           {"صباح", "morning"},
                           {"ظهر", "noon"},
                           {"عصر", "afternoon"},
                           {"مساء", "evening"},
                           {"ليل", "night"},
                           {"ليلة", "night"}})
      partsOfDay.emplace_back(foldString(w), name);
    for (const char* w : {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"})
      weekdays.push_back(foldString(w));
    const char* gregorian[] = {"يناير", "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                               "يوليو", "أغسطس",  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
    for (int m = 0; m < 12; ++m) months.emplace_back(foldString(gregorian[m]), m + 1);
    for (auto [w, m] : {std::pair{"ابريل", 4},
                        {"اغسطس", 8},
                        {"يونيه", 6},  // the Egyptian spellings of June and July
                        {"يوليه", 7},
                        {"شباط", 2},
                        {"آذار", 3},
                        {"نيسان", 4},
                        {"أيار", 5},
                        {"حزيران", 6},
                        {"تموز", 7},
                        {"أيلول", 9}})
      months.emplace_back(foldString(w), m);
    // "آب" (August) is also an ordinary word: only taken after a day number (see below).
    levantFirst = {{foldString("كانون"), 0}, {foldString("تشرين"), 0}};
    for (const char* w : {"ستبدأ", "ستبدآن", "سيبدأ", "ستجري", "سيجري", "سيجتمع", "ستعقد", "سيعقد",
                          "ستنطلق", "المقرر", "سوف", "المقبل", "القادم", "غدا"})
      futureMarkers.push_back(foldString(w));
    for (auto [w, d] : {std::pair{"يوم", 1},
                        {"يومين", 2},
                        {"أيام", 1},
                        {"أسبوع", 7},
                        {"أسبوعين", 14},
                        {"أسابيع", 7},
                        {"شهر", 30},
                        {"شهرين", 60},
                        {"أشهر", 30},
                        {"شهور", 30}})
      units.emplace_back(foldString(w), d);
    for (const char* w : {"الفائت", "الفائتة", "المنصرم", "المنصرمة"})
      pastSynonyms.push_back(foldString(w));
    for (const char* w : {"نفسه", "ذاته", "التالي", "السابق"}) notToday.push_back(foldString(w));
    for (auto* list : {&futureMarkers, &weekdays, &pastSynonyms})
      for (const auto& w : *list) keywords.push_back(w);
    for (const auto& [w, _] : partsOfDay) keywords.push_back(w);
    for (const auto& [w, _] : months) keywords.push_back(w);
    for (const auto& [w, _] : units) keywords.push_back(w);
    for (const auto* w : {&yesterday, &yesterday2, &today, &tomorrow, &first, &from, &day, &past,
                          &pastF, &month, &week, &since, &current, &next, &coming})
      keywords.push_back(*w);
    for (const auto& k : keywords) keywordTable.add(k, true);
    // Only words an expression can begin with: the scan stops at a date word such as "أمس" and
    // looks back for "أول من" itself, and "من", "يوم", "الماضي" or units never begin one.
    for (const auto& [w, _] : partsOfDay) startTable.add(w, true);
    for (const auto& w : weekdays) startTable.add(w, true);
    for (const auto& [w, _] : months) startTable.add(w, true);
    for (const auto* w :
         {&yesterday, &yesterday2, &today, &tomorrow, &month, &week, &since, &before})
      startTable.add(*w, true);
    for (const char* w : {"نحو", "حوالي", "قرابة", "زهاء"}) about.push_back(foldString(w));
    for (const auto& w : {kanun, tishrin, august}) startTable.add(w, true);
    for (const char* w :
         {"واحد",   "واحدة",  "احد",    "إحدى",    "اثنان",   "اثنين",  "ثلاث",   "ثلاثة",
          "أربع",   "أربعة",  "خمس",    "خمسة",    "ست",      "ستة",    "سبع",    "سبعة",
          "ثمان",   "ثمانية", "تسع",    "تسعة",    "عشر",     "عشرة",   "عشرين",  "ثلاثين",
          "الأول",  "الحادي", "الثاني", "الثالث",  "الرابع",  "الخامس", "السادس", "السابع",
          "الثامن", "التاسع", "العاشر", "العشرين", "الثلاثين"})
      startTable.add(foldString(w), true);
    for (const auto& f : futureMarkers) futureTable.add(f, true);
    for (const char* w : {"يومين", "أسبوعين", "شهرين", "أسبوع", "شهر", "يوم"})
      sinceUnits.push_back(foldString(w));
  }
  std::vector<std::u32string> keywords;  // every word above: never read as و/ف + word
  WordTable<bool> keywordTable, futureTable;
  std::u32string august = foldString("آب"), kanun = foldString("كانون"),
                 tishrin = foldString("تشرين"), firstOrdinal = foldString("الأول"),
                 secondOrdinal = foldString("الثاني"), secondBare = foldString("ثاني"),
                 corresponding = foldString("الموافق");
  std::vector<std::u32string> sinceUnits;  // units that need no number: "منذ أسبوعين"
  std::vector<std::u32string> about;       // "نحو", "حوالي": "قبل نحو أسبوعين"
  bool isKeyword(std::u32string_view w) const { return keywordTable.contains(w); }
  bool isPast(std::u32string_view w) const {
    return w == past || w == pastF ||
           std::find(pastSynonyms.begin(), pastSynonyms.end(), w) != pastSynonyms.end();
  }
  // Words a date expression can start with (after و/ف): anything else is skipped at once.
  WordTable<bool> startTable;  // parts of the day, days, months, "منذ", number words
  // Whether the word, or the word without a leading و/ف, is a digit or in startTable.
  bool canStartEitherForm(std::u32string_view raw) const {
    if (raw.empty()) return false;
    if (raw[0] >= U'0' && raw[0] <= U'9') return true;
    if (startTable.contains(raw)) return true;
    if (raw.size() >= 3 && (raw[0] == U'\u0648' || raw[0] == U'\u0641')) {
      const std::u32string_view bare = raw.substr(1);
      return (bare[0] >= U'0' && bare[0] <= U'9') || startTable.contains(bare);
    }
    return false;
  }
};

const Words& words() {
  static const Words w;
  return w;
}

int weekdayOf(std::u32string_view w) {
  const Words& W = words();
  for (int d = 0; d < 7; ++d)
    if (w == W.weekdays[d]) return d;
  return -1;
}

std::optional<int> monthAt(const std::u32string& text, const std::vector<Token>& tokens, size_t i,
                           size_t& used, bool afterDayNumber) {
  const Words& W = words();
  const std::u32string_view w = tokenText(text, tokens[i]);
  used = 1;
  for (const auto& [name, m] : W.months)
    if (w == name) return m;
  // "آب" is a month after a day number, after "شهر" or before "الماضي" ("في آب الماضي").
  if (w == W.august) {
    static const std::u32string shahr = foldString("شهر");
    if (afterDayNumber || (i > 0 && withoutConjunction(tokenText(text, tokens[i - 1])) == shahr) ||
        (i + 1 < tokens.size() && W.isPast(tokenText(text, tokens[i + 1]))))
      return 8;
  }
  if (i + 1 < tokens.size()) {
    const std::u32string_view n = tokenText(text, tokens[i + 1]);
    const bool kanun = w == W.kanun, tishrin = w == W.tishrin;
    if (kanun || tishrin) {
      used = 2;
      // "تشرين الأول", and in Syrian writing often without the article: "تشرين أول".
      if (n == W.firstOrdinal || n == W.first) return kanun ? 12 : 10;
      if (n == W.secondOrdinal || n == W.secondBare) return kanun ? 1 : 11;
    }
  }
  return std::nullopt;
}

std::string iso(const Date& d) { return d.iso(); }

// One folded sentence as the rules read it: its words, its clauses and the publication date.
class Sentence {
 public:
  Sentence(const std::u32string& text, const std::vector<Token>& tokens, const Date& pub)
      : text(text), tokens(tokens), pub(pub), pubDays(pub.toDays()) {}

  const std::u32string& text;
  const std::vector<Token>& tokens;
  const Date pub;
  const int pubDays;

  // A token as a keyword: itself if it is one ("فجر"), else without a leading و/ف ("وأمس").
  std::u32string_view word(size_t k) const {
    if (k >= tokens.size()) return U"";
    const std::u32string_view raw = tokenText(text, tokens[k]);
    return words().isKeyword(raw) ? raw : withoutConjunction(raw);
  }
  std::u32string_view rawWord(size_t k) const {
    return k < tokens.size() ? tokenText(text, tokens[k]) : U"";
  }
  // Most words start nothing: one hash look-up (or the classification the pipeline made).
  bool mayStartDate(size_t i) const {
    return tokens[i].lexical != kLexicalUnknown ? (tokens[i].lexical & kMayStartDate) != 0
                                                : words().canStartEitherForm(rawWord(i));
  }
  // A clause ends between tokens a and b: "،" "؛" "," ";".
  bool clauseBreakBetween(size_t a, size_t b) const {
    for (uint32_t c = tokens[a].to; c < tokens[b].from; ++c)
      if (text[c] == U'\u060C' || text[c] == U'\u061B' || text[c] == U',' || text[c] == U';')
        return true;
    return false;
  }
  // Tokens a and b with only spaces between them (no comma, no full stop).
  bool adjacent(size_t a, size_t b) const {
    if (b >= tokens.size()) return false;
    for (uint32_t c = tokens[a].to; c < tokens[b].from; ++c)
      if (text[c] != U' ') return false;
    return true;
  }
  // Whether the clause of token i speaks of what will happen ("ستبدأ", "المقرر", "المقبل").
  // The clauses are read once, when a rule first asks.
  bool speaksOfFuture(size_t i) const {
    if (clauseOf_.empty()) {
      const Words& W = words();
      clauseOf_.resize(tokens.size());
      for (size_t k = 0; k < tokens.size(); ++k) {
        if (k > 0 && clauseBreakBetween(k - 1, k)) futureClause_.push_back(false);
        if (futureClause_.empty()) futureClause_.push_back(false);
        clauseOf_[k] = futureClause_.size() - 1;
        const std::u32string_view raw = tokenText(text, tokens[k]);
        if (W.futureTable.contains(raw) || W.futureTable.contains(withoutConjunction(raw)))
          futureClause_.back() = true;
      }
    }
    return futureClause_[clauseOf_[i]];
  }
  Date daysFromPublication(int days) const { return Date::fromDays(pubDays + days); }

 private:
  mutable std::vector<size_t> clauseOf_;    // the clause of each token
  mutable std::vector<bool> futureClause_;  // per clause
};

// The day word at token i, after a part of the day if there is one: "فجر أمس", "مساء الثلاثاء",
// "ليلة يوم السبت".
struct DayWord {
  const char* part = nullptr;  // "dawn", "evening", ... or none
  size_t at = 0;               // the token of the day word itself
  std::u32string_view word;
};

DayWord dayWordAt(const Sentence& s, size_t i) {
  const Words& W = words();
  DayWord d;
  d.at = i;
  const std::u32string_view w = s.word(i);
  for (const auto& [name, english] : W.partsOfDay)
    if (w == name && i + 1 < s.tokens.size()) {
      d.part = english;
      d.at = i + 1;
    }
  if (d.part && s.word(d.at) == W.day) ++d.at;  // "ليلة يوم السبت"
  d.word = d.part ? s.word(d.at) : w;
  return d;
}

// A day expression is finished: its part of the day, and how it resolved.
DateExpression finishDay(DateExpression e, const DayWord& d, const std::string& how) {
  std::string rule = how;
  if (d.part) {
    e.precision = DatePrecision::PartOfDay;
    rule += std::string(", ") + d.part;
  }
  e.resolution = iso(e.date) + " (" + rule + ")";
  return e;
}

// Rule: days counted from publication. "أمس" / "البارحة" the day before, "أول أمس" / "أول من أمس"
// / "أمس الأول" two days before, "اليوم" the day itself (not "اليوم نفسه" / "اليوم التالي", which
// are some other day), "غدا" the day after (future).
std::optional<DateExpression> relativeDay(const Sentence& s, size_t i, const DayWord& d) {
  const Words& W = words();
  DateExpression e;
  e.tokenFrom = i;
  e.tokenTo = d.at + 1;
  if (d.word == W.yesterday || d.word == W.yesterday2) {
    const bool firstBefore = (i >= 1 && s.word(i - 1) == W.first) ||
                             (i >= 2 && s.word(i - 1) == W.from && s.word(i - 2) == W.first);
    if (firstBefore && !d.part) e.tokenFrom = s.word(i - 1) == W.first ? i - 1 : i - 2;
    // "أمس الأول", but not "أمس، الأول من ..." nor "أمس الأول من نوفمبر".
    size_t used = 0;
    const bool firstAfter =
        !firstBefore && d.word == W.yesterday && s.word(d.at + 1) == W.firstOrdinal &&
        s.adjacent(d.at, d.at + 1) && s.word(d.at + 2) != W.from &&
        !(d.at + 2 < s.tokens.size() && monthAt(s.text, s.tokens, d.at + 2, used, true));
    if (firstAfter) ++e.tokenTo;
    const bool dayBefore = firstBefore || firstAfter;
    e.date = s.daysFromPublication(dayBefore ? -2 : -1);
    return finishDay(e, d, dayBefore ? "publication - 2 days" : "publication - 1 day");
  }
  if (d.word == W.today) {
    const std::u32string_view after = s.word(d.at + 1);
    if (std::find(W.notToday.begin(), W.notToday.end(), after) != W.notToday.end())
      return std::nullopt;
    e.date = s.pub;
    return finishDay(e, d, "publication day");
  }
  if (d.word == W.tomorrow) {
    e.date = s.daysFromPublication(1);
    e.future = true;
    return finishDay(e, d, "publication + 1 day");
  }
  return std::nullopt;
}

std::optional<DateExpression> dayAndMonth(const Sentence& s, size_t i);

// Rule: a weekday is the latest such day on or before publication; with "الماضي" (or
// "الفائت") the latest before it; in a clause about what will happen, or with "المقبل" /
// "القادم", the next one after it. A weekday followed by its date ("السبت 3 كانون الأول",
// "الثلاثاء الموافق 6 ديسمبر") is that date.
std::optional<DateExpression> weekday(const Sentence& s, size_t i, const DayWord& d) {
  const Words& W = words();
  const int wd = weekdayOf(d.word);
  if (wd < 0) return std::nullopt;
  const size_t k = d.at;
  const bool strictlyPast = W.isPast(s.word(k + 1));
  const bool comingWord = s.word(k + 1) == W.next || s.word(k + 1) == W.coming;
  const size_t after = k + 1 + (strictlyPast || comingWord);
  // Its date, right after it: the date says which week.
  const size_t dateAt = s.word(after) == W.corresponding ? after + 1 : after;
  if (dateAt < s.tokens.size())
    if (auto dated = dayAndMonth(s, dateAt); dated && s.word(dateAt) != W.since) {
      dated->tokenFrom = i;
      if (d.part) {
        dated->precision = DatePrecision::PartOfDay;
        dated->resolution += std::string(", ") + d.part;
      }
      return dated;
    }
  const bool future = !strictlyPast && (s.speaksOfFuture(k) || comingWord);
  const Date pub = s.pub;
  int delta = (pub.weekday() - wd + 7) % 7;  // days back to the latest such day
  if (future) {
    delta = -((wd - pub.weekday() + 7) % 7);
    if (delta == 0) delta = -7;
  } else if (strictlyPast && delta == 0) {
    delta = 7;
  }
  DateExpression e;
  e.tokenFrom = i;
  e.tokenTo = after;
  e.date = s.daysFromPublication(-delta);
  e.future = future;
  return finishDay(e, d,
                   future         ? "the next such weekday after publication"
                   : strictlyPast ? "the latest such weekday before publication"
                                  : "the latest such weekday on or before publication");
}

// Rule: "الشهر الماضي" is the month before publication's, "الأسبوع الماضي" a week before it.
std::optional<DateExpression> lastMonthOrWeek(const Sentence& s, size_t i) {
  const Words& W = words();
  const std::u32string_view w = s.word(i);
  if ((w != W.month && w != W.week) || !W.isPast(s.word(i + 1))) return std::nullopt;
  DateExpression e;
  e.tokenFrom = i;
  e.tokenTo = i + 2;
  if (w == W.month) {
    const Date pub = s.pub;
    e.date = Date{pub.month == 1 ? pub.year - 1 : pub.year, pub.month == 1 ? 12 : pub.month - 1, 1};
    e.precision = DatePrecision::Month;
    e.resolution = iso(e.date) + " (the month before publication)";
  } else {
    e.date = s.daysFromPublication(-7);
    e.precision = DatePrecision::Week;
    e.resolution = iso(e.date) + " (a week before publication)";
  }
  return e;
}

DateExpression spanToPublication(const Sentence& s, DateExpression e) {
  e.end = s.pub;
  e.precision = DatePrecision::Span;
  e.resolution = iso(e.date) + " to " + iso(s.pub) + " (a span up to publication)";
  return e;
}

// Rule: "منذ" with a day ("منذ يوم الأحد", "منذ أمس", "منذ فجر السبت") is a span from that day
// to publication.
std::optional<DateExpression> sinceDay(const Sentence& s, size_t i) {
  const Words& W = words();
  if (s.word(i) != W.since) return std::nullopt;
  size_t j = i + 1;
  if (s.word(j) == W.day && weekdayOf(s.word(j + 1)) >= 0) ++j;  // "منذ يوم الأحد"
  if (j >= s.tokens.size()) return std::nullopt;
  const DayWord d = dayWordAt(s, j);
  std::optional<DateExpression> e = relativeDay(s, j, d);
  if (!e) e = weekday(s, j, d);
  if (!e || e->future || e->precision == DatePrecision::Span || e->date > s.pub)
    return std::nullopt;
  e->tokenFrom = i;
  return spanToPublication(s, *e);
}

// Rule: "منذ N أيام|أسابيع|أشهر" or "منذ أسبوعين": a span from then to publication.
std::optional<DateExpression> sinceDuration(const Sentence& s, size_t i) {
  const Words& W = words();
  if (s.word(i) != W.since) return std::nullopt;
  DateExpression e;
  e.tokenFrom = i;
  for (const auto& [name, days] : W.units)
    if (s.word(i + 1) == name &&
        std::find(W.sinceUnits.begin(), W.sinceUnits.end(), name) != W.sinceUnits.end()) {
      e.date = s.daysFromPublication(-days);
      e.tokenTo = i + 2;
      return spanToPublication(s, e);
    }
  if (auto n = parseNumberAt(s.text, s.tokens, i + 1)) {
    const std::u32string_view unit = s.word(i + 1 + n->tokens);
    for (const auto& [name, days] : W.units)
      if (unit == name) {
        e.date = s.daysFromPublication(-static_cast<int>(n->value) * days);
        e.tokenTo = i + 2 + n->tokens;
        return spanToPublication(s, e);
      }
  }
  return std::nullopt;
}

// Rule: "قبل يومين", "قبل 3 أيام", "قبل نحو أسبوعين": that long before publication, to the day
// as the report counts it.
std::optional<DateExpression> agoDuration(const Sentence& s, size_t i) {
  const Words& W = words();
  if (s.word(i) != W.before) return std::nullopt;
  size_t j = i + 1;
  if (std::find(W.about.begin(), W.about.end(), s.word(j)) != W.about.end()) ++j;
  int days = 0;
  size_t end = 0;
  for (const auto& [name, d] : W.units)
    if (s.word(j) == name &&
        std::find(W.sinceUnits.begin(), W.sinceUnits.end(), name) != W.sinceUnits.end())
      days = d, end = j + 1;
  if (!days)
    if (auto n = parseNumberAt(s.text, s.tokens, j); n && n->value > 0 && n->value < 100)
      for (const auto& [name, d] : W.units)
        if (s.word(j + n->tokens) == name)
          days = static_cast<int>(n->value) * d, end = j + n->tokens + 1;
  if (!days) return std::nullopt;
  DateExpression e;
  e.tokenFrom = i;
  e.tokenTo = end;
  e.date = s.daysFromPublication(-days);
  e.precision = days <= 3 ? DatePrecision::Day : DatePrecision::Week;
  e.resolution = iso(e.date) + " (" + std::to_string(days) + " days before publication)";
  return e;
}

// The day of the month at token `start`: digits ("15") or ordinal words ("الخامس عشر",
// "الحادي والعشرين", "التاسع").
std::optional<ParsedNumber> dayNumberAt(const Sentence& s, size_t start) {
  if (start >= s.tokens.size()) return std::nullopt;
  const std::u32string_view first = s.word(start);
  if (!first.empty() && first[0] >= U'0' && first[0] <= U'9')
    return parseNumberAt(s.text, s.tokens, start);
  if (auto v = numberWordValue(s.rawWord(start), true)) {
    ParsedNumber p{*v, 1};
    if (auto tens = numberWordValue(s.rawWord(start + 1), true); tens && *tens >= 10) {
      p.value += *tens;
      p.tokens = 2;
    }
    return p;
  }
  return std::nullopt;
}

// Rule: a day and a month, "15 نوفمبر", "الخامس عشر من نوفمبر الماضي", "9 تشرين الثاني 2016",
// "منذ 26 تشرين الثاني" (a span to publication). Without a year it is the latest such date not
// after publication, unless its clause speaks of what will happen ("ستعقد في 10 كانون الأول"):
// then it is the date to come. A date after publication is about the future.
// "آب/أغسطس", "تشرين الأول/أكتوبر": the month's other name right after it is part of it (the
// year after both belongs to the date).
size_t sameMonthAgain(const Sentence& s, size_t end, int month) {
  if (end >= s.tokens.size()) return end;
  size_t used = 0;
  const std::optional<int> again = monthAt(s.text, s.tokens, end, used, true);
  return again == month ? end + used : end;
}

std::optional<DateExpression> dayAndMonth(const Sentence& s, size_t i) {
  const Words& W = words();
  const bool since = s.word(i) == W.since;
  const size_t start = since ? i + 1 : i;
  const std::optional<ParsedNumber> dayNumber = dayNumberAt(s, start);
  if (!dayNumber || dayNumber->value < 1 || dayNumber->value > 31) return std::nullopt;
  size_t m = start + dayNumber->tokens;
  if (s.word(m) == W.from) ++m;  // "الخامس عشر من نوفمبر"
  static const std::u32string shahr = foldString("شهر");
  if (m < s.tokens.size() && s.word(m) == shahr) ++m;  // "الـ 4 من شهر أيلول"
  size_t used = 0;
  if (m >= s.tokens.size()) return std::nullopt;
  const std::optional<int> month = monthAt(s.text, s.tokens, m, used, true);
  if (!month) return std::nullopt;
  size_t end = m + used;
  end = sameMonthAgain(s, end, *month);
  const Date pub = s.pub;
  int year = pub.year;
  bool explicitYear = false;
  if (auto y = parseNumberAt(s.text, s.tokens, end); y && y->value >= 1900 && y->value < 2100) {
    year = static_cast<int>(y->value);
    explicitYear = true;
    end += y->tokens;
  }
  const int dayOfMonth = static_cast<int>(dayNumber->value);
  bool toCome = false;
  if (!explicitYear && std::pair(*month, dayOfMonth) > std::pair(pub.month, pub.day)) {
    toCome = s.speaksOfFuture(m) && !W.isPast(s.word(end));
    if (!toCome) --year;
  }
  if (W.isPast(s.word(end)) || s.word(end) == W.current) ++end;
  if (toCome && (s.word(end) == W.next || s.word(end) == W.coming)) ++end;
  if (!isValidDate(year, *month, dayOfMonth)) return std::nullopt;
  DateExpression e;
  e.date = Date{year, *month, dayOfMonth};
  e.tokenFrom = i;
  e.tokenTo = end;
  e.future = e.date > pub;
  if (since && e.date <= pub) return spanToPublication(s, e);  // a "since" to come is no span
  e.resolution = iso(e.date) + (toCome         ? " (a date to come: its clause speaks of it)"
                                : explicitYear ? ""
                                               : " (the latest such date not after publication)");
  return e;
}

// Rule: a month alone with "الماضي" or a year is the month ("سبتمبر الماضي", "أيلول 2016").
std::optional<DateExpression> monthAlone(const Sentence& s, size_t i) {
  const Words& W = words();
  size_t used = 0;
  const std::optional<int> month = monthAt(s.text, s.tokens, i, used, false);
  if (!month) return std::nullopt;
  size_t end = sameMonthAgain(s, i + used, *month);
  int year = s.pub.year;
  if (auto y = parseNumberAt(s.text, s.tokens, end); y && y->value >= 1900 && y->value < 2100) {
    year = static_cast<int>(y->value);
    end += y->tokens;
  } else if (W.isPast(s.word(end)) || s.word(end) == W.current) {
    if (Date{year, *month, 1} > s.pub) --year;
    ++end;
  } else {
    return std::nullopt;
  }
  DateExpression e;
  e.date = Date{year, *month, 1};
  e.precision = DatePrecision::Month;
  e.tokenFrom = i;
  e.tokenTo = end;
  e.resolution = iso(e.date).substr(0, 7) + " (the month)";
  return e;
}

// Words that link a sentence to the ones before it (folded; its first word may carry و/ف).
struct Openings {
  std::u32string fi = foldString("في"), ala = foldString("على"), min = foldString("من"),
                 ila = foldString("إلى"), dhalik = foldString("ذلك"), day = foldString("اليوم"),
                 same = foldString("ذات"), athar = foldString("إثر"), aqib = foldString("عقب"),
                 aqab = foldString("أعقاب"), tajdur = foldString("تجدر");
  std::vector<std::u32string> itself, sides, other, level, alone;
  Openings() {
    for (const char* w : {"نفسه", "ذاته"}) itself.push_back(foldString(w));
    for (const char* w : {"جهة", "ناحية", "جانب"}) sides.push_back(foldString(w));
    for (const char* w : {"أخرى", "ثانية", "آخر"}) other.push_back(foldString(w));
    for (const char* w : {"صعيد", "الصعيد"}) level.push_back(foldString(w));
    // Words that open another story on their own: "كما", "أما", "بالتزامن", "يذكر أن",
    // "يشار إلى", and the section adverbs of opposition and state reports.
    for (const char* w : {"كما", "أما", "بالتزامن", "بالتوازي", "يذكر", "يشار", "ميدانياً", "سياسياً",
                          "إنسانياً", "دبلوماسياً", "عسكرياً"})
      alone.push_back(foldString(w));
  }
  static bool in(const std::vector<std::u32string>& list, std::u32string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  }
};

const Openings& openings() {
  static const Openings o;
  return o;
}

}  // namespace

void forEachDateStartWord(const std::function<void(const std::u32string&)>& f) {
  words().startTable.forEach(f);
}

std::vector<DateExpression> findDateExpressions(const std::u32string& text,
                                                const std::vector<Token>& tokens, const Date& pub) {
  std::vector<DateExpression> out;
  findDateExpressions(text, tokens, pub, out);
  return out;
}

void findDateExpressions(const std::u32string& text, const std::vector<Token>& tokens,
                         const Date& pub, std::vector<DateExpression>& out) {
  out.clear();
  const Sentence s(text, tokens, pub);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!s.mayStartDate(i)) continue;
    // The rules in the order they are tried at a word; the first that reads an expression wins.
    const DayWord day = dayWordAt(s, i);  // "فجر أمس": a part of the day, then the day word
    std::optional<DateExpression> e = relativeDay(s, i, day);
    if (!e) e = weekday(s, i, day);
    if (!e) e = lastMonthOrWeek(s, i);
    if (!e) e = sinceDay(s, i);
    if (!e) e = sinceDuration(s, i);
    if (!e) e = agoDuration(s, i);
    if (!e) e = dayAndMonth(s, i);
    if (!e) e = monthAlone(s, i);
    if (!e) continue;
    i = e->tokenTo - 1;
    out.push_back(std::move(*e));
  }
}

SentenceLink sentenceLink(const std::u32string& text, const std::vector<Token>& tokens) {
  const Openings& O = openings();
  auto word = [&](size_t k) -> std::u32string_view {
    if (k >= tokens.size()) return U"";
    const std::u32string_view raw = tokenText(text, tokens[k]);
    return k == 0 ? withoutConjunction(raw) : raw;
  };
  // The same day, said again anywhere: "في اليوم نفسه", "اليوم ذاته", "في ذات اليوم".
  for (size_t k = 0; k + 1 < tokens.size(); ++k)
    if ((word(k) == O.day && Openings::in(O.itself, word(k + 1))) ||
        (word(k) == O.same && word(k + 1) == O.day))
      return SentenceLink::SameTime;
  const std::u32string_view w0 = word(0), w1 = word(1), w2 = word(2);
  // Right after it: "في أعقاب ذلك", "وعلى إثر ذلك", "إثر ذلك", "عقب ذلك".
  if (w0 == O.fi && w1 == O.aqab && w2 == O.dhalik) return SentenceLink::SameTime;
  if (w0 == O.ala && w1 == O.athar && w2 == O.dhalik) return SentenceLink::SameTime;
  if ((w0 == O.athar || w0 == O.aqib) && w1 == O.dhalik) return SentenceLink::SameTime;
  // Another story: "وفي ..." ("وفي سياق آخر", "في غضون ذلك", "في الأثناء", "وفي حي الشعار"),
  // "من جهة أخرى", "إلى ذلك", "على صعيد آخر", "تجدر الإشارة", and the words that do it alone.
  if (w0 == O.fi) return SentenceLink::NewTopic;
  if (w0 == O.min && Openings::in(O.sides, w1) && Openings::in(O.other, w2))
    return SentenceLink::NewTopic;
  if (w0 == O.ila && w1 == O.dhalik) return SentenceLink::NewTopic;
  if (w0 == O.ala && Openings::in(O.level, w1)) return SentenceLink::NewTopic;
  if (w0 == O.tajdur || Openings::in(O.alone, w0)) return SentenceLink::NewTopic;
  return SentenceLink::Plain;
}

}  // namespace atlas
