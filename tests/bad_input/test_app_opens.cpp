// The bad-input suite with the real app under Xvfb: on every bad input the window still opens
// (a screenshot of the UI is made) and the user is told about the problem, naming file and line;
// a corpus that cannot be loaded at all is one clear line and exit status 2, never a crash.
#include <gtest/gtest.h>

#include "bad_inputs.h"
#include "png_image.h"
#include "run_process.h"

using namespace atlas::test;

namespace {

const std::string kApp = ATLAS_APP_PATH;

class AppOnBadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(AppOnBadInput, StillOpensAndShowsTheMessages) {
  TempDir dir;
  const BadInputSetup s = GetParam().make(dir.path);
  EnvChanges env;
  if (!s.assets.empty()) env.push_back({"ALEPPO_ATLAS_ASSETS", s.assets.string()});
  const fs::path png = dir.path / "shot.png";
  const auto r = runProcess({kApp, "screenshot", "--corpus", s.corpus.string(), "--out",
                             png.string(), "--width", "900", "--height", "600"},
                            env);
  if (s.articles < 0) {
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(countLines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(s.fatal), std::string::npos) << r.err;
    return;
  }
  ASSERT_EQ(r.exitCode, 0) << r.err.substr(0, 4000);
  for (const ExpectedMessage& m : s.messages)
    EXPECT_TRUE(hasMessage(r.err, m)) << "expected " << describe(m) << " in\n" << r.err;
  Image img;
  ASSERT_TRUE(img.load(png.string()));
  EXPECT_EQ(img.width, 900);
  EXPECT_EQ(img.height, 600);
  // The UI was drawn: the status bar (dark) along the bottom and text somewhere.
  EXPECT_GT(img.fractionDarkerThan(0, 0, img.width, img.height, 100), 0.01);
}

INSTANTIATE_TEST_SUITE_P(Cases, AppOnBadInput, ::testing::ValuesIn(badInputCases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
