// The command line as a user meets it: help, version, exit codes, one-line errors.
#include <gtest/gtest.h>

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
