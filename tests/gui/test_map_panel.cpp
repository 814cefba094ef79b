// The real UI driven frame by frame with scripted input (no window-system events), the way
// ImPlot's CI renders frames: camera interaction, buffer rebuilds, selection.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/about_box.h"
#include "ui/arabic_text.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

class MapPanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadSession(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
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

  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  ui::MainView view_;
  ui::UiState state_;
  std::vector<std::uint8_t> pixels_;
  int width_ = 0;
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

TEST_F(MapPanelTest, EveryNeighbourhoodIsNamedQuietlyMoreAsOneZoomsIn) {
  ui::SetTextRenderer(nullptr);
  std::string error;
  auto text = ui::TextRenderer::create(&error);
  ASSERT_TRUE(text) << error;
  ui::SetTextRenderer(text.get());
  frame();
  frame();
  auto named = [&] {
    std::vector<std::string> ids;
    for (int p : view_.mapPanel().areaLabels()) ids.push_back(model_->view.places[p].id);
    return ids;
  };
  const auto city = named();
  // At city zoom the larger neighbourhoods are named, though the articles never mention them.
  EXPECT_GE(city.size(), 25u);
  EXPECT_NE(std::find(city.begin(), city.end(), "new-aleppo"), city.end());
  // Zoomed in on the Old City (the Citadel at the centre), its quarters are named too.
  const auto& places = model_->view.places;
  const auto citadel = std::find_if(places.begin(), places.end(),
                                    [](const map::MapPlace& p) { return p.id == "citadel"; });
  ASSERT_NE(citadel, places.end());
  state_.camera.centre = model_->view.baseMap->frame.toMercator(citadel->pos);
  state_.camera.metresPerPixel = 2.5;
  frame();
  frame();
  const auto oldCity = named();
  for (const char* quarter :
       {"al-jalloum", "souq-al-madina", "al-bayyada", "al-aajam", "sahet-bizzeh"})
    EXPECT_NE(std::find(oldCity.begin(), oldCity.end(), quarter), oldCity.end()) << quarter;
  EXPECT_EQ(std::find(city.begin(), city.end(), "sahet-bizzeh"), city.end());
  ui::SetTextRenderer(nullptr);
}

TEST_F(MapPanelTest, TheAboutBoxCreditsTheNeighbourhoodBoundaries) {
  frame();
  state_.requests.about = true;
  frame();
  frame();
  ImGuiWindow* about = ImGui::FindWindowByName("About Aleppo Atlas");
  ASSERT_NE(about, nullptr);
  EXPECT_TRUE(about->Active || about->WasActive);
  EXPECT_NE(std::string(ui::kNeighbourhoodCredit).find("Columbia Center for Spatial Research"),
            std::string::npos);
  EXPECT_NE(std::string(ui::kNeighbourhoodCredit).find("MIT"), std::string::npos);
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR")) {
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    int w = 0, h = 0;
    const auto px = window_->readPixels(w, h);
    std::string error;
    app::writePng(std::string(dir) + "/about.png", px, w, h, error);
    window_->present();
  }
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
  const DayHistogram& h = model_->view.histogram;
  ASSERT_GT(h.days(), 60);  // the samples run from late September to 6 December 2016
  auto dayIndex = [&] { return state_.date->toDays() - h.first.toDays(); };
  auto tap = [&](int key) {
    press(key);
    frame();
    releaseAll();
    frame();
  };
  tap(kHome);
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(*state_.date, h.first);
  tap(kRight);
  EXPECT_EQ(dayIndex(), 1);
  // PageDown: the next day with evidence.
  tap(kPageDown);
  EXPECT_EQ(dayIndex(), *h.nextWithEvidence(1));
  const int at = dayIndex();
  tap(kLeft);
  EXPECT_EQ(dayIndex(), at - 1);
  tap(kEnd);
  EXPECT_EQ(*state_.date, (Date{2016, 12, 6}));  // the last article's publication day
  // Play from the start at 10 days per second: 60 frames (1 s) later, 10 days on.
  tap(kHome);
  state_.settings.daysPerSecond = 10;
  press(kSpace);
  frame();
  releaseAll();
  ASSERT_TRUE(state_.playing);
  for (int i = 0; i < 60; ++i) frame();
  EXPECT_NEAR(dayIndex(), 10, 1);
}

