#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/gazetteer.h"
#include "core/reference_history.h"

using namespace atlas;

namespace {

const std::string kHeader = "place\tdate\tprecision\tside\tchange\tsource\tnote\n";

std::string assetPath(const char* name) { return std::string(ATLAS_TEST_ASSETS_DIR) + "/" + name; }

// The rows of one place, in file order (the file is sorted by date).
std::vector<ReferenceChange> rowsOf(const std::vector<ReferenceChange>& rows,
                                    const std::string& place) {
  std::vector<ReferenceChange> out;
  for (const ReferenceChange& r : rows)
    if (r.place == place) out.push_back(r);
  return out;
}

// The latest row of a place on or before `day`, as the file says its state is read.
const ReferenceChange* stateOn(const std::vector<ReferenceChange>& rows, const std::string& place,
                               Date day) {
  const ReferenceChange* latest = nullptr;
  for (const ReferenceChange& r : rows)
    if (r.place == place && r.date <= day) latest = &r;
  return latest;
}

bool hasRow(const std::vector<ReferenceChange>& rows, const std::string& place, Date from, Date to,
            Side side, const std::string& change) {
  for (const ReferenceChange& r : rows)
    if (r.place == place && r.date >= from && r.date <= to && r.side == side && r.change == change)
      return true;
  return false;
}

Date day(int y, int m, int d) { return Date{y, m, d}; }

}  // namespace

TEST(ReferenceHistory, GoodRowsParseWithTheirLines) {
  const std::string tsv =
      "# a comment\n" + kHeader +
      "castello-road\t2016-07-17\tday\tgovernment\tcaptured\thttps://a.example/1 "
      "| http://b.example/2\troad cut\n"
      "\n"
      "# another comment\r\n"
      "east-aleppo\t2016-12-22\tapprox\topposition\tevacuated\thttps://c.example/"
      "\t\r\n"
      "al-halak\t2016-11-27\tweek\tkurdish\tfront_moved\thttps://d.example/\tn\n"
      "sheikh-saeed\t2016-11-30\tday\tcontested\tceasefire\thttps://e.example/\tn";
  const auto r = parseReferenceHistory(tsv, "history.tsv");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().format();
  ASSERT_EQ(r.rows.size(), 4u);
  const ReferenceChange& a = r.rows[0];
  EXPECT_EQ(a.place, "castello-road");
  EXPECT_EQ(a.date, day(2016, 7, 17));
  EXPECT_EQ(a.precision, ReferenceChange::Precision::Day);
  EXPECT_EQ(a.side, Side::Government);
  EXPECT_EQ(a.change, "captured");
  EXPECT_EQ(a.source, "https://a.example/1 | http://b.example/2");
  EXPECT_EQ(a.note, "road cut");
  EXPECT_EQ(a.line, 3);
  // An empty note (a trailing empty cell, CRLF line end) is still seven columns.
  EXPECT_EQ(r.rows[1].precision, ReferenceChange::Precision::Approx);
  EXPECT_EQ(r.rows[1].side, Side::Opposition);
  EXPECT_EQ(r.rows[1].note, "");
  EXPECT_EQ(r.rows[1].line, 6);
  EXPECT_EQ(r.rows[2].precision, ReferenceChange::Precision::Week);
  EXPECT_EQ(r.rows[2].side, Side::Kurdish);
  EXPECT_EQ(r.rows[3].side, Side::Contested);
  EXPECT_EQ(r.rows[3].line, 8);
  EXPECT_EQ(precisionSlackDays(ReferenceChange::Precision::Approx), 2);
  EXPECT_STREQ(precisionName(ReferenceChange::Precision::Week), "week");
}

