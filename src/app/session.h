// A Session: everything the app and every subcommand work on (the corpus, the gazetteer and the
// reference, the extraction, control over time, the base map) and the read-only ViewModel over
// it, built through one function, loadSession, with progress and cancel.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
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

// The assets every session shares: the gazetteer, the reference's dated rows and history, the
// reference timeline they make, and the base map.
struct SessionAssets {
  Gazetteer gazetteer;
  std::vector<ControlSnapshot> snapshots;  // the reference's dated rows (assets)
  std::vector<ReferenceChange> history;    // the reference history of changes (assets)
  ControlTimeline reference;               // snapshots and history
  std::optional<map::BaseMap> baseMap;     // loaded only when asked for
  std::string gazetteerKey;                // contentHash of gazetteer.tsv (the cache's key)
};

// Loads the assets (from findAssetsDir()), printing warnings (file and line) on stderr. Null,
// with the reason in *error, when the gazetteer cannot be loaded.
std::unique_ptr<SessionAssets> loadSessionAssets(bool withBaseMap, std::string* error);

// Where a session's mentions came from.
enum class MentionSource { Extracted, Cache, MentionsFile };

struct Session {
  Corpus corpus;
  Gazetteer gazetteer;
  ExtractionResult extraction;
  MentionSource mentionSource = MentionSource::Extracted;
  std::vector<ControlSnapshot> snapshots;   // the reference's dated rows (assets)
  std::vector<ReferenceChange> history;     // the reference history of changes (assets)
  ControlTimeline control;                  // the evidence: snapshots and the texts' claims
  ControlTimeline reference;                // the reference layer: snapshots and history
  std::vector<Disagreement> disagreements;  // where the texts and the reference disagree
  std::optional<map::BaseMap> baseMap;
  ui::ViewModel view;  // points into the members above: Session is never copied or moved
};

// How far a load has come, for a progress bar (written by the loading thread, read by the UI).
struct LoadProgress {
  // 0 reading the articles, 1 finding places and dates (or reading them from the cache or the
  // --mentions file), 2 control, 3 map
  std::atomic<int> step{0};
  std::atomic<uint64_t> bytesRead{0}, bytesTotal{0};  // during step 0 (total 0: unknown)
  std::atomic<int> articles{0}, articlesDone{0};      // during step 1
  static const char* stepName(int step);
  float fraction() const;  // 0..1, for the bar
};

struct SessionOptions {
  std::string corpus;    // a folder, a .jsonl file, or "-" (JSON Lines on standard input)
  std::string mentions;  // precomputed `extract --format jsonl` output: no extraction at all
  // The extraction cache ($XDG_CACHE_HOME/aleppo-atlas/extraction). Off: always extract.
  bool useCache = true;
  std::filesystem::path cacheRoot;  // empty: cacheDir()
  std::string programVersion;       // the cache's version key; empty: programVersionKey()
  int threads = 0;                  // extraction threads; 0: one per core
};

// The one loading path: reads the corpus and the assets, then the mentions (from --mentions, the
// cache, or a fresh extraction, which is then cached), control over time and the view model.
// Warnings (file and line) go to stderr. Returns null when the corpus cannot be loaded at all,
// when `cancel` is set (checked between articles), or when loading throws; the reason goes to
// *error if given, else to stderr as one line.
std::unique_ptr<Session> loadSession(const SessionOptions& options,
                                     LoadProgress* progress = nullptr,
                                     const std::atomic<bool>* cancel = nullptr,
                                     std::string* error = nullptr);
// The same with the defaults for a corpus path.
std::unique_ptr<Session> loadSession(const std::string& corpusPath,
                                     LoadProgress* progress = nullptr,
                                     std::string* error = nullptr);

// For a command that ends with the process: the session is kept (reachable, not leaked) and
// never freed, since freeing millions of mentions one by one takes seconds and the system frees
// it all at once.
void keepUntilExit(std::unique_ptr<Session> session);

// Fills model.view from the loaded data (exposed for tests that build models by hand).
// `withControl` false leaves out what control over time gives (setControlDays) and the reports
// of fighting (view.fighting), for a loader that builds them at the same time.
void buildViewModel(Session& model, bool withControl = true);
void setControlDays(Session& model);

}  // namespace atlas::app
