// How the map draws control as evidence, checked on the pixels of real frames: unknown areas
// grey, unconfirmed ones washed out, disputed ones patterned apart from contested ones, and the
// reference layer's band inside an area's border, on and off.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "map/map_style.h"
#include "ui/arabic_text.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"
#include "ui/map_camera.h"

using namespace atlas;

namespace {

using Rgb = std::array<int, 3>;

Rgb rgbOf(std::uint32_t c) {
  return {static_cast<int>(c & 0xff), static_cast<int>(c >> 8 & 0xff),
          static_cast<int>(c >> 16 & 0xff)};
}

int distance(const Rgb& a, const Rgb& b) {
  return std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])});
}

class MapControlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadSession(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
    ASSERT_TRUE(model_);
    ASSERT_NE(model_->view.baseMap, nullptr);
    ASSERT_NE(model_->view.control, nullptr);
    ASSERT_NE(model_->view.reference, nullptr);
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
    frame();
  }

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    window_->present();
  }

  // Two frames on `day`, then the pixels of a third (top row first, RGBA).
  void capture(const Date& day) {
    state_.date = day;
    frame();
    frame();
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    pixels_ = window_->readPixels(width_, height_);
    window_->present();
    if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR")) {
      std::string error;
      app::writePng(std::string(dir) + "/map-control-" + day.iso() + ".png", pixels_, width_,
                    height_, error);
    }
  }

  Rgb at(int x, int y) const {
    const size_t i = (static_cast<size_t>(y) * width_ + x) * 4;
    return {pixels_[i], pixels_[i + 1], pixels_[i + 2]};
  }

  int cellOf(const std::string& id) const {
    const auto& ids = view_.mapPanel().neighbourhoods().ids;
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
  }

  bool inside(int cell, map::Vec2 p) const {
    for (const map::Triangle& t : view_.mapPanel().neighbourhoods().triangles[cell]) {
      auto cross = [&](map::Vec2 a, map::Vec2 b) {
        return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
      };
      const float c0 = cross(t[0], t[1]), c1 = cross(t[1], t[2]), c2 = cross(t[2], t[0]);
      if ((c0 >= 0 && c1 >= 0 && c2 >= 0) || (c0 <= 0 && c1 <= 0 && c2 <= 0)) return true;
    }
    return false;
  }

  // Centres the map on the point of the area farthest from its border and from any marker,
  // zoomed so that point is 60 px from the nearest: the middle of the map then shows only the
  // area's fill.
  void frameInterior(int cell) {
    const map::Neighbourhoods& hoods = view_.mapPanel().neighbourhoods();
    map::Bounds b;
    for (const map::Polygon& part : hoods.cells[cell])
      for (const map::Vec2& v : part.outer) b.add(v);
    map::Vec2 best;
    float bestDist = -1;
    for (int i = 1; i < 40; ++i)
      for (int j = 1; j < 40; ++j) {
        const map::Vec2 p{b.minX + (b.maxX - b.minX) * i / 40, b.minY + (b.maxY - b.minY) * j / 40};
        if (!inside(cell, p)) continue;
        float d = 1e30f;
        for (const map::Polygon& part : hoods.cells[cell])
          for (size_t k = 0; k < part.outer.size(); ++k) {
            const map::Vec2 a = part.outer[k], c = part.outer[(k + 1) % part.outer.size()];
            const float dx = c.x - a.x, dy = c.y - a.y, len2 = dx * dx + dy * dy;
            const float t =
                len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f)
                         : 0.0f;
            d = std::min(d, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
          }
        for (const map::PointInstance& m : view_.mapPanel().markers())
          d = std::min(d, std::hypot(m.pos.x - p.x, m.pos.y - p.y));
        if (d > bestDist) bestDist = d, best = p;
      }
    ASSERT_GT(bestDist, 0);
    state_.camera.centre = model_->view.baseMap->frame.toMercator(best);
    state_.camera.metresPerPixel = bestDist / 60.0;
  }

  // The mean colour of the 40 × 40 pixels at the middle of the map.
  std::array<double, 3> meanAtCentre() const {
    const ui::MapArea a = view_.mapPanel().area();
    const int cx = static_cast<int>(a.x + a.width / 2), cy = static_cast<int>(a.y + a.height / 2);
    std::array<double, 3> sum{};
    for (int y = cy - 20; y < cy + 20; ++y)
      for (int x = cx - 20; x < cx + 20; ++x)
        for (int k = 0; k < 3; ++k) sum[k] += at(x, y)[k];
    for (double& v : sum) v /= 1600;
    return sum;
  }

  // How far, on average, a pixel at the middle of the map is from the pixel one step along each
  // diagonal (the smaller of the two): ~0 for stripes running along a diagonal.
  double diagonalChange() const {
    const ui::MapArea a = view_.mapPanel().area();
    const int cx = static_cast<int>(a.x + a.width / 2), cy = static_cast<int>(a.y + a.height / 2);
    double down = 0, up = 0;
    for (int y = cy - 20; y < cy + 20; ++y)
      for (int x = cx - 20; x < cx + 20; ++x) {
        down += distance(at(x, y), at(x + 1, y + 1));
        up += distance(at(x, y), at(x + 1, y - 1));
      }
    return std::min(down, up) / 1600;
  }

  // The darkest pixel at the middle of the map (the pattern's ink).
  Rgb darkestAtCentre() const {
    const ui::MapArea a = view_.mapPanel().area();
    const int cx = static_cast<int>(a.x + a.width / 2), cy = static_cast<int>(a.y + a.height / 2);
    Rgb dark{255, 255, 255};
    for (int y = cy - 20; y < cy + 20; ++y)
      for (int x = cx - 20; x < cx + 20; ++x) {
        const Rgb c = at(x, y);
        if (c[0] + c[1] + c[2] < dark[0] + dark[1] + dark[2]) dark = c;
      }
    return dark;
  }

  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  ui::MainView view_;
  ui::UiState state_;
  std::vector<std::uint8_t> pixels_;
  int width_ = 0, height_ = 0;
};

