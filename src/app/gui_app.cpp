#include "app/gui_app.h"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/gui_window.h"
#include "app/model_loader.h"
#include "app/paths.h"
#include "app/png_writer.h"
#include "app/session.h"
#include "core/place_lookup.h"
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

// The corpus to open: the one on the command line, else the last one the user had open (if it
// still exists), else the sample corpus.
std::string startupCorpus(const GuiArgs& args, const std::filesystem::path& iniPath) {
  if (!args.corpus.empty()) return args.corpus;
  std::ifstream in(iniPath, std::ios::binary);
  std::ostringstream ini;
  ini << in.rdbuf();
  const std::string last = ui::lastCorpusIn(ini.str());
  std::error_code ec;
  if (!last.empty() && std::filesystem::exists(last, ec)) return last;
  return args.sampleCorpus;
}

// Keeps UiState's loading fields in step with the loader; installs the model when it is done.
// Returns false if the first corpus failed to load (nothing to show: the caller exits 2).
bool pollLoader(std::unique_ptr<ModelLoader>& loader, std::unique_ptr<Session>& model,
                ui::UiState& state) {
  if (!loader) return true;
  const int step = loader->progress().step.load(std::memory_order_relaxed);
  state.loading.corpus = loader->corpusPath();
  state.loading.step = LoadProgress::stepName(step);
  state.loading.fraction = loader->progress().fraction();
  if (!loader->done()) return true;
  std::unique_ptr<Session> loaded = loader->take();
  state.loading.corpus.clear();
  if (!loaded) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", loader->error().c_str());
    state.loading.error = loader->error();
    loader.reset();
    return model != nullptr;
  }
  state.settings.corpusPath = loader->corpusPath();
  state.loading.error.clear();
  loader.reset();
  // A new corpus: its own days, places and articles.
  state.date.reset();
  state.selectedPlace.clear();
  state.article = {};
  state.camera = {};
  model = std::move(loaded);
  return true;
}

int runGui(const GuiArgs& args) {
  const std::filesystem::path iniPath = configDir() / "layout.ini";
  const std::string firstCorpus = startupCorpus(args, iniPath);
  // A mistyped --corpus is said before any window opens (and before the window system talks).
  std::error_code ec;
  if (!args.corpus.empty() &&
      !std::filesystem::exists(std::filesystem::symlink_status(args.corpus, ec))) {
    std::fprintf(stderr, "aleppo-atlas: %s: corpus not found\n", args.corpus.c_str());
    return 2;
  }
  // Loading starts before the window opens and runs beside it.
  SessionOptions first;
  first.corpus = firstCorpus;
  // Precomputed mentions belong to the corpus they were given with, not to a remembered one.
  if (!args.corpus.empty()) first.mentions = args.mentions;
  auto loader = std::make_unique<ModelLoader>(first);
  ui::UiState state;
  state.sampleCorpusPath = args.sampleCorpus;
  WindowOptions options;
  options.iniPath = iniPath;
  std::string error;
  auto window = GuiWindow::open(options, error);
  if (!window) {
    // A corpus that cannot be read is the more useful message (and the one the user can fix).
    loader->wait();
    const bool corpusFailed = loader->take() == nullptr;
    std::fprintf(stderr, "aleppo-atlas: %s\n",
                 corpusFailed ? loader->error().c_str() : error.c_str());
    return 2;
  }
  state.uiScale = window->contentScale();
  ui::registerLayoutSettings(&state);
  ui::MainView view;
  auto text = initViews(view);
  std::unique_ptr<Session> model;
  const ui::ViewModel empty;
  ui::SettingsWatcher settings;
  const bool scripted = args.quitAfterFrames > 0;
  int status = 0;
  for (int frame = 0; !state.requests.quit; ++frame) {
    if (!pollLoader(loader, model, state)) {
      status = 2;  // the corpus given (or remembered) cannot be loaded: said on stderr
      break;
    }
    if (!state.requests.openCorpus.empty() && !loader) {
      loader = std::make_unique<ModelLoader>(state.requests.openCorpus);
      state.requests.openCorpus.clear();
    }
    // While loading, frames keep coming (the progress bar moves); after, they wait for input.
    if (!window->beginFrame(/*waitForEvents=*/!scripted && !loader)) break;
    view.draw(model ? model->view : empty, state);
    settings.markDirtyIfChanged(state);
    window->render();
    window->present();
    if (scripted && frame + 1 >= args.quitAfterFrames && (!loader || args.quitDuringLoad)) break;
  }
  ui::SetTextRenderer(nullptr);
  loader.reset();                   // cancels a load still running, at once
  keepUntilExit(std::move(model));  // quitting does not wait for millions of frees
  return status;
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
  SessionOptions session;
  session.corpus = args.corpus;
  session.mentions = args.mentions;
  std::unique_ptr<Session> model = loadSession(session);
  if (!model) return 2;
  if (!args.select.empty()) {
    // An id, or a name in any spelling (Arabic or English); a name several places share is
    // named back with their ids rather than guessed.
    std::vector<int> found;
    for (int i : findPlacesNamed(model->gazetteer, args.select))
      if (model->view.findPlace(model->gazetteer.places[i].id) >= 0) found.push_back(i);
    if (found.size() != 1) {
      std::string ids;
      for (int i : found) ids += (ids.empty() ? "" : ", ") + model->gazetteer.places[i].id;
      std::fprintf(stderr, "aleppo-atlas: --select %s: %s\n", args.select.c_str(),
                   found.empty() ? "no place on the map has that id or name (aleppo-atlas places "
                                   "lists them)"
                                 : ("several places have that name: " + ids).c_str());
      return 2;
    }
    state.selectedPlace = model->gazetteer.places[found[0]].id;
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
