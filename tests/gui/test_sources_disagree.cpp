// The source panel's control state and the disagreements list, driven frame by frame with
// scripted input on a small corpus written at test time: two outlets that contradict each other a
// day apart about Sheikh Saeed (sources disagree: both sides' sentences side by side), a quoted
// claim about al-Ramouseh that is weeks old at the slider's day (unconfirmed, its speaker shown),
// and claims the reference history contradicts (the disagreements list, where a click selects the
// place and moves the timeline). Every frame is searched for ImGui's fallback glyph, as in
// test_no_fallback_glyphs.cpp: no Arabic may reach ImGui's Latin font.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/arabic_text.h"
#include "ui/disagreements_panel.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"
#include "ui/side_panel.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

struct Doc {
  const char* file;
  const char* published;
  const char* outlet;
  const char* text;
};

const Doc kDocs[] = {
    // An opposition outlet and the state agency a day apart: sources disagree.
    {"sham-1209.txt", "2016-12-09", "شبكة شام الإخبارية",
     "استعاد الثوار السيطرة على حي الشيخ سعيد اليوم بعد معارك عنيفة."},
    {"sana-1210.txt", "2016-12-10", "سانا", "الجيش العربي السوري يسيطر على حي الشيخ سعيد في حلب."},
    // A quoted claim (the reference has the government there since September).
    {"enab-1101.txt", "2016-11-01", "عنب بلدي",
     "وقالت مصادر المعارضة إن الثوار سيطروا على حي الراموسة صباح اليوم."},
    {"sana-0820.txt", "2016-08-20", "سانا", "سيطرت وحدات الجيش على حي الراموسة اليوم."},
    {"sham-1130.txt", "2016-11-30", "شبكة شام الإخبارية",
     "أعلنت فصائل المعارضة سيطرتها على حي مساكن هنانو بعد هجوم معاكس."},
    {"sana-1015.txt", "2016-10-15", "سانا",
     "قال مصدر عسكري إن وحدات الجيش سيطرت على حي الشيخ خضر."},
};

// ImGui's fallback glyph made a sign no UI string uses (see test_no_fallback_glyphs.cpp).
constexpr ImWchar kSentinels[] = {0xA4, 0xA7, 0xB6, '`', '~'};  // ¤ § ¶

bool overlaps(float a0, float a1, float b0, float b1) { return a0 < b1 && b0 < a1; }

class SourcesDisagreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    dir_ = fs::temp_directory_path() / ("atlas-disagree-" + std::to_string(::getpid())) / "corpus";
    fs::create_directories(dir_);
    std::ofstream manifest(dir_ / "MANIFEST.tsv");
    manifest << "file\tpublished\toutlet\tnote\n";
    for (const Doc& d : kDocs) {
      manifest << d.file << '\t' << d.published << '\t' << d.outlet << "\t\n";
      std::ofstream(dir_ / d.file) << d.text << '\n';
    }
    manifest.close();
    std::string error;
    model_ = app::loadSession(dir_.string(), nullptr, &error);
    ASSERT_TRUE(model_) << error;
    ASSERT_EQ(model_->corpus.articles.size(), std::size(kDocs));
    app::WindowOptions options;
    options.width = 1400;
    options.height = 900;
    options.visible = false;
    options.scaleToMonitor = false;
    options.scriptedInput = true;
    window_ = app::GuiWindow::open(options, error);
    ASSERT_TRUE(window_) << error;
    ASSERT_TRUE(view_.init(error)) << error;
    ui::SetTextRenderer(nullptr);
    text_ = ui::TextRenderer::create(&error);
    ASSERT_TRUE(text_) << error;
    ui::SetTextRenderer(text_.get());
    state_.settings.sidePanelWidth = 560;
    state_.settings.disagreementsOpen = false;
    frame(-1, -1, false, false);  // builds the font atlas
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
      const ImFontGlyph* sentinel = nullptr;
      for (ImWchar c : kSentinels)
        if (!sentinel && (sentinel = font->FindGlyphNoFallback(c))) font->FallbackChar = c;
      ASSERT_NE(sentinel, nullptr) << "the UI font has none of the sentinel signs";
      font->FallbackGlyph = sentinel;
      font->FallbackAdvanceX = sentinel->AdvanceX;
    }
  }

  void TearDown() override {
    state_.settings.disagreementsOpen = false;
    ui::SetTextRenderer(nullptr);
    text_.reset();
    std::error_code ec;
    fs::remove_all(dir_.parent_path(), ec);
  }

  // Quads of the fallback glyph in the frame just rendered, and where the first one was.
  int fallbackQuads(std::string* where) const {
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<ImVec2> fallbackUv;
    for (const ImFont* font : io.Fonts->Fonts)
      fallbackUv.emplace_back(font->FallbackGlyph->U0, font->FallbackGlyph->V0);
    const ImDrawData* data = ImGui::GetDrawData();
    int n = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList* list = data->CmdLists[l];
      std::set<unsigned> seen;
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback || cmd.TextureId != io.Fonts->TexID) continue;
        for (unsigned i = 0; i < cmd.ElemCount; ++i) {
          const unsigned k = cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i];
          const ImDrawVert& v = list->VtxBuffer[k];
          for (const ImVec2& uv : fallbackUv)
            if (v.uv.x == uv.x && v.uv.y == uv.y && seen.insert(k).second && n++ == 0)
              *where = std::string(list->_OwnerName ? list->_OwnerName : "?") + " at " +
                       std::to_string(static_cast<int>(v.pos.x)) + "," +
                       std::to_string(static_cast<int>(v.pos.y));
        }
      }
    }
    return n;
  }

  // One frame with the mouse at (x, y) (negative: none); fails on any fallback glyph.
  void frame(float x = -1, float y = -1, bool down = false, bool expectClean = true,
             float wheel = 0) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x < 0 ? -FLT_MAX : x, y < 0 ? -FLT_MAX : y);
    io.MouseDown[0] = down;
    io.MouseWheel = wheel;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    window_->render();
    if (expectClean) {
      std::string where;
      EXPECT_EQ(fallbackQuads(&where), 0) << "fallback glyphs drawn (" << where << ")";
    }
    if (!shot_.empty()) {
      int w = 0, h = 0;
      const auto px = window_->readPixels(w, h);
      std::string error;
      EXPECT_TRUE(app::writePng(shot_, px, w, h, error)) << error;
      shot_.clear();
    }
    window_->present();
  }

  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  void click(ui::UiState::Rect r) {  // (a copy: the next frame rebuilds the probes it points into)
    const float x = (r.x0 + r.x1) / 2, y = (r.y0 + r.y1) / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    frame();
  }

  // The next frame is saved as `name` in $ATLAS_TEST_SCREENSHOT_DIR, if set, and as `docs` in
  // the source tree's docs/ with $ATLAS_WRITE_DOCS_SCREENSHOT.
  void screenshot(const char* name, const char* docs = nullptr) {
    if (docs && std::getenv("ATLAS_WRITE_DOCS_SCREENSHOT"))
      shot_ = std::string(ATLAS_SOURCE_DIR) + "/docs/" + docs;
    if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR"))
      shot_ = std::string(dir) + "/" + name;
    frame();
  }

  void show(const char* place, const char* day) {
    state_.selectedPlace = place;
    state_.date = parseIsoDate(day);
    ASSERT_TRUE(state_.date) << day;
    frames(3);
  }

  static const ui::SourcesPanelProbe& sources() { return ui::sourcesPanelProbe(); }
  static const ui::DisagreementsPanelProbe& list() { return ui::disagreementsPanelProbe(); }

  // The row of disagreement `index` in the list, scrolled into view with the mouse wheel.
  const ui::DisagreementsPanelProbe::Row* rowOf(int index) {
    for (int step = 0; step < 200; ++step) {
      for (const auto& r : list().rows)
        if (r.index == index && r.rect.y0 >= list().headers[0].y1 &&
            r.rect.y1 <= list().window.y1 - 4)
          return &r;
      const auto& w = list().window;
      frame((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, false, true, -1);
    }
    return nullptr;
  }

  // Moves the mouse along a line, a frame a step, until ImGui hovers the item `id`.
  bool hoverItem(ImGuiID id, ImVec2 from, ImVec2 to, int steps) {
    for (int k = 0; k <= steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      mouse_ = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      frame(mouse_.x, mouse_.y);
      if (GImGui->HoveredId == id) return true;
    }
    return false;
  }

  // The index in the model's disagreements of `place`'s on `day`, or -1.
  int disagreementOf(const std::string& place, const char* day) const {
    const auto& all = *model_->view.disagreements;
    for (size_t k = 0; k < all.size(); ++k)
      if (all[k].place == place && all[k].date == *parseIsoDate(day)) return static_cast<int>(k);
    return -1;
  }

  fs::path dir_;
  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  std::unique_ptr<ui::TextRenderer> text_;
  ui::MainView view_;
  ui::UiState state_;
  std::string shot_;
  ImVec2 mouse_;
};

