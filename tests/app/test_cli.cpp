// The command line as a user meets it: help, version, exit codes, one-line errors.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
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
