// No data string may reach ImGui's Latin font: ImGui draws every character its font lacks as the
// font's fallback glyph ('?'). A corpus whose folder, file names and outlets are Arabic is loaded
// and the real UI is driven frame by frame (a place selected, the Filters > Outlet menu opened by
// clicks, a marker and a sentence hovered); every frame's draw lists are searched for quads of
// the fallback glyph.
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
#include <vector>

#include "app/gui_window.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "ui/arabic_text.h"
#include "ui/main_view.h"

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

class NoFallbackGlyphsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
    dir_ =
        fs::temp_directory_path() / ("atlas-fallback-" + std::to_string(::getpid())) / "أرشيف حلب";
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
    options.width = 1200;
    options.height = 800;
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

// The check itself: Arabic through ImGui's own text is caught; the same string as a data string
// is not.
TEST_F(NoFallbackGlyphsTest, TheCheckCatchesArabicDrawnByImGui) {
  auto probe = [](bool asData) {
    return [asData] {
      ImGui::SetNextWindowPos(ImVec2(300, 300));
      ImGui::Begin("probe", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
      if (asData)
        ui::DataText("عنب بلدي");
      else
        ImGui::TextUnformatted("عنب بلدي");
      ui::DataText("plain ASCII stays ImGui text");
      ImGui::End();
    };
  };
  state_.selectedPlace = "sheikh-saeed";
  // A new window shows from its second frame.
  for (int i = 0; i < 2; ++i) frame(-1, -1, false, probe(false), false);
  EXPECT_EQ(lastFallbacks_, 7);  // seven letters, one fallback each
  for (int i = 0; i < 2; ++i) frame(-1, -1, false, probe(true));
  EXPECT_FALSE(ui::ImGuiCanDraw("عنب بلدي"));
  EXPECT_FALSE(ui::ImGuiCanDraw("\xff"));
  EXPECT_TRUE(ui::ImGuiCanDraw("Enab Baladi (2016-12-05)"));
}

// Nothing selected: the side panel lists the articles (src/ui/articles_panel.cpp) by their Arabic
// file names and outlets, shaped (the fixture fails on any fallback glyph).
TEST_F(NoFallbackGlyphsTest, TheArticleListShowsArabicFileNames) {
  for (int i = 0; i < 3; ++i) frame();
}

TEST_F(NoFallbackGlyphsTest, ArabicOutletsFileNamesAndFolderNeverShowAsQuestionMarks) {
  const char* shots = std::getenv("ATLAS_TEST_SCREENSHOT_DIR");
  // A place with sentences from all three outlets (date rules such as "فجر أمس → ...").
  state_.selectedPlace = "sheikh-saeed";
  for (int i = 0; i < 3; ++i) frame();
  ASSERT_FALSE(state_.probes.sourceRows.empty());
  if (shots) shot_ = std::string(shots) + "/fallback-sources.png";
  frame();

  // Hover a sentence: its tooltip names the (Arabic) file.
  const auto& row = state_.probes.sourceRows.front().rect;
  frame((row.x0 + row.x1) / 2, (row.y0 + row.y1) / 2);
  frame((row.x0 + row.x1) / 2, (row.y0 + row.y1) / 2);
  ASSERT_NE(ImGui::FindWindowByName("##Tooltip_00"), nullptr);
  EXPECT_TRUE(ImGui::FindWindowByName("##Tooltip_00")->Active);

  // Hover the selected place's marker: the map's tooltip.
  const ui::MapArea area = view_.mapPanel().area();
  const int place = model_->view.findPlace("bustan-al-qasr");
  ASSERT_GE(place, 0);
  double sx = 0, sy = 0;
  ui::viewportOf(state_.camera, area)
      .toScreen(model_->baseMap->frame.toMercator(model_->view.places[place].pos), sx, sy);
  for (int i = 0; i < 3; ++i) frame(static_cast<float>(sx), static_cast<float>(sy));
  EXPECT_TRUE(ImGui::FindWindowByName("##Tooltip_00")->Active);
  if (shots) shot_ = std::string(shots) + "/fallback-marker.png";
  frame(static_cast<float>(sx), static_cast<float>(sy));

  // Filters (menu bar) > Outlet, by mouse: find the menu by its ID, click it, slide down to
  // "Outlet", then right into the submenu.
  const ImGuiWindow* main = ImGui::FindWindowByName("Aleppo Atlas");
  ASSERT_NE(main, nullptr);
  const ImGuiID menubar = idIn(main, "##menubar");
  const float barY = main->Pos.y + main->TitleBarHeight() + main->MenuBarHeight() / 2;
  ASSERT_TRUE(
      hoverItem(idIn(main, "Filters###filters", menubar), ImVec2(2, barY), ImVec2(400, barY), 100));
  frame(mouse_.x, mouse_.y, true);
  frame(mouse_.x, mouse_.y, false);
  const ImGuiWindow* filters = ImGui::FindWindowByName("##Menu_00");
  ASSERT_NE(filters, nullptr);
  ASSERT_TRUE(filters->Active);
  const float fx = filters->Pos.x + 30;
  ASSERT_TRUE(hoverItem(idIn(filters, "Outlet"), ImVec2(fx, filters->Pos.y),
                        ImVec2(fx, filters->Pos.y + filters->Size.y), 60));
  frame(mouse_.x, mouse_.y);
  const ImGuiWindow* outlets = ImGui::FindWindowByName("##Menu_01");
  ASSERT_NE(outlets, nullptr);
  ASSERT_TRUE(outlets->Active);
  // Into the submenu along the "Outlet" row, then down to its last item (an Arabic outlet).
  const ImVec2 in(outlets->Pos.x + outlets->Size.x / 2, mouse_.y);
  for (float x = mouse_.x; x < in.x; x += 20) frame(x, in.y);
  const float lastY = outlets->Pos.y + outlets->Size.y - ImGui::GetStyle().WindowPadding.y - 6;
  for (float y = in.y; y < lastY; y += 6) frame(in.x, y);
  frame(in.x, lastY);
  ASSERT_TRUE(outlets->Active);
  const std::string& last = model_->view.outlets.back();
  EXPECT_TRUE(state_.settings.filter.outletShown(last));
  if (shots) shot_ = std::string(shots) + "/fallback-outlets.png";
  frame(in.x, lastY);
  // A click hides that outlet, and the menu stays open for the next one.
  frame(in.x, lastY, true);
  frame(in.x, lastY, false);
  EXPECT_FALSE(state_.settings.filter.outletShown(last));
  EXPECT_EQ(state_.settings.filter.hiddenOutlets.size(), 1u);
  frame(in.x, lastY);
  EXPECT_TRUE(outlets->Active);
  if (shots) shot_ = std::string(shots) + "/fallback-outlets-ticked.png";
  frame(in.x, lastY);
  // Clicking it again shows it again.
  frame(in.x, lastY, true);
  frame(in.x, lastY, false);
  EXPECT_TRUE(state_.settings.filter.outletShown(last));
}
