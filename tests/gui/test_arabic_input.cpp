// The place search box (ui::ArabicInputText) driven frame by frame with scripted keys and
// characters inside the real UI: what it stores, where its caret goes, and what it draws.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/arabic_input.h"
#include "ui/arabic_text.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

// GLFW key codes (the scripted window maps ImGui's keys like the GLFW backend).
constexpr int kRight = 262, kLeft = 263, kHome = 268, kEnd = 269, kBackspace = 259, kDelete = 261,
              kEscape = 256, kA = 65, kC = 67, kV = 86;

class ArabicInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadSession(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
    ASSERT_TRUE(model_);
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
    text_ = ui::TextRenderer::create(&error);
    ASSERT_TRUE(text_) << error;
    ui::SetTextRenderer(text_.get());
  }
  void TearDown() override { ui::SetTextRenderer(nullptr); }

  // One frame with the mouse at (x, y) (negative: no mouse); `down` holds the left button.
  // With `capture` the frame's pixels are kept in pixels_ before it is presented.
  void frame(float x = -1, float y = -1, bool down = false, bool capture = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x < 0 ? -FLT_MAX : x, y < 0 ? -FLT_MAX : y);
    io.MouseDown[0] = down;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    if (capture) {
      pixels_ = window_->readPixels(width_, height_);
      fontGlyphs_ = imguiGlyphsInBox();
    }
    window_->present();
  }

  const ui::ArabicInputView& box() {
    const ui::ArabicInputView* v = ui::FindArabicInput("##placeSearch");
    EXPECT_NE(v, nullptr);
    static const ui::ArabicInputView none{};
    return v ? *v : none;
  }

  void clickBox() {
    const float x = (box().min.x + box().max.x) / 2, y = (box().min.y + box().max.y) / 2;
    frame(x, y, true);
    frame(x, y, false);
  }

  // A key (GLFW code) down for one frame, with Ctrl if asked, then up for one
  // (Shift stays as the caller set it for the first frame.)
  void tap(int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    io.KeyCtrl = ctrl;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame();
  }

  void type(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame();
  }

  // Vertices of ImGui font glyphs (not solid fills) inside the box, borders excluded: the
  // '?' ImGui draws for letters its font lacks would be among them.
  int imguiGlyphsInBox() {
    const ImDrawData* data = ImGui::GetDrawData();
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 white = io.Fonts->TexUvWhitePixel;
    const ui::ArabicInputView& b = box();
    int n = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList* list = data->CmdLists[l];
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback || cmd.TextureId != io.Fonts->TexID) continue;
        for (unsigned i = 0; i < cmd.ElemCount; ++i) {
          const ImDrawVert& v = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i]];
          const bool inside = v.pos.x > b.min.x + 3 && v.pos.x < b.max.x - 3 &&
                              v.pos.y > b.min.y + 3 && v.pos.y < b.max.y - 3;
          if (inside && (v.uv.x != white.x || v.uv.y != white.y)) ++n;
        }
      }
    }
    return n;
  }

  // Columns of the box (inside its border) holding dark glyph pixels: first, last, count.
  struct Ink {
    int left = -1, right = -1;
    long pixels = 0;
  };
  Ink ink() const {
    Ink k;
    const ui::ArabicInputView& b = const_cast<ArabicInputTest*>(this)->box();
    for (int y = static_cast<int>(b.min.y) + 2; y < static_cast<int>(b.max.y) - 2; ++y)
      for (int x = static_cast<int>(b.min.x) + 2; x < static_cast<int>(b.max.x) - 2; ++x) {
        if (b.focused && x == static_cast<int>(b.caretX)) continue;  // the caret is no glyph
        const size_t i = (static_cast<size_t>(y) * width_ + x) * 4;
        if (pixels_[i] + pixels_[i + 1] + pixels_[i + 2] < 3 * 110) {
          ++k.pixels;
          k.left = k.left < 0 ? x : std::min(k.left, x);
          k.right = std::max(k.right, x);
        }
      }
    return k;
  }

  // With ATLAS_TEST_SCREENSHOT_DIR set: the window, and the box magnified three times.
  void savePng(const char* name) {
    const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR");
    if (!dir) return;
    std::string error;
    app::writePng(std::string(dir) + "/" + name, pixels_, width_, height_, error);
    const int x0 = std::max(0, static_cast<int>(box().min.x) - 8);
    const int y0 = std::max(0, static_cast<int>(box().min.y) - 8);
    const int w = std::min(width_, static_cast<int>(box().max.x) + 8) - x0;
    const int h = std::min(height_, static_cast<int>(box().max.y) + 8) - y0;
    std::vector<std::uint8_t> zoom(static_cast<size_t>(w) * h * 9 * 4);
    for (int y = 0; y < 3 * h; ++y)
      for (int x = 0; x < 3 * w; ++x)
        for (int c = 0; c < 4; ++c)
          zoom[(static_cast<size_t>(y) * 3 * w + x) * 4 + c] =
              pixels_[(static_cast<size_t>(y0 + y / 3) * width_ + x0 + x / 3) * 4 + c];
    app::writePng(std::string(dir) + "/box_" + name, zoom, 3 * w, 3 * h, error);
  }

  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  std::unique_ptr<ui::TextRenderer> text_;  // after window_: destroyed first, with GL alive
  ui::MainView view_;
  ui::UiState state_;
  std::vector<std::uint8_t> pixels_;
  int width_ = 0, height_ = 0;
  int fontGlyphs_ = 0;
};

}  // namespace