TEST_F(MapPanelTest, MarkersLandWhereTheirCoordinatesProject) {
  for (int i = 0; i < 3; ++i) frame();
  // Independent Web-Mercator (EPSG:3857) for the reference coordinates of two places.
  auto project = [](double lat, double lon, double& x, double& y) {
    const double r = 6378137.0, d = 3.14159265358979323846 / 180.0;
    x = r * lon * d;
    y = r * std::log(std::tan(3.14159265358979323846 / 4 + lat * d / 2));
  };
  const ui::MapArea area = view_.mapPanel().area();
  const ui::MapCamera cam = state_.camera;
  auto pixelOf = [&](double lat, double lon, int& px, int& py) {
    double x = 0, y = 0;
    project(lat, lon, x, y);
    px = static_cast<int>(
        std::lround(area.x + area.width / 2 + (x - cam.centre.x) / cam.metresPerPixel));
    py = static_cast<int>(
        std::lround(area.y + area.height / 2 - (y - cam.centre.y) / cam.metresPerPixel));
  };
  // Render once more and read the framebuffer (the frame drawn before present()).
  ASSERT_TRUE(window_->beginFrame(false));
  view_.draw(model_->view, state_);
  window_->render();
  int w = 0, h = 0;
  const std::vector<std::uint8_t> pixels = window_->readPixels(w, h);
  window_->present();
  auto colourAt = [&](int x, int y) {
    const size_t i = (static_cast<size_t>(y) * w + x) * 4;
    return std::array<int, 3>{pixels[i], pixels[i + 1], pixels[i + 2]};
  };
  // Neighbourhood markers are blue (37, 99, 160): Sheikh Saeed 36.1646 N 37.1558 E and
  // Bustan al-Qasr 36.1905 N 37.1443 E (aleppo_places.csv).
  for (auto [lat, lon] : {std::pair{36.1646, 37.1558}, std::pair{36.1905, 37.1443}}) {
    int px = 0, py = 0;
    pixelOf(lat, lon, px, py);
    ASSERT_TRUE(px >= 0 && py >= 0 && px < w && py < h);
    const auto c = colourAt(px, py);
    EXPECT_NEAR(c[0], 37, 6) << lat << "," << lon << " at " << px << "," << py;
    EXPECT_NEAR(c[1], 99, 6);
    EXPECT_NEAR(c[2], 160, 6);
  }
}

TEST_F(MapPanelTest, ClickingAMarkerSelectsItsPlace) {
  for (int i = 0; i < 3; ++i) frame();
  const ui::MapArea area = view_.mapPanel().area();
  const int i = model_->view.findPlace("sheikh-saeed");
  ASSERT_GE(i, 0);
  const map::Viewport v = ui::viewportOf(state_.camera, area);
  double sx = 0, sy = 0;
  v.toScreen(model_->baseMap->frame.toMercator(model_->view.places[i].pos), sx, sy);
  frame(static_cast<float>(sx), static_cast<float>(sy), true);
  frame(static_cast<float>(sx), static_cast<float>(sy), false);
  EXPECT_EQ(state_.selectedPlace, "sheikh-saeed");
}

TEST_F(MapPanelTest, MarkersFollowTheTimelineWindow) {
  frame();
  const int uploads = view_.mapPanel().renderer().uploadCount();
  const int places = static_cast<int>(model_->view.places.size());
  auto bigMarkers = [&] {
    int n = 0;
    for (int i = 0; i < places; ++i) n += model_->view.places[i].mentions > 0;
    return n;
  };
  ASSERT_GT(bigMarkers(), 10);
  // "This day" on 5 December: only that day's places are inside the window.
  state_.settings.windowMode = WindowMode::ThisDay;
  state_.date = Date{2016, 12, 5};
  frame();
  const int after = view_.mapPanel().renderer().uploadCount();
  EXPECT_GT(after, uploads);  // markers rebuilt
  frame();
  frame();
  EXPECT_EQ(view_.mapPanel().renderer().uploadCount(), after);  // and not again
}

namespace {
// Pixels of the map area within 3 of `rgb` (or of the 6 %-darker variant of alternate areas).
long countColour(const std::vector<std::uint8_t>& px, int w, const ui::MapArea& area,
                 std::array<int, 3> rgb) {
  long n = 0;
  for (int y = static_cast<int>(area.y); y < static_cast<int>(area.y + area.height); ++y)
    for (int x = static_cast<int>(area.x); x < static_cast<int>(area.x + area.width); ++x) {
      const size_t i = (static_cast<size_t>(y) * w + x) * 4;
      for (double f : {1.0, 0.94})
        if (std::abs(px[i] - static_cast<int>(rgb[0] * f)) <= 3 &&
            std::abs(px[i + 1] - static_cast<int>(rgb[1] * f)) <= 3 &&
            std::abs(px[i + 2] - static_cast<int>(rgb[2] * f)) <= 3) {
          ++n;
          break;
        }
    }
  return n;
}
}  // namespace

