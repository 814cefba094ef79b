// What the views show: a read-only view of the model plus the user's current choices.
// Views read the model and change only UiState (Tracy's Worker/View split).
#pragma once

#include <optional>
#include <string>

#include "core/corpus.h"
#include "core/date.h"

namespace atlas::ui {

// Everything the views may read. Built by the app after loading; never changed by a view.
struct ViewModel {
  const Corpus* corpus = nullptr;
  std::string corpusLabel;                            // how the status bar names the corpus
  std::optional<Date> firstPublished, lastPublished;  // the corpus's date range, if any dates
};

struct UiState {
  std::optional<Date> date;       // the timeline's current day (set from --date for now)
  std::string selectedPlace;      // place id, empty for none
  float sidePanelWidth = 340.0f;  // unscaled pixels; persisted in the ImGui ini (layout_settings)
  float uiScale = 1.0f;           // the display's content scale (HiDPI), set by the app
  bool quitRequested = false;
};

}  // namespace atlas::ui
