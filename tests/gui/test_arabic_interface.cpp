// The Arabic interface (Help > العربية / English): the chrome in Arabic, drawn by the text engine
// (no ImGui fallback glyph in any view: menus, legend, timeline, sources, the reader, the about
// box), the layout mirrored (side panel | reader | map, the timeline right to left), the choice
// kept in the settings, and English restored when it is turned off. The fixture is the one of
// test_no_fallback_glyphs.cpp (a corpus with Arabic file names and outlets).
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/arabic_text.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"
#include "ui/ui_text.h"

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
    {"تقرير الشيخ سعيد.txt", "2016-12-05", "عنب بلدي",
     "سيطرت قوات النظام فجر أمس على حي الشيخ سعيد جنوب شرق حلب بعد اشتباكات عنيفة مع فصائل "
     "المعارضة.\nوقصفت الطائرات الروسية حي بستان القصر صباح اليوم."},
    {"بستان القصر.txt", "2016-12-04", "سانا",
     "استعادت وحدات الجيش السيطرة على حي الشيخ سعيد يوم الأحد.\nوتعرض حي بستان القصر لقصف "
     "مدفعي مساء أمس."},
    {"حلب الشرقية.txt", "2016-12-03", "شبكة شام الإخبارية",
     "قتل خمسة مدنيين في قصف على حي الشيخ سعيد مساء أمس.\nوخرجت مظاهرة في حي بستان القصر."},
};

// Where ImGui's fallback glyph sits in its font texture: the top-left UV of each font's fallback.
// The fallback is normally '?', which the UI may also draw on purpose, so the fixture makes a
// sentinel the fallback: a sign no UI string uses.
constexpr ImWchar kSentinels[] = {0xA4, 0xA7, 0xB6, '`', '~'};  // ¤ § ¶

class ArabicInterfaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    dir_ =
        fs::temp_directory_path() / ("atlas-arabic-ui-" + std::to_string(::getpid())) / "أرشيف حلب";
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
    ASSERT_EQ(model_->corpus.articles.size(), 3u);
    ASSERT_EQ(model_->view.outlets.size(), 3u);
    app::WindowOptions options;
    options.width = 1400;
    options.height = 900;
    options.visible = false;
    options.scaleToMonitor = false;
    options.scriptedInput = true;
    window_ = app::GuiWindow::open(options, error);
    ASSERT_TRUE(window_) << error;
    ASSERT_TRUE(view_.init(error)) << error;
    text_ = ui::TextRenderer::create(&error);
    ASSERT_TRUE(text_) << error;
    ui::SetTextRenderer(text_.get());
    // The font atlas is built by the first frame.
    frame(-1, -1, false, {}, false);
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
      const ImFontGlyph* sentinel = nullptr;
      for (ImWchar c : kSentinels)
        if (!sentinel && (sentinel = font->FindGlyphNoFallback(c))) font->FallbackChar = c;
      ASSERT_NE(sentinel, nullptr) << "the UI font has none of the sentinel signs";
      font->FallbackGlyph = sentinel;
      font->FallbackAdvanceX = sentinel->AdvanceX;  // what a missing character advances by
    }
    sentinelSet_ = true;
  }
  void TearDown() override {
    ui::SetTextRenderer(nullptr);
    std::error_code ec;
    fs::remove_all(dir_.parent_path(), ec);
  }

  // Quads of the fallback glyph in the frame just rendered, and where the first one was.
  int fallbackQuads(std::string* where = nullptr) const {
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<ImVec2> fallbackUv;
    for (const ImFont* font : io.Fonts->Fonts) {
      if (sentinelSet_) {
        EXPECT_NE(font->FallbackChar, '?') << "the font was rebuilt";
      }
      fallbackUv.emplace_back(font->FallbackGlyph->U0, font->FallbackGlyph->V0);
    }
    const ImDrawData* data = ImGui::GetDrawData();
    int n = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList* list = data->CmdLists[l];
      std::set<unsigned> seen;
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback || cmd.TextureId != io.Fonts->TexID) continue;
        // Each glyph quad has one vertex at (U0, V0); quads share no vertices.
        for (unsigned i = 0; i < cmd.ElemCount; ++i) {
          const unsigned k = cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i];
          const ImDrawVert& v = list->VtxBuffer[k];
          for (const ImVec2& uv : fallbackUv)
            if (v.uv.x == uv.x && v.uv.y == uv.y && seen.insert(k).second && n++ == 0 && where)
              *where = std::string(list->_OwnerName ? list->_OwnerName : "?") + " at " +
                       std::to_string(static_cast<int>(v.pos.x)) + "," +
                       std::to_string(static_cast<int>(v.pos.y));
        }
      }
    }
    return n;
  }

  // One frame with the mouse at (x, y) (negative: none), `down` holding the left button; `extra`
  // draws more after the UI. Fails the test if the frame drew a fallback glyph.
  void frame(float x = -1, float y = -1, bool down = false, const std::function<void()>& extra = {},
             bool expectClean = true) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x < 0 ? -FLT_MAX : x, y < 0 ? -FLT_MAX : y);
    io.MouseDown[0] = down;
    ASSERT_TRUE(window_->beginFrame(false));
    view_.draw(model_->view, state_);
    if (extra) extra();
    window_->render();
    std::string where;
    lastFallbacks_ = fallbackQuads(&where);
    if (expectClean) {
      EXPECT_EQ(lastFallbacks_, 0) << "fallback glyphs drawn (" << where << ")";
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

  // The ID ImGui gives "label" submitted in `window` (no ID pushed).
  static ImGuiID idIn(const ImGuiWindow* window, const char* label, ImGuiID seed = 0) {
    return ImHashStr(label, 0, seed ? seed : window->ID);
  }

  // Moves the mouse along a line, one frame per step, until ImGui hovers the item `id`.
  bool hoverItem(ImGuiID id, ImVec2 from, ImVec2 to, int steps) {
    for (int k = 0; k <= steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      mouse_ = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      frame(mouse_.x, mouse_.y);
      if (GImGui->HoveredId == id) return true;
    }
    return false;
  }

  // Moves the mouse along the menu bar until ImGui hovers the menu `label` (its ID part), then
  // clicks it; returns the menu's window.
  ImGuiWindow* openMenu(const char* label) {
    const ImGuiWindow* main = ImGui::FindWindowByName("Aleppo Atlas");
    if (!main) return nullptr;
    const ImGuiID menubar = idIn(main, "##menubar");
    const float barY = main->Pos.y + main->TitleBarHeight() + main->MenuBarHeight() / 2;
    const float w = ImGui::GetIO().DisplaySize.x;
    if (!hoverItem(idIn(main, label, menubar), ImVec2(w - 2, barY), ImVec2(2, barY), 200))
      return nullptr;
    frame(mouse_.x, mouse_.y, true);
    frame(mouse_.x, mouse_.y, false);
    frame(mouse_.x, mouse_.y);
    return GImGui->OpenPopupStack.empty() ? nullptr : GImGui->OpenPopupStack.back().Window;
  }

  // Closes any menu or popup (a click on an empty spot of the timeline's row).
  void closeMenus() {
    frame(-1, -1);
    ImGui::ClosePopupsOverWindow(nullptr, false);
    frame(-1, -1);
    frame(-1, -1);
  }

  // The side panel's child window.
  static const ImGuiWindow* sidePanel() {
    for (ImGuiWindow* w : GImGui->Windows)
      if (std::string_view(w->Name).find("/##side_") != std::string_view::npos) return w;
    return nullptr;
  }

  fs::path dir_;
  std::unique_ptr<app::Session> model_;
  std::unique_ptr<app::GuiWindow> window_;
  std::unique_ptr<ui::TextRenderer> text_;
  ui::MainView view_;
  ui::UiState state_;
  bool sentinelSet_ = false;
  int lastFallbacks_ = 0;
  ImVec2 mouse_;
  std::string shot_;  // a PNG path: the next frame is saved there
};

}  // namespace

