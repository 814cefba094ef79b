// The one loading path (loadSession) and its extraction cache: reopening reuses the cache; a
// change of any key (corpus content, gazetteer, program version) rebuilds it; a damaged cache is
// said, rebuilt, and loses nothing; cancel stops a load at once; a throwing load is an error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/extraction_cache_file.h"
#include "app/model_loader.h"
#include "app/session.h"

using namespace atlas;
using namespace atlas::app;
namespace fs = std::filesystem;

namespace {

// Every field of two mentions, the date rule by its text.
void expectSameMentions(const ExtractionResult& a, const ExtractionResult& b) {
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  EXPECT_EQ(a.sentenceCount, b.sentenceCount);
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention &x = a.mentions[i], &y = b.mentions[i];
    SCOPED_TRACE("mention " + std::to_string(i));
    EXPECT_EQ(x.doc, y.doc);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.paragraph, y.paragraph);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.sentenceStart, y.sentenceStart);
    EXPECT_EQ(x.sentenceEnd, y.sentenceEnd);
    EXPECT_EQ(x.place, y.place);
    EXPECT_EQ(x.candidates, y.candidates);
    EXPECT_EQ(x.ambiguous, y.ambiguous);
    EXPECT_EQ(x.runTogether, y.runTogether);
    EXPECT_EQ(x.headStart, y.headStart);
    EXPECT_EQ(x.headEnd, y.headEnd);
    EXPECT_EQ(x.contextFromArticle, y.contextFromArticle);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.dateEnd, y.dateEnd);
    EXPECT_EQ(x.datePrecision, y.datePrecision);
    EXPECT_EQ(x.dateRule ? *x.dateRule : "", y.dateRule ? *y.dateRule : "");
    EXPECT_EQ(x.event, y.event);
    EXPECT_EQ(x.actors, y.actors);
    EXPECT_EQ(x.actor1, y.actor1);
    EXPECT_EQ(x.fatalities, y.fatalities);
    EXPECT_EQ(x.frontline, y.frontline);
    EXPECT_EQ(x.claimKind, y.claimKind);
    EXPECT_EQ(x.claimSide, y.claimSide);
    EXPECT_EQ(x.claim, y.claim);
    EXPECT_EQ(x.saidByStart, y.saidByStart);
    EXPECT_EQ(x.saidByEnd, y.saidByEnd);
  }
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeAll(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class SessionCache : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    dir = fs::temp_directory_path() /
          ("atlas-session-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    // A copy of the sample corpus that a test may change.
    fs::copy(fs::path(ATLAS_TEST_ASSETS_DIR) / "corpus", dir / "corpus");
    options.corpus = (dir / "corpus").string();
    options.cacheRoot = dir / "cache";
    options.programVersion = "test-1";
  }
  void TearDown() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    fs::remove_all(dir);
  }
  std::unique_ptr<Session> load() {
    std::string error;
    auto s = loadSession(options, nullptr, nullptr, &error);
    EXPECT_TRUE(s) << error;
    return s;
  }
  fs::path cacheFile() const { return extractionCacheFile(options.cacheRoot, options.corpus); }

  fs::path dir;
  SessionOptions options;
};

}  // namespace

TEST_F(SessionCache, TheFirstOpenExtractsAndTheSecondReadsTheCacheWithTheSameMentions) {
  auto first = load();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->mentionSource, MentionSource::Extracted);
  EXPECT_TRUE(fs::exists(cacheFile()));
  EXPECT_EQ(cacheFile().parent_path(), options.cacheRoot / "extraction");
  auto second = load();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->mentionSource, MentionSource::Cache);
  expectSameMentions(first->extraction, second->extraction);
  // What the views show is built the same way from either.
  EXPECT_EQ(first->view.mentionsOfPlace.size(), second->view.mentionsOfPlace.size());
  EXPECT_EQ(first->disagreements.size(), second->disagreements.size());
  // Deleting the cache is harmless: the next open extracts again.
  fs::remove_all(options.cacheRoot);
  auto third = load();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->mentionSource, MentionSource::Extracted);
  expectSameMentions(first->extraction, third->extraction);
}

