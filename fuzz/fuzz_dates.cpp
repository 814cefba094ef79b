// The date resolver: the first four bytes choose the publication date (any day of the years
// 0001-9999, as a manifest may give), the rest is text cut into sentences and folded as the
// pipeline does. Every expression covers words of its sentence and resolves to a real day.
#include <string>
#include <string_view>

#include "core/arabic_fold.h"
#include "core/date_resolver.h"
#include "core/sentences.h"
#include "core/tokens.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const uint32_t pick =
      data[0] | data[1] << 8 | data[2] << 16 | static_cast<uint32_t>(data[3]) << 24;
  // 0001-01-01 is day -719162 and 9999-12-31 day 2932896: the dates a manifest can give.
  const atlas::Date publication =
      atlas::Date::fromDays(-719162 + static_cast<int>(pick % (2932896u + 719162u + 1)));
  FUZZ_CHECK(atlas::isValidDate(publication.year, publication.month, publication.day));
  const std::string_view text(reinterpret_cast<const char*>(data) + 4, size - 4);
  static atlas::SentenceSplitter splitter;
  std::vector<atlas::SentenceSpan> sentences;
  splitter.split(text, sentences);
  atlas::FoldedText folded;
  std::vector<atlas::Token> tokens;
  for (const auto& s : sentences) {
    FUZZ_CHECK(s.start <= s.end && s.end <= text.size());
    atlas::foldRange(text, s.start, s.end, folded);
    atlas::tokenize(folded.chars, tokens);
    // Both ways the pipeline runs: with the word classes looked up, and without.
    for (int classify = 0; classify < 2; ++classify) {
      if (classify) atlas::classifyTokens(folded.chars, tokens);
      const auto exprs = atlas::findDateExpressions(folded.chars, tokens, publication);
      for (const auto& e : exprs) {
        FUZZ_CHECK(e.tokenFrom < e.tokenTo && e.tokenTo <= tokens.size());
        // A real calendar day (relative dates may step outside 0001-9999 at the ends).
        FUZZ_CHECK(e.date.month >= 1 && e.date.month <= 12 && e.date.day >= 1 && e.date.day <= 31);
        FUZZ_CHECK(atlas::Date::fromDays(e.date.toDays()) == e.date);
        if (e.end) FUZZ_CHECK(e.date <= *e.end);
        FUZZ_CHECK(!e.resolution.empty());
      }
    }
  }
  return 0;
}
