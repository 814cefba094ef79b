#include "app/gui_app.h"

#include <cstdio>
#include <filesystem>
#include <optional>

#include "app/gui_window.h"
#include "app/paths.h"
#include "app/png_writer.h"
#include "core/corpus.h"
#include "ui/layout_settings.h"
#include "ui/main_view.h"

namespace atlas::app {

namespace {

// Loads the corpus, printing its warnings; prints one line and returns nothing if it cannot.
std::optional<Corpus> loadForGui(const std::string& path) {
  CorpusLoadResult loaded = loadCorpus(path);
  if (!loaded.corpus) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", loaded.error.c_str());
    return std::nullopt;
  }
  for (const Diagnostic& d : loaded.corpus->diagnostics)
    std::fprintf(stderr, "%s\n", d.format().c_str());
  return std::move(loaded.corpus);
}

ui::ViewModel makeViewModel(const Corpus& corpus) {
  ui::ViewModel model;
  model.corpus = &corpus;
  std::error_code ec;
  const bool isSample = std::filesystem::equivalent(corpus.root, sampleCorpusDir(), ec);
  model.corpusLabel = isSample ? "Sample corpus" : corpus.root.string();
  for (const Article& a : corpus.articles) {
    if (!a.published) continue;
    if (!model.firstPublished || *a.published < *model.firstPublished)
      model.firstPublished = a.published;
    if (!model.lastPublished || *a.published > *model.lastPublished)
      model.lastPublished = a.published;
  }
  return model;
}

}  // namespace

int runGui(const GuiArgs& args) {
  std::optional<Corpus> corpus = loadForGui(args.corpus);
  if (!corpus) return 2;
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
  const ui::ViewModel model = makeViewModel(*corpus);
  const bool scripted = args.quitAfterFrames > 0;
  for (int frame = 0; !state.quitRequested && window->beginFrame(/*waitForEvents=*/!scripted);
       ++frame) {
    ui::drawMainView(model, state);
    window->render();
    window->present();
    if (scripted && frame + 1 >= args.quitAfterFrames) break;
  }
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
  state.selectedPlace = args.select;
  std::optional<Corpus> corpus = loadForGui(args.corpus);
  if (!corpus) return 2;

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
  const ui::ViewModel model = makeViewModel(*corpus);
  std::vector<std::uint8_t> pixels;
  int w = 0, h = 0;
  for (int frame = 0; frame < args.frames; ++frame) {
    window->beginFrame(/*waitForEvents=*/false);
    ui::drawMainView(model, state);
    window->render();
    if (frame == args.frames - 1) pixels = window->readPixels(w, h);
    window->present();
  }
  if (!writePng(args.out, pixels, w, h, error)) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace atlas::app
