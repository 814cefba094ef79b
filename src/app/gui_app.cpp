#include "app/gui_app.h"

#include <cstdio>

#include "app/app_model.h"
#include "app/gui_window.h"
#include "app/paths.h"
#include "app/png_writer.h"
#include "ui/arabic_text.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"

namespace atlas::app {

namespace {

// Creates the views' GL resources and the Arabic text renderer; a failure is reported but the
// UI still runs (without the map layers, or with Arabic names missing).
std::unique_ptr<ui::TextRenderer> initViews(ui::MainView& view) {
  std::string error;
  if (!view.init(error)) std::fprintf(stderr, "aleppo-atlas: warning: %s\n", error.c_str());
  auto text = ui::TextRenderer::create(&error);
  if (!text) std::fprintf(stderr, "aleppo-atlas: warning: %s\n", error.c_str());
  ui::SetTextRenderer(text.get());
  return text;
}

}  // namespace

int runGui(const GuiArgs& args) {
  std::unique_ptr<AppModel> model = loadAppModel(args.corpus);
  if (!model) return 2;
  ui::UiState state;
  WindowOptions options;
  options.iniPath = configDir() / "layout.ini";
  std::string error;
  auto window = GuiWindow::open(options, error);
  if (!window) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 2;
  }
  state.uiScale = window->contentScale();
  ui::registerLayoutSettings(&state);
  ui::MainView view;
  auto text = initViews(view);
  const bool scripted = args.quitAfterFrames > 0;
  for (int frame = 0; !state.quitRequested && window->beginFrame(/*waitForEvents=*/!scripted);
       ++frame) {
    view.draw(model->view, state);
    window->render();
    window->present();
    if (scripted && frame + 1 >= args.quitAfterFrames) break;
  }
  ui::SetTextRenderer(nullptr);
  return 0;
}

int runScreenshot(const ScreenshotArgs& args) {
  ui::UiState state;
  if (!args.date.empty()) {
    state.date = parseIsoDate(args.date);
    if (!state.date) {
      std::fprintf(stderr, "aleppo-atlas: --date %s: not a valid date (want YYYY-MM-DD)\n",
                   args.date.c_str());
      return 2;
    }
  }
  if (args.width < 64 || args.height < 64 || args.width > 8192 || args.height > 8192) {
    std::fprintf(stderr, "aleppo-atlas: --width and --height must be between 64 and 8192\n");
    return 2;
  }
  std::unique_ptr<AppModel> model = loadAppModel(args.corpus);
  if (!model) return 2;
  if (!args.select.empty()) {
    if (model->view.findPlace(args.select) < 0) {
      std::fprintf(stderr, "aleppo-atlas: --select %s: no place with that id\n",
                   args.select.c_str());
      return 2;
    }
    state.selectedPlace = args.select;
    state.frameSelection = true;
  }

  WindowOptions options;
  options.width = args.width;
  options.height = args.height;
  options.visible = false;
  options.scaleToMonitor = false;
  std::string error;
  auto window = GuiWindow::open(options, error);
  if (!window) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 2;
  }
  state.uiScale = window->contentScale();
  ui::MainView view;
  auto text = initViews(view);
  std::vector<std::uint8_t> pixels;
  int w = 0, h = 0;
  for (int frame = 0; frame < args.frames; ++frame) {
    window->beginFrame(/*waitForEvents=*/false);
    view.draw(model->view, state);
    window->render();
    if (frame == args.frames - 1) pixels = window->readPixels(w, h);
    window->present();
  }
  ui::SetTextRenderer(nullptr);
  if (!writePng(args.out, pixels, w, h, error)) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace atlas::app
