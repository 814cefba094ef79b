// The articles list and the reader beside the map, driven frame by frame with scripted input on
// the sample corpus: opening an article from the list, the split with the map, sorting,
// filtering to the timeline's window, and a mention that selects its place and pans the map.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/arabic_text.h"
#include "ui/articles_panel.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

class ArticlesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    model_ = app::loadSession(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
    ASSERT_TRUE(model_);
    ASSERT_NE(model_->view.baseMap, nullptr);
    ASSERT_GE(model_->corpus.articles.size(), 5u);
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
    // Titles, outlets and the article are shaped by the text engine, as in the app.
    ui::SetTextRenderer(nullptr);
    text_ = ui::TextRenderer::create(&error);
    ASSERT_TRUE(text_) << error;
    ui::SetTextRenderer(text_.get());
  }

  void TearDown() override {
    ui::SetTextRenderer(nullptr);
    text_.reset();
  }

  // One frame with the mouse at (x, y); `down` holds the left button.
  void frame(float x = -1, float y = -1, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x < 0 ? -FLT_MAX : x, y < 0 ? -FLT_MAX : y);
    io.MouseDown[0] = down;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    window_->present();
  }

  // A click (move, press, release) at the centre of `r`, then a frame for the UI to follow.
  void click(const ui::UiState::Rect& r) {
    const float x = (r.x0 + r.x1) / 2, y = (r.y0 + r.y1) / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    frame();
  }

  // Draws a frame and reads it back (optionally writing it to `png`).
  std::vector<std::uint8_t> capture(int& w, int& h, const char* png = nullptr) {
    EXPECT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    std::vector<std::uint8_t> px = window_->readPixels(w, h);
    window_->present();
    if (png) {
      std::string error;
      EXPECT_TRUE(app::writePng(png, px, w, h, error)) << error;
    }
    return px;
  }

  const ui::ArticlesPanelProbe& probe() const { return ui::articlesPanelProbe(); }

  const ui::ArticlesPanelProbe::Row* rowOf(int doc) const {
    for (const auto& r : probe().rows)
      if (r.doc == doc) return &r;
    return nullptr;
  }

  // Screen position of a model place under the current camera and map area.
  void screenOf(const std::string& id, double& sx, double& sy) const {
    const int i = model_->view.findPlace(id);
    ASSERT_GE(i, 0) << id;
    const map::Viewport v = ui::viewportOf(state_.camera, view_.mapPanel().area());
    v.toScreen(model_->view.baseMap->frame.toMercator(model_->view.places[i].pos), sx, sy);
  }

  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  std::unique_ptr<ui::TextRenderer> text_;
  ui::MainView view_;
  ui::UiState state_;
};

}  // namespace

TEST_F(ArticlesTest, ListsEveryArticleWithOutletDateAndMentions) {
  frame();
  frame();
  const auto& articles = model_->corpus.articles;
  EXPECT_EQ(probe().order.size(), articles.size());
  EXPECT_EQ(probe().rows.size(), articles.size());  // five rows fit in the list
  // Rows one under the other, inside the side panel (right of the map).
  const ui::MapArea map = view_.mapPanel().area();
  for (size_t k = 1; k < probe().rows.size(); ++k)
    EXPECT_GE(probe().rows[k].rect.y0, probe().rows[k - 1].rect.y1 - 1);
  for (const auto& r : probe().rows) EXPECT_GT(r.rect.x0, map.x + map.width);
  // The default order is the first column's (titles, or ids without one): the corpus order.
  for (size_t k = 0; k < articles.size(); ++k) EXPECT_EQ(probe().order[k], static_cast<int>(k));
}