TEST_F(SessionCache, ChangedCorpusContentRebuildsTheCache) {
  ASSERT_TRUE(load());
  // One letter of one article: "حلب" becomes "حمص" somewhere, so the extraction differs.
  fs::path article;
  for (const auto& e : fs::directory_iterator(dir / "corpus"))
    if (e.path().extension() == ".txt" && (article.empty() || e.path() < article))
      article = e.path();
  ASSERT_FALSE(article.empty());
  std::string text = readAll(article);
  const size_t at = text.find("حلب");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("حلب").size(), "حمص");
  writeAll(article, text);
  auto changed = load();
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->mentionSource, MentionSource::Extracted);
  auto again = load();
  EXPECT_EQ(again->mentionSource, MentionSource::Cache);
  expectSameMentions(changed->extraction, again->extraction);
}

TEST_F(SessionCache, AChangedManifestDateRebuildsTheCache) {
  ASSERT_TRUE(load());
  std::string manifest = readAll(dir / "corpus" / "MANIFEST.tsv");
  const size_t at = manifest.find("2016-");
  ASSERT_NE(at, std::string::npos);
  manifest.replace(at, 4, "2015");  // the dates mentions resolve against move a year
  writeAll(dir / "corpus" / "MANIFEST.tsv", manifest);
  auto changed = load();
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->mentionSource, MentionSource::Extracted);
}

TEST_F(SessionCache, AChangedGazetteerRebuildsTheCache) {
  ASSERT_TRUE(load());
  // The same assets with one more line in the gazetteer (a comment changes no place, but the
  // key is the file's content: any edit rebuilds).
  fs::copy(ATLAS_TEST_ASSETS_DIR, dir / "assets", fs::copy_options::recursive);
  std::ofstream(dir / "assets" / "gazetteer.tsv", std::ios::app) << "# edited\n";
  setenv("ALEPPO_ATLAS_ASSETS", (dir / "assets").c_str(), 1);
  auto changed = load();
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->mentionSource, MentionSource::Extracted);
  EXPECT_EQ(load()->mentionSource, MentionSource::Cache);
}

TEST_F(SessionCache, AnotherProgramVersionRebuildsTheCache) {
  ASSERT_TRUE(load());
  options.programVersion = "test-2";
  auto other = load();
  ASSERT_TRUE(other);
  EXPECT_EQ(other->mentionSource, MentionSource::Extracted);
  EXPECT_EQ(load()->mentionSource, MentionSource::Cache);
  // The real key names the version and the executable's code.
  EXPECT_EQ(programVersionKey().rfind(ATLAS_VERSION_STRING, 0), 0u) << programVersionKey();
  EXPECT_GT(programVersionKey().size(), std::string(ATLAS_VERSION_STRING).size() + 8);
}

TEST_F(SessionCache, ADamagedCacheIsSaidRebuiltAndLosesNothing) {
  auto fresh = load();
  ASSERT_TRUE(fresh);
  const std::string good = readAll(cacheFile());
  ASSERT_GT(good.size(), 1000u);
  // One flipped byte in the middle, then a file cut in half, then garbage.
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x5a;
  for (const std::string& bad :
       {flipped, good.substr(0, good.size() / 2), std::string("not a cache at all")}) {
    writeAll(cacheFile(), bad);
    ::testing::internal::CaptureStderr();
    auto reloaded = load();
    const std::string err = ::testing::internal::GetCapturedStderr();
    ASSERT_TRUE(reloaded);
    EXPECT_EQ(reloaded->mentionSource, MentionSource::Extracted);
    EXPECT_NE(err.find(cacheFile().string()), std::string::npos) << err;
    EXPECT_NE(err.find("damaged"), std::string::npos) << err;
    expectSameMentions(fresh->extraction, reloaded->extraction);
    // Rewritten whole: the next open reads it.
    EXPECT_EQ(readAll(cacheFile()), good);
    EXPECT_EQ(load()->mentionSource, MentionSource::Cache);
  }
}