TEST_F(ArabicInputTest, TypedArabicIsStoredAndDrawnShapedRightToLeft) {
  frame();
  frame(-1, -1, false, true);
  // Empty: ImGui's font draws the hint inside the box (the glyph counter sees ImGui text).
  EXPECT_GT(fontGlyphs_, 20);
  clickBox();
  ASSERT_TRUE(box().focused);
  type("ح");
  EXPECT_EQ(state_.placeQuery, "ح");
  type("ل");
  EXPECT_EQ(state_.placeQuery, "حل");
  type("ب");
  EXPECT_EQ(state_.placeQuery, "حلب");
  frame(-1, -1, false, true);
  savePng("arabic_input_halab.png");
  // Glyph pixels in the box, at its right end (an RTL line), and no ImGui glyph at all: no '?'.
  const Ink k = ink();
  EXPECT_GT(k.pixels, 40);
  EXPECT_GT(k.right, box().max.x - 20);
  EXPECT_GT(k.left, (box().min.x + box().max.x) / 2);
  EXPECT_EQ(fontGlyphs_, 0);
  // The caret is after the last letter typed: the left end of the word.
  EXPECT_EQ(box().caret, 6u);
  EXPECT_NEAR(box().caretX, k.left, 4);
}

TEST_F(ArabicInputTest, KeysMoveTheCaretDeleteSelectAndPaste) {
  frame();
  clickBox();
  type("حلب");
  ASSERT_EQ(state_.placeQuery, "حلب");
  frame(-1, -1, false, true);
  const Ink word = ink();
  const std::optional<Date> day = state_.date;

  // Home: the logical start, the right end of the word; the timeline does not take the key.
  tap(kHome);
  EXPECT_EQ(box().caret, 0u);
  EXPECT_NEAR(box().caretX, word.right, 4);
  EXPECT_EQ(state_.date, day);
  // In a right-to-left line Left goes forward: after ح, which is leftwards.
  tap(kLeft);
  EXPECT_EQ(box().caret, 2u);
  EXPECT_LT(box().caretX, word.right - 3);
  tap(kRight);
  EXPECT_EQ(box().caret, 0u);
  tap(kEnd);
  EXPECT_EQ(box().caret, 6u);
  EXPECT_NEAR(box().caretX, word.left, 4);
  EXPECT_EQ(state_.date, day);

  // Backspace after ح, then Delete: one letter each.
  tap(kHome);
  tap(kLeft);
  tap(kBackspace);
  EXPECT_EQ(state_.placeQuery, "لب");
  EXPECT_EQ(box().caret, 0u);
  tap(kDelete);
  EXPECT_EQ(state_.placeQuery, "ب");
  type("حل");  // at the start
  EXPECT_EQ(state_.placeQuery, "حلب");

  // Ctrl+A highlights everything; typing replaces it.
  tap(kA, true);
  EXPECT_EQ(box().anchor, 0u);
  EXPECT_EQ(box().caret, 6u);
  frame(-1, -1, false, true);
  savePng("arabic_input_selected.png");
  const std::vector<std::uint8_t> selected = pixels_;
  tap(kEnd);
  frame(-1, -1, false, true);
  // The highlight: light pixels (not glyphs) that change colour when the selection goes.
  long highlighted = 0;
  for (int y = static_cast<int>(box().min.y); y < static_cast<int>(box().max.y); ++y)
    for (int x = static_cast<int>(box().min.x); x < static_cast<int>(box().max.x); ++x) {
      const size_t i = (static_cast<size_t>(y) * width_ + x) * 4;
      const int light = selected[i] + selected[i + 1] + selected[i + 2];
      const int change = std::abs(selected[i] - pixels_[i]) +
                         std::abs(selected[i + 1] - pixels_[i + 1]) +
                         std::abs(selected[i + 2] - pixels_[i + 2]);
      highlighted += light > 3 * 150 && change > 30;
    }
  EXPECT_GT(highlighted, 300) << "no selection highlight behind the word";
  tap(kA, true);
  type("حمص");
  EXPECT_EQ(state_.placeQuery, "حمص");

  // Copy everything, go to the end, type a space and paste it back.
  tap(kA, true);
  tap(kC, true);
  EXPECT_STREQ(ImGui::GetClipboardText(), "حمص");
  tap(kEnd);
  type(" ");
  tap(kV, true);
  EXPECT_EQ(state_.placeQuery, "حمص حمص");
  frame(-1, -1, false, true);
  EXPECT_EQ(fontGlyphs_, 0);

  // Escape leaves the box: Home belongs to the timeline again.
  tap(kEscape);
  EXPECT_FALSE(box().focused);
  tap(kHome);
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(*state_.date, model_->view.histogram.first);
  EXPECT_EQ(state_.placeQuery, "حمص حمص");
}