TEST_F(ArticlesTest, ClickingARowOpensTheReaderBesideTheMap) {
  frame();
  frame();
  const ui::MapArea full = view_.mapPanel().area();
  EXPECT_LT(state_.article.doc, 0);
  const auto* row = rowOf(3);
  ASSERT_NE(row, nullptr);
  click(row->rect);
  ASSERT_EQ(state_.article.doc, 3);
  frame();
  // The reader sits between the map and the side panel; the map is narrower, same height.
  const ui::MapArea map = view_.mapPanel().area();
  const ui::UiState::Rect reader = state_.probes.articleReader;
  const float mapRight = static_cast<float>(map.x + map.width);
  EXPECT_LT(map.width, full.width - 150);
  EXPECT_EQ(map.x, full.x);
  EXPECT_EQ(map.height, full.height);
  EXPECT_LE(mapRight, reader.x0) << "the map and the reader overlap";
  EXPECT_LE(reader.x0 - mapRight, 10) << "a splitter's width between them, no more";
  EXPECT_NEAR(reader.y0, map.y, 1);
  EXPECT_GT(reader.x1 - reader.x0, 200);
  // The side panel (and the list in it) is still right of the reader.
  ASSERT_NE(rowOf(3), nullptr);
  EXPECT_GE(rowOf(3)->rect.x0, reader.x1);
  // The reader's text region is inside it.
  EXPECT_GE(state_.probes.articleWindow.x0, reader.x0);
  EXPECT_LE(state_.probes.articleWindow.x1, reader.x1 + 1);

  if (const char* png = std::getenv("ATLAS_TEST_ARTICLES_PNG")) {  // to look at it
    int w = 0, h = 0;
    capture(w, h, png);
  }

  // Another row opens another article in the same place.
  click(rowOf(1)->rect);
  EXPECT_EQ(state_.article.doc, 1);
  EXPECT_EQ(ImGui::FindWindowByName("###article"), nullptr) << "no floating reader window";

  // Close gives the map its width back.
  const float closeX = reader.x1 - 30, closeY = reader.y0 + 12;
  frame(closeX, closeY, false);
  frame(closeX, closeY, true);
  frame(closeX, closeY, false);
  frame();
  EXPECT_LT(state_.article.doc, 0);
  EXPECT_EQ(view_.mapPanel().area().width, full.width);
}

TEST_F(ArticlesTest, DraggingTheSplitterResizesMapAndReader) {
  state_.article = {4, 0, 0, true};
  frame();
  frame();
  const ui::MapArea map0 = view_.mapPanel().area();
  const ui::UiState::Rect reader0 = state_.probes.articleReader;
  const float width0 = state_.settings.readerWidth;
  // Drag the bar between them 120 px to the left.
  const float x = static_cast<float>((map0.x + map0.width + reader0.x0) / 2);
  const float y = static_cast<float>(map0.y + map0.height / 2);
  frame(x, y, false);
  frame(x, y, true);
  for (int dx = 10; dx <= 120; dx += 10) frame(x - static_cast<float>(dx), y, true);
  frame(x - 120, y, false);
  frame();
  const ui::MapArea map1 = view_.mapPanel().area();
  const ui::UiState::Rect reader1 = state_.probes.articleReader;
  EXPECT_NEAR(map1.width, map0.width - 120, 1);
  EXPECT_NEAR(reader1.x1 - reader1.x0, reader0.x1 - reader0.x0 + 120, 1);
  EXPECT_NEAR(state_.settings.readerWidth, width0 + 120, 1);
  EXPECT_NEAR(reader1.x1, reader0.x1, 1);  // the side panel did not move
  EXPECT_LE(map1.x + map1.width, reader1.x0);
  // Dragging far to the right stops with the reader at its narrowest, the map still there.
  const float x1 = static_cast<float>((map1.x + map1.width + reader1.x0) / 2);
  frame(x1, y, false);
  frame(x1, y, true);
  for (int dx = 50; dx <= 1000; dx += 50) frame(x1 + static_cast<float>(dx), y, true);
  frame(x1 + 1000, y, false);
  frame();
  EXPECT_NEAR(state_.probes.articleReader.x1 - state_.probes.articleReader.x0, 200, 1);
  EXPECT_LE(view_.mapPanel().area().x + view_.mapPanel().area().width,
            state_.probes.articleReader.x0);
}

TEST_F(ArticlesTest, TheReaderWidthIsPersistedInTheIni) {
  ui::registerLayoutSettings(&state_);
  state_.settings.readerWidth = 555;
  size_t size = 0;
  const std::string ini = ImGui::SaveIniSettingsToMemory(&size);
  EXPECT_NE(ini.find("ReaderWidth=555"), std::string::npos) << ini;
  state_.settings.readerWidth = 300;
  ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
  EXPECT_EQ(state_.settings.readerWidth, 555);
}

