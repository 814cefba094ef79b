// The real app under Xvfb: screenshots checked region by region, layout persistence, HiDPI.
// Colours probed here are the theme's (src/ui/theme.h); regions follow the layout in main_view.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "png_image.h"
#include "run_process.h"

namespace fs = std::filesystem;
using atlas::test::Image;
using atlas::test::Rgb;
using atlas::test::runProcess;

namespace {

const std::string kApp = ATLAS_APP_PATH;
const Rgb kMapBackground{233, 228, 216};
const Rgb kStatusBar{38, 50, 66};
const Rgb kCityFill{221, 214, 198};  // map::style::kCityExtentFill
const Rgb kCellFill{214, 206, 188};  // map::style::kCellFill, kCellFillAlt: neighbourhoods
const Rgb kCellFillAlt{206, 198, 180};
// Neighbourhood areas by who holds them (map::style), and the 6 % darker alternates.
const Rgb kGovernmentFill{222, 170, 160}, kGovernmentAlt{208, 159, 150};
const Rgb kOppositionFill{170, 204, 160}, kOppositionAlt{159, 191, 150};
const Rgb kRiver{84, 140, 196};  // map::style::kRiver

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-gui-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Height in pixels of the run of status-bar-coloured rows at the bottom of the image.
int statusBarRows(const Image& img) {
  int rows = 0;
  for (int y = img.height - 1; y >= 0; --y, ++rows)
    if (img.fractionNear(0, y, img.width, y + 1, kStatusBar) < 0.5) break;
  return rows;
}

}  // namespace

