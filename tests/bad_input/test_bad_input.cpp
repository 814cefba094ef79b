// The bad-input suite, without a display: for every case the loader's message names the file and
// line, everything else loads unchanged, and the command line (`extract`) prints the message and
// the same records for the rest of the corpus as for a clean corpus.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "bad_inputs.h"
#include "core/corpus.h"
#include "core/gazetteer.h"
#include "map/basemap.h"
#include "run_process.h"

using namespace atlas;
using namespace atlas::test;

namespace {

const std::string kApp = ATLAS_APP_PATH;

std::string formatAll(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags) s += d.format() + "\n";
  return s;
}

// The extract records of the sample articles, as a sorted multiset of JSON texts; records that
// name `skipPlace` are left out (a case that breaks that place changes them on purpose).
std::multiset<std::string> sampleRecords(const std::string& jsonl, const std::string& skipPlace,
                                         int* skipped = nullptr) {
  std::set<std::string> ids;
  for (const auto& e : fs::directory_iterator(sampleCorpus()))
    if (e.path().extension() == ".txt") ids.insert(e.path().stem().string());
  std::multiset<std::string> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    if (!ids.count(j.value("doc", ""))) continue;
    if (!skipPlace.empty() && j.value("place", "") == skipPlace) {
      if (skipped) {  // the run with the broken place: its mentions have no position
        ++*skipped;
        EXPECT_TRUE(j["lat"].is_null()) << "a place with a bad coordinate was given one: " << line;
      }
      continue;
    }
    out.insert(line);
  }
  return out;
}

const std::string& cleanExtract() {
  static const std::string out = [] {
    auto r = runProcess({kApp, "extract", "--corpus", sampleCorpus().string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
  }();
  return out;
}

class BadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(BadInput, LoaderNamesFileAndLineAndLoadsEverythingElse) {
  TempDir dir;
  const BadInputSetup s = GetParam().make(dir.path);
  const CorpusLoadResult r = loadCorpus(s.corpus);
  if (s.articles < 0) {
    EXPECT_FALSE(r.corpus);
    EXPECT_NE(r.error.find(s.corpus.string() + ": "), std::string::npos) << r.error;
    EXPECT_NE(r.error.find(s.fatal), std::string::npos) << r.error;
    return;
  }
  ASSERT_TRUE(r.corpus) << r.error;
  std::string messages = formatAll(r.corpus->diagnostics);
  if (!s.assets.empty()) {
    const GazetteerLoadResult g = loadGazetteer(s.assets / "gazetteer.tsv");
    const GazetteerLoadResult shipped = loadGazetteer(shippedAssets() / "gazetteer.tsv");
    messages += formatAll(g.diagnostics);
    messages += formatAll(map::loadBaseMap(s.assets / "basemap.geojson").diagnostics);
    ASSERT_TRUE(g.gazetteer && shipped.gazetteer);
    // Every place is still there; only the broken one has no position.
    EXPECT_EQ(g.gazetteer->places.size(), shipped.gazetteer->places.size());
    for (const Place& p : g.gazetteer->places)
      EXPECT_EQ(p.hasPosition(), p.id != s.badPlace && shipped.gazetteer->find(p.id)->hasPosition())
          << p.id;
  }
  for (const ExpectedMessage& m : s.messages)
    EXPECT_TRUE(hasMessage(messages, m)) << "expected " << describe(m) << " in\n" << messages;
  EXPECT_EQ(static_cast<int>(r.corpus->articles.size()), s.articles) << messages;
  // The sample articles are all there, byte for byte.
  for (const auto& e : fs::directory_iterator(sampleCorpus())) {
    if (e.path().extension() != ".txt") continue;
    const std::string id = e.path().stem().string();
    const auto it = std::find_if(r.corpus->articles.begin(), r.corpus->articles.end(),
                                 [&](const Article& a) { return a.id == id; });
    ASSERT_NE(it, r.corpus->articles.end()) << id;
    EXPECT_EQ(it->text, readAll(e.path())) << id;
    EXPECT_TRUE(it->published.has_value()) << id;
  }
}

TEST_P(BadInput, CommandLineShowsTheMessagesAndLosesNothingElse) {
  TempDir dir;
  const BadInputSetup s = GetParam().make(dir.path);
  EnvChanges env;
  if (!s.assets.empty()) env.push_back({"ALEPPO_ATLAS_ASSETS", s.assets.string()});
  const fs::path out = dir.path / "mentions.jsonl";
  const auto r =
      runProcess({kApp, "extract", "--corpus", s.corpus.string(), "--out", out.string()}, env);
  if (s.articles < 0) {
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(countLines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(s.corpus.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(s.fatal), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    return;
  }
  ASSERT_EQ(r.exitCode, 0) << r.err.substr(0, 4000);
  for (const ExpectedMessage& m : s.messages) {
    // `extract` reads the corpus and the gazetteer, not the base map.
    if (m.fileSuffix == "basemap.geojson") continue;
    EXPECT_TRUE(hasMessage(r.err, m)) << "expected " << describe(m) << " in\n" << r.err;
  }
  if (s.messages.empty()) {
    EXPECT_EQ(r.err, "");
  }
  int skipped = 0;
  const auto got = sampleRecords(readAll(out), s.badPlace, &skipped);
  const auto want = sampleRecords(cleanExtract(), s.badPlace);
  EXPECT_EQ(got.size(), want.size());
  EXPECT_TRUE(got == want) << "the sample articles' mentions changed";
  if (!s.badPlace.empty()) {
    EXPECT_GT(skipped, 0) << s.badPlace << " is never mentioned";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(badInputCases()),
                         [](const auto& info) { return info.param.name; });

// Permission bits: a real failure for ordinary users. Root reads any file whatever its mode, so
// there the test says so and skips (UnreadableFiles covers unreadable entries that hold for root).
TEST(BadInputPermissions, FileWithoutReadPermissionIsSkippedWithItsName) {
  TempDir dir;
  const fs::path corpus = dir.path / "corpus";
  fs::copy(sampleCorpus(), corpus, fs::copy_options::recursive);
  writeFile(corpus / "005_secret.txt", "\xD8\xAD\xD9\x84\xD8\xA8");
  chmod((corpus / "005_secret.txt").c_str(), 0);
  if (access((corpus / "005_secret.txt").c_str(), R_OK) == 0)
    GTEST_SKIP() << "running as root (or with CAP_DAC_OVERRIDE): mode 000 does not stop reads";
  const auto r = loadCorpus(corpus);
  ASSERT_TRUE(r.corpus);
  EXPECT_EQ(r.corpus->articles.size(), 5u);
  EXPECT_TRUE(hasMessage(formatAll(r.corpus->diagnostics),
                         {"005_secret.txt", 0, "cannot read the file (Permission denied)"}));
}

}  // namespace