TEST_F(ArticlesTest, HeadersSortByDateAndByMentions) {
  frame();
  frame();
  const auto& articles = model_->corpus.articles;
  auto dateOf = [&](int doc) { return articles[doc].published; };
  auto byDate = [&](bool ascending) {
    const auto& order = probe().order;
    EXPECT_EQ(order.size(), articles.size());
    for (size_t k = 1; k < order.size(); ++k) {
      const auto a = dateOf(order[k - 1]), b = dateOf(order[k]);
      if (!b) continue;  // unknown dates go last
      ASSERT_TRUE(a) << "an undated article before a dated one";
      if (ascending)
        EXPECT_LE(*a, *b) << k;
      else
        EXPECT_GE(*a, *b) << k;
    }
  };
  const std::vector<int> initial = probe().order;
  click(probe().headers[ui::ArticlesPanelProbe::Published]);
  frame();
  byDate(true);
  EXPECT_NE(probe().order, initial) << "the sample's ids are not in date order";
  // The rows on screen follow the order, top to bottom.
  for (size_t k = 0; k < probe().rows.size(); ++k) EXPECT_EQ(probe().rows[k].doc, probe().order[k]);
  click(probe().headers[ui::ArticlesPanelProbe::Published]);
  frame();
  byDate(false);
  // Mentions sort most first.
  click(probe().headers[ui::ArticlesPanelProbe::Mentions]);
  frame();
  const auto& first = model_->view.firstMentionOfDoc;
  const auto& order = probe().order;
  for (size_t k = 1; k < order.size(); ++k)
    EXPECT_GE(first[order[k - 1] + 1] - first[order[k - 1]], first[order[k] + 1] - first[order[k]]);
}

TEST_F(ArticlesTest, TheCheckboxHidesArticlesOutsideTheTimelineWindow) {
  state_.settings.windowMode = WindowMode::ThisDay;
  state_.date = Date{2016, 12, 5};
  frame();
  frame();
  const auto& articles = model_->corpus.articles;
  ASSERT_EQ(probe().order.size(), articles.size());
  click(probe().inWindowCheckbox);
  ASSERT_TRUE(state_.articlesInWindowOnly);
  frame();
  size_t expected = 0;
  for (const Article& a : articles) expected += a.published == Date{2016, 12, 5};
  ASSERT_GT(expected, 0u);
  ASSERT_LT(expected, articles.size());
  EXPECT_EQ(probe().order.size(), expected);
  for (int doc : probe().order) EXPECT_EQ(articles[doc].published, (Date{2016, 12, 5}));
  EXPECT_EQ(probe().rows.size(), expected);
  // The window follows the timeline: up to 5 October holds the articles of 4 and 5 October.
  state_.settings.windowMode = WindowMode::UpToThisDay;
  state_.date = Date{2016, 10, 5};
  frame();
  for (int doc : probe().order) EXPECT_LE(*articles[doc].published, (Date{2016, 10, 5}));
  EXPECT_EQ(probe().order.size(), 2u);
  // Unticked, all of them again.
  click(probe().inWindowCheckbox);
  frame();
  EXPECT_FALSE(state_.articlesInWindowOnly);
  EXPECT_EQ(probe().order.size(), articles.size());
}

