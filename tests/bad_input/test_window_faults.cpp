// Window and GL faults: a window with no area (minimised), resize storms, losing the display
// while the app runs, and no fonts at all. The app must neither crash nor draw garbage, and
// must say what happened.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

#include "app/gui_window.h"
#include "app/session.h"
#include "bad_inputs.h"
#include "png_image.h"
#include "run_process.h"
#include "ui/main_view.h"

extern char** environ;

using namespace atlas;
using namespace atlas::test;

namespace {

const std::string kApp = ATLAS_APP_PATH;

// GL_NO_ERROR is 0; the enum is not in GLFW's header without a GL loader.
unsigned glError() {
  using GetError = unsigned (*)();
  static auto get = reinterpret_cast<GetError>(glfwGetProcAddress("glGetError"));
  return get();
}

class WindowFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadSession(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
    ASSERT_TRUE(model_);
    app::WindowOptions options;
    options.width = 900;
    options.height = 600;
    options.visible = false;
    options.scaleToMonitor = false;
    options.scriptedInput = true;
    std::string error;
    window_ = app::GuiWindow::open(options, error);
    ASSERT_TRUE(window_) << error;
    ASSERT_TRUE(view_.init(error)) << error;
  }

  // One frame; false if the window asked to close.
  bool frame() {
    if (!window_->beginFrame(false)) return false;
    view_.draw(model_->view, state_);
    window_->render();
    window_->present();
    return true;
  }

  // The image of one more frame (read before it is presented).
  Image capture() {
    Image img;
    EXPECT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    img.rgba = window_->readPixels(img.width, img.height);
    window_->present();
    return img;
  }

  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  ui::MainView view_;
  ui::UiState state_;
};

TEST_F(WindowFaults, AWindowWithNoAreaDrawsNothingAndComesBackWhole) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(frame());
  const Image before = capture();
  window_->scriptWindowSize(0, 0);  // minimised
  EXPECT_TRUE(window_->minimised());
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(frame());
    EXPECT_EQ(glError(), 0u) << "frame " << i;
  }
  EXPECT_EQ(ImGui::GetIO().DisplaySize.x, 0.0f);
  window_->scriptWindowSize(-1, -1);  // restored
  EXPECT_FALSE(window_->minimised());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(frame());
  const Image after = capture();
  ASSERT_EQ(after.width, before.width);
  ASSERT_EQ(after.height, before.height);
  // The same picture as before it was minimised.
  size_t differing = 0;
  for (size_t k = 0; k < after.rgba.size(); ++k)
    differing += std::abs(after.rgba[k] - before.rgba[k]) > 8;
  EXPECT_LT(static_cast<double>(differing) / after.rgba.size(), 0.01);
}

TEST_F(WindowFaults, ResizeStormOfRealWindowSizes) {
  std::mt19937 rng(8);
  const int odd[][2] = {{1, 1}, {2, 900}, {1600, 1}, {33, 17}, {64, 64}, {1919, 1199}};
  for (int i = 0; i < 240; ++i) {
    int w, h;
    if (i % 8 == 0) {
      w = odd[(i / 8) % std::size(odd)][0];
      h = odd[(i / 8) % std::size(odd)][1];
    } else {
      w = 1 + static_cast<int>(rng() % 1900);
      h = 1 + static_cast<int>(rng() % 1190);
    }
    glfwSetWindowSize(window_->handle(), w, h);
    // Only every other frame waits for the server: the rest see a size in flight.
    ASSERT_TRUE(frame());
    ASSERT_EQ(glError(), 0u) << "after resizing to " << w << "x" << h;
  }
  glfwSetWindowSize(window_->handle(), 800, 500);
  for (int k = 0; k < 100; ++k) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_->handle(), &w, &h);
    if (w == 800 && h == 500) break;
    glfwWaitEventsTimeout(0.02);
  }
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(frame());
  const Image img = capture();
  ASSERT_EQ(img.width, 800);
  ASSERT_EQ(img.height, 500);
  EXPECT_GT(img.fractionDarkerThan(0, 0, img.width, img.height, 100), 0.01);
}

