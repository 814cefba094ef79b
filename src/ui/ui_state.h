// What the views show: a read-only view of the model plus the user's current choices.
// Views read the model and change only UiState (Tracy's Worker/View split).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/control.h"
#include "core/corpus.h"
#include "core/date.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "core/mention_filter.h"
#include "core/time_window.h"
#include "map/basemap.h"
#include "map/control_layer.h"
#include "map/map_places.h"
#include "map/projection.h"

namespace atlas::ui {

// Names of a place as the views show them (parallel to ViewModel::places).
struct PlaceNames {
  std::string ar;
  std::string en;
};

// Everything the views may read. Built by the app after loading; never changed by a view.
struct ViewModel {
  const Corpus* corpus = nullptr;
  std::string corpusLabel;                            // how the status bar names the corpus
  std::optional<Date> firstPublished, lastPublished;  // the corpus's date range, if any dates
  std::optional<Date> lastReferenceDay;  // the last dated reference control row, if any
  const Gazetteer* gazetteer = nullptr;
  const ExtractionResult* extraction = nullptr;
  const ControlTimeline* control = nullptr;    // evidence: the snapshots and the texts' claims
  const ControlTimeline* reference = nullptr;  // the reference layer (snapshots and history)
  const std::vector<Disagreement>* disagreements = nullptr;  // texts vs reference
  std::optional<Date> firstEvidenceDay, lastEvidenceDay;     // of `control`
  const map::BaseMap* baseMap = nullptr;                     // null if the asset could not be read
  // Every gazetteer place on the Aleppo map; the vectors below are parallel to it.
  std::vector<map::MapPlace> places;  // mentions: those passing the filters, whatever the date
  std::vector<PlaceNames> names;
  std::vector<int> gazetteerIndex;                // index into gazetteer->places
  std::vector<int> mapIndexOfPlace;               // per gazetteer place: index above, or -1
  std::vector<std::vector<int>> mentionDays;      // sorted day numbers (Date::toDays) of mentions
  std::vector<std::vector<int>> mentionsOfPlace;  // indices into extraction->mentions
  // Mentions of article d are extraction->mentions[firstMentionOfDoc[d] .. [d + 1]).
  std::vector<int> firstMentionOfDoc;
  std::vector<map::FightingReport> fighting;  // by day: what makes a front segment active
  DayHistogram histogram;  // evidence per day over the corpus's date range (the timeline's)
  std::vector<std::string> outlets;  // distinct outlets of the corpus ("" for unknown)
  int version = 0;  // bumped whenever the places or the base map change (the map re-tessellates)
  int evidenceVersion = 0;  // bumped whenever the counts above change (filters; markers rebuild)

  int mapIndexOf(int gazetteerPlace) const {
    return gazetteerPlace >= 0 && gazetteerPlace < static_cast<int>(mapIndexOfPlace.size())
               ? mapIndexOfPlace[gazetteerPlace]
               : -1;
  }

  int findPlace(const std::string& id) const {
    for (size_t i = 0; i < places.size(); ++i)
      if (places[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

// The map camera: what part of the plane the map area shows.
struct MapCamera {
  map::Mercator centre;
  double metresPerPixel = 0;  // 0: not yet placed (the map fits the city on its first frame)
};

// What the user chose and the app keeps between runs (layout_settings writes it into the ImGui
// ini): one struct, compared and serialised in one place.
struct Settings {
  WindowMode windowMode = WindowMode::UpToThisDay;
  int lastNDays = 7;
  float daysPerSecond = 2.0f;
  MentionFilter filter;
  float sidePanelWidth = 340.0f;  // unscaled pixels
  float readerWidth = 460.0f;     // the reader beside the map, unscaled pixels
  bool legendOpen = true;
  // The reference history drawn over the evidence, to compare (View ▸ Reference layer).
  bool referenceLayer = true;
  // View ▸ Disagreements with the reference: the list's window is open.
  bool disagreementsOpen = false;
  // Days a claim keeps an area confirmed; after that it is drawn as unconfirmed.
  int shelfLifeDays = kDefaultShelfLifeDays;
  // The chrome in Arabic and the layout mirrored right to left (Help > العربية / English).
  bool arabicInterface = false;
  std::string corpusPath;  // the corpus shown (reopened next time)
  bool operator==(const Settings&) const = default;
};

// What the views ask the app to do; the app takes each request and clears it.
struct Requests {
  bool about = false;      // open Help > About on the next frame (menu or a test)
  bool quit = false;       // File > Quit, Ctrl+Q
  std::string openCorpus;  // File > Open: the app starts loading it
};

// Corpus loading, done by the app off the UI thread; the views show it.
struct LoadingStatus {
  std::string corpus;  // being loaded now, or empty
  std::string step;    // what the loader is doing
  float fraction = 0;  // 0..1
  std::string error;   // the last load that failed, shown until the next one
};

// Where the last frame drew things, for scripted input in tests (views write, nobody reads).
struct Probes {
  struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  };
  Rect timelineBars;         // the histogram the slider is dragged along
  float timelineCursor = 0;  // x of the current day's line on the timeline
  struct SourceRow {
    int mention = -1;  // index into extraction->mentions
    Rect rect;         // its sentence in the source panel
  };
  std::vector<SourceRow> sourceRows;       // the sentences the source panel drew
  Rect articleReader;                      // the whole reader beside the map
  Rect articleWindow;                      // the reader's visible content region
  Rect articleSentence;                    // the sentence it was opened at, on screen
  std::vector<SourceRow> articleMentions;  // each mention in the reader: its first rectangle
};

// The transient view state: what the views show now (not kept between runs).
struct ViewState {
  std::optional<Date> date;  // the timeline's current day; unset: the last day of the corpus
  std::string placeQuery;    // the side panel's search box
  // The source panel lists this many sentences (more on request) of the selected place.
  static constexpr int kSourcesPage = 40;
  int sourcesShown = kSourcesPage;
  std::string sourcesShownFor;  // the place sourcesShown applies to
  bool playing = false;
  double playClock = 0;         // seconds accumulated towards the next step while playing
  std::string selectedPlace;    // place id, empty for none
  bool frameSelection = false;  // the map should frame the selection on its next frame
  MapCamera camera;
  // The article reader: which article is open and the sentence it was opened at.
  struct OpenArticle {
    int doc = -1;  // index into corpus->articles; -1: the reader is closed
    uint32_t sentenceStart = 0, sentenceEnd = 0;
    bool scrollToSentence = false;  // scroll there on the next frame
  };
  OpenArticle article;
  bool articlesInWindowOnly = false;  // the articles list shows only those in the timeline window
  float uiScale = 1.0f;               // the display's content scale (HiDPI), set by the app
  std::string sampleCorpusPath;       // for File > Open sample corpus (set by the app)
};

// Everything the views read and change: the view state itself, and apart from it the saved
// settings, the requests to the app, the loading status and the test probes.
struct UiState : ViewState {
  using Rect = Probes::Rect;
  using SourceRow = Probes::SourceRow;
  Settings settings;
  Requests requests;
  LoadingStatus loading;
  Probes probes;
};

}  // namespace atlas::ui