TEST_F(ArticlesTest, AMentionInTheReaderSelectsItsPlaceAndPansTheMapToIt) {
  state_.date = Date{2016, 12, 5};
  // The article and sentence that name al-Qaterji on 4-5 December, opened at that sentence.
  const ExtractionResult& x = model_->extraction;
  const Mention* mention = nullptr;
  for (const Mention& m : x.mentions)
    if (m.place >= 0 && model_->gazetteer.places[m.place].id == "al-qaterji") {
      mention = &m;
      break;
    }
  ASSERT_NE(mention, nullptr);
  state_.article = {mention->doc, mention->sentenceStart, mention->sentenceEnd, true};
  for (int i = 0; i < 3; ++i) frame();
  // Pan the map a whole map-width away: al-Qaterji is off screen.
  const ui::MapArea area = view_.mapPanel().area();
  const int place = model_->view.findPlace("al-qaterji");
  ASSERT_GE(place, 0);
  const map::Mercator target =
      model_->view.baseMap->frame.toMercator(model_->view.places[place].pos);
  state_.camera.centre = {target.x + area.width * state_.camera.metresPerPixel, target.y};
  frame();
  double sx = 0, sy = 0;
  screenOf("al-qaterji", sx, sy);
  ASSERT_LT(sx, area.x);
  const double before =
      std::hypot(state_.camera.centre.x - target.x, state_.camera.centre.y - target.y);

  const ui::UiState::Rect view = state_.probes.articleWindow;
  const ui::UiState::SourceRow* hit = nullptr;
  for (const auto& r : state_.probes.articleMentions)
    if (x.mentions[r.mention].place == mention->place && r.rect.y0 >= view.y0 &&
        r.rect.y1 <= view.y1) {
      hit = &r;
      break;
    }
  ASSERT_NE(hit, nullptr) << "al-Qaterji not visible in the reader";
  EXPECT_GE(hit->rect.x0, state_.probes.articleReader.x0);
  click(hit->rect);
  frame();
  EXPECT_EQ(state_.selectedPlace, "al-qaterji");
  EXPECT_EQ(state_.article.doc, mention->doc) << "the reader stays open";
  // The map (still beside the reader) moved to it: on screen, well inside the map area.
  const ui::MapArea after = view_.mapPanel().area();
  EXPECT_EQ(after.width, area.width);
  screenOf("al-qaterji", sx, sy);
  EXPECT_GT(sx, after.x + after.width * 0.1);
  EXPECT_LT(sx, after.x + after.width * 0.9);
  EXPECT_GT(sy, after.y + after.height * 0.1);
  EXPECT_LT(sy, after.y + after.height * 0.9);
  const double now =
      std::hypot(state_.camera.centre.x - target.x, state_.camera.centre.y - target.y);
  EXPECT_LT(now, before / 4);

  // The picture: reader beside the map, the place selected.
  int w = 0, h = 0;
  const char* png = std::getenv("ATLAS_TEST_READER_PNG");
  const std::vector<std::uint8_t> px = capture(w, h, png);
  // The selection ring (230, 60, 40) is drawn on the map near the place, none on the reader.
  long ring = 0, onReader = 0;
  for (int yy = 0; yy < h; ++yy)
    for (int xx = 0; xx < w; ++xx) {
      const size_t i = (static_cast<size_t>(yy) * w + xx) * 4;
      if (std::abs(px[i] - 230) < 12 && std::abs(px[i + 1] - 60) < 20 &&
          std::abs(px[i + 2] - 40) < 20) {
        if (std::hypot(xx - sx, yy - sy) < 40) ++ring;
        if (xx >= state_.probes.articleReader.x0 && xx < state_.probes.articleReader.x1 &&
            yy < state_.probes.articleReader.y1)
          ++onReader;
      }
    }
  EXPECT_GT(ring, 20);
  EXPECT_EQ(onReader, 0);
}

TEST_F(ArticlesTest, TitlesAreListedAndSortedInsteadOfIds) {
  // The sample's folder corpus has no titles; give one article an Arabic title (JSONL corpora
  // carry them).
  ASSERT_EQ(model_->view.corpus, &model_->corpus);
  model_->corpus.articles[1].title = "معارك عنيفة في أحياء حلب الشرقية";
  frame();
  frame();
  // Titles sort after the ids (digits) of the untitled articles, by the first column.
  ASSERT_EQ(probe().order.size(), model_->corpus.articles.size());
  EXPECT_EQ(probe().order.back(), 1);
  EXPECT_EQ(probe().order.front(), 0);
  if (const char* png = std::getenv("ATLAS_TEST_TITLES_PNG")) {
    int w = 0, h = 0;
    capture(w, h, png);
  }
  // Its row has the shaped title's ink (dark pixels) across the right of the title column.
  const auto* row = rowOf(1);
  ASSERT_NE(row, nullptr);
  int w = 0, h = 0;
  const std::vector<std::uint8_t> px = capture(w, h);
  const float right = probe().headers[ui::ArticlesPanelProbe::Title].x1;
  long ink = 0;
  for (int y = static_cast<int>(row->rect.y0); y < static_cast<int>(row->rect.y1); ++y)
    for (int x = static_cast<int>(right) - 60; x < static_cast<int>(right) - 4; ++x) {
      const size_t i = (static_cast<size_t>(y) * w + x) * 4;
      ink += px[i] < 110 && px[i + 1] < 110 && px[i + 2] < 110;
    }
  EXPECT_GT(ink, 40) << "right-to-left title not drawn from the column's right edge";
}