TEST(ReferenceHistory, BadRowsAreReportedWithFileAndLineAndTheRestLoads) {
  const std::string tsv =
      kHeader +
      "good\t2016-12-07\tday\tgovernment\tcaptured\thttps://x/\tok\n"           // 2
      "badday\t2016-02-30\tday\tgovernment\tcaptured\thttps://x/\tn\n"          // 3
      "badside\t2016-12-07\tday\trebels\tcaptured\thttps://x/\tn\n"             // 4
      "short\t2016-12-07\tday\tgovernment\tcaptured\thttps://x/\n"              // 5
      "long\t2016-12-07\tday\tgovernment\tcaptured\thttps://x/\tn\textra\n"     // 6
      "bad\xC3\x28utf\t2016-12-07\tday\tgovernment\tcaptured\thttps://x/\tn\n"  // 7
      "badprec\t2016-12-07\tabout\tgovernment\tcaptured\thttps://x/\tn\n"       // 8
      "badchange\t2016-12-07\tday\tgovernment\ttaken\thttps://x/\tn\n"          // 9
      "unknown\t2016-12-07\tday\tunknown\tcaptured\thttps://x/\tn\n"            // 10
      "\t2016-12-07\tday\tgovernment\tcaptured\thttps://x/\tn\n"                // 11
      "good2\t2016-12-08\tday\topposition\trecaptured\thttps://x/\tok\n";       // 12
  const auto r = parseReferenceHistory(tsv, "history.tsv");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].place, "good");
  EXPECT_EQ(r.rows[1].place, "good2");
  EXPECT_EQ(r.rows[1].line, 12);
  const std::vector<std::pair<int, std::string>> expected = {
      {3, "bad date '2016-02-30'"},
      {4, "unknown side 'rebels'"},
      {5, "expected 7 tab-separated columns, found 6"},
      {6, "expected 7 tab-separated columns, found 8"},
      {7, "invalid UTF-8 at byte 4"},
      {8, "unknown precision 'about'"},
      {9, "unknown change 'taken'"},
      {10, "unknown side 'unknown'"},
      {11, "row has no place"}};
  ASSERT_EQ(r.diagnostics.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Diagnostic& d = r.diagnostics[i];
    EXPECT_EQ(d.severity, Diagnostic::Severity::Warning);
    EXPECT_EQ(d.line, expected[i].first);
    const std::string prefix =
        "history.tsv:" + std::to_string(expected[i].first) + ": warning: " + expected[i].second;
    EXPECT_EQ(d.format().rfind(prefix, 0), 0u) << d.format();
  }
}

TEST(ReferenceHistory, AMissingFileOrABadHeaderIsAnErrorNotACrash) {
  const auto missing = loadReferenceHistory("/nonexistent/control_history.tsv");
  EXPECT_TRUE(missing.rows.empty());
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].severity, Diagnostic::Severity::Error);
  EXPECT_EQ(missing.diagnostics[0].format().rfind("/nonexistent/control_history.tsv: error: ", 0),
            0u)
      << missing.diagnostics[0].format();

  const auto header =
      parseReferenceHistory("place\tdate\tside\tsource\nx\t2016-01-01\tg\ts\n", "h");
  EXPECT_TRUE(header.rows.empty());
  ASSERT_EQ(header.diagnostics.size(), 1u);
  EXPECT_EQ(header.diagnostics[0].format().rfind("h:1: error: header", 0), 0u);

  const auto empty = parseReferenceHistory("# only a comment\n", "e");
  EXPECT_TRUE(empty.rows.empty());
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].severity, Diagnostic::Severity::Error);
}

TEST(ReferenceHistory, TheAssetIsCleanSortedCitedAndUsesGazetteerPlaces) {
  const auto r = loadReferenceHistory(assetPath("control_history.tsv"));
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().format();
  // 96 reference rows (one naming two hills) and the project's researched ones.
  EXPECT_GE(r.rows.size(), 135u);
  const auto g = loadGazetteer(assetPath("gazetteer.tsv"));
  ASSERT_TRUE(g.gazetteer);
  int researched = 0;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const ReferenceChange& c = r.rows[i];
    EXPECT_NE(g.gazetteer->find(c.place), nullptr) << "line " << c.line << ": " << c.place;
    EXPECT_GE(c.date, day(2016, 7, 1)) << "line " << c.line;
    EXPECT_LE(c.date, day(2016, 12, 31)) << "line " << c.line;
    // Every source is an http(s) address; two are separated by " | ".
    std::size_t start = 0;
    for (;;) {
      const std::size_t bar = c.source.find(" | ", start);
      const std::string url = c.source.substr(start, bar == std::string::npos ? bar : bar - start);
      EXPECT_TRUE(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)
          << "line " << c.line << ": '" << url << "'";
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    EXPECT_FALSE(c.note.empty()) << "line " << c.line;
    if (c.note.rfind("research: ", 0) == 0) ++researched;
    if (i > 0) {  // sorted by date, then place
      const ReferenceChange& p = r.rows[i - 1];
      EXPECT_TRUE(p.date < c.date || (p.date == c.date && p.place <= c.place))
          << "line " << c.line << " is out of order";
    }
  }
  EXPECT_GE(researched, 40);
}