TEST_F(MapPanelTest, DraggingTheSliderChangesControlAreasAndFront) {
  frame();
  const DayHistogram& h = model_->view.histogram;
  auto dragTo = [&](const Date& d) {
    const ui::UiState::Rect r = state_.probes.timelineBars;
    const float dayW = (r.x1 - r.x0) / static_cast<float>(h.days());
    const float x = r.x0 + (static_cast<float>(d.toDays() - h.first.toDays()) + 0.5f) * dayW;
    const float y = (r.y0 + r.y1) / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    frame();
  };
  auto capture = [&] {
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    int w = 0, hh = 0;
    pixels_ = window_->readPixels(w, hh);
    width_ = w;
    window_->present();
  };
  const auto& ids = view_.mapPanel().neighbourhoods().ids;
  const auto myassar = std::find(ids.begin(), ids.end(), "al-myassar") - ids.begin();
  ASSERT_LT(myassar, static_cast<long>(ids.size()));
  // Opposition-held green (170, 204, 160) as map_style gives it.
  const std::array<int, 3> green{170, 204, 160};

  dragTo(Date{2016, 10, 4});
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(*state_.date, (Date{2016, 10, 4}));
  const int uploads = view_.mapPanel().renderer().uploadCount();
  // aleppo_places.csv: al-Myassar opposition-held in early October.
  EXPECT_EQ(view_.mapPanel().controlLayer().sideOfCell[myassar], Side::Opposition);
  capture();
  const long greenOctober = countColour(pixels_, width_, view_.mapPanel().area(), green);
  const size_t frontOctober = view_.mapPanel().controlLayer().front.size();

  dragTo(Date{2016, 12, 5});
  EXPECT_EQ(*state_.date, (Date{2016, 12, 5}));
  EXPECT_GT(view_.mapPanel().renderer().uploadCount(), uploads);  // new areas uploaded
  const map::ControlLayer& december = view_.mapPanel().controlLayer();
  // Article 004: government forces took it on the 4th, the opposition retook "large parts" of it
  // at dawn on the 5th: contested, and confirmed that day.
  EXPECT_EQ(december.sideOfCell[myassar], Side::Contested);
  EXPECT_FALSE(december.cells[myassar].unconfirmed);
  // Most areas were last reported on by the early-October reference: their evidence is two
  // months old, so they are drawn unconfirmed (washed out) and not in opposition green, and the
  // front between them is dashed.
  long unconfirmed = 0;
  for (const ControlSummary& c : december.cells) unconfirmed += c.unconfirmed;
  EXPECT_GT(unconfirmed, 80);
  EXPECT_TRUE(std::any_of(december.front.begin(), december.front.end(),
                          [](const map::FrontlineSegment& f) { return f.unconfirmed; }));
  capture();
  EXPECT_LT(countColour(pixels_, width_, view_.mapPanel().area(), green) * 4, greenOctober);

  // After the reference of 8 December (past the slider's end: the corpus's last report is of
  // the 6th) the north-east (Masakin Hanano to al-Sakhour and al-Shaar) is confirmed
  // government: far less opposition green than in October, and a front elsewhere.
  state_.date = Date{2016, 12, 10};
  frame();
  frame();
  EXPECT_FALSE(view_.mapPanel().controlLayer().cells[myassar].unconfirmed);
  capture();
  const long greenDecember = countColour(pixels_, width_, view_.mapPanel().area(), green);
  EXPECT_GT(greenOctober, 20000);
  EXPECT_GT(greenDecember, 2000);  // the pocket left in the south-east
  EXPECT_LT(greenDecember * 4, greenOctober * 3);
  EXPECT_NE(view_.mapPanel().controlLayer().front.size(), frontOctober);
}

