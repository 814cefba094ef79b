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
                 since = foldString("منذ"), current = foldString("الجاري"),
                 next = foldString("المقبل"), coming = foldString("القادم");
  std::vector<std::pair<std::u32string, const char*>> partsOfDay;
  std::vector<std::u32string> weekdays;                // Sunday first, with the article
  std::vector<std::pair<std::u32string, int>> months;  // one-word names
  std::vector<std::pair<std::u32string, int>> levantFirst;  // "كانون"/"تشرين" + الأول/الثاني
  std::vector<std::u32string> futureMarkers;
  std::vector<std::pair<std::u32string, int>> units;  // days per unit, for "منذ N ..."

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
    for (auto* list : {&futureMarkers, &weekdays})
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
    for (const auto* w : {&yesterday, &yesterday2, &today, &tomorrow, &month, &week, &since})
      startTable.add(*w, true);
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
                 secondOrdinal = foldString("الثاني");
  std::vector<std::u32string> sinceUnits;  // units that need no number: "منذ أسبوعين"
  bool isKeyword(std::u32string_view w) const { return keywordTable.contains(w); }
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
  if (afterDayNumber && w == W.august) return 8;
  if (i + 1 < tokens.size()) {
    const std::u32string_view n = tokenText(text, tokens[i + 1]);
    const bool kanun = w == W.kanun, tishrin = w == W.tishrin;
    if (kanun || tishrin) {
      used = 2;
      if (n == W.firstOrdinal) return kanun ? 12 : 10;
      if (n == W.secondOrdinal) return kanun ? 1 : 11;
    }
  }
  return std::nullopt;
}