TEST(Screenshot, ShowsMapAreaSidePanelAndStatusBar) {
  TempDir dir;
  const fs::path png = dir.path / "shot.png";
  auto r = runProcess({kApp, "screenshot", "--out", png.string(), "--width", "1200", "--height",
                       "800", "--date", "2016-12-10"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Image img;
  ASSERT_TRUE(img.load(png.string()));
  EXPECT_EQ(img.width, 1200);
  EXPECT_EQ(img.height, 800);

  // Map area (left of the 340 px side panel): the city drawn by our GL renderer over the map
  // background: the built-up extent's fill, the Queiq in blue, background at the corners.
  const int mapW = 1200 - 340;
  double city = 0;
  for (const Rgb& c : {kCityFill, kCellFill, kCellFillAlt, kGovernmentFill, kGovernmentAlt,
                       kOppositionFill, kOppositionAlt})
    city += img.fractionNear(0, 30, mapW, 640, c, 3);
  EXPECT_GT(city, 0.15);
  // Two days after the reference of 8 December (evidence within the shelf life, so drawn in the
  // sides' full colours, not washed out as unconfirmed) both sides hold parts of the city.
  EXPECT_GT(img.fractionNear(0, 30, mapW, 640, kGovernmentFill, 3), 0.02);
  EXPECT_GT(img.fractionNear(0, 30, mapW, 640, kOppositionFill, 3), 0.005);
  EXPECT_GT(img.fractionNear(0, 30, mapW, 640, kRiver, 10), 0.001);
  EXPECT_GT(img.fractionNear(10, 380, 60, 420, kMapBackground), 0.9);  // west of the city
  // Side panel on the right: not map-coloured, and it lists the five articles (dark text).
  EXPECT_LT(img.fractionNear(900, 60, 1190, 700, kMapBackground), 0.05);
  EXPECT_GT(img.fractionDarkerThan(880, 30, 1200, 160, 100), 0.03);
  // Status bar along the bottom, a text line high.
  const int bar = statusBarRows(img);
  EXPECT_GE(bar, 16);
  EXPECT_LE(bar, 40);
  // Menu bar on top: not map-coloured.
  EXPECT_LT(img.fractionNear(0, 2, 1200, 10, kMapBackground), 0.05);
}

TEST(Screenshot, HonoursTheRequestedSize) {
  TempDir dir;
  const fs::path png = dir.path / "small.png";
  auto r = runProcess({kApp, "screenshot", "--out", png.string(), "--width", "640", "--height",
                       "480", "--date", "2016-12-05", "--select", "sheikh-saeed"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Image img;
  ASSERT_TRUE(img.load(png.string()));
  EXPECT_EQ(img.width, 640);
  EXPECT_EQ(img.height, 480);
  // The map area holds the selection ring (230, 60, 40) around Sheikh Saeed.
  int ring = 0;
  for (int y = 20; y < 330; ++y)
    for (int x = 0; x < 290; ++x) {
      const Rgb p = img.at(x, y);
      ring += std::abs(p.r - 230) < 12 && std::abs(p.g - 60) < 20 && std::abs(p.b - 40) < 20;
    }
  EXPECT_GT(ring, 30);
}

TEST(Screenshot, SelectFramesThePlaceAtTheCentreOfTheMap) {
  TempDir dir;
  const fs::path png = dir.path / "select.png";
  auto r = runProcess({kApp, "screenshot", "--out", png.string(), "--width", "1200", "--height",
                       "800", "--select", "al-myassar"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Image img;
  ASSERT_TRUE(img.load(png.string()));
  // The red selection ring (230, 60, 40) surrounds the middle of the map area: find its pixels
  // and check their centre. The map area is the window left of the 340 px side panel, between
  // the menu bar and the timeline. The place's area is outlined in the same red further out:
  // only the middle 100 px square is searched (a ring anywhere else is not found at all).
  long sx = 0, sy = 0, n = 0;
  const int cx = (1200 - 340 - 8) / 2;
  for (int y = 150; y < 600; ++y)
    for (int x = cx - 50; x < cx + 50; ++x) {
      const Rgb p = img.at(x, y);
      if (std::abs(p.r - 230) < 12 && std::abs(p.g - 60) < 20 && std::abs(p.b - 40) < 20)
        sx += x, sy += y, ++n;
    }
  ASSERT_GT(n, 30) << "no selection ring";
  // Map width: 1200 - 340 (side panel) - 8 (the splitter, one item spacing).
  EXPECT_NEAR(static_cast<double>(sx) / n, (1200 - 340 - 8) / 2.0, 2);
  EXPECT_GT(static_cast<double>(sy) / n, 250);
  EXPECT_LT(static_cast<double>(sy) / n, 450);
  // And the outline of its area, around it.
  long outline = 0;
  for (int y = 30; y < 640; ++y)
    for (int x = 0; x < 1200 - 340 - 8; ++x) {
      const Rgb p = img.at(x, y);
      outline += std::abs(p.r - 230) < 12 && std::abs(p.g - 60) < 20 && std::abs(p.b - 40) < 20;
    }
  EXPECT_GT(outline, n + 200);
}

TEST(Screenshot, NoOpenGl33IsOneClearLineAndExitTwo) {
  // Mesa can pretend to be an older OpenGL: then a 3.3 core context cannot be created.
  auto r = runProcess({kApp, "screenshot", "--out", "/tmp/atlas-never.png"},
                      {{"MESA_GL_VERSION_OVERRIDE", "3.0"}});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(atlas::test::countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("OpenGL 3.3"), std::string::npos) << r.err;
}

TEST(Screenshot, UnknownPlaceIdIsOneLineAndExitTwo) {
  auto r =
      runProcess({kApp, "screenshot", "--out", "/tmp/atlas-never.png", "--select", "atlantis"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(atlas::test::countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("atlantis"), std::string::npos) << r.err;
}

TEST(Screenshot, UnwritableTargetFailsAndKeepsThePreviousFile) {
  TempDir dir;
  const fs::path png = dir.path / "keep.png";
  std::ofstream(png) << "previous";
  // A target inside a path component that is a regular file cannot be created, even by root.
  auto r = runProcess({kApp, "screenshot", "--out", (png / "sub.png").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("sub.png"), std::string::npos) << r.err;
  EXPECT_EQ(readAll(png), "previous");
}

TEST(Gui, SavesLayoutInTheXdgConfigDirNotTheWorkingDir) {
  TempDir config, cwd;
  const fs::path ini = config.path / "aleppo-atlas" / "layout.ini";
  fs::create_directories(ini.parent_path());
  std::ofstream(ini) << "[AleppoAtlas][Layout]\nSidePanelWidth=512\n";
  const fs::path oldCwd = fs::current_path();
  fs::current_path(cwd.path);
  auto r =
      runProcess({kApp, "--quit-after-frames", "5"}, {{"XDG_CONFIG_HOME", config.path.string()}});
  fs::current_path(oldCwd);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string saved = readAll(ini);
  // The width read at start-up is what is written back on exit.
  EXPECT_NE(saved.find("SidePanelWidth=512"), std::string::npos) << saved;
  EXPECT_TRUE(fs::is_empty(cwd.path)) << "the app wrote into the working directory";
}

TEST(Gui, HiDpiContentScaleEnlargesTheUi) {
  // GLFW takes the X11 content scale from the Xft.dpi resource: 192 dpi is scale 2.
  TempDir dir;
  const fs::path one = dir.path / "one.png", two = dir.path / "two.png";
  ASSERT_EQ(runProcess({kApp, "screenshot", "--out", one.string()}).exitCode, 0);
  std::ofstream(dir.path / "res") << "Xft.dpi: 192\n";
  ASSERT_EQ(runProcess({"xrdb", "-nocpp", "-merge", (dir.path / "res").string()}).exitCode, 0);
  auto r = runProcess({kApp, "screenshot", "--out", two.string()});
  runProcess({"xrdb", "-remove"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Image a, b;
  ASSERT_TRUE(a.load(one.string()));
  ASSERT_TRUE(b.load(two.string()));
  EXPECT_EQ(a.width, b.width) << "screenshots keep the requested size at any scale";
  const double ratio = static_cast<double>(statusBarRows(b)) / statusBarRows(a);
  EXPECT_GT(ratio, 1.7);
  EXPECT_LT(ratio, 2.3);
}

TEST(Gui, RemembersTheLastCorpusWindowModeAndFilters) {
  TempDir config, corpus;
  const fs::path ini = config.path / "aleppo-atlas" / "layout.ini";
  fs::create_directories(ini.parent_path());
  // Settings as the app writes them: "this day" mode, only territory-taken events (bit 2), the
  // outlet "Outlet X" hidden.
  std::ofstream(ini) << "[AleppoAtlas][Layout]\nSidePanelWidth=400\nWindowMode=0\n"
                        "FilterEventTypes=4\nHiddenOutlet=Outlet X\n";
  // A corpus of its own (a copy of two sample articles).
  std::ofstream(corpus.path / "MANIFEST.tsv")
      << "file\tpublished\toutlet\n000_c162b1d864b0bcfc.txt\t2016-10-10\tOutlet X\n";
  fs::copy_file(fs::path(ATLAS_SAMPLE_CORPUS) / "000_c162b1d864b0bcfc.txt",
                corpus.path / "000_c162b1d864b0bcfc.txt");
  const atlas::test::EnvChanges env{{"XDG_CONFIG_HOME", config.path.string()}};
  auto r = runProcess({kApp, "--corpus", corpus.path.string(), "--quit-after-frames", "5"}, env);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string saved = readAll(ini);
  EXPECT_NE(saved.find("LastCorpus=" + corpus.path.string()), std::string::npos) << saved;
  EXPECT_NE(saved.find("WindowMode=0"), std::string::npos) << saved;
  EXPECT_NE(saved.find("FilterEventTypes=4"), std::string::npos) << saved;
  EXPECT_NE(saved.find("HiddenOutlet=Outlet X"), std::string::npos) << saved;
  // Started again without --corpus, it reopens that corpus (and keeps remembering it).
  r = runProcess({kApp, "--quit-after-frames", "5"}, env);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  saved = readAll(ini);
  EXPECT_NE(saved.find("LastCorpus=" + corpus.path.string()), std::string::npos) << saved;
  // A remembered corpus that has gone is not an error: the sample corpus opens instead.
  fs::remove_all(corpus.path);
  r = runProcess({kApp, "--quit-after-frames", "5"}, env);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readAll(ini).find("LastCorpus=" + corpus.path.string()), std::string::npos);
}

TEST(Screenshot, At800By600TheLegendIsAButtonAndTheStatusLineFits) {
  TempDir dir;
  auto shoot = [&](int w, int h) {
    const fs::path png = dir.path / ("legend-" + std::to_string(w) + ".png");
    auto r = runProcess({kApp, "screenshot", "--out", png.string(), "--width", std::to_string(w),
                         "--height", std::to_string(h)});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    Image img;
    EXPECT_TRUE(img.load(png.string()));
    return img;
  };
  // The legend's paper box (250, 248, 242 over the map) in the bottom right of the map area.
  const Rgb paper{250, 248, 242};
  const Image large = shoot(1400, 900);
  const int largeMap = 1400 - 340 - 8;
  EXPECT_GT(large.fractionNear(largeMap - 180, 560, largeMap - 30, 700, paper, 10), 0.5);
  const Image small = shoot(800, 600);
  const int smallMap = 800 - 340 - 8;
  EXPECT_LT(small.fractionNear(smallMap - 170, 260, smallMap - 20, 420, paper, 10), 0.2);
  // The status line is not cut mid-glyph at the window's edge: its last 30 px hold only the
  // bar's own colour or the frame time's text, never text running off the edge (checked by
  // the line's end being inside the window: the bar's background at the very last column).
  const int bar = statusBarRows(small);
  ASSERT_GT(bar, 0);
  EXPECT_GT(small.fractionNear(797, 600 - bar + 2, 800, 598, small.at(799, 598), 4), 0.95);
}

// Quitting while a big corpus loads cancels the load at once: the app exits without waiting for
// the extraction (which would then be cached) to finish.
TEST(Window, QuittingDuringALoadCancelsIt) {
  TempDir dir;
  const fs::path corpus = dir.path / "big.jsonl";
  {
    // 20,000 articles (the samples replicated): seconds of extraction on any machine here.
    std::vector<std::string> texts;
    for (const auto& e : fs::directory_iterator(fs::path(ATLAS_SAMPLE_CORPUS)))
      if (e.path().extension() == ".txt") texts.push_back(readAll(e.path()));
    std::ofstream out(corpus, std::ios::binary);
    for (int i = 0; i < 20000; ++i) {
      std::string text;
      for (char c : texts[i % texts.size()]) {
        if (c == '\n')
          text += "\\n";
        else if (c == '"' || c == '\\')
          text += std::string("\\") + c;
        else if (c != '\r' && c != '\t')
          text += c;
      }
      out << "{\"id\":\"a" << i << "\",\"published\":\"2016-11-0" << 1 + i % 9 << "\",\"text\":\""
          << text << "\"}\n";
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto r = runProcess(
      {kApp, "--corpus", corpus.string(), "--quit-after-frames", "2", "--quit-during-load"},
      {{"XDG_CONFIG_HOME", (dir.path / "config").string()},
       {"XDG_CACHE_HOME", (dir.path / "cache").string()}});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exitCode, 0) << r.err;
  // The load never finished: no extraction was cached.
  EXPECT_FALSE(fs::exists(dir.path / "cache" / "aleppo-atlas" / "extraction")) << seconds << " s";
  EXPECT_LT(seconds, 10.0);
}