TEST_F(MapPanelTest, SelectingAPlaceListsItsSentencesWithTheNameHighlighted) {
  ui::SetTextRenderer(nullptr);
  std::string error;
  auto text = ui::TextRenderer::create(&error);
  ASSERT_TRUE(text) << error;
  ui::SetTextRenderer(text.get());
  state_.selectedPlace = "karm-al-tahhan";
  state_.date = Date{2016, 12, 5};
  for (int i = 0; i < 3; ++i) frame();
  ASSERT_TRUE(window_->beginFrame(false));
  view_.draw(model_->view, state_);
  window_->render();
  int w = 0, h = 0;
  const std::vector<std::uint8_t> pixels = window_->readPixels(w, h);
  window_->present();
  ui::SetTextRenderer(nullptr);
  // The side panel (right of the map area) shows highlight yellow (255, 214, 0) behind the name
  // in each of the place's two sentences, and none of it is on the map.
  const ui::MapArea area = view_.mapPanel().area();
  long panel = 0, map = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const size_t i = (static_cast<size_t>(y) * w + x) * 4;
      if (pixels[i] > 245 && std::abs(pixels[i + 1] - 214) < 8 && pixels[i + 2] < 20)
        ++(x > area.x + area.width ? panel : map);
    }
  EXPECT_GT(panel, 400) << "no highlighted name in the source panel";
  EXPECT_EQ(map, 0);
}

TEST_F(MapPanelTest, ClickingASentenceOpensTheArticleAtItAndAMentionSelectsItsPlace) {
  ui::SetTextRenderer(nullptr);
  std::string error;
  auto text = ui::TextRenderer::create(&error);
  ASSERT_TRUE(text) << error;
  ui::SetTextRenderer(text.get());
  state_.selectedPlace = "karm-al-tahhan";
  state_.date = Date{2016, 12, 5};
  for (int i = 0; i < 3; ++i) frame();
  ASSERT_FALSE(state_.probes.sourceRows.empty());
  const ui::UiState::SourceRow row = state_.probes.sourceRows.front();
  const Mention& m = model_->extraction.mentions[row.mention];
  // Its first line (the row may run below the panel's bottom edge).
  const float cx = (row.rect.x0 + row.rect.x1) / 2, cy = row.rect.y0 + 10;
  frame(cx, cy, false);
  frame(cx, cy, true);
  frame(cx, cy, false);
  ASSERT_EQ(state_.article.doc, m.doc);
  EXPECT_EQ(state_.article.sentenceStart, m.sentenceStart);
  for (int i = 0; i < 3; ++i) frame();
  // The reader scrolled the sentence into its view.
  const ui::UiState::Rect view = state_.probes.articleWindow,
                          sentence = state_.probes.articleSentence;
  EXPECT_GE(sentence.y0, view.y0);
  EXPECT_LE(sentence.y1, view.y1);
  // Pixels: the sentence's tint (196, 222, 250) and the mentions' yellow inside the reader.
  ASSERT_TRUE(window_->beginFrame(false));
  view_.draw(model_->view, state_);
  window_->render();
  int w = 0, h = 0;
  const std::vector<std::uint8_t> px = window_->readPixels(w, h);
  window_->present();
  if (const char* out = std::getenv("ATLAS_TEST_SAVE_PNG")) {  // to look at it
    std::string ignored;
    app::writePng(out, px, w, h, ignored);
  }
  long tint = 0, yellow = 0;
  for (int y = static_cast<int>(view.y0); y < static_cast<int>(view.y1) && y < h; ++y)
    for (int x = static_cast<int>(view.x0); x < static_cast<int>(view.x1) && x < w; ++x) {
      const size_t i = (static_cast<size_t>(y) * w + x) * 4;
      tint += std::abs(px[i] - 196) < 4 && std::abs(px[i + 1] - 222) < 4 && px[i + 2] > 245;
      yellow += px[i] > 245 && std::abs(px[i + 1] - 214) < 8 && px[i + 2] < 20;
    }
  EXPECT_GT(tint, 1000) << "the sentence is not tinted in the reader";
  EXPECT_GT(yellow, 200) << "no place mention highlighted in the reader";
  // Every mention of the article is listed; clicking al-Qaterji's selects it on the map.
  const int mentions =
      model_->view.firstMentionOfDoc[m.doc + 1] - model_->view.firstMentionOfDoc[m.doc];
  EXPECT_EQ(static_cast<int>(state_.probes.articleMentions.size()), mentions);
  const ui::UiState::SourceRow* target = nullptr;
  for (const auto& r : state_.probes.articleMentions) {
    const Mention& am = model_->extraction.mentions[r.mention];
    if (am.place >= 0 && model_->gazetteer.places[am.place].id == "al-qaterji" &&
        r.rect.y0 >= view.y0 && r.rect.y1 <= view.y1) {
      target = &r;
      break;
    }
  }
  ASSERT_NE(target, nullptr) << "al-Qaterji not visible in the reader";
  const float tx = (target->rect.x0 + target->rect.x1) / 2,
              ty = (target->rect.y0 + target->rect.y1) / 2;
  frame(tx, ty, false);
  frame(tx, ty, true);
  frame(tx, ty, false);
  EXPECT_EQ(state_.selectedPlace, "al-qaterji");
  ui::SetTextRenderer(nullptr);
}

