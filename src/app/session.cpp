#include "app/session.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <sstream>
#include <thread>

#include "app/extraction_cache_file.h"
#include "app/paths.h"
#include "core/article_stream.h"
#include "core/control_builder.h"
#include "core/corpus_reader.h"
#include "core/event_attribution.h"
#include "core/extraction_cache.h"
#include "core/mention_reader.h"
#include "ui/evidence.h"

namespace atlas::app {

namespace {

void printDiagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
}

map::PlaceKind mapKind(PlaceKind k) {
  switch (k) {
    case PlaceKind::Neighbourhood:
      return map::PlaceKind::Neighbourhood;
    case PlaceKind::Site:
      return map::PlaceKind::Site;
    case PlaceKind::Town:
      return map::PlaceKind::Town;
    case PlaceKind::City:
      return map::PlaceKind::City;
    default:
      return map::PlaceKind::Region;
  }
}

}  // namespace

void setControlDays(Session& m) {
  m.view.firstEvidenceDay = m.control.firstDay();
  m.view.lastEvidenceDay = m.control.lastDay();
}

void buildViewModel(Session& m, bool withControl) {
  ui::ViewModel& v = m.view;
  v = ui::ViewModel{};
  v.corpus = &m.corpus;
  v.gazetteer = &m.gazetteer;
  v.extraction = &m.extraction;
  v.control = &m.control;
  v.reference = &m.reference;
  v.disagreements = &m.disagreements;
  std::error_code ec;
  const bool isSample = std::filesystem::equivalent(m.corpus.root, sampleCorpusDir(), ec);
  v.corpusLabel = isSample ? "Sample corpus" : m.corpus.root.string();
  for (const Article& a : m.corpus.articles) {
    if (!a.published) continue;
    if (!v.firstPublished || *a.published < *v.firstPublished) v.firstPublished = a.published;
    if (!v.lastPublished || *a.published > *v.lastPublished) v.lastPublished = a.published;
  }
  v.baseMap = m.baseMap ? &*m.baseMap : nullptr;
  for (const ControlSnapshot& s : m.snapshots)
    if (!v.lastReferenceDay || s.date > *v.lastReferenceDay) v.lastReferenceDay = s.date;
  for (const ReferenceChange& r : m.history)
    if (!v.lastReferenceDay || r.date > *v.lastReferenceDay) v.lastReferenceDay = r.date;
  if (withControl) setControlDays(m);

  // Places on the map: every gazetteer place with a position that belongs on the Aleppo map.
  std::vector<int> mapIndexOfPlace(m.gazetteer.places.size(), -1);
  const map::LocalFrame frame = m.baseMap ? m.baseMap->frame : map::LocalFrame{};
  for (size_t i = 0; i < m.gazetteer.places.size(); ++i) {
    const Place& p = m.gazetteer.places[i];
    if (!p.onMap()) continue;
    mapIndexOfPlace[i] = static_cast<int>(v.places.size());
    v.places.push_back({p.id, frame.toLocal({*p.lon, *p.lat}), mapKind(p.kind), 0,
                        p.kind == PlaceKind::Town || p.id == "citadel"});
    v.names.push_back({p.nameAr, p.nameEn});
    v.gazetteerIndex.push_back(static_cast<int>(i));
  }
  v.mapIndexOfPlace = mapIndexOfPlace;
  if (withControl) v.fighting = map::fightingReports(m.gazetteer, m.extraction, frame);
  // One pass over the mentions (hundreds of megabytes at 100,000 articles): where each
  // article's mentions start, and the days the timeline spans.
  v.firstMentionOfDoc.assign(m.corpus.articles.size() + 1, 0);
  // (A background date years before the reports, "منذ عام 2012" or a dateline's typo, would
  // stretch the timeline over years: the span reaches back at most a season before the first
  // publication. Those mentions keep their dates; the histogram just does not show them.)
  constexpr int kBackgroundDays = 92;
  const int earliest = v.firstPublished ? v.firstPublished->toDays() - kBackgroundDays
                                        : std::numeric_limits<int>::min();
  int firstDay = std::numeric_limits<int>::max(), lastDay = std::numeric_limits<int>::min();
  for (const Mention& mention : m.extraction.mentions) {
    ++v.firstMentionOfDoc[mention.doc + 1];
    if (!mention.date) continue;
    const int d = mention.date->toDays();
    if (d < earliest) continue;
    firstDay = std::min(firstDay, d);
    lastDay = std::max(lastDay, d);
  }
  for (size_t d = 1; d < v.firstMentionOfDoc.size(); ++d)
    v.firstMentionOfDoc[d] += v.firstMentionOfDoc[d - 1];

  // Evidence per day for the timeline: mentions by their date, split by how exactly dated.
  std::optional<int> first, last;
  if (firstDay <= lastDay) {
    first = firstDay;
    last = lastDay;
  }
  if (v.firstPublished) {
    first = first ? std::min(*first, v.firstPublished->toDays()) : v.firstPublished->toDays();
    last = last ? std::max(*last, v.lastPublished->toDays()) : v.lastPublished->toDays();
  }
  if (first) {
    DayHistogram& h = v.histogram;
    h.first = Date::fromDays(*first);
    h.exact.assign(*last - *first + 1, 0);
    h.fallback.assign(*last - *first + 1, 0);
  }
  v.outlets = corpusOutlets(m.corpus);
  ui::computeEvidence(v, MentionFilter{});
  // Unique across models, so views notice when one corpus replaces another.
  static std::atomic<int> versions{0};
  v.version = ++versions;
}

