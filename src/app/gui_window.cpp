#include "app/gui_window.h"

// glad must come before GLFW so GLFW does not pull in a system GL header.
#include <glad/gl.h>
// clang-format off
#include <GLFW/glfw3.h>
// clang-format on
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <dlfcn.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "app/atomic_write.h"
#include "text/font_locator.h"
#include "ui/theme.h"

namespace atlas::app {

namespace {

std::string gLastGlfwError;

void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : ""; }

// The open window, for the lost-display handler.
GuiWindow* gOpenWindow = nullptr;

// Xlib calls this when the connection to the X server breaks (the server stopped, an SSH
// tunnel closed); it must not return. Without it Xlib prints "XIO: fatal IO error" and exits
// from inside a GL call. We save the layout (memory only, no X calls), say what happened in one
// line and leave with the "no usable display" status.
int onDisplayLost(void*) {
  if (gOpenWindow) gOpenWindow->saveLayoutIfNeeded(true);
  const char* display = std::getenv("DISPLAY");
  std::fprintf(stderr, "aleppo-atlas: lost the connection to the display %s; exiting\n",
               display ? display : "");
  std::fflush(stderr);
  std::_Exit(2);
}

// GLFW's X11 platform links Xlib; look its handler hook up at run time so a build without X11
// (Wayland only) needs nothing.
void installDisplayLostHandler() {
  using Handler = int (*)(void*);
  using SetHandler = Handler (*)(Handler);
  if (auto set = reinterpret_cast<SetHandler>(dlsym(RTLD_DEFAULT, "XSetIOErrorHandler")))
    set(onDisplayLost);
}

// ImGui 1.86 reads keys through io.KeyMap; with scripted input the GLFW backend is not there to
// fill it, so it is filled the same way and tests press keys by their GLFW codes.
void mapKeysLikeTheGlfwBackend(ImGuiIO& io) {
  const std::pair<ImGuiKey, int> keys[] = {{ImGuiKey_Tab, GLFW_KEY_TAB},
                                           {ImGuiKey_LeftArrow, GLFW_KEY_LEFT},
                                           {ImGuiKey_RightArrow, GLFW_KEY_RIGHT},
                                           {ImGuiKey_UpArrow, GLFW_KEY_UP},
                                           {ImGuiKey_DownArrow, GLFW_KEY_DOWN},
                                           {ImGuiKey_PageUp, GLFW_KEY_PAGE_UP},
                                           {ImGuiKey_PageDown, GLFW_KEY_PAGE_DOWN},
                                           {ImGuiKey_Home, GLFW_KEY_HOME},
                                           {ImGuiKey_End, GLFW_KEY_END},
                                           {ImGuiKey_Insert, GLFW_KEY_INSERT},
                                           {ImGuiKey_Delete, GLFW_KEY_DELETE},
                                           {ImGuiKey_Backspace, GLFW_KEY_BACKSPACE},
                                           {ImGuiKey_Space, GLFW_KEY_SPACE},
                                           {ImGuiKey_Enter, GLFW_KEY_ENTER},
                                           {ImGuiKey_Escape, GLFW_KEY_ESCAPE},
                                           {ImGuiKey_KeyPadEnter, GLFW_KEY_KP_ENTER},
                                           {ImGuiKey_A, GLFW_KEY_A},
                                           {ImGuiKey_C, GLFW_KEY_C},
                                           {ImGuiKey_V, GLFW_KEY_V},
                                           {ImGuiKey_X, GLFW_KEY_X},
                                           {ImGuiKey_Y, GLFW_KEY_Y},
                                           {ImGuiKey_Z, GLFW_KEY_Z}};
  for (const auto& [key, code] : keys) io.KeyMap[key] = code;
}

}  // namespace

std::unique_ptr<GuiWindow> GuiWindow::open(const WindowOptions& options, std::string& error) {
  glfwSetErrorCallback(onGlfwError);
  installDisplayLostHandler();
  if (!glfwInit()) {
    error = "cannot open a window: no display available (" + gLastGlfwError + ")";
    return nullptr;
  }
  std::unique_ptr<GuiWindow> w(new GuiWindow());
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, options.scaleToMonitor ? GLFW_TRUE : GLFW_FALSE);
  w->window_ = glfwCreateWindow(options.width, options.height, "Aleppo Atlas", nullptr, nullptr);
  if (!w->window_) {
    error = "cannot create an OpenGL 3.3 core window (" + gLastGlfwError + ")";
    return nullptr;
  }
  glfwMakeContextCurrent(w->window_);
  if (!gladLoadGL(glfwGetProcAddress)) {
    error = "cannot load OpenGL 3.3 core functions";
    return nullptr;
  }
  glfwSwapInterval(1);
  float xs = 1, ys = 1;
  glfwGetWindowContentScale(w->window_, &xs, &ys);
  w->contentScale_ = xs > 0 ? xs : 1.0f;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // ImGui would write its ini with a plain fopen(); we save it ourselves, atomically.
  io.IniFilename = nullptr;
  // No keyboard navigation: the arrow keys step the timeline and Ctrl+arrows pan the map.
  w->iniPath_ = options.iniPath;
  ui::theme::apply(w->contentScale_);
  w->loadFonts();
  w->scriptedInput_ = options.scriptedInput;
  if (w->scriptedInput_)
    mapKeysLikeTheGlfwBackend(io);
  else
    ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  w->imguiReady_ = true;
  gOpenWindow = w.get();
  return w;
}