double saturation(const std::array<double, 3>& c) {
  return std::max({c[0], c[1], c[2]}) - std::min({c[0], c[1], c[2]});
}

}  // namespace

TEST_F(MapControlTest, AnAreaBeforeAnyEvidenceIsNeutralGrey) {
  const int cell = cellOf("al-sakhour");
  ASSERT_GE(cell, 0);
  frameInterior(cell);
  ASSERT_TRUE(model_->view.firstEvidenceDay);
  capture(Date::fromDays(model_->view.firstEvidenceDay->toDays() - 10));
  for (Side s : view_.mapPanel().controlLayer().sideOfCell) EXPECT_EQ(s, Side::Unknown);
  // No side guessed: the neutral grey, not a side's colour nor the base map's beige.
  const auto mean = meanAtCentre();
  EXPECT_LT(saturation(mean), 4) << mean[0] << " " << mean[1] << " " << mean[2];
  EXPECT_LT(
      distance({static_cast<int>(mean[0]), static_cast<int>(mean[1]), static_cast<int>(mean[2])},
               rgbOf(map::style::sideFill(Side::Unknown, cell % 2 == 1))),
      3);
}

TEST_F(MapControlTest, EvidenceOlderThanTheShelfLifeIsDrawnUnconfirmed) {
  // al-Sakhour: opposition by the reference of early October, then nothing until 8 December.
  const int cell = cellOf("al-sakhour");
  ASSERT_GE(cell, 0);
  frameInterior(cell);
  capture(Date{2016, 10, 5});
  const ControlSummary fresh = view_.mapPanel().controlLayer().cells[cell];
  ASSERT_EQ(fresh.side, Side::Opposition);
  EXPECT_FALSE(fresh.unconfirmed);
  const auto confirmed = meanAtCentre();
  EXPECT_LT(distance({static_cast<int>(confirmed[0]), static_cast<int>(confirmed[1]),
                      static_cast<int>(confirmed[2])},
                     rgbOf(map::style::sideFill(Side::Opposition, cell % 2 == 1))),
            3);

  // Six weeks later, with a shelf life of 14 days: the same side, unconfirmed since the last
  // evidence, drawn lighter and greyer (and stippled), so it does not read as held today.
  state_.settings.shelfLifeDays = 14;
  capture(Date{2016, 11, 18});
  const ControlSummary old = view_.mapPanel().controlLayer().cells[cell];
  EXPECT_EQ(old.side, Side::Opposition);
  EXPECT_TRUE(old.unconfirmed);
  EXPECT_EQ(old.lastEvidenceDay, fresh.lastEvidenceDay);
  const auto stale = meanAtCentre();
  EXPECT_GT(stale[0] + stale[1] + stale[2], confirmed[0] + confirmed[1] + confirmed[2] + 45);
  EXPECT_LT(saturation(stale), saturation(confirmed) * 0.7);
  // Still greenish: the last side shows through.
  EXPECT_GT(stale[1], stale[0]);

  // A shelf life of 60 days (View > Shelf life) confirms it again.
  state_.settings.shelfLifeDays = 60;
  capture(Date{2016, 11, 18});
  EXPECT_FALSE(view_.mapPanel().controlLayer().cells[cell].unconfirmed);
  const auto longer = meanAtCentre();
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(longer[k], confirmed[k], 2.0);
}

