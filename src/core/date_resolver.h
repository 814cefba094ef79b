// Dates written in news text, resolved against the article's publication date the way news
// reads (HeidelTime's "news" mode): past-biased, "أمس" is the day before publication, a bare
// weekday is the latest such day on or before it, "الخميس الماضي" the latest before it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/tokens.h"

namespace atlas {

enum class DatePrecision : uint8_t { Day, PartOfDay, Week, Month, Span, Publication, Unknown };
const char* datePrecisionName(DatePrecision p);

struct DateExpression {
  size_t tokenFrom = 0, tokenTo = 0;  // tokens of the expression
  Date date;                          // the day (first day of a week / month / span)
  std::optional<Date> end;            // last day of a span ("منذ ..." runs to publication)
  DatePrecision precision = DatePrecision::Day;
  bool future = false;     // "غدا", or a weekday or a date in a clause about what will happen
  std::string resolution;  // how it resolved, e.g. "2016-10-09 (publication - 1 day)"
};

// How a sentence links to the ones before it, as far as carrying a date over goes (see the
// narrative rules in extraction.cpp).
enum class SentenceLink {
  Plain,     // nothing said: it may go on with the event before it
  NewTopic,  // it opens with "وفي سياق آخر", "من جهة أخرى", "في غضون ذلك", "إلى ذلك", "وفي حي
             // ...", "كما", "على صعيد", "في الأثناء", "أما", "يذكر أن", "ميدانياً": another event
  SameTime,  // "في اليوم نفسه" / "في ذات اليوم" anywhere, or it opens with "في أعقاب ذلك",
             // "وعلى إثر ذلك", "إثر ذلك": the event's time, said again (this wins)
};
SentenceLink sentenceLink(const std::u32string& text, const std::vector<Token>& tokens);

// Calls `f` with every word a date expression can start with (for classifyTokens).
void forEachDateStartWord(const std::function<void(const std::u32string&)>& f);

// Every date expression in one folded sentence. `publication` anchors the relative ones.
std::vector<DateExpression> findDateExpressions(const std::u32string& text,
                                                const std::vector<Token>& tokens,
                                                const Date& publication);
// The same into `out` (replaced), reusing its storage (the pipeline's per-thread scratch).
void findDateExpressions(const std::u32string& text, const std::vector<Token>& tokens,
                         const Date& publication, std::vector<DateExpression>& out);

}  // namespace atlas