// Sheikh Saeed on 2016-12-10: the state agency says the army holds it, an opposition outlet said
// the day before that the rebels retook it. The panel says "Sources disagree" and shows each
// holder's sentence in a column of its own, side by side, with outlet and date.
TEST_F(SourcesDisagreeTest, ADisputedPlaceShowsBothSidesSideBySide) {
  show("sheikh-saeed", "2016-12-10");
  ASSERT_TRUE(sources().shown);
  EXPECT_TRUE(sources().state.disputed);
  EXPECT_EQ(sources().state.side, Side::Government);
  EXPECT_GT(sources().disputeHeading.y1, sources().disputeHeading.y0);
  ASSERT_EQ(sources().dispute.size(), 2u);
  const auto& holder = sources().dispute[0];
  const auto& other = sources().dispute[1];
  EXPECT_EQ(holder.side, Side::Government);
  EXPECT_EQ(other.side, Side::Opposition);
  // Side by side: one left of the other, at the same height.
  EXPECT_LE(holder.rect.x1, other.rect.x0 + 1);
  EXPECT_TRUE(overlaps(holder.rect.y0, holder.rect.y1, other.rect.y0, other.rect.y1));
  const ui::SourcesPanelProbe::Claim* sana = nullptr;
  const ui::SourcesPanelProbe::Claim* sham = nullptr;
  for (const auto& c : sources().claims) {
    if (c.outlet == "سانا") sana = &c;
    if (c.outlet == "شبكة شام الإخبارية") sham = &c;
  }
  ASSERT_NE(sana, nullptr);
  ASSERT_NE(sham, nullptr);
  EXPECT_EQ(sana->column, 0);
  EXPECT_EQ(sham->column, 1);
  EXPECT_EQ(sana->side, Side::Government);
  EXPECT_EQ(sham->side, Side::Opposition);
  // Both sentences are drawn, next to each other.
  EXPECT_GT(sana->sentence.x1 - sana->sentence.x0, 20);
  EXPECT_GT(sham->sentence.x1 - sham->sentence.x0, 20);
  EXPECT_LE(sana->sentence.x1, sham->sentence.x0 + 1);
  EXPECT_TRUE(
      overlaps(sana->sentence.y0, sana->sentence.y1 + 40, sham->sentence.y0, sham->sentence.y1));
  const ui::UiState::Rect shamSentence = sham->sentence;  // (the next frame rebuilds the probe)
  screenshot("sources-disagree.png", "sources-disagree.png");

  // A click on a sentence opens its article in the reader.
  click(shamSentence);
  ASSERT_GE(state_.article.doc, 0);
  EXPECT_EQ(model_->corpus.articles[state_.article.doc].id, "sham-1209");
}

// Two days earlier only the opposition outlet had spoken: no dispute, one claim.
TEST_F(SourcesDisagreeTest, OneSourceIsNotADispute) {
  show("sheikh-saeed", "2016-12-09");
  ASSERT_TRUE(sources().shown);
  EXPECT_FALSE(sources().state.disputed);
  EXPECT_TRUE(sources().dispute.empty());
  EXPECT_EQ(sources().state.side, Side::Opposition);
  ASSERT_FALSE(sources().claims.empty());
  EXPECT_EQ(sources().claims.front().outlet, "شبكة شام الإخبارية");
}