TEST_F(SessionCache, CacheCanBeTurnedOff) {
  options.useCache = false;
  ASSERT_TRUE(load());
  EXPECT_FALSE(fs::exists(cacheFile()));
}

namespace {

// A corpus big enough that loading it takes seconds: the samples replicated as JSON Lines.
fs::path bigCorpus(const fs::path& dir, int articles) {
  const Corpus samples = *loadCorpus(fs::path(ATLAS_TEST_ASSETS_DIR) / "corpus").corpus;
  const fs::path p = dir / "big.jsonl";
  std::ofstream out(p, std::ios::binary);
  for (int i = 0; i < articles; ++i) {
    const Article& a = samples.articles[i % samples.articles.size()];
    nlohmann::json j;
    j["id"] = a.id + "#" + std::to_string(i);
    j["published"] = a.published->iso();
    j["text"] = a.text;
    out << j.dump() << '\n';
  }
  return p;
}

std::unique_ptr<Session> throwingLoad(const SessionOptions&, LoadProgress*,
                                      const std::atomic<bool>*, std::string*) {
  throw std::runtime_error("the disk caught fire");
}

}  // namespace

TEST_F(SessionCache, DestroyingTheLoaderCancelsTheLoadAtOnce) {
  options.corpus = bigCorpus(dir, 20000).string();
  options.useCache = false;
  auto loader = std::make_unique<ModelLoader>(options);
  // Wait until it is well into the work.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (loader->progress().step.load() < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(loader->progress().step.load(), 1) << "still reading after 60 s";
  const auto start = std::chrono::steady_clock::now();
  loader.reset();  // what quitting does
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(ms, 500.0);  // extracting 20,000 articles takes several seconds
}

TEST_F(SessionCache, ACancelledLoadSaysSoAndWritesNoCache) {
  std::atomic<bool> cancel{true};
  std::string error;
  EXPECT_EQ(loadSession(options, nullptr, &cancel, &error), nullptr);
  EXPECT_NE(error.find("cancelled"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(cacheFile()));
}

TEST(ModelLoaderErrors, AnExceptionInTheLoaderIsAnErrorMessageNotACrash) {
  SessionOptions options;
  options.corpus = "/some/corpus";
  ModelLoader loader(options, &throwingLoad);
  loader.wait();
  EXPECT_EQ(loader.take(), nullptr);
  EXPECT_NE(loader.error().find("the disk caught fire"), std::string::npos) << loader.error();
  EXPECT_NE(loader.error().find("/some/corpus"), std::string::npos) << loader.error();
}

TEST_F(SessionCache, ABackgroundYearDoesNotStretchTheTimelineOverYears) {
  // Hand-checked: the article is of 1 December 2016 and recalls a strike of 4 October 2013
  // and one of 20 September 2016; the timeline reaches back to 20 September (within 92 days of
  // the first publication), not to 2013.
  const fs::path corpus = dir / "background";
  fs::create_directories(corpus);
  writeAll(corpus / "a.txt",
           "وفي 4 تشرين الأول 2013 قصفت الطائرات حي الشعار.\n"
           "وفي 20 أيلول قصفت الطائرات حي الميسر.\n");
  writeAll(corpus / "MANIFEST.tsv", "file\tpublished\toutlet\na.txt\t2016-12-01\t\n");
  options.corpus = corpus.string();
  auto s = load();
  ASSERT_TRUE(s);
  bool background = false;  // the mention keeps its own date
  for (const auto& m : s->extraction.mentions)
    if (m.date && m.date->iso() == "2013-10-04") background = true;
  EXPECT_TRUE(background);
  EXPECT_EQ(s->view.histogram.first.iso(), "2016-09-20");
}
