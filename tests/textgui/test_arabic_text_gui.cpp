// Renders a wrapped Arabic paragraph with the widget in a real GL context and checks pixels:
// every line ends flush with the right edge, and the highlight covers the name's glyphs only.
// The framebuffers are written to PNG files next to the test binary for inspection.
// clang-format off
#include <glad/gl.h>  // before anything that includes GL headers
// clang-format on
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/arabic_text.h"

namespace atlas::ui {
namespace {

constexpr int kW = 800, kH = 400;
constexpr float kLeft = 100, kTop = 40, kWidth = 560, kSize = 28;
const char* kNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";

const std::string kParagraph =
    "ودارت اشتباكات بين الثوار وقوات الأسد والميليشيات المساندة له على جبهات حي الشيخ سعيد "
    "جنوب مدينة حلب المحاصرة على إثر محاولات تقدم الأخير في المنطقة";
const std::string kName = "الشيخ سعيد";

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgb;  // top row first
  const uint8_t* at(int x, int y) const { return &rgb[(static_cast<size_t>(y) * w + x) * 3]; }
  bool ink(int x, int y) const {  // dark text on the white background
    const uint8_t* p = at(x, y);
    return p[0] < 110 && p[1] < 110 && p[2] < 110;
  }
  bool highlight(int x, int y) const {
    const uint8_t* p = at(x, y);
    return p[0] > 200 && p[1] > 170 && p[2] < 90;
  }
};

class TextGui : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(glfwInit());
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    window = glfwCreateWindow(kW, kH, "text gui test", nullptr, nullptr);
    ASSERT_TRUE(window);
    glfwMakeContextCurrent(window);
    ASSERT_TRUE(gladLoadGL(glfwGetProcAddress));
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ASSERT_TRUE(ImGui_ImplGlfw_InitForOpenGL(window, false));
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    std::string error;
    renderer = TextRenderer::create(&error, kNaskh).release();
    ASSERT_TRUE(renderer) << error;
    SetTextRenderer(renderer);
  }
  static void TearDownTestSuite() {
    delete renderer;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
  }

  // One frame: a borderless white window over the whole framebuffer with the paragraph at
  // (kLeft, kTop), wrapped at kWidth.
  Image render(const std::string& text, std::vector<TextHighlight> highlights, const char* png) {
    for (int frame = 0; frame < 2; ++frame) {  // the 2nd frame has a stable ImGui layout
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(kW, kH));
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
      ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
      ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 255, 255, 255));
      ImGui::Begin("text", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
      ImGui::SetCursorScreenPos(ImVec2(kLeft, kTop));
      ArabicTextOptions options;
      options.size = kSize;
      options.width = kWidth;
      options.color = IM_COL32(0, 0, 0, 255);
      options.highlights = highlights;
      last = ArabicText(text, options);
      ImGui::End();
      ImGui::PopStyleColor();
      ImGui::PopStyleVar(2);
      ImGui::Render();
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      glViewport(0, 0, fw, fh);
      glClearColor(1, 1, 1, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    Image img;
    glfwGetFramebufferSize(window, &img.w, &img.h);
    std::vector<uint8_t> flipped(static_cast<size_t>(img.w) * img.h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, img.w, img.h, GL_RGB, GL_UNSIGNED_BYTE, flipped.data());
    img.rgb.resize(flipped.size());
    const size_t row = static_cast<size_t>(img.w) * 3;
    for (int y = 0; y < img.h; ++y)
      std::copy_n(&flipped[(img.h - 1 - y) * row], row, &img.rgb[y * row]);
    stbi_write_png((std::string(ATLAS_TEST_OUTPUT_DIR) + "/" + png).c_str(), img.w, img.h, 3,
                   img.rgb.data(), static_cast<int>(row));
    glfwSwapBuffers(window);
    return img;
  }

  const text::Paragraph& layout(const std::string& text) {
    paragraph = renderer->engine().layoutCached(text, text::LayoutOptions{kSize, kWidth});
    return *paragraph;
  }

  static GLFWwindow* window;
  static TextRenderer* renderer;
  ArabicTextResult last;
  std::shared_ptr<const text::Paragraph> paragraph;
};

GLFWwindow* TextGui::window = nullptr;
TextRenderer* TextGui::renderer = nullptr;

TEST_F(TextGui, WrappedParagraphIsFlushRight) {
  const Image img = render(kParagraph, {}, "text_gui_plain.png");
  const text::Paragraph& p = layout(kParagraph);
  ASSERT_GE(p.lines.size(), 3u);
  EXPECT_NEAR(last.min.x, kLeft, 0.5);
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const int y0 = static_cast<int>(kTop + p.lines[i].top);
    const int y1 = static_cast<int>(kTop + p.lines[i].bottom);
    int minX = kW, maxX = -1;
    for (int y = y0; y < y1; ++y)
      for (int x = 0; x < img.w; ++x)
        if (img.ink(x, y)) {
          minX = std::min(minX, x);
          maxX = std::max(maxX, x);
        }
    ASSERT_GE(maxX, 0) << "no ink on line " << i;
    // The first letter's ink reaches the right edge (a few pixels of side bearing allowed).
    EXPECT_GE(maxX, kLeft + kWidth - 5) << "line " << i;
    EXPECT_LE(maxX, kLeft + kWidth + 1) << "line " << i;
    EXPECT_GE(minX, kLeft - 3) << "line " << i;
    // Full lines are filled towards the left edge; the last one is shorter.
    if (i + 1 < p.lines.size()) {
      EXPECT_LT(minX, kLeft + kWidth * 0.4) << "line " << i;
    }
  }
  // Nothing outside the paragraph box.
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x)
      if (x < kLeft - 3 || x > kLeft + kWidth + 2 || y < kTop - 2 || y > kTop + p.height + 2) {
        ASSERT_FALSE(img.ink(x, y)) << x << "," << y;
      }
}