TEST_F(ArabicInterfaceTest, EveryViewDrawsWithoutFallbackGlyphsAndMirrored) {
  state_.settings.arabicInterface = true;
  for (int i = 0; i < 3; ++i) frame();
  EXPECT_TRUE(ui::arabicInterface());

  // Side panel | map: the map starts right of the side panel.
  const ImGuiWindow* side = sidePanel();
  ASSERT_NE(side, nullptr);
  const ui::MapArea area = view_.mapPanel().area();
  EXPECT_LT(side->Pos.x, 1.0f);
  EXPECT_GE(area.x, side->Pos.x + side->Size.x);
  EXPECT_NEAR(area.x + area.width, ImGui::GetIO().DisplaySize.x, 1.0);

  // The timeline runs right to left: the next day's line is left of this day's.
  ASSERT_GT(model_->view.histogram.days(), 1);
  state_.date = model_->view.histogram.first;
  frame();
  const float first = state_.probes.timelineCursor;
  state_.date = Date::fromDays(model_->view.histogram.first.toDays() + 1);
  frame();
  EXPECT_LT(state_.probes.timelineCursor, first);
  EXPECT_GT(first, (state_.probes.timelineBars.x0 + state_.probes.timelineBars.x1) / 2);
  state_.date.reset();

  // A place selected: its sources, dated in Arabic, right of the map... left of it.
  state_.selectedPlace = "sheikh-saeed";
  for (int i = 0; i < 3; ++i) frame();
  ASSERT_FALSE(state_.probes.sourceRows.empty());
  EXPECT_LT(state_.probes.sourceRows.front().rect.x1, view_.mapPanel().area().x);

  // The reader, opened by a click on a sentence, sits between the side panel and the map.
  const auto row = state_.probes.sourceRows.front().rect;
  const float rx = (row.x0 + row.x1) / 2, ry = (row.y0 + row.y1) / 2;
  frame(rx, ry);
  frame(rx, ry, true);
  frame(rx, ry, false);
  for (int i = 0; i < 3; ++i) frame();
  ASSERT_GE(state_.article.doc, 0);
  EXPECT_GE(state_.probes.articleReader.x0, side->Pos.x + side->Size.x);
  EXPECT_LE(state_.probes.articleReader.x1, view_.mapPanel().area().x);
  const std::string shot = std::string(ATLAS_SOURCE_DIR) + "/docs/arabic-interface.png";
  if (std::getenv("ATLAS_WRITE_DOCS_SCREENSHOT")) shot_ = shot;
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR"))
    shot_ = std::string(dir) + "/arabic-interface.png";
  frame();

  // The timeline's tooltip.
  const float tx = (state_.probes.timelineBars.x0 + state_.probes.timelineBars.x1) / 2;
  const float ty = (state_.probes.timelineBars.y0 + state_.probes.timelineBars.y1) / 2;
  for (int i = 0; i < 3; ++i) frame(tx, ty);
  ASSERT_NE(ImGui::FindWindowByName("##Tooltip_00"), nullptr);
  EXPECT_TRUE(ImGui::FindWindowByName("##Tooltip_00")->Active);
  frame();

  // The legend collapsed and opened again (its button, bottom left).
  state_.settings.legendOpen = false;
  frame();
  frame();
  state_.settings.legendOpen = true;
  frame();

  // Every menu, and each submenu of Filters.
  ASSERT_NE(openMenu("###File"), nullptr);
  closeMenus();
  ImGuiWindow* filters = openMenu("###filters");
  ASSERT_NE(filters, nullptr);
  const float fx = filters->Pos.x + filters->Size.x / 2;
  for (const char* sub : {"###Event type", "###Actor", "###Outlet", "###Date precision"}) {
    ASSERT_TRUE(hoverItem(idIn(filters, sub), ImVec2(fx, filters->Pos.y),
                          ImVec2(fx, filters->Pos.y + filters->Size.y), 80))
        << sub;
    for (int i = 0; i < 4; ++i) frame(mouse_.x, mouse_.y);
    EXPECT_GE(GImGui->OpenPopupStack.Size, 2) << sub;
  }
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR"))
    shot_ = std::string(dir) + "/arabic-filters.png";
  frame(mouse_.x, mouse_.y);
  closeMenus();
  ASSERT_NE(openMenu("###Help"), nullptr);
  closeMenus();

  // The about box.
  state_.requests.about = true;
  for (int i = 0; i < 3; ++i) frame();
  closeMenus();

  // The window mode's combo and the "last N days" field.
  state_.settings.windowMode = WindowMode::LastNDays;
  for (int i = 0; i < 2; ++i) frame();

  // A search listing places (Arabic names, Arabic-Indic counts).
  state_.selectedPlace.clear();
  state_.article.doc = -1;
  state_.placeQuery = "sheikh";
  for (int i = 0; i < 3; ++i) frame();
  state_.placeQuery.clear();

  // Nothing selected, no reader: the articles list and the places named.
  for (int i = 0; i < 3; ++i) frame();
  if (const char* dir = std::getenv("ATLAS_TEST_SCREENSHOT_DIR"))
    shot_ = std::string(dir) + "/arabic-articles.png";
  frame();
}

