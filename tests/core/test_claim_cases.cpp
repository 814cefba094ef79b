// The claim and event cases of tests/data/claims.tsv and tests/data/events.tsv, kept like
// HarfBuzz's shaping cases: one sentence a line with the result a reader expects, written for the
// project in the styles of 2016 reporting from both sides and the wires. Each sentence is an
// article of one corpus run through the real pipeline with the real gazetteer; every case names
// its line when it fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/claims.h"
#include "core/corpus.h"
#include "core/events.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;

namespace {

std::filesystem::path dataFile(const char* name) {
  return std::filesystem::path(ATLAS_TEST_DATA_DIR).parent_path().parent_path() / "data" / name;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

struct Row {
  int line = 0;
  std::vector<std::string> f;
};

// The rows after the header; '#' lines are comments.
std::vector<Row> loadRows(const char* name, const std::string& header) {
  std::ifstream in(dataFile(name));
  EXPECT_TRUE(in) << dataFile(name);
  std::vector<Row> rows;
  std::string line;
  bool seenHeader = false;
  const size_t columns = splitTabs(header).size();
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    if (!seenHeader) {
      EXPECT_EQ(line, header) << name << ":" << n << ": the header";
      seenHeader = true;
      continue;
    }
    Row r{n, splitTabs(line)};
    if (r.f.size() != columns) {
      ADD_FAILURE() << name << ":" << n << ": " << r.f.size() << " fields, not " << columns;
      continue;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

// One corpus with an article per row (published on a fixed day), extracted once; the first
// mention of each row's place.
struct CaseRun {
  Corpus corpus;
  ExtractionResult result;
  std::vector<const Mention*> first;  // parallel to the rows; null if the place is not found
};

CaseRun run(const std::vector<Row>& rows) {
  CaseRun r;
  for (const Row& row : rows) {
    Article& a = r.corpus.articles.emplace_back();
    a.id = std::to_string(row.line);
    a.text = row.f[0];
    a.published = Date{2016, 12, 6};
  }
  r.result = extractMentions(r.corpus, gazetteer(), 1);
  std::map<std::pair<int, int>, const Mention*> firstOf;  // (doc, place) → first mention
  for (const Mention& m : r.result.mentions)
    if (m.place >= 0) firstOf.try_emplace({m.doc, m.place}, &m);
  for (size_t i = 0; i < rows.size(); ++i) {
    const Place* p = gazetteer().find(rows[i].f[1]);
    const auto it =
        p ? firstOf.find({static_cast<int>(i), static_cast<int>(p - gazetteer().places.data())})
          : firstOf.end();
    r.first.push_back(it == firstOf.end() ? nullptr : it->second);
  }
  return r;
}

std::string sideText(std::optional<Side> s) { return s ? sideName(*s) : "-"; }

std::string actorText(uint32_t a) {
  if (a == kGovernment) return "government";
  if (a == kOpposition) return "opposition";
  if (a == kKurdish) return "kurdish";
  if (a == kRussianAirForce) return "russia";
  return "-";
}

}  // namespace

TEST(ClaimCases, AtLeast200CasesCoveringEveryPolarity) {
  const std::vector<Row> rows =
      loadRows("claims.tsv", "sentence\tplace\tclaim\tside\tsaid_by\tnote");
  EXPECT_GE(rows.size(), 200u);
  std::map<std::string, int> perKind;
  for (const Row& r : rows) {
    EXPECT_TRUE(parseClaimKind(r.f[2])) << "claims.tsv:" << r.line << ": " << r.f[2];
    EXPECT_TRUE(r.f[3] == "-" || parseSide(r.f[3])) << "claims.tsv:" << r.line << ": " << r.f[3];
    EXPECT_NE(gazetteer().find(r.f[1]), nullptr) << "claims.tsv:" << r.line << ": " << r.f[1];
    ++perKind[r.f[2]];
  }
  for (const char* k : {"captured", "held", "contested", "failed", "withdrew", "none"})
    EXPECT_GE(perKind[k], 10) << k;
}

TEST(ClaimCases, EverySentenceClaimsWhatAReaderReads) {
  const std::vector<Row> rows =
      loadRows("claims.tsv", "sentence\tplace\tclaim\tside\tsaid_by\tnote");
  const CaseRun r = run(rows);
  int passed = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const Mention* m = r.first[i];
    if (!m) {
      ADD_FAILURE() << "claims.tsv:" << row.line << ": " << row.f[1] << " not found in "
                    << row.f[0];
      continue;
    }
    const std::string kind = claimKindName(m->claimKind);
    const std::string side = m->claimKind == ClaimKind::Contested || m->claimKind == ClaimKind::None
                                 ? "-"
                                 : sideText(m->claimSide);
    const std::string saidBy =
        m->saidByEnd > m->saidByStart
            ? r.corpus.articles[m->doc].text.substr(m->saidByStart, m->saidByEnd - m->saidByStart)
            : "";
    const bool saidByOk =
        row.f[4] == "-" || row.f[2] == "none" ? true : saidBy.find(row.f[4]) != std::string::npos;
    const bool ok = kind == row.f[2] && (row.f[3] == "-" || side == row.f[3]) && saidByOk;
    if (ok) {
      ++passed;
      continue;
    }
    ADD_FAILURE() << "claims.tsv:" << row.line << ": " << row.f[1] << " expected " << row.f[2]
                  << "/" << row.f[3] << "/" << row.f[4] << ", got " << kind << "/" << side << "/"
                  << (saidBy.empty() ? "-" : saidBy) << "\n    " << row.f[0] << "\n    ("
                  << row.f[5] << ")";
  }
  std::printf("claims.tsv: %d of %zu cases pass\n", passed, rows.size());
}

TEST(EventCases, AtLeast100CasesCoveringEveryType) {
  const std::vector<Row> rows = loadRows("events.tsv", "sentence\tplace\tevent\tactor1\tnote");
  EXPECT_GE(rows.size(), 100u);
  std::map<std::string, int> perType;
  for (const Row& r : rows) ++perType[r.f[2]];
  for (const char* t : {"air_strike", "shelling", "clashes", "territory_taken", "attack_repelled",
                        "casualties", "other"})
    EXPECT_GE(perType[t], 5) << t;
}

TEST(EventCases, EverySentenceHasItsTypeAndTheSideThatDidIt) {
  const std::vector<Row> rows = loadRows("events.tsv", "sentence\tplace\tevent\tactor1\tnote");
  const CaseRun r = run(rows);
  int passed = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const Mention* m = r.first[i];
    if (!m) {
      ADD_FAILURE() << "events.tsv:" << row.line << ": " << row.f[1] << " not found";
      continue;
    }
    const std::string type = eventTypeName(m->event), actor = actorText(m->actor1);
    if (type == row.f[2] && actor == row.f[3]) {
      ++passed;
      continue;
    }
    ADD_FAILURE() << "events.tsv:" << row.line << ": " << row.f[1] << " expected " << row.f[2]
                  << "/" << row.f[3] << ", got " << type << "/" << actor << "\n    " << row.f[0]
                  << "\n    (" << row.f[4] << ")";
  }
  std::printf("events.tsv: %d of %zu cases pass\n", passed, rows.size());
}