const char* LoadProgress::stepName(int step) {
  switch (step) {
    case 0:
      return "Reading the articles";
    case 1:
      return "Finding places, dates and events";
    case 2:
      return "Working out control over time";
    default:
      return "Building the map";
  }
}

float LoadProgress::fraction() const {
  // Reading and extraction take most of the time; both move as they go.
  auto part = [](double done, double total) {
    return total > 0 ? static_cast<float>(std::min(1.0, done / total)) : 0.0f;
  };
  switch (step.load(std::memory_order_relaxed)) {
    case 0:
      return 0.02f + 0.18f * part(static_cast<double>(bytesRead.load(std::memory_order_relaxed)),
                                  static_cast<double>(bytesTotal.load(std::memory_order_relaxed)));
    case 1:
      return 0.2f + 0.65f * part(articlesDone.load(std::memory_order_relaxed),
                                 articles.load(std::memory_order_relaxed));
    case 2:
      return 0.88f;
    default:
      return 0.95f;
  }
}

std::unique_ptr<SessionAssets> loadSessionAssets(bool withBaseMap, std::string* error) {
  const std::filesystem::path assets = findAssetsDir();
  const std::filesystem::path gazetteerPath = assets / "gazetteer.tsv";
  GazetteerLoadResult gazetteer = loadGazetteer(gazetteerPath);
  printDiagnostics(gazetteer.diagnostics);
  if (!gazetteer.gazetteer) {
    if (error) *error = gazetteerPath.string() + ": cannot load the gazetteer";
    return nullptr;
  }
  auto a = std::make_unique<SessionAssets>();
  a->gazetteer = std::move(*gazetteer.gazetteer);
  {
    std::ifstream in(gazetteerPath, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    a->gazetteerKey = contentHash(bytes.str());
  }
  ControlSnapshotsLoadResult snapshots = loadControlSnapshots(assets / "control_snapshots.tsv");
  printDiagnostics(snapshots.diagnostics);
  a->snapshots = std::move(snapshots.rows);
  ReferenceHistoryLoadResult history = loadReferenceHistory(assets / "control_history.tsv");
  printDiagnostics(history.diagnostics);
  a->history = std::move(history.rows);
  a->reference = buildReferenceTimeline(a->gazetteer, a->snapshots, a->history);
  if (withBaseMap) {
    map::BaseMapLoadResult base = map::loadBaseMap(assets / "basemap.geojson");
    printDiagnostics(base.diagnostics);
    a->baseMap = std::move(base.baseMap);
  }
  return a;
}

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

// The extraction cache: not for standard input, which cannot be read twice to key a file by.
bool usesCache(const SessionOptions& options) { return options.useCache && options.corpus != "-"; }

std::filesystem::path cacheFileOf(const SessionOptions& options) {
  return extractionCacheFile(options.cacheRoot.empty() ? cacheDir() : options.cacheRoot,
                             options.corpus);
}

std::string versionKey(const SessionOptions& options) {
  return options.programVersion.empty() ? programVersionKey() : options.programVersion;
}

// Step 0: the articles (a big .jsonl file in pieces side by side), with their content hash when
// the cache will be looked at; warnings are printed once all is read.
bool readArticles(const SessionOptions& options, Corpus& corpus, std::string& corpusKey,
                  LoadProgress* progress, const std::atomic<bool>* cancel, std::string& error) {
  CorpusReadOptions read;
  read.hash = options.mentions.empty() && usesCache(options);
  read.threads = options.threads;
  read.bytesRead = progress ? &progress->bytesRead : nullptr;
  read.bytesTotal = progress ? &progress->bytesTotal : nullptr;
  read.cancel = cancel;
  CorpusRead r = readCorpus(options.corpus, read);
  if (!r.corpus) {
    error = r.cancelled ? "loading " + options.corpus + " was cancelled" : r.error;
    return false;
  }
  corpus = std::move(*r.corpus);
  corpusKey = std::move(r.contentHash);
  printDiagnostics(corpus.diagnostics);
  return true;
}

// Step 1: the mentions from the --mentions file, else the cache (read beside the corpus, in
// `cached`), else a fresh extraction (then cached). False when cancelled or when the --mentions
// file cannot be used.
bool findMentions(const SessionOptions& options, Session& s, ExtractionCacheKey key,
                  std::optional<CachedExtraction> cached, LoadProgress* progress,
                  const std::atomic<bool>* cancel, std::string& error) {
  if (!options.mentions.empty()) {
    MentionsLoadResult loaded = loadMentions(options.mentions, s.corpus, s.gazetteer);
    printDiagnostics(loaded.diagnostics);
    if (!loaded.extraction) {
      error = loaded.error;
      return false;
    }
    s.extraction = std::move(*loaded.extraction);
    s.mentionSource = MentionSource::MentionsFile;
    return true;
  }
  const bool cache = usesCache(options);
  if (cache) {
    if (auto x = useExtractionCache(cacheFileOf(options), std::move(cached), key, s.corpus)) {
      s.extraction = std::move(*x);
      s.mentionSource = MentionSource::Cache;
      if (progress) progress->articlesDone = static_cast<int>(s.corpus.articles.size());
      return true;
    }
  }
  s.extraction = extractMentions(s.corpus, s.gazetteer, options.threads, true,
                                 progress ? &progress->articlesDone : nullptr, cancel);
  if (cancelled(cancel)) {
    error = "loading " + options.corpus + " was cancelled";
    return false;
  }
  if (cache) writeExtractionCache(cacheFileOf(options), s.extraction, s.corpus, key);
  return true;
}

// Runs `work` on a thread beside the caller's; join() waits and rethrows what it threw.
class Beside {
 public:
  template <typename F>
  explicit Beside(F work)
      : thread_([this, work]() mutable {
          try {
            work();
          } catch (...) {
            failure_ = std::current_exception();
          }
        }) {}
  ~Beside() {
    if (thread_.joinable()) thread_.join();
  }
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;
  void join() {
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::exception_ptr failure_;
  std::thread thread_;
};

std::unique_ptr<Session> buildSession(const SessionOptions& options, LoadProgress* progress,
                                      const std::atomic<bool>* cancel, std::string& error) {
  auto step = [&](int s) {
    if (progress) progress->step.store(s, std::memory_order_relaxed);
  };
  step(0);
  auto model = std::make_unique<Session>();
  // The assets and the cache file do not depend on the corpus: they are read beside it. The
  // cache's corpus key is compared once the corpus is read.
  std::unique_ptr<SessionAssets> assets;
  std::string assetsError;
  std::optional<CachedExtraction> cached;
  Beside sideRead([&] {
    assets = loadSessionAssets(true, &assetsError);
    if (assets && options.mentions.empty() && usesCache(options))
      cached = readExtractionCacheFile(cacheFileOf(options),
                                       {std::string(), assets->gazetteerKey, versionKey(options)},
                                       assets->gazetteer.places.size());
  });
  std::string corpusKey;
  const bool read = readArticles(options, model->corpus, corpusKey, progress, cancel, error);
  sideRead.join();
  if (!read) return nullptr;
  if (!assets) {
    error = assetsError;
    return nullptr;
  }
  model->gazetteer = std::move(assets->gazetteer);
  model->snapshots = std::move(assets->snapshots);
  model->history = std::move(assets->history);
  model->reference = std::move(assets->reference);
  model->baseMap = std::move(assets->baseMap);
  if (progress) progress->articles = static_cast<int>(model->corpus.articles.size());
  step(1);
  if (!findMentions(options, *model, {corpusKey, assets->gazetteerKey, versionKey(options)},
                    std::move(cached), progress, cancel, error))
    return nullptr;
  step(2);
  // Control over time needs only the claims; shelling attribution changes only actor1, which
  // the view model's counts read: the two run side by side.
  // Control over time and the places where it disagrees with the reference need only the claims;
  // shelling attribution changes only actor1, which the view model's counts read: the two run
  // side by side (each about half of this step).
  Beside control([&] {
    model->control =
        buildControlTimeline(model->gazetteer, model->snapshots, model->corpus, model->extraction);
    model->disagreements = findDisagreements(model->control, model->reference);
  });
  // Shells with no named firer: the enemy of the shelled place's holder in the reference. A
  // --mentions file went through this already (it is extract's output): again changes nothing.
  attributeShellingByHolder(model->extraction, model->gazetteer, model->reference);
  buildViewModel(*model, /*withControl=*/false);
  model->view.fighting =
      map::fightingReports(model->gazetteer, model->extraction,
                           model->baseMap ? model->baseMap->frame : map::LocalFrame{});
  control.join();
  setControlDays(*model);
  if (cancelled(cancel)) {
    error = "loading " + options.corpus + " was cancelled";
    return nullptr;
  }
  step(3);
  return model;
}

}  // namespace

std::unique_ptr<Session> loadSession(const SessionOptions& options, LoadProgress* progress,
                                     const std::atomic<bool>* cancel, std::string* error) {
  std::string why;
  std::unique_ptr<Session> model;
  // A bug or a lack of memory while loading is a message, not a crash.
  try {
    model = buildSession(options, progress, cancel, why);
  } catch (const std::bad_alloc&) {
    why = options.corpus + ": not enough memory to load the corpus";
  } catch (const std::exception& e) {
    why = options.corpus + ": cannot load the corpus: " + e.what();
  }
  if (!model) {
    if (error)
      *error = why;
    else
      std::fprintf(stderr, "aleppo-atlas: %s\n", why.c_str());
  }
  return model;
}

void keepUntilExit(std::unique_ptr<Session> session) {
  static Session* kept = nullptr;
  kept = session.release();
  (void)kept;
}

std::unique_ptr<Session> loadSession(const std::string& corpusPath, LoadProgress* progress,
                                     std::string* error) {
  SessionOptions options;
  options.corpus = corpusPath;
  return loadSession(options, progress, nullptr, error);
}

}  // namespace atlas::app