TEST_F(MapControlTest, DisputedBySourcesIsPatternedApartFromContested) {
  // Evidence of our own for one area: contested by fighting on one day, then two outlets
  // naming different holders a day apart (disputed).
  const int cell = cellOf("al-sakhour");
  ASSERT_GE(cell, 0);
  ControlTimeline timeline;
  auto claim = [&](int day, Side side, const char* kind, const char* doc) {
    ControlClaim c;
    c.place = "al-sakhour";
    c.date = Date{2016, 11, day};
    c.side = side;
    c.kind = kind;
    c.evidence.doc = doc;
    c.evidence.sentence = 0;
    timeline.addClaim(c);
  };
  claim(1, Side::Contested, "contested", "a");
  claim(10, Side::Government, "captured", "b");
  claim(11, Side::Opposition, "held", "c");
  ui::ViewModel model = model_->view;
  model.control = &timeline;
  frameInterior(cell);

  auto draw = [&](const Date& day) {
    state_.date = day;
    for (int i = 0; i < 2; ++i) {
      ASSERT_TRUE(window_->beginFrame(false));
      view_.draw(model, state_);
      window_->render();
      window_->present();
    }
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model, state_);
    window_->render();
    pixels_ = window_->readPixels(width_, height_);
    window_->present();
  };
  draw(Date{2016, 11, 2});
  const ControlSummary contested = view_.mapPanel().controlLayer().cells[cell];
  EXPECT_EQ(contested.side, Side::Contested);
  EXPECT_FALSE(contested.disputed);
  const double contestedChange = diagonalChange();
  const Rgb contestedInk = darkestAtCentre();

  draw(Date{2016, 11, 12});
  const ControlSummary disputed = view_.mapPanel().controlLayer().cells[cell];
  EXPECT_EQ(disputed.side, Side::Opposition);
  EXPECT_TRUE(disputed.disputed);
  EXPECT_FALSE(disputed.unconfirmed);
  const double disputedChange = diagonalChange();
  const Rgb disputedInk = darkestAtCentre();

  // Contested: diagonal stripes (each pixel like its neighbour along the stripe), violet ink.
  EXPECT_LT(contestedChange, 3.0);
  EXPECT_GT(contestedInk[0], contestedInk[1]);
  // Disputed: an upright grid (no diagonal is uniform), in the teal no side uses.
  EXPECT_GT(disputedChange, 6.0);
  EXPECT_LT(disputedInk[0] + 40, disputedInk[1]);
  EXPECT_GT(distance(contestedInk, disputedInk), 60);
}

TEST_F(MapControlTest, TheReferenceLayerOutlinesAnAreaInItsSideAndSwitchesOff) {
  // On 22 December the reference history has al-Ferdous taken by the government on the 12th,
  // while the evidence's last word on it is opposition: the fill is opposition green and the
  // government's band runs just inside the area's border; switched off, the band goes.
  const Date day{2016, 12, 22};
  const int cell = cellOf("al-ferdous");
  ASSERT_GE(cell, 0);
  state_.settings.referenceLayer = true;
  frameInterior(cell);
  state_.camera.metresPerPixel *= 2;  // the whole area on screen
  capture(day);
  const map::ControlLayer& layer = view_.mapPanel().controlLayer();
  ASSERT_EQ(layer.referenceOfCell.size(), layer.cells.size());
  ASSERT_EQ(layer.referenceOfCell[cell], Side::Government);
  EXPECT_EQ(layer.sideOfCell[cell], Side::Opposition);
  const Rgb band = rgbOf(map::style::referenceBand(Side::Government));
  // Pixels inside the area (by its triangles) in the band's colour.
  auto bandPixels = [&] {
    const ui::MapArea a = view_.mapPanel().area();
    const map::Viewport v = ui::viewportOf(state_.camera, a);
    const map::LocalFrame& frame = model_->view.baseMap->frame;
    long n = 0;
    for (int y = static_cast<int>(a.y); y < static_cast<int>(a.y + a.height); ++y)
      for (int x = static_cast<int>(a.x); x < static_cast<int>(a.x + a.width); ++x) {
        if (distance(at(x, y), band) > 6) continue;
        const map::Mercator m = v.toMercator(x + 0.5, y + 0.5);
        if (inside(cell, {static_cast<float>(m.x - frame.origin.x),
                          static_cast<float>(m.y - frame.origin.y)}))
          ++n;
      }
    return n;
  };
  const long on = bandPixels();
  EXPECT_GT(on, 300);
  const std::vector<std::uint8_t> withLayer = pixels_;

  state_.settings.referenceLayer = false;
  capture(day);
  EXPECT_TRUE(view_.mapPanel().controlLayer().referenceOfCell.empty());
  EXPECT_TRUE(view_.mapPanel().controlLayer().referenceFront.empty());
  EXPECT_LT(bandPixels(), on / 20);
  EXPECT_NE(withLayer, pixels_);
}

