// Inputs the fuzz targets (fuzz/) found to crash or hang, kept as tests after the fix.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/corpus.h"
#include "core/date_resolver.h"
#include "core/tokens.h"
#include "map/basemap.h"

using namespace atlas;

// fuzz_basemap: json::value() throws when a member has another type than the default; a
// "type" or "layer" that is not a string ended the app with an uncaught exception.
TEST(FuzzRegressions, BaseMapMembersOfTheWrongTypeAreReportedNotThrown) {
  for (const char* text :
       {R"({"type":["FeatureCollection"],"features":[]})",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"layer":7},)"
        R"("geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,36.2]]}}]})",
        R"({"type":"FeatureCollection","features":[{"properties":[],"geometry":{"type":{}}}]})"}) {
    map::BaseMapLoadResult r;
    ASSERT_NO_THROW(r = map::parseBaseMap(text, "bad.geojson")) << text;
    EXPECT_FALSE(r.diagnostics.empty()) << text;
    for (const Diagnostic& d : r.diagnostics) EXPECT_EQ(d.file, "bad.geojson");
  }
}

namespace {

std::vector<DateExpression> datesIn(const std::string& text, Date pub) {
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  std::vector<Token> tokens;
  tokenize(f.chars, tokens);
  return findDateExpressions(f.chars, tokens, pub);
}

}  // namespace

// fuzz_dates: "since 15 November last" in an article of 3 November resolved to 15 November of
// the same year, after publication, giving a span that ends before it starts. Without a year the
// day is the latest 15 November not after publication: 2015 (worked out by hand).
TEST(FuzzRegressions, ADayOfThePublicationMonthAfterPublicationIsLastYears) {
  const Date pub{2016, 11, 3};
  const auto since = datesIn("منذ الخامس عشر من نوفمبر الماضي", pub);
  ASSERT_EQ(since.size(), 1u);
  EXPECT_EQ(since[0].date, (Date{2015, 11, 15}));
  EXPECT_EQ(since[0].end, pub);
  const auto plain = datesIn("في 15 نوفمبر", pub);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].date, (Date{2015, 11, 15}));
  // The day of publication itself and earlier days of its month stay in its year.
  EXPECT_EQ(datesIn("في 3 نوفمبر", pub).at(0).date, pub);
  EXPECT_EQ(datesIn("في 1 نوفمبر", pub).at(0).date, (Date{2016, 11, 1}));
}

// With an explicit year after publication, "since" is no span (it would end before it starts).
TEST(FuzzRegressions, SinceADateAfterPublicationIsNoBackwardSpan) {
  const Date pub{2016, 11, 3};
  const auto e = datesIn("منذ 15 نوفمبر 2017", pub);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, (Date{2017, 11, 15}));
  EXPECT_FALSE(e[0].end.has_value());
}

// fuzz_jsonl: a number beyond double ("-1e309") is valid JSON syntax that nlohmann::json
// refuses with an out_of_range exception, which escaped the loader and ended the app.
TEST(FuzzRegressions, AJsonlNumberBeyondDoubleIsOneBadLine) {
  Corpus c;
  ASSERT_NO_THROW(
      c = parseJsonlCorpus("{\"id\":\"a\",\"text\":\"x\",\"n\":-1e309}\n"
                           "{\"id\":\"b\",\"published\":\"2016-10-04\",\"text\":\"y\"}\n",
                           "big.jsonl"));
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "b");
  ASSERT_FALSE(c.diagnostics.empty());
  EXPECT_EQ(c.diagnostics[0].line, 1);
  EXPECT_NE(c.diagnostics[0].message.find("number overflow"), std::string::npos)
      << c.diagnostics[0].message;
}