TEST_F(MapPanelTest, FiltersNarrowTheMarkersAndTheSources) {
  state_.date = Date{2016, 12, 6};
  frame();
  auto opaqueMarkers = [&] {
    int n = 0;
    for (const map::PointInstance& m : view_.mapPanel().markers())
      n += m.fill != 0 && (m.fill >> 24) == 0xff && m.radiusPx > 3.5f;
    return n;
  };
  const int all = opaqueMarkers();
  const int uploads = view_.mapPanel().renderer().uploadCount();
  // Only "territory taken" mentions (taken or retaken, as ACLED counts them): article 004's
  // government advance on 4 December and the opposition's counter-attack name Karm al-Tahhan;
  // Bustan al-Qasr is named only for an air strike and clashes.
  state_.settings.filter.eventTypes = 1u << static_cast<int>(EventType::TerritoryTaken);
  frame();
  frame();
  const int taken = opaqueMarkers();
  EXPECT_GT(view_.mapPanel().renderer().uploadCount(), uploads);
  EXPECT_GT(taken, 0);
  EXPECT_LT(taken, all);
  std::vector<std::string> shown;
  for (size_t k = 0; k < view_.mapPanel().markers().size(); ++k)
    if ((view_.mapPanel().markers()[k].fill >> 24) == 0xff &&
        view_.mapPanel().markers()[k].radiusPx > 3.5f)
      shown.push_back(model_->view.places[view_.mapPanel().markerPlaces()[k]].id);
  EXPECT_NE(std::find(shown.begin(), shown.end(), "karm-al-tahhan"), shown.end());
  EXPECT_EQ(std::find(shown.begin(), shown.end(), "bustan-al-qasr"), shown.end());
  // The source panel lists only the sentences that pass: of al-Myassar's four, the government's
  // taking of 4 December (article 004, sentence 0); the rebels' retaking of "large parts" of it
  // is contested fighting, and the others name it in passing.
  state_.selectedPlace = "al-myassar";
  frame();
  ASSERT_EQ(state_.probes.sourceRows.size(), 1u);
  EXPECT_EQ(model_->extraction.mentions[state_.probes.sourceRows[0].mention].event,
            EventType::TerritoryTaken);
  // Clearing the filter brings everything back.
  state_.settings.filter = {};
  frame();
  frame();
  EXPECT_EQ(opaqueMarkers(), all);
  EXPECT_EQ(state_.probes.sourceRows.size(), 4u);  // all four of al-Myassar's
}

#include "ui/article_reader.h"

TEST(ReaderBlocks, LinesAndLongLinesCutAtSpaces) {
  const std::string text = "first line\r\nsecond\n\nthird third third";
  const auto blocks = ui::readerBlocks(text, 1000);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(text.substr(blocks[0].first, blocks[0].second - blocks[0].first), "first line");
  EXPECT_EQ(text.substr(blocks[1].first, blocks[1].second - blocks[1].first), "second");
  EXPECT_EQ(text.substr(blocks[2].first, blocks[2].second - blocks[2].first), "third third third");
  // A 100 KB line of Arabic words becomes blocks of at most 4 KB, cut between words, covering
  // every byte.
  std::string arabic;
  while (arabic.size() < 100000) arabic += "حلب الشرقية ";
  const auto cut = ui::readerBlocks(arabic, 4096);
  ASSERT_GT(cut.size(), 20u);
  size_t covered = 0;
  for (const auto& [b, e] : cut) {
    EXPECT_LE(e - b, 4096u);
    EXPECT_TRUE(b == 0 || arabic[b] == ' ');
    covered += e - b;
  }
  EXPECT_EQ(covered, arabic.size());
}