// Facts checked against the sources (docs/REFERENCE_HISTORY.md names them).
TEST(ReferenceHistory, TheAssetHoldsTheBattlesVerifiedTurningPoints) {
  const auto r = loadReferenceHistory(assetPath("control_history.tsv"));
  ASSERT_FALSE(r.rows.empty());
  const auto& rows = r.rows;
  // The Castello road physically cut on 17 Jul (SOHR via The New Arab): the siege begins.
  EXPECT_TRUE(hasRow(rows, "castello-road", day(2016, 7, 17), day(2016, 7, 17), Side::Government,
                     "captured"));
  // The Ramouseh breakthrough of 6 Aug and its reversal: colleges retaken 4 Sep, district 8 Sep.
  EXPECT_TRUE(
      hasRow(rows, "al-ramouseh", day(2016, 8, 6), day(2016, 8, 6), Side::Opposition, "captured"));
  EXPECT_TRUE(hasRow(rows, "artillery-academy", day(2016, 8, 6), day(2016, 8, 6), Side::Opposition,
                     "captured"));
  EXPECT_TRUE(hasRow(rows, "artillery-academy", day(2016, 9, 4), day(2016, 9, 4), Side::Government,
                     "recaptured"));
  EXPECT_EQ(stateOn(rows, "al-ramouseh", day(2016, 8, 20))->side, Side::Opposition);
  EXPECT_EQ(stateOn(rows, "al-ramouseh", day(2016, 9, 10))->side, Side::Government);
  // Masakin Hanano: fought over from 23 Nov, to the government on 26–27 Nov (SANA, SOHR).
  EXPECT_TRUE(hasRow(rows, "masakin-hanano", day(2016, 11, 26), day(2016, 11, 27), Side::Government,
                     "captured"));
  EXPECT_EQ(stateOn(rows, "masakin-hanano", day(2016, 11, 24))->side, Side::Contested);
  // The north of the enclave falls on 28 Nov; al-Shaar on 6 Dec; the Old City on 7 Dec.
  EXPECT_TRUE(hasRow(rows, "al-sakhour", day(2016, 11, 28), day(2016, 11, 28), Side::Government,
                     "captured"));
  EXPECT_TRUE(
      hasRow(rows, "al-shaar", day(2016, 12, 5), day(2016, 12, 6), Side::Government, "captured"));
  EXPECT_TRUE(
      hasRow(rows, "old-city", day(2016, 12, 7), day(2016, 12, 7), Side::Government, "captured"));
  // Sheikh Saeed changed hands back and forth before falling on 12 Dec.
  EXPECT_EQ(stateOn(rows, "sheikh-saeed", day(2016, 12, 5))->side, Side::Contested);
  EXPECT_EQ(stateOn(rows, "sheikh-saeed", day(2016, 12, 12))->side, Side::Government);
  // Ceasefire 13 Dec, evacuation from 15 Dec, the last pocket handed over on 22 Dec.
  EXPECT_TRUE(hasRow(rows, "east-aleppo", day(2016, 12, 13), day(2016, 12, 14), Side::Opposition,
                     "ceasefire"));
  EXPECT_TRUE(hasRow(rows, "east-aleppo", day(2016, 12, 15), day(2016, 12, 15), Side::Opposition,
                     "evacuated"));
  EXPECT_TRUE(hasRow(rows, "east-aleppo", day(2016, 12, 22), day(2016, 12, 22), Side::Government,
                     "evacuated"));
  // After 22 Dec every place of the last pocket is the government's.
  for (const char* place : {"east-aleppo", "al-sukkari", "al-mashhad", "al-ansari", "ansari-sharqi",
                            "al-amiriyah", "al-zebdiyeh", "salah-al-din", "saif-al-dawla"}) {
    const ReferenceChange* s = stateOn(rows, place, day(2016, 12, 31));
    ASSERT_NE(s, nullptr) << place;
    EXPECT_EQ(s->side, Side::Government) << place;
    EXPECT_EQ(s->date, day(2016, 12, 22)) << place;
  }
  // Each eastern district the offensive of 26 Nov – 22 Dec took has a dated row.
  for (const char* place :
       {"masakin-hanano", "jabal-badro",   "baeedin",        "haydariya",     "al-sakhour",
        "sheikh-khodr",   "ard-al-hamra",  "sheikh-fares",   "al-halak",      "bustan-al-basha",
        "tariq-al-bab",   "al-jazmati",    "karm-al-tarrab", "al-myassar",    "karm-al-tahhan",
        "al-qaterji",     "al-helwaniyeh", "al-shaar",       "karm-al-jabal", "dahret-awwad",
        "jouret-awwad",   "bab-al-hadid",  "aqyul",          "qadi-askar",    "old-city",
        "bab-al-nairab",  "sheikh-lutfi",  "al-marjeh",      "al-maadi",      "al-asileh",
        "sheikh-saeed",   "al-salihin",    "bab-al-maqam",   "karm-homad",    "bustan-al-qasr",
        "al-kallaseh",    "karm-al-dada",  "al-ferdous",     "al-jalloum",    "jisr-al-hajj"}) {
    const auto own = rowsOf(rows, place);
    EXPECT_FALSE(own.empty()) << place;
    bool fell = false;
    for (const ReferenceChange& c : own)
      fell = fell || (c.date >= day(2016, 11, 26) && c.date <= day(2016, 12, 22) &&
                      c.side != Side::Opposition);
    EXPECT_TRUE(fell) << place;
  }
}
