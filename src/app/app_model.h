// Everything the app loads before the first frame, and the read-only ViewModel over it.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "core/control.h"
#include "core/control_snapshots.h"
#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "core/reference_history.h"
#include "map/basemap.h"
#include "ui/ui_state.h"

namespace atlas::app {

struct AppModel {
  Corpus corpus;
  Gazetteer gazetteer;
  ExtractionResult extraction;
  std::vector<ControlSnapshot> snapshots;   // the reference's dated rows (assets)
  std::vector<ReferenceChange> history;     // the reference history of changes (assets)
  ControlTimeline control;                  // the evidence: snapshots and the texts' claims
  ControlTimeline reference;                // the reference layer: snapshots and history
  std::vector<Disagreement> disagreements;  // where the texts and the reference disagree
  std::optional<map::BaseMap> baseMap;
  ui::ViewModel view;  // points into the members above: AppModel is never copied or moved
};

// How far a load has come, for a progress bar (written by the loading thread, read by the UI).
struct LoadProgress {
  std::atomic<int> step{0};  // 0 reading files, 1 finding places and dates, 2 control, 3 map
  std::atomic<int> articles{0}, articlesDone{0};  // during step 1
  static const char* stepName(int step);
  float fraction() const;  // 0..1, for the bar
};

// Loads the corpus and the assets and runs the extraction; prints warnings (file and line) to
// stderr. Returns null if the corpus cannot be loaded at all, with the reason in *error if given,
// else printed as one line on stderr.
std::unique_ptr<AppModel> loadAppModel(const std::string& corpusPath,
                                       LoadProgress* progress = nullptr,
                                       std::string* error = nullptr);

// Fills model.view from the loaded data (exposed for tests that build models by hand).
void buildViewModel(AppModel& model);

}  // namespace atlas::app