// al-Ramouseh on 2016-11-20: the last evidence is the opposition's claim of 2016-11-01, 19 days
// old, past the 14-day shelf life: unconfirmed, with the date and age of that evidence, and the
// speaker the sentence quotes.
TEST_F(SourcesDisagreeTest, AnUnconfirmedPlaceShowsItsLastEvidenceAndTheSpeaker) {
  show("al-ramouseh", "2016-11-20");
  ASSERT_TRUE(sources().shown);
  EXPECT_TRUE(sources().state.unconfirmed);
  EXPECT_FALSE(sources().state.disputed);
  ASSERT_TRUE(sources().state.lastEvidence);
  EXPECT_EQ(sources().state.lastEvidence->iso(), "2016-11-01");
  const auto& lines = sources().lines;
  EXPECT_NE(std::find(lines.begin(), lines.end(), "Last evidence: 2016-11-01 (19 days ago)"),
            lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "Unconfirmed: no evidence for 19 days"),
            lines.end());
  ASSERT_EQ(sources().claims.size(), 1u);
  EXPECT_EQ(sources().claims[0].speaker, "Said by مصادر المعارضة");
  EXPECT_EQ(sources().claims[0].outlet, "عنب بلدي");

  // A longer shelf life (a setting) confirms it again.
  state_.settings.shelfLifeDays = 30;
  frames(2);
  EXPECT_FALSE(sources().state.unconfirmed);
  EXPECT_EQ(std::count(sources().lines.begin(), sources().lines.end(),
                       "Unconfirmed: no evidence for 19 days"),
            0);
}

// The same in the Arabic interface: Arabic words and dates, the current holder's column at the
// right, and still no fallback glyph.
TEST_F(SourcesDisagreeTest, TheArabicInterfaceMirrorsTheColumns) {
  state_.settings.arabicInterface = true;
  show("sheikh-saeed", "2016-12-10");
  ASSERT_EQ(sources().dispute.size(), 2u);
  EXPECT_EQ(sources().dispute[0].side, Side::Opposition);
  EXPECT_EQ(sources().dispute[1].side, Side::Government);
  EXPECT_LE(sources().dispute[0].rect.x1, sources().dispute[1].rect.x0 + 1);
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR"))
    shot_ = std::string(dir) + "/sources-disagree-arabic.png";
  frame();

  show("al-ramouseh", "2016-11-20");
  const auto& lines = sources().lines;
  EXPECT_NE(std::find(lines.begin(), lines.end(), "آخر دليل: ١ تشرين الثاني ٢٠١٦ (قبل ١٩ يوما)"),
            lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "غير مؤكد: لا أدلة منذ ١٩ يوما"), lines.end());
  ASSERT_EQ(sources().claims.size(), 1u);
  EXPECT_EQ(sources().claims[0].speaker, "على لسان مصادر المعارضة");
}

// View > Disagreements with the reference: the texts' claims the reference history contradicts,
// with both sides; a click on a row selects the place and moves the timeline to its day.
TEST_F(SourcesDisagreeTest, TheDisagreementsListSelectsThePlaceAndTheDay) {
  const int ramouseh = disagreementOf("al-ramouseh", "2016-11-01");
  ASSERT_GE(ramouseh, 0) << "the opposition's claim contradicts the reference (government)";
  const Disagreement& d = (*model_->view.disagreements)[ramouseh];
  EXPECT_EQ(d.corpus.side, Side::Opposition);
  EXPECT_EQ(d.referenceSide, Side::Government);
  EXPECT_GE(disagreementOf("sheikh-khodr", "2016-10-15"), 0);
  EXPECT_GE(disagreementOf("masakin-hanano", "2016-11-30"), 0);

  state_.settings.disagreementsOpen = true;
  frames(3);
  ASSERT_TRUE(list().drawn);
  EXPECT_EQ(list().order.size(), model_->view.disagreements->size());
  // Oldest first by default.
  for (size_t k = 1; k < list().order.size(); ++k)
    EXPECT_FALSE((*model_->view.disagreements)[list().order[k]].date <
                 (*model_->view.disagreements)[list().order[k - 1]].date);
  const ui::DisagreementsPanelProbe::Row* row = rowOf(ramouseh);
  ASSERT_NE(row, nullptr);
  EXPECT_GT(row->rect.y1 - row->rect.y0, 2 * ImGui::GetTextLineHeight())
      << "the row holds the sentence and the reference's source";
  const ui::UiState::Rect rowRect = row->rect;  // (the next frame rebuilds the probe)
  screenshot("disagreements.png");

  ASSERT_NE(state_.selectedPlace, "al-ramouseh");
  click(rowRect);
  EXPECT_EQ(state_.selectedPlace, "al-ramouseh");
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(state_.date->iso(), "2016-11-01");
  frames(2);
  // The source panel follows: al-Ramouseh on that day, the quoted claim deciding it.
  ASSERT_TRUE(sources().shown);
  EXPECT_EQ(sources().state.side, Side::Opposition);
  ASSERT_FALSE(sources().claims.empty());
  EXPECT_EQ(sources().claims[0].speaker, "Said by مصادر المعارضة");
  screenshot("disagreements-selected.png", "disagreements.png");

  // Sorting by place: a click on the header orders the rows by their English names.
  click(list().headers[ui::DisagreementsPanelProbe::Place]);
  frames(1);
  std::vector<std::string> names;
  for (int k : list().order)
    names.push_back(model_->gazetteer.find((*model_->view.disagreements)[k].place)->nameEn);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end())) << names.front() << " ...";

  // The close button closes it.
  state_.settings.disagreementsOpen = false;
  frames(1);
  EXPECT_FALSE(list().drawn);
}