TEST_F(MapPanelTest, FitSelectionFramesAnAreaWithItsNeighboursAndARegionWhole) {
  frame();
  const ui::MapArea area = view_.mapPanel().area();
  auto fitted = [&](const std::string& id) {
    state_.selectedPlace = id;
    state_.date = Date{2016, 12, 5};
    state_.frameSelection = true;
    frame();
    const map::Bounds b = view_.mapPanel().selectionBounds(model_->view, state_);
    EXPECT_FALSE(b.empty()) << id;
    // The whole of it is on screen, and it fills the map one way or the other (not 200 m of
    // empty map around a point).
    const map::Viewport v = ui::viewportOf(state_.camera, area);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    v.toScreen(model_->view.baseMap->frame.toMercator({b.minX, b.maxY}), x0, y0);
    v.toScreen(model_->view.baseMap->frame.toMercator({b.maxX, b.minY}), x1, y1);
    EXPECT_GE(x0, area.x - 1) << id;
    EXPECT_GE(y0, area.y - 1) << id;
    EXPECT_LE(x1, area.x + area.width + 1) << id;
    EXPECT_LE(y1, area.y + area.height + 1) << id;
    EXPECT_GT(std::max((x1 - x0) / area.width, (y1 - y0) / area.height), 0.8) << id;
    return b;
  };
  // East Aleppo on 5 December: the pocket of 8 December (from 26 November on), some km across.
  const map::Bounds east = fitted("east-aleppo");
  EXPECT_GT(east.maxX - east.minX, 3000);
  EXPECT_GT(state_.camera.metresPerPixel, 4);
  // al-Sakhour with the areas around it (Masakin Hanano, Sheikh Khodr, al-Shaar, ...): larger
  // than al-Sakhour itself, about 3 km.
  const map::Bounds sakhour = fitted("al-sakhour");
  EXPECT_GT(sakhour.maxX - sakhour.minX, 2500);
  EXPECT_LT(sakhour.maxX - sakhour.minX, 8000);
  // The city: its extent.
  const map::Bounds city = fitted("aleppo");
  EXPECT_GT(city.maxX - city.minX, 10000);
}

TEST_F(MapPanelTest, TheTimelineCursorStaysOnTheTimelineForADateOutsideTheData) {
  frame();
  const DayHistogram& h = model_->view.histogram;
  const Date last = Date::fromDays(h.first.toDays() + h.days() - 1);
  auto redAt = [&](float fromX, float toX) {
    EXPECT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    int w = 0, hh = 0;
    pixels_ = window_->readPixels(w, hh);
    window_->present();
    const ui::UiState::Rect r = state_.probes.timelineBars;
    const ui::MapArea strip{fromX, r.y0, toX - fromX, r.y1 - r.y0};
    return countColour(pixels_, w, strip, {230, 60, 40});
  };
  const ui::UiState::Rect r = state_.probes.timelineBars;
  state_.date = Date::fromDays(last.toDays() + 20);  // three weeks after the last report
  frame();
  EXPECT_GT(redAt(r.x1 - 12, r.x1), 20) << "cursor and arrow at the right end";
  EXPECT_EQ(redAt(r.x0, r.x0 + 12), 0);
  state_.date = Date{2016, 1, 1};  // before the first
  frame();
  EXPECT_GT(redAt(r.x0, r.x0 + 12), 20) << "cursor and arrow at the left end";
  EXPECT_EQ(redAt(r.x1 - 12, r.x1), 0);
}

TEST_F(MapPanelTest, ASelectedAreaIsOutlinedEvenWithoutAMarker) {
  // al-Sakhour is not named in the samples: no marker, so the selection shows as its outline.
  auto redPixels = [&] {
    EXPECT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    int w = 0, h = 0;
    pixels_ = window_->readPixels(w, h);
    window_->present();
    return countColour(pixels_, w, view_.mapPanel().area(), {230, 60, 40});
  };
  frame();
  const long before = redPixels();
  state_.selectedPlace = "al-sakhour";
  frame();
  const long after = redPixels();
  EXPECT_GT(after, before + 300) << before << " -> " << after;
  // Panning does not rebuild anything; the outline moves with the map.
  const int uploads = view_.mapPanel().renderer().uploadCount();
  for (int i = 0; i < 20; ++i) frame(300 + i, 300, true);
  frame(320, 300, false);
  EXPECT_EQ(view_.mapPanel().renderer().uploadCount(), uploads);
}