TEST_F(MapControlTest, TheReferenceFrontIsDashedWhereTheReferenceSidesMeet) {
  state_.settings.referenceLayer = true;
  capture(Date{2016, 12, 13});
  const map::ControlLayer& layer = view_.mapPanel().controlLayer();
  ASSERT_FALSE(layer.referenceFront.empty());
  for (const map::FrontlineSegment& s : layer.referenceFront) {
    const Side a = layer.referenceOfCell[s.cellA], b = layer.referenceOfCell[s.cellB];
    EXPECT_NE(a, b);
    EXPECT_NE(a, Side::Unknown);
    EXPECT_NE(b, Side::Contested);
  }
}

namespace {

// The menu bar's item `label` (its ID part) of the main window.
ImGuiID menuBarId(const char* label) {
  const ImGuiWindow* main = ImGui::FindWindowByName("Aleppo Atlas");
  if (!main) return 0;
  return ImHashStr(label, 0, ImHashStr("##menubar", 0, main->ID));
}

// Quads of the fallback glyph in `window`'s draw list in the frame just rendered.
int fallbackQuadsIn(const ImGuiWindow* window) {
  const ImGuiIO& io = ImGui::GetIO();
  int n = 0;
  const ImDrawList* list = window->DrawList;
  for (const ImDrawCmd& cmd : list->CmdBuffer) {
    if (cmd.UserCallback || cmd.TextureId != io.Fonts->TexID) continue;
    for (unsigned i = 0; i < cmd.ElemCount; ++i) {
      const ImDrawVert& v = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i]];
      for (const ImFont* font : io.Fonts->Fonts)
        n += v.uv.x == font->FallbackGlyph->U0 && v.uv.y == font->FallbackGlyph->V0;
    }
  }
  return n;
}

class MapControlMenuTest : public MapControlTest {
 protected:
  void step(ImVec2 p, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = p;
    io.MouseDown[0] = down;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    lastFallbacks_ = -1;
    if (!GImGui->OpenPopupStack.empty() && GImGui->OpenPopupStack.back().Window)
      lastFallbacks_ = fallbackQuadsIn(GImGui->OpenPopupStack.back().Window);
    window_->present();
  }

  // Moves the mouse from `from` to `to`, a frame a step, until `id` is hovered.
  bool hover(ImGuiID id, ImVec2 from, ImVec2 to, int steps) {
    for (int k = 0; k <= steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      mouse_ = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      step(mouse_);
      if (GImGui->HoveredId == id) return true;
    }
    return false;
  }

  void click() {
    step(mouse_, true);
    step(mouse_, false);
    step(mouse_);
  }

  // Opens View from the menu bar; returns its window.
  ImGuiWindow* openView(const char* label) {
    const ImGuiWindow* main = ImGui::FindWindowByName("Aleppo Atlas");
    if (!main) return nullptr;
    const float y = main->Pos.y + main->TitleBarHeight() + main->MenuBarHeight() / 2;
    const float w = ImGui::GetIO().DisplaySize.x;
    // From the end where the menus start (the right one in Arabic).
    const bool rtl = state_.settings.arabicInterface;
    if (!hover(menuBarId(label), ImVec2(rtl ? w - 2 : 2, y), ImVec2(rtl ? 2 : w - 2, y), 300))
      return nullptr;
    click();
    return GImGui->OpenPopupStack.empty() ? nullptr : GImGui->OpenPopupStack.back().Window;
  }

  ImVec2 mouse_;
  int lastFallbacks_ = -1;
};

}  // namespace