// Starts an X server of our own, runs the app on it and stops the server under the app.
TEST(DisplayFaults, LosingTheDisplayIsOneClearLineNotACrash) {
  TempDir dir;
  // A display number nobody uses: the lock file tells.
  int display = 0;
  for (int n = 300 + static_cast<int>(getpid() % 200); n < 1000; ++n)
    if (!fs::exists(std::string("/tmp/.X").append(std::to_string(n)).append("-lock"))) {
      display = n;
      break;
    }
  ASSERT_GT(display, 0);
  // (Built with append: GCC 12 warns falsely on "literal" + std::string&&, bug 105329.)
  const std::string number = std::to_string(display);
  const std::string name = std::string(":").append(number);
  const fs::path socket = std::string("/tmp/.X11-unix/X").append(number);
  const fs::path lock = std::string("/tmp/.X").append(number).append("-lock");
  pid_t xvfb = 0;
  {
    std::vector<std::string> args = {"Xvfb",        name,        "-screen", "0",
                                     "1024x768x24", "-nolisten", "tcp"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(posix_spawnp(&xvfb, "Xvfb", nullptr, nullptr, argv.data(), environ), 0);
  }
  for (int k = 0; k < 200 && !fs::exists(socket); ++k)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(fs::exists(socket)) << "Xvfb did not start";

  const fs::path err = dir.path / "stderr.txt", config = dir.path / "config";
  pid_t app = fork();
  ASSERT_GE(app, 0);
  if (app == 0) {
    setenv("DISPLAY", name.c_str(), 1);
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    if (!freopen(err.c_str(), "w", stderr)) _exit(100);
    execl(kApp.c_str(), kApp.c_str(), "--quit-after-frames", "100000000", nullptr);
    _exit(101);
  }
  // Wait until it has a GL context on the display (Mesa's GLX library is mapped), however long
  // loading takes (ASan is slow), then let it draw for a moment.
  const fs::path maps = "/proc/" + std::to_string(app) + "/maps";
  for (int k = 0; k < 1200 && readAll(maps).find("GLX_mesa") == std::string::npos; ++k)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  int status = 0;
  ASSERT_EQ(waitpid(app, &status, WNOHANG), 0) << "the app ended early:\n" << readAll(err);
  kill(xvfb, SIGKILL);
  waitpid(xvfb, nullptr, 0);
  pid_t done = 0;
  for (int k = 0; k < 600 && (done = waitpid(app, &status, WNOHANG)) == 0; ++k)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (done == 0) {
    kill(app, SIGKILL);
    waitpid(app, &status, 0);
    FAIL() << "the app kept running without its display";
  }
  fs::remove(lock);
  fs::remove(socket);
  const std::string text = readAll(err);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n" << text;
  EXPECT_EQ(WEXITSTATUS(status), 2) << text;
  EXPECT_NE(text.find("aleppo-atlas: lost the connection to the display " + name),
            std::string::npos)
      << text;
  EXPECT_EQ(countLines(text), 1) << text;
}

// No fonts at all (an empty fontconfig configuration): the UI falls back on ImGui's built-in
// face, Arabic names are not drawn, and both are said once; the app still opens.
TEST(FontFaults, NoFontsAtAllStillOpens) {
  TempDir dir;
  writeFile(dir.path / "fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");
  const fs::path png = dir.path / "shot.png";
  const auto r =
      runProcess({kApp, "screenshot", "--out", png.string(), "--width", "900", "--height", "600"},
                 {{"FONTCONFIG_FILE", (dir.path / "fonts.conf").string()},
                  {"FONTCONFIG_PATH", dir.path.string()},
                  {"XDG_CACHE_HOME", (dir.path / "cache").string()}});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("no UI font found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Arabic"), std::string::npos) << r.err;
  Image img;
  ASSERT_TRUE(img.load(png.string()));
  EXPECT_EQ(img.width, 900);
  EXPECT_GT(img.fractionDarkerThan(0, 0, img.width, img.height, 100), 0.01);
}

}  // namespace