TEST_F(TextGui, HighlightCoversTheNameOnly) {
  const size_t at = kParagraph.find(kName);
  ASSERT_NE(at, std::string::npos);
  const Image plain = render(kParagraph, {}, "text_gui_plain.png");
  const Image lit = render(kParagraph, {{at, at + kName.size()}}, "text_gui_highlight.png");
  // The name on its own, same size: its ink is what the highlight must cover.
  const Image alone = render(kName, {}, "text_gui_name.png");

  int hx0 = kW, hx1 = -1, hy0 = kH, hy1 = -1;
  for (int y = 0; y < lit.h; ++y)
    for (int x = 0; x < lit.w; ++x)
      if (lit.highlight(x, y)) {
        hx0 = std::min(hx0, x);
        hx1 = std::max(hx1, x);
        hy0 = std::min(hy0, y);
        hy1 = std::max(hy1, y);
      }
  ASSERT_GE(hx1, 0) << "no highlight drawn";
  // One line tall, inside the paragraph.
  const text::Paragraph& p = layout(kParagraph);
  const float lineHeight = p.lines[0].bottom - p.lines[0].top;
  EXPECT_NEAR(hy1 - hy0 + 1, lineHeight, 2);
  EXPECT_GE(hx0, kLeft);
  EXPECT_LE(hx1, kLeft + kWidth);

  int aloneInk = 0, aloneMin = kW, aloneMax = -1;
  for (int y = 0; y < alone.h; ++y)
    for (int x = 0; x < alone.w; ++x)
      if (alone.ink(x, y)) {
        ++aloneInk;
        aloneMin = std::min(aloneMin, x);
        aloneMax = std::max(aloneMax, x);
      }
  ASSERT_GT(aloneInk, 50);
  // As wide as the name's glyphs (ink width plus side bearings).
  const int highlightWidth = hx1 - hx0 + 1, inkWidth = aloneMax - aloneMin + 1;
  EXPECT_GE(highlightWidth, inkWidth - 3);
  EXPECT_LE(highlightWidth, inkWidth + 6);

  // The plain frame's ink inside the highlight box is the name's ink: same amount as the name
  // drawn alone (a neighbouring word inside the box would add much more).
  int inkInside = 0, inkInsideLit = 0;
  for (int y = hy0; y <= hy1; ++y)
    for (int x = hx0; x <= hx1; ++x) {
      inkInside += plain.ink(x, y);
      inkInsideLit += lit.ink(x, y);
    }
  EXPECT_NEAR(inkInside, aloneInk, aloneInk * 0.12);
  // The text is drawn over the highlight, not hidden by it.
  EXPECT_NEAR(inkInsideLit, inkInside, inkInside * 0.05);
  // Everything outside the highlight box is unchanged.
  int changed = 0;
  for (int y = 0; y < lit.h; ++y)
    for (int x = 0; x < lit.w; ++x)
      if ((x < hx0 || x > hx1 || y < hy0 || y > hy1) &&
          (lit.ink(x, y) != plain.ink(x, y) || lit.highlight(x, y)))
        ++changed;
  EXPECT_EQ(changed, 0);
}

TEST_F(TextGui, HarakatSitOnTheirLetters) {
  // Marks have no advance: the vowelled word is as wide as the bare one, with extra ink above
  // (fatha, damma, shadda, tanween) the bare word's ink.
  auto inkBox = [](const Image& img, int* x0, int* x1, int* y0, int* y1, int* count) {
    *x0 = img.w, *x1 = -1, *y0 = img.h, *y1 = -1, *count = 0;
    for (int y = 0; y < img.h; ++y)
      for (int x = 0; x < img.w; ++x)
        if (img.ink(x, y)) {
          *x0 = std::min(*x0, x), *x1 = std::max(*x1, x), *y0 = std::min(*y0, y);
          *y1 = std::max(*y1, y), ++*count;
        }
  };
  const Image bare = render("محمد في حلب", {}, "text_gui_bare.png");
  const Image marked = render("مُحَمَّدٌ فِي حَلَبَ", {}, "text_gui_harakat.png");
  int bx0, bx1, by0, by1, bn, mx0, mx1, my0, my1, mn;
  inkBox(bare, &bx0, &bx1, &by0, &by1, &bn);
  inkBox(marked, &mx0, &mx1, &my0, &my1, &mn);
  ASSERT_GT(bn, 50);
  EXPECT_NEAR(mx1, bx1, 2);  // right-aligned, same right edge
  EXPECT_NEAR(mx0, bx0, 3);  // same width: the marks added no advance
  EXPECT_LT(my0, by0 - 2);   // marks above the letters
  EXPECT_LE(my1, by1 + 2);   // kasra under fa stays above yeh's tail
  int above = 0;
  for (int y = 0; y < by0; ++y)
    for (int x = 0; x < marked.w; ++x) above += marked.ink(x, y);
  EXPECT_GT(above, 20);
  EXPECT_GT(mn, bn);
}

}  // namespace
}  // namespace atlas::ui
