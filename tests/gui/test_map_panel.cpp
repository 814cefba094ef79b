// The real UI driven frame by frame with scripted input (no window-system events), the way
// ImPlot's CI renders frames: camera interaction, buffer rebuilds, selection.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <memory>

#include "app/app_model.h"
#include "app/gui_window.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

class MapPanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadAppModel(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
    ASSERT_TRUE(model_);
    ASSERT_NE(model_->view.baseMap, nullptr);
    app::WindowOptions options;
    options.width = 1200;
    options.height = 800;
    options.visible = false;
    options.scaleToMonitor = false;
    options.scriptedInput = true;
    std::string error;
    window_ = app::GuiWindow::open(options, error);
    ASSERT_TRUE(window_) << error;
    ASSERT_TRUE(view_.init(error)) << error;
  }

  // One frame with the mouse at (x, y); `down` holds the left button.
  void frame(float x = -1, float y = -1, bool down = false, float wheel = 0) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x < 0 ? -FLT_MAX : x, y < 0 ? -FLT_MAX : y);
    io.MouseDown[0] = down;
    io.MouseWheel = wheel;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    window_->present();
  }

  std::unique_ptr<app::AppModel> model_;
  std::unique_ptr<app::GuiWindow> window_;
  ui::MainView view_;
  ui::UiState state_;
};

}  // namespace

TEST_F(MapPanelTest, FirstFrameFitsTheCity) {
  frame();
  // The map area is about 860 px wide; the city (about 13 km east-west, in Mercator metres
  // 1.24 times more) fits with a margin: some tens of metres per pixel.
  EXPECT_GT(state_.camera.metresPerPixel, 10);
  EXPECT_LT(state_.camera.metresPerPixel, 60);
}

TEST_F(MapPanelTest, PanAndZoomChangeTheCameraButUploadNothing) {
  for (int i = 0; i < 3; ++i) frame();
  const int uploads = view_.mapPanel().renderer().uploadCount();
  const ui::MapCamera before = state_.camera;

  // Wheel zoom at a point: two notches in.
  frame(400, 400, false, 2.0f);
  EXPECT_NEAR(state_.camera.metresPerPixel, before.metresPerPixel / 1.5625, 1e-6);

  // Drag 100 px to the right: the map follows the mouse.
  const ui::MapCamera zoomed = state_.camera;
  frame(400, 400, true);
  for (int x = 410; x <= 500; x += 10) frame(static_cast<float>(x), 400, true);
  frame(500, 400, false);
  EXPECT_NEAR(state_.camera.centre.x, zoomed.centre.x - 100 * zoomed.metresPerPixel, 1e-3);
  EXPECT_NEAR(state_.camera.centre.y, zoomed.centre.y, 1e-3);

  // Hundreds of frames of panning and zooming later, the GPU buffers are the same ones.
  for (int i = 0; i < 300; ++i) frame(300 + i % 50, 300, i % 20 < 10, i % 7 == 0 ? 0.5f : 0.0f);
  EXPECT_EQ(view_.mapPanel().renderer().uploadCount(), uploads);
}

TEST_F(MapPanelTest, ClickingEmptyMapClearsTheSelection) {
  frame();
  state_.selectedPlace = "nowhere";
  frame(20, 500, true);
  frame(20, 500, false);
  EXPECT_TRUE(state_.selectedPlace.empty());
}

TEST_F(MapPanelTest, FitCityButtonRestoresTheView) {
  frame();
  const ui::MapCamera fitted = state_.camera;
  frame(400, 400, false, 5.0f);
  EXPECT_LT(state_.camera.metresPerPixel, fitted.metresPerPixel);
  // The "Fit city" button sits at the top-left corner of the map area.
  frame(30, 35, true);
  frame(30, 35, false);
  EXPECT_NEAR(state_.camera.metresPerPixel, fitted.metresPerPixel, 1e-6);
}

namespace {
// Presses a key (GLFW code) for one frame.
void press(int key) { ImGui::GetIO().KeysDown[key] = true; }
void releaseAll() {
  for (bool& k : ImGui::GetIO().KeysDown) k = false;
}
constexpr int kRight = 262, kLeft = 263, kPageDown = 267, kHome = 268, kEnd = 269, kSpace = 32;
}  // namespace

TEST_F(MapPanelTest, TimelineKeysStepJumpAndPlay) {
  frame();
  // The sample corpus runs from 4 Oct to 6 Dec 2016; with no --date the timeline is at the end.
  press(kHome);
  frame();
  releaseAll();
  frame();
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(*state_.date, (Date{2016, 10, 4}));
  press(kRight);
  frame();
  releaseAll();
  frame();
  EXPECT_EQ(*state_.date, (Date{2016, 10, 5}));
  // PageDown: the next day with evidence (article 000, 10 Oct).
  press(kPageDown);
  frame();
  releaseAll();
  frame();
  EXPECT_EQ(*state_.date, (Date{2016, 10, 10}));
  press(kLeft);
  frame();
  releaseAll();
  frame();
  EXPECT_EQ(*state_.date, (Date{2016, 10, 9}));
  press(kEnd);
  frame();
  releaseAll();
  frame();
  EXPECT_EQ(*state_.date, (Date{2016, 12, 6}));
  // Play from the start at 10 days per second: 60 frames (1 s) later, 10 days on.
  press(kHome);
  frame();
  releaseAll();
  state_.daysPerSecond = 10;
  press(kSpace);
  frame();
  releaseAll();
  ASSERT_TRUE(state_.playing);
  for (int i = 0; i < 60; ++i) frame();
  EXPECT_NEAR(state_.date->toDays() - (Date{2016, 10, 4}).toDays(), 10, 1);
}