// View > Disagreements with the reference, by mouse: the menu item opens the window and ticks.
TEST_F(SourcesDisagreeTest, TheViewMenuOpensTheList) {
  frames(2);
  EXPECT_FALSE(list().drawn);
  const ImGuiWindow* main = ImGui::FindWindowByName("Aleppo Atlas");
  ASSERT_NE(main, nullptr);
  const ImGuiID menubar = ImHashStr("##menubar", 0, main->ID);
  const float barY = main->Pos.y + main->TitleBarHeight() + main->MenuBarHeight() / 2;
  ASSERT_TRUE(hoverItem(ImHashStr("View", 0, menubar), ImVec2(2, barY), ImVec2(400, barY), 100));
  frame(mouse_.x, mouse_.y, true);
  frame(mouse_.x, mouse_.y, false);
  const ImGuiWindow* menu = ImGui::FindWindowByName("##Menu_00");
  ASSERT_NE(menu, nullptr);
  ASSERT_TRUE(menu->Active);
  screenshot("view-menu.png");
  const float x = menu->Pos.x + 30;
  ASSERT_TRUE(hoverItem(ImHashStr("Disagreements with the reference", 0, menu->ID),
                        ImVec2(x, menu->Pos.y), ImVec2(x, menu->Pos.y + menu->Size.y), 60));
  frame(mouse_.x, mouse_.y, true);
  frame(mouse_.x, mouse_.y, false);
  frames(2);
  EXPECT_TRUE(state_.settings.disagreementsOpen);
  EXPECT_TRUE(list().drawn);
  EXPECT_FALSE(list().rows.empty());

  // The open list is a setting: saved, and open again after a restart (a reload of the ini).
  ui::registerLayoutSettings(&state_);
  size_t size = 0;
  const std::string ini = ImGui::SaveIniSettingsToMemory(&size);
  EXPECT_NE(ini.find("DisagreementsOpen=1"), std::string::npos) << ini;
  state_.settings.disagreementsOpen = false;
  ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
  EXPECT_TRUE(state_.settings.disagreementsOpen);
  frames(1);
  EXPECT_TRUE(list().drawn);
}

TEST_F(SourcesDisagreeTest, TheDisagreementsListInArabicHasNoFallbackGlyphs) {
  state_.settings.arabicInterface = true;
  state_.settings.disagreementsOpen = true;
  frames(3);
  ASSERT_TRUE(list().drawn);
  ASSERT_FALSE(list().rows.empty());
  // Right to left: the date column at the right edge.
  EXPECT_GT(list().headers[ui::DisagreementsPanelProbe::Date].x0,
            list().headers[ui::DisagreementsPanelProbe::Reference].x1 - 1);
  screenshot("disagreements-arabic.png");
  const int hanano = disagreementOf("masakin-hanano", "2016-11-30");
  ASSERT_GE(hanano, 0);
  const ui::DisagreementsPanelProbe::Row* row = rowOf(hanano);
  ASSERT_NE(row, nullptr);
  click(row->rect);
  EXPECT_EQ(state_.selectedPlace, "masakin-hanano");
  ASSERT_TRUE(state_.date);
  EXPECT_EQ(state_.date->iso(), "2016-11-30");
}

}  // namespace