TEST_F(ArabicInterfaceTest, TheHelpMenuSwitchesTheLanguage) {
  for (int i = 0; i < 2; ++i) frame();
  ASSERT_FALSE(state_.settings.arabicInterface);
  ImGuiWindow* help = openMenu("Help");
  ASSERT_NE(help, nullptr);
  const float hx = help->Pos.x + help->Size.x / 2;
  ASSERT_TRUE(hoverItem(idIn(help, "###language"), ImVec2(hx, help->Pos.y),
                        ImVec2(hx, help->Pos.y + help->Size.y), 60));
  frame(mouse_.x, mouse_.y, true);
  frame(mouse_.x, mouse_.y, false);
  EXPECT_TRUE(state_.settings.arabicInterface);
  for (int i = 0; i < 3; ++i) frame();
  EXPECT_GT(view_.mapPanel().area().x, 100.0);
  // And back, through the same item (its ID is the same in Arabic).
  help = openMenu("###Help");
  ASSERT_NE(help, nullptr);
  const float ax = help->Pos.x + help->Size.x / 2;
  ASSERT_TRUE(hoverItem(idIn(help, "###language"), ImVec2(ax, help->Pos.y),
                        ImVec2(ax, help->Pos.y + help->Size.y), 60));
  frame(mouse_.x, mouse_.y, true);
  frame(mouse_.x, mouse_.y, false);
  EXPECT_FALSE(state_.settings.arabicInterface);
}

TEST_F(ArabicInterfaceTest, TurningItOffRestoresTheEnglishLayout) {
  state_.selectedPlace = "sheikh-saeed";
  state_.date = model_->view.histogram.first;
  for (int i = 0; i < 3; ++i) frame();
  const ui::MapArea english = view_.mapPanel().area();
  const float englishCursor = state_.probes.timelineCursor;
  const ImGuiWindow* side = sidePanel();
  ASSERT_NE(side, nullptr);
  const float englishSide = side->Pos.x;
  EXPECT_NEAR(english.x, 0.0, 1.0);
  EXPECT_GE(englishSide, english.x + english.width);

  state_.settings.arabicInterface = true;
  for (int i = 0; i < 3; ++i) frame();
  EXPECT_GT(view_.mapPanel().area().x, english.x);
  EXPECT_NE(state_.probes.timelineCursor, englishCursor);

  state_.settings.arabicInterface = false;
  for (int i = 0; i < 3; ++i) frame();
  EXPECT_FALSE(ui::arabicInterface());
  const ui::MapArea back = view_.mapPanel().area();
  EXPECT_EQ(back.x, english.x);
  EXPECT_EQ(back.width, english.width);
  EXPECT_EQ(state_.probes.timelineCursor, englishCursor);
  EXPECT_EQ(sidePanel()->Pos.x, englishSide);
}

TEST_F(ArabicInterfaceTest, TheChoiceIsKeptInTheSettings) {
  ui::registerLayoutSettings(&state_);
  state_.settings.arabicInterface = true;
  size_t size = 0;
  std::string ini = ImGui::SaveIniSettingsToMemory(&size);
  EXPECT_NE(ini.find("ArabicInterface=1"), std::string::npos) << ini;
  state_.settings.arabicInterface = false;
  ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
  EXPECT_TRUE(state_.settings.arabicInterface);

  state_.settings.arabicInterface = false;
  ini = ImGui::SaveIniSettingsToMemory(&size);
  EXPECT_NE(ini.find("ArabicInterface=0"), std::string::npos) << ini;
  state_.settings.arabicInterface = true;
  ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
  EXPECT_FALSE(state_.settings.arabicInterface);

  // A change marks the settings dirty, so the app saves it.
  ui::SettingsWatcher watcher;
  watcher.markDirtyIfChanged(state_);
  GImGui->SettingsDirtyTimer = 0;
  state_.settings.arabicInterface = true;
  watcher.markDirtyIfChanged(state_);
  EXPECT_GT(GImGui->SettingsDirtyTimer, 0.0f);
}