TEST_F(MapControlMenuTest, TheViewMenuSwitchesTheReferenceLayerAndSetsTheShelfLife) {
  state_.date = Date{2016, 12, 22};
  ASSERT_TRUE(state_.settings.referenceLayer);
  ImGuiWindow* menu = openView("View");
  ASSERT_NE(menu, nullptr);
  const float x = menu->Pos.x + menu->Size.x / 2;
  ASSERT_TRUE(hover(ImHashStr("Reference layer", 0, menu->ID), ImVec2(x, menu->Pos.y),
                    ImVec2(x, menu->Pos.y + menu->Size.y), 60));
  click();
  EXPECT_FALSE(state_.settings.referenceLayer);
  step(ImVec2(-FLT_MAX, -FLT_MAX));
  EXPECT_TRUE(view_.mapPanel().controlLayer().referenceOfCell.empty());

  // The shelf life: its slider dragged to the right end gives 60 days.
  menu = openView("View");
  ASSERT_NE(menu, nullptr);
  const ImGuiID slider = ImHashStr("##shelfLife", 0, menu->ID);
  const float left = menu->Pos.x + 4, right = menu->Pos.x + menu->Size.x - 4;
  ASSERT_TRUE(hover(slider, ImVec2(left + 30, menu->Pos.y),
                    ImVec2(left + 30, menu->Pos.y + menu->Size.y), 60));
  step(mouse_, true);
  for (float px = mouse_.x; px < right + 200; px += 20) step(ImVec2(px, mouse_.y), true);
  step(ImVec2(right + 200, mouse_.y), false);
  EXPECT_EQ(state_.settings.shelfLifeDays, 60);

  // Both are kept in the settings.
  ui::registerLayoutSettings(&state_);
  size_t size = 0;
  const std::string ini = ImGui::SaveIniSettingsToMemory(&size);
  EXPECT_NE(ini.find("ReferenceLayer=0"), std::string::npos) << ini;
  EXPECT_NE(ini.find("ShelfLifeDays=60"), std::string::npos) << ini;
  state_.settings.referenceLayer = true;
  state_.settings.shelfLifeDays = 14;
  ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
  EXPECT_FALSE(state_.settings.referenceLayer);
  EXPECT_EQ(state_.settings.shelfLifeDays, 60);
}

TEST_F(MapControlMenuTest, TheViewMenuInArabicDrawsNoFallbackGlyph) {
  std::string error;
  auto text = ui::TextRenderer::create(&error);
  ASSERT_TRUE(text) << error;
  ui::SetTextRenderer(text.get());
  state_.settings.arabicInterface = true;
  step(ImVec2(-FLT_MAX, -FLT_MAX));
  step(ImVec2(-FLT_MAX, -FLT_MAX));
  ImGuiWindow* menu = openView("###View");
  ASSERT_NE(menu, nullptr);
  step(mouse_);
  EXPECT_EQ(lastFallbacks_, 0);
  // The reference layer's item keeps its ID in Arabic.
  const float x = menu->Pos.x + menu->Size.x / 2;
  ASSERT_TRUE(hover(ImHashStr("###Reference layer", 0, menu->ID), ImVec2(x, menu->Pos.y),
                    ImVec2(x, menu->Pos.y + menu->Size.y), 60));
  EXPECT_EQ(lastFallbacks_, 0);
  click();
  EXPECT_FALSE(state_.settings.referenceLayer);
  ui::SetTextRenderer(nullptr);
}

TEST_F(MapControlMenuTest, HoveringAnAreaShowsItsEvidenceInATooltip) {
  // al-Sakhour on 18 November: opposition by the reference of early October, unconfirmed.
  std::string error;
  auto text = ui::TextRenderer::create(&error);
  ASSERT_TRUE(text) << error;
  ui::SetTextRenderer(text.get());
  const int cell = cellOf("al-sakhour");
  ASSERT_GE(cell, 0);
  state_.date = Date{2016, 11, 18};
  frameInterior(cell);
  const ui::MapArea a = view_.mapPanel().area();
  const ImVec2 centre(static_cast<float>(a.x + a.width / 2),
                      static_cast<float>(a.y + a.height / 2));
  for (int i = 0; i < 3; ++i) step(centre);
  ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
  ASSERT_NE(tip, nullptr);
  EXPECT_TRUE(tip->Active || tip->WasActive);
  // Name, id, side, the last evidence's date, the reference's side, the mentions: six lines or
  // more.
  EXPECT_GT(tip->Size.y, 6 * ImGui::GetTextLineHeight());
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR")) {
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    int w = 0, h = 0;
    const auto px = window_->readPixels(w, h);
    std::string error;
    app::writePng(std::string(dir) + "/map-control-tooltip.png", px, w, h, error);
    window_->present();
  }
  ui::SetTextRenderer(nullptr);
}
