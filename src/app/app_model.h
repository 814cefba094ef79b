// Everything the app loads before the first frame, and the read-only ViewModel over it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/control.h"
#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "map/basemap.h"
#include "ui/ui_state.h"

namespace atlas::app {

struct AppModel {
  Corpus corpus;
  Gazetteer gazetteer;
  ExtractionResult extraction;
  ControlTimeline control;
  std::optional<map::BaseMap> baseMap;
  ui::ViewModel view;  // points into the members above: AppModel is never copied or moved
};

// Loads the corpus and the assets and runs the extraction; prints warnings (file and line) to
// stderr. Returns null with one line printed if the corpus cannot be loaded at all.
std::unique_ptr<AppModel> loadAppModel(const std::string& corpusPath);

// Fills model.view from the loaded data (exposed for tests that build models by hand).
void buildViewModel(AppModel& model);

}  // namespace atlas::app
