// The command line as a user meets it: help, version, exit codes, one-line errors.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "run_process.h"

using atlas::test::countLines;
using atlas::test::runProcess;

namespace {
const std::string kApp = ATLAS_APP_PATH;
}

TEST(Cli, HelpListsTheSubcommandsAndExitsZero) {
  auto r = runProcess({kApp, "--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* word : {"screenshot", "extract", "shape", "--corpus", "--version"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST(Cli, ScreenshotHelpNamesItsOptions) {
  auto r = runProcess({kApp, "screenshot", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* word : {"--out", "--width", "--height", "--date", "--select"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST(Cli, VersionPrintsTheProjectVersion) {
  auto r = runProcess({kApp, "--version"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, std::string("aleppo-atlas ") + ATLAS_VERSION_STRING + "\n");
}

TEST(Cli, MissingCorpusIsOneClearLineAndExitTwo) {
  auto r = runProcess({kApp, "--corpus", "/nonexistent"}, {{"DISPLAY", ":99"}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("/nonexistent"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

TEST(Cli, CorpusThatIsAFileIsRejectedClearly) {
  auto r = runProcess({kApp, "--corpus", "/etc/hostname"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("/etc/hostname"), std::string::npos) << r.err;
}

TEST(Cli, NoDisplayIsOneClearLineAndExitTwo) {
  auto r = runProcess({kApp}, {{"DISPLAY", std::nullopt}, {"WAYLAND_DISPLAY", std::nullopt}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("display"), std::string::npos) << r.err;
}

TEST(Cli, ScreenshotWithoutDisplayAlsoExitsTwo) {
  auto r = runProcess({kApp, "screenshot", "--out", "/tmp/atlas-never-written.png"},
                      {{"DISPLAY", std::nullopt}, {"WAYLAND_DISPLAY", std::nullopt}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(countLines(r.err), 1) << r.err;
}

TEST(Cli, UnreachableDisplayExitsTwo) {
  auto r = runProcess({kApp}, {{"DISPLAY", ":97"}, {"WAYLAND_DISPLAY", std::nullopt}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(countLines(r.err), 1) << r.err;
}

TEST(Cli, BadDateIsAUsageErrorBeforeAnyWindowOpens) {
  auto r = runProcess({kApp, "screenshot", "--out", "/tmp/x.png", "--date", "2016-02-30"},
                      {{"DISPLAY", std::nullopt}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("2016-02-30"), std::string::npos) << r.err;
}

TEST(Cli, UnknownOptionExitsTwo) {
  auto r = runProcess({kApp, "--no-such-option"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(Cli, ScreenshotRequiresOut) {
  auto r = runProcess({kApp, "screenshot"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

// Every error line is the program's, one line, and bad input exits 2 (README: exit status).
void expectBadInput(const std::vector<std::string>& args, const std::string& mentions) {
  auto r = runProcess(args, {{"DISPLAY", std::nullopt}});
  EXPECT_EQ(r.exitCode, 2) << r.err;
  ASSERT_FALSE(r.err.empty());
  // The last line is the error: it starts with the program's name and says what was wrong.
  std::string last = r.err.substr(0, r.err.size() - 1);
  last = last.substr(last.rfind('\n') == std::string::npos ? 0 : last.rfind('\n') + 1);
  EXPECT_EQ(last.rfind("aleppo-atlas: ", 0), 0u) << r.err;
  EXPECT_NE(last.find(mentions), std::string::npos) << r.err;
  // No path from the build or source tree in any message.
  EXPECT_EQ(r.err.find(ATLAS_BUILD_TREE), std::string::npos) << r.err;
}

TEST(Cli, AnEmptyCorpusIsBadInput) {
  char tmpl[] = "/tmp/atlas-empty-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  expectBadInput({kApp, "extract", "--corpus", dir}, "no articles");
  expectBadInput({kApp, "control", "--date", "2016-10-04", "--corpus", dir}, "no articles");
  std::filesystem::remove_all(dir);
}

TEST(Cli, AMissingFontIsBadInput) {
  expectBadInput({kApp, "shape", "--text", "حلب", "--font", "/nonexistent.ttf"},
                 "/nonexistent.ttf");
}

TEST(Cli, NumericOptionsAreValidated) {
  expectBadInput({kApp, "shape", "--text", "حلب", "--size", "-5"}, "--size");
  expectBadInput({kApp, "shape", "--text", "حلب", "--width", "0"}, "--width");
  expectBadInput({kApp, "screenshot", "--out", "/tmp/x.png", "--width", "10"}, "--width");
  expectBadInput({kApp, "screenshot", "--out", "/tmp/x.png", "--height", "abc"}, "--height");
}

TEST(Cli, ParserErrorsCarryTheProgramsName) {
  expectBadInput({kApp, "control"}, "--date");
  expectBadInput({kApp, "--no-such-option"}, "--no-such-option");
  expectBadInput({kApp, "extract", "--format", "xml"}, "xml");
}

TEST(Cli, SelectTakesAnIdOrAnySpelling) {
  // No display here: a place that cannot be found is refused before any window opens; one that
  // is found goes on to need a display (exit 2 with the display's message, not the place's).
  auto noDisplay = [](const std::string& select) {
    return runProcess({kApp, "screenshot", "--out", "/tmp/atlas-select.png", "--select", select},
                      {{"DISPLAY", std::nullopt}, {"WAYLAND_DISPLAY", std::nullopt}});
  };
  for (const char* name :
       {"sheikh-saeed", "الشيخ سعيد", "شيخ سعيد", "الشّيخ سعيد", "Sheikh Saeed", "sheikh saeed"}) {
    const auto r = noDisplay(name);
    EXPECT_EQ(r.err.find("--select"), std::string::npos) << name << ": " << r.err;
  }
  auto r = noDisplay("nowhere-at-all");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("aleppo-atlas places"), std::string::npos) << r.err;
  // A name two places share is named back, not guessed.
  r = noDisplay("الزهراء");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("jamiat-al-zahra"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("al-zahraa"), std::string::npos) << r.err;
}

// `--mentions FILE` opens a corpus with mentions `extract` wrote (e.g. on a cluster) without
// extracting: control over time comes out exactly as from a fresh extraction.
TEST(Cli, MentionsFromExtractGiveTheSameControlAsExtracting) {
  char tmpl[] = "/tmp/atlas-mentions-XXXXXX";
  const std::filesystem::path dir = mkdtemp(tmpl);
  const std::string mentions = (dir / "mentions.jsonl").string();
  const std::string corpus = std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus";
  const std::vector<std::pair<std::string, std::optional<std::string>>> env = {
      {"XDG_CACHE_HOME", (dir / "cache").string()}};
  auto extracted = runProcess({kApp, "extract", "--corpus", corpus, "--out", mentions}, env);
  ASSERT_EQ(extracted.exitCode, 0) << extracted.err;
  for (const char* day : {"2016-10-04", "2016-12-05"}) {
    auto fresh = runProcess({kApp, "control", "--date", day, "--corpus", corpus}, env);
    auto given = runProcess(
        {kApp, "control", "--date", day, "--corpus", corpus, "--mentions", mentions}, env);
    ASSERT_EQ(fresh.exitCode, 0) << fresh.err;
    ASSERT_EQ(given.exitCode, 0) << given.err;
    EXPECT_GT(countLines(fresh.out), 100);
    EXPECT_EQ(given.out, fresh.out) << day;
  }
  // Without the corpus they belong to, or from a file that is not extract's output: one line,
  // exit 2.
  auto alone = runProcess({kApp, "control", "--date", "2016-10-04", "--mentions", mentions}, env);
  EXPECT_EQ(alone.exitCode, 2);
  EXPECT_NE(alone.err.find("--mentions needs the --corpus"), std::string::npos) << alone.err;
  auto wrong = runProcess({kApp, "control", "--date", "2016-10-04", "--corpus", corpus,
                           "--mentions", corpus + "/MANIFEST.tsv"},
                          env);
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_NE(wrong.err.find("MANIFEST.tsv"), std::string::npos) << wrong.err;
  EXPECT_EQ(countLines(wrong.err), 1) << wrong.err;
  std::filesystem::remove_all(dir);
}