TEST_F(ArabicInputTest, ClearingTheQueryOutsideEmptiesTheBox) {
  frame();
  clickBox();
  type("حلب");
  state_.placeQuery.clear();  // what the Clear button and a picked result do
  frame();
  frame(-1, -1, false, true);
  savePng("arabic_input_hint.png");
  EXPECT_EQ(box().caret, 0u);
  EXPECT_GT(fontGlyphs_, 20);  // the hint is back
  type("Aleppo");
  EXPECT_EQ(state_.placeQuery, "Aleppo");
}

TEST_F(ArabicInputTest, AMixedLineSelectsByWordsInLogicalOrder) {
  frame();
  clickBox();
  // حي(0..4) ' ' 1070(5..9) ' ' الراموسة(10..26) ' ' Ramouseh(27..35): an RTL line.
  type("حي 1070 الراموسة Ramouseh");
  ASSERT_EQ(state_.placeQuery, "حي 1070 الراموسة Ramouseh");
  frame(-1, -1, false, true);
  const Ink all = ink();
  EXPECT_EQ(fontGlyphs_, 0);
  EXPECT_GT(all.right, box().max.x - 20);  // the line starts at the right
  tap(kHome);
  // Shift+Ctrl+Left twice: forward by words in an RTL line, to the end of 1070.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyShift = true;
  tap(kLeft, true);
  io.KeyShift = true;
  tap(kLeft, true);
  io.KeyShift = false;
  EXPECT_EQ(box().anchor, 0u);
  EXPECT_EQ(box().caret, 9u);
  frame(-1, -1, false, true);
  savePng("arabic_input_mixed.png");
  // The caret after the digits: right of the 0 that ends them, which is left of حي.
  EXPECT_LT(box().caretX, all.right - 10);
  EXPECT_GT(box().caretX, (box().min.x + box().max.x) / 2);
}

TEST_F(ArabicInputTest, ClickPlacesTheCaretAndDragSelects) {
  frame();
  clickBox();
  type("حلب");
  frame(-1, -1, false, true);
  const Ink word = ink();
  const float y = (box().min.y + box().max.y) / 2;
  // A click just right of the word (inside the box): before its first letter (logical 0).
  frame(static_cast<float>(word.right) + 2, y, true);
  frame(static_cast<float>(word.right) + 2, y, false);
  EXPECT_EQ(box().caret, 0u);
  EXPECT_EQ(box().anchor, 0u);
  // Dragging from there past its left end selects all three letters.
  frame(static_cast<float>(word.right) + 2, y, true);
  for (float x = static_cast<float>(word.right); x > word.left - 10; x -= 8) frame(x, y, true);
  frame(static_cast<float>(word.left) - 10, y, false);
  EXPECT_EQ(box().anchor, 0u);
  EXPECT_EQ(box().caret, 6u);
  EXPECT_TRUE(box().focused);
}
