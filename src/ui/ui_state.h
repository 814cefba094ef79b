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
  const ControlTimeline* control = nullptr;
  const map::BaseMap* baseMap = nullptr;  // null if the asset could not be read
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

struct UiState {
  bool aboutRequested = false;  // open Help > About on the next frame (menu or a test)
  std::optional<Date> date;     // the timeline's current day; unset: the last day of the corpus
  WindowMode windowMode = WindowMode::UpToThisDay;
  int lastNDays = 7;
  MentionFilter filter;
  std::string placeQuery;  // the side panel's search box
  // The source panel lists this many sentences (more on request) of the selected place.
  static constexpr int kSourcesPage = 40;
  int sourcesShown = kSourcesPage;
  std::string sourcesShownFor;  // the place sourcesShown applies to
  bool playing = false;
  float daysPerSecond = 2.0f;
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
  float sidePanelWidth = 340.0f;  // unscaled pixels; persisted in the ImGui ini (layout_settings)
  float readerWidth = 460.0f;     // the reader beside the map, unscaled pixels; persisted too
  bool articlesInWindowOnly = false;  // the articles list shows only those in the timeline window
  bool legendOpen = true;
  // The chrome in Arabic and the layout mirrored right to left (View > العربية / English);
  // persisted.
  bool arabicInterface = false;
  float uiScale = 1.0f;  // the display's content scale (HiDPI), set by the app
  bool quitRequested = false;

  // Corpus loading (done by the app off the UI thread; the views show progress and ask).
  std::string corpusPath;         // the corpus shown (persisted as the last corpus)
  std::string loadingCorpus;      // being loaded now, or empty
  std::string loadStep;           // what the loader is doing
  float loadFraction = 0;         // 0..1
  std::string loadError;          // the last load that failed, shown until the next one
  std::string openCorpusRequest;  // set by File > Open; the app starts loading it
  std::string sampleCorpusPath;   // for File > Open sample corpus (set by the app)

  // Where the last frame drew things, for scripted input in tests (views write, nobody reads).
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

}  // namespace atlas::ui
