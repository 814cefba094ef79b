// The screenshot and the saved layout, written atomically, with an unwritable target folder
// (see test_atomic_exports.cpp for the exports).
#include <gtest/gtest.h>

#include "bad_inputs.h"
#include "run_process.h"
#include "unwritable.h"

using namespace atlas::test;

namespace {

const std::string kApp = ATLAS_APP_PATH;

TEST(AtomicGui, ScreenshotIntoAnUnwritableFolderKeepsThePreviousImage) {
  TempDir dir;
  const fs::path png = dir.path / "shots" / "map.png";
  fs::create_directory(png.parent_path());
  writeFile(png, "previous image");
  {
    Unwritable guard(png.parent_path());
    if (!guard.ok()) GTEST_SKIP() << "cannot make a folder unwritable here (root without chattr)";
    const auto r = runProcess(
        {kApp, "screenshot", "--out", png.string(), "--width", "640", "--height", "480"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("map.png"), std::string::npos) << r.err;
  }
  EXPECT_EQ(readAll(png), "previous image");
  EXPECT_EQ(std::distance(fs::directory_iterator(png.parent_path()), fs::directory_iterator()), 1);
}

TEST(AtomicGui, LayoutInAnUnwritableConfigFolderIsKeptAndTheAppGoesOn) {
  TempDir config;
  const fs::path ini = config.path / "aleppo-atlas" / "layout.ini";
  fs::create_directories(ini.parent_path());
  const std::string previous = "[AleppoAtlas][Layout]\nSidePanelWidth=433\n";
  writeFile(ini, previous);
  Unwritable guard(ini.parent_path());
  if (!guard.ok()) GTEST_SKIP() << "cannot make a folder unwritable here (root without chattr)";
  const auto r =
      runProcess({kApp, "--quit-after-frames", "5"}, {{"XDG_CONFIG_HOME", config.path.string()}});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("layout not saved"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("layout.ini"), std::string::npos) << r.err;
  EXPECT_EQ(readAll(ini), previous);
}

}  // namespace
