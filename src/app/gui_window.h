// A GLFW window with a GL 3.3 core context and Dear ImGui (GLFW + OpenGL3 backends) on it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace atlas::app {

struct WindowOptions {
  int width = 1400;
  int height = 900;
  bool visible = true;
  // Interactive windows grow with the monitor's content scale; screenshots keep the exact size.
  bool scaleToMonitor = true;
  // Tests drive input themselves (io.MousePos, io.MouseDown, ...) instead of GLFW's callbacks,
  // so frames are reproducible: the GLFW backend is not installed and time advances 1/60 s.
  bool scriptedInput = false;
  // Where ImGui's layout is kept; empty: nothing is loaded or saved (screenshots, tests).
  std::filesystem::path iniPath;
};

class GuiWindow {
 public:
  // Opens the window or returns null with a one-line reason in `error` (no display, no GL 3.3).
  static std::unique_ptr<GuiWindow> open(const WindowOptions& options, std::string& error);
  ~GuiWindow();
  GuiWindow(const GuiWindow&) = delete;
  GuiWindow& operator=(const GuiWindow&) = delete;

  // Waits for or polls input and starts an ImGui frame. False when the window should close.
  bool beginFrame(bool waitForEvents);
  // Renders the ImGui frame into the back buffer (does not present it).
  void render();
  void present();
  // Reads the back buffer as RGBA8, top row first.
  std::vector<std::uint8_t> readPixels(int& width, int& height) const;
  // Writes the layout now if ImGui asked for it (and always when `force`).
  void saveLayoutIfNeeded(bool force);

  float contentScale() const { return contentScale_; }
  // True while the framebuffer has no area (minimised, or sized to nothing).
  bool minimised() const;
  // Scripted input only: the window reports this size (framebuffer too) from the next frame
  // on, until called with negative values. 0×0 is a minimised window, which an X server without
  // a window manager (Xvfb) cannot produce; the frame is still drawn, so tests see that the UI
  // survives having no area.
  void scriptWindowSize(int width, int height);
  GLFWwindow* handle() const { return window_; }

 private:
  GuiWindow() = default;
  void loadFonts();

  GLFWwindow* window_ = nullptr;
  float contentScale_ = 1.0f;
  std::filesystem::path iniPath_;
  bool imguiReady_ = false;
  bool layoutLoaded_ = false;
  bool scriptedInput_ = false;
  int scriptedWidth_ = -1, scriptedHeight_ = -1;

  // Window and framebuffer size, honouring scriptWindowSize.
  void sizes(int& width, int& height, int& fbWidth, int& fbHeight) const;
};

}  // namespace atlas::app