void GuiWindow::loadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  const float size = 16.0f * contentScale_;
  if (auto font = text::findUiFont()) {
    ImFontConfig config;
    config.FontNo = font->index;
    if (io.Fonts->AddFontFromFileTTF(font->path.c_str(), size, &config,
                                     io.Fonts->GetGlyphRangesDefault()))
      return;
    std::fprintf(stderr,
                 "aleppo-atlas: warning: %s: cannot load the UI font; using the built-in one\n",
                 font->path.c_str());
  } else {
    std::fprintf(stderr,
                 "aleppo-atlas: warning: no UI font found (install fonts-noto-core); "
                 "using the built-in one\n");
  }
  ImFontConfig config;
  config.SizePixels = 13.0f * contentScale_;
  io.Fonts->AddFontDefault(&config);
}

GuiWindow::~GuiWindow() {
  if (gOpenWindow == this) gOpenWindow = nullptr;
  if (imguiReady_) {
    saveLayoutIfNeeded(true);
    ImGui_ImplOpenGL3_Shutdown();
    if (!scriptedInput_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

void GuiWindow::sizes(int& width, int& height, int& fbWidth, int& fbHeight) const {
  if (scriptedInput_ && scriptedWidth_ >= 0 && scriptedHeight_ >= 0) {
    width = fbWidth = scriptedWidth_;
    height = fbHeight = scriptedHeight_;
    return;
  }
  glfwGetWindowSize(window_, &width, &height);
  glfwGetFramebufferSize(window_, &fbWidth, &fbHeight);
}

void GuiWindow::scriptWindowSize(int width, int height) {
  scriptedWidth_ = width;
  scriptedHeight_ = height;
}

bool GuiWindow::minimised() const {
  int w = 0, h = 0, fw = 0, fh = 0;
  sizes(w, h, fw, fh);
  return fw <= 0 || fh <= 0 || glfwGetWindowAttrib(window_, GLFW_ICONIFIED);
}

bool GuiWindow::beginFrame(bool waitForEvents) {
  if (waitForEvents)
    glfwWaitEventsTimeout(0.5);
  else
    glfwPollEvents();
  // A minimised window has a zero-size framebuffer: draw nothing until it comes back (sleeping
  // in the event wait, not spinning). Scripted frames go on, at zero size.
  while (!scriptedInput_ && minimised() && !glfwWindowShouldClose(window_))
    glfwWaitEventsTimeout(0.5);
  if (glfwWindowShouldClose(window_)) return false;
  if (!layoutLoaded_) {
    // Loaded on the first frame, after the app has registered its own ini handlers.
    layoutLoaded_ = true;
    if (!iniPath_.empty()) {
      std::ifstream in(iniPath_, std::ios::binary);
      if (in) {
        std::ostringstream ss;
        ss << in.rdbuf();
        const std::string ini = ss.str();
        ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
      }
    }
  }
  ImGui_ImplOpenGL3_NewFrame();
  if (scriptedInput_) {
    int w = 0, h = 0, fw = 0, fh = 0;
    sizes(w, h, fw, fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(w > 0 ? static_cast<float>(fw) / w : 1.0f,
                                        h > 0 ? static_cast<float>(fh) / h : 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
  } else {
    ImGui_ImplGlfw_NewFrame();
  }
  ImGui::NewFrame();
  return true;
}

void GuiWindow::render() {
  ImGui::Render();
  int ww = 0, wh = 0, w = 0, h = 0;
  sizes(ww, wh, w, h);
  if (w <= 0 || h <= 0) return;  // nothing to draw into
  glViewport(0, 0, w, h);
  glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GuiWindow::present() {
  glfwSwapBuffers(window_);
  saveLayoutIfNeeded(false);
}

std::vector<std::uint8_t> GuiWindow::readPixels(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
  std::vector<std::uint8_t> rgba(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // GL's rows start at the bottom; PNG's at the top.
  const size_t stride = static_cast<size_t>(width) * 4;
  std::vector<std::uint8_t> row(stride);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = rgba.data() + y * stride;
    std::uint8_t* b = rgba.data() + (height - 1 - y) * stride;
    std::copy(a, a + stride, row.data());
    std::copy(b, b + stride, a);
    std::copy(row.data(), row.data() + stride, b);
  }
  return rgba;
}

void GuiWindow::saveLayoutIfNeeded(bool force) {
  ImGuiIO& io = ImGui::GetIO();
  if (iniPath_.empty() || (!force && !io.WantSaveIniSettings)) return;
  io.WantSaveIniSettings = false;
  size_t size = 0;
  const char* ini = ImGui::SaveIniSettingsToMemory(&size);
  std::error_code ec;
  std::filesystem::create_directories(iniPath_.parent_path(), ec);
  std::string error;
  if (!writeFileAtomically(iniPath_, std::string_view(ini, size), error))
    std::fprintf(stderr, "aleppo-atlas: warning: layout not saved: %s\n", error.c_str());
}

}  // namespace atlas::app