std::string iso(const Date& d) { return d.iso(); }

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
  const Words& W = words();
  out.clear();
  const int pubDays = pub.toDays();
  // Whether the sentence speaks of what will happen: asked only when a weekday is found.
  std::optional<bool> futureSentenceCache;
  auto futureSentence = [&] {
    if (!futureSentenceCache) {
      futureSentenceCache = false;
      for (const Token& t : tokens) {
        const std::u32string_view raw = tokenText(text, t);
        if (W.futureTable.contains(raw) || W.futureTable.contains(withoutConjunction(raw)))
          futureSentenceCache = true;
      }
    }
    return *futureSentenceCache;
  };
  // A token as a keyword: itself if it is one ("فجر"), else without a leading و/ف ("وأمس").
  auto word = [&](size_t k) -> std::u32string_view {
    if (k >= tokens.size()) return U"";
    const std::u32string_view raw = tokenText(text, tokens[k]);
    return W.isKeyword(raw) ? raw : withoutConjunction(raw);
  };
  auto rawWord = [&](size_t k) -> std::u32string_view {
    return k < tokens.size() ? tokenText(text, tokens[k]) : U"";
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Most words start nothing: one hash pass and on.
    if (tokens[i].lexical != kLexicalUnknown ? !(tokens[i].lexical & kMayStartDate)
                                             : !W.canStartEitherForm(rawWord(i)))
      continue;
    const std::u32string_view w = word(i);
    DateExpression e;
    e.tokenFrom = i;
    bool found = false;
    std::string how;

    // A part of the day before the day itself: "فجر أمس", "مساء الثلاثاء", "ليل السبت".
    const char* part = nullptr;
    size_t k = i;
    for (const auto& [name, english] : W.partsOfDay)
      if (w == name && i + 1 < tokens.size()) {
        part = english;
        k = i + 1;
      }
    if (part && word(k) == W.day) ++k;  // "ليلة يوم السبت"
    const std::u32string_view dayWord = part ? word(k) : w;

    if (dayWord == W.yesterday || dayWord == W.yesterday2) {
      // "أول أمس" / "أول من أمس": two days before.
      const bool dayBefore = (i >= 1 && word(i - 1) == W.first) ||
                             (i >= 2 && word(i - 1) == W.from && word(i - 2) == W.first);
      if (dayBefore && !part) e.tokenFrom = word(i - 1) == W.first ? i - 1 : i - 2;
      e.date = Date::fromDays(pubDays - (dayBefore ? 2 : 1));
      how = dayBefore ? "publication - 2 days" : "publication - 1 day";
      e.tokenTo = k + 1;
      found = true;
    } else if (dayWord == W.today) {
      e.date = pub;
      how = "publication day";
      e.tokenTo = k + 1;
      found = true;
    } else if (dayWord == W.tomorrow) {
      e.date = Date::fromDays(pubDays + 1);
      e.future = true;
      how = "publication + 1 day";
      e.tokenTo = k + 1;
      found = true;
    } else if (const int wd = weekdayOf(dayWord); wd >= 0) {
      const bool strictlyPast = word(k + 1) == W.past;
      const bool future =
          !strictlyPast && (futureSentence() || word(k + 1) == W.next || word(k + 1) == W.coming);
      int delta = (pub.weekday() - wd + 7) % 7;  // days back to the latest such day
      if (future) {
        delta = -((wd - pub.weekday() + 7) % 7);
        if (delta == 0) delta = -7;
      } else if (strictlyPast && delta == 0) {
        delta = 7;
      }
      e.date = Date::fromDays(pubDays - delta);
      e.future = future;
      how = future         ? "the next such weekday after publication"
            : strictlyPast ? "the latest such weekday before publication"
                           : "the latest such weekday on or before publication";
      e.tokenTo = k + 1 + (strictlyPast || word(k + 1) == W.next || word(k + 1) == W.coming);
      found = true;
    }
    if (found) {
      if (part) {
        e.precision = DatePrecision::PartOfDay;
        how += std::string(", ") + part;
      }
      e.resolution = iso(e.date) + " (" + how + ")";
      out.push_back(e);
      i = e.tokenTo - 1;
      continue;
    }

    // "الشهر الماضي", "الأسبوع الماضي".
    if ((w == W.month || w == W.week) && (word(i + 1) == W.past || word(i + 1) == W.pastF)) {
      if (w == W.month) {
        Date d = pub;
        d.month = pub.month == 1 ? 12 : pub.month - 1;
        d.year = pub.month == 1 ? pub.year - 1 : pub.year;
        d.day = 1;
        e.date = d;
        e.precision = DatePrecision::Month;
      } else {
        e.date = Date::fromDays(pubDays - 7);
        e.precision = DatePrecision::Week;
      }
      e.tokenTo = i + 2;
      e.resolution = iso(e.date) + (w == W.month ? " (the month before publication)"
                                                 : " (a week before publication)");
      out.push_back(e);
      ++i;
      continue;
    }

    // "منذ N أيام|أسابيع|أشهر" or "منذ أسبوعين": a span from then to publication.
    if (w == W.since) {
      for (const auto& [name, days] : W.units)
        if (word(i + 1) == name &&
            std::find(W.sinceUnits.begin(), W.sinceUnits.end(), name) != W.sinceUnits.end()) {
          e.date = Date::fromDays(pubDays - days);
          e.end = pub;
          e.precision = DatePrecision::Span;
          e.tokenTo = i + 2;
          e.resolution = iso(e.date) + " to " + iso(pub) + " (a span up to publication)";
          out.push_back(e);
          found = true;
          break;
        }
      if (found) {
        ++i;
        continue;
      }
      if (auto n = parseNumberAt(text, tokens, i + 1)) {
        const std::u32string_view unit = word(i + 1 + n->tokens);
        for (const auto& [name, days] : W.units)
          if (unit == name) {
            e.date = Date::fromDays(pubDays - static_cast<int>(n->value) * days);
            e.end = pub;
            e.precision = DatePrecision::Span;
            e.tokenTo = i + 2 + n->tokens;
            e.resolution = iso(e.date) + " to " + iso(pub) + " (a span up to publication)";
            out.push_back(e);
            i = e.tokenTo - 1;
            found = true;
            break;
          }
        if (found) continue;
      }
    }

    // Explicit day and month: "15 نوفمبر", "الخامس عشر من نوفمبر الماضي", "9 تشرين الثاني 2016".
    {
      const bool since = w == W.since;
      const size_t start = since ? i + 1 : i;
      std::optional<ParsedNumber> dayNumber;
      if (start < tokens.size()) {
        const std::u32string_view first = word(start);
        if (!first.empty() && first[0] >= U'0' && first[0] <= U'9') {
          dayNumber = parseNumberAt(text, tokens, start);
        } else if (auto v = numberWordValue(rawWord(start), true)) {
          // Ordinal words: "الخامس عشر", "الحادي والعشرين", "التاسع".
          ParsedNumber p{*v, 1};
          if (auto tens = numberWordValue(rawWord(start + 1), true); tens && *tens >= 10) {
            p.value += *tens;
            p.tokens = 2;
          }
          dayNumber = p;
        }
      }
      if (dayNumber && dayNumber->value >= 1 && dayNumber->value <= 31) {
        size_t m = start + dayNumber->tokens;
        if (word(m) == W.from) ++m;  // "الخامس عشر من نوفمبر"
        size_t used = 0;
        if (m < tokens.size())
          if (auto month = monthAt(text, tokens, m, used, true)) {
            size_t end = m + used;
            int year = pub.year;
            bool explicitYear = false;
            if (auto y = parseNumberAt(text, tokens, end);
                y && y->value >= 1900 && y->value < 2100) {
              year = static_cast<int>(y->value);
              explicitYear = true;
              end += y->tokens;
            }
            // Without a year: the latest such date not after publication ("الماضي" says so too).
            const int dayOfMonth = static_cast<int>(dayNumber->value);
            if (!explicitYear && std::pair(*month, dayOfMonth) > std::pair(pub.month, pub.day))
              --year;
            if (word(end) == W.past || word(end) == W.current) ++end;
            if (isValidDate(year, *month, static_cast<int>(dayNumber->value))) {
              e.date = Date{year, *month, static_cast<int>(dayNumber->value)};
              e.tokenFrom = i;
              e.tokenTo = end;
              if (since && e.date <= pub) {  // a "since" after publication is no span
                e.end = pub;
                e.precision = DatePrecision::Span;
                e.resolution = iso(e.date) + " to " + iso(pub) + " (a span up to publication)";
              } else {
                e.resolution =
                    iso(e.date) +
                    (explicitYear ? "" : " (the latest such date not after publication)");
              }
              out.push_back(e);
              i = end - 1;
              continue;
            }
          }
      }
    }

    // A month alone with "الماضي" or a year: month precision ("سبتمبر الماضي").
    {
      size_t used = 0;
      if (auto month = monthAt(text, tokens, i, used, false)) {
        size_t end = i + used;
        int year = pub.year;
        bool ok = false;
        if (auto y = parseNumberAt(text, tokens, end); y && y->value >= 1900 && y->value < 2100) {
          year = static_cast<int>(y->value);
          end += y->tokens;
          ok = true;
        } else if (word(end) == W.past || word(end) == W.current) {
          if (Date{year, *month, 1} > pub) --year;
          ++end;
          ok = true;
        }
        if (ok) {
          e.date = Date{year, *month, 1};
          e.precision = DatePrecision::Month;
          e.tokenTo = end;
          e.resolution = iso(e.date).substr(0, 7) + " (the month)";
          out.push_back(e);
          i = end - 1;
        }
      }
    }
  }
}

}  // namespace atlas
