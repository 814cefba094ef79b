#include "app/app_model.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/paths.h"
#include "core/control_builder.h"
#include "core/event_attribution.h"
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

void buildViewModel(AppModel& m) {
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
  v.firstEvidenceDay = m.control.firstDay();
  v.lastEvidenceDay = m.control.lastDay();

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
  v.firstMentionOfDoc.assign(m.corpus.articles.size() + 1, 0);
  for (const Mention& mention : m.extraction.mentions) ++v.firstMentionOfDoc[mention.doc + 1];
  for (size_t d = 1; d < v.firstMentionOfDoc.size(); ++d)
    v.firstMentionOfDoc[d] += v.firstMentionOfDoc[d - 1];
  v.fighting = map::fightingReports(m.gazetteer, m.extraction, frame);

  // Evidence per day for the timeline: mentions by their date, split by how exactly dated.
  std::optional<int> first, last;
  for (const Mention& mention : m.extraction.mentions) {
    if (!mention.date) continue;
    const int d = mention.date->toDays();
    first = first ? std::min(*first, d) : d;
    last = last ? std::max(*last, d) : d;
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
  // Reading and extraction take most of the time; extraction moves article by article.
  switch (step.load(std::memory_order_relaxed)) {
    case 0:
      return 0.05f;
    case 1: {
      const int n = articles.load(std::memory_order_relaxed);
      const int done = articlesDone.load(std::memory_order_relaxed);
      return 0.2f + 0.65f * (n > 0 ? static_cast<float>(done) / static_cast<float>(n) : 0.0f);
    }
    case 2:
      return 0.88f;
    default:
      return 0.95f;
  }
}

std::unique_ptr<AppModel> loadAppModel(const std::string& corpusPath, LoadProgress* progress,
                                       std::string* error) {
  auto step = [&](int s) {
    if (progress) progress->step.store(s, std::memory_order_relaxed);
  };
  step(0);
  CorpusLoadResult loaded = loadCorpus(corpusPath);
  if (!loaded.corpus) {
    if (error)
      *error = loaded.error;
    else
      std::fprintf(stderr, "aleppo-atlas: %s\n", loaded.error.c_str());
    return nullptr;
  }
  auto model = std::make_unique<AppModel>();
  model->corpus = std::move(*loaded.corpus);
  printDiagnostics(model->corpus.diagnostics);

  const std::filesystem::path assets = findAssetsDir();
  GazetteerLoadResult gazetteer = loadGazetteer(assets / "gazetteer.tsv");
  printDiagnostics(gazetteer.diagnostics);
  if (gazetteer.gazetteer) model->gazetteer = std::move(*gazetteer.gazetteer);
  ControlSnapshotsLoadResult snapshots = loadControlSnapshots(assets / "control_snapshots.tsv");
  printDiagnostics(snapshots.diagnostics);
  model->snapshots = std::move(snapshots.rows);
  ReferenceHistoryLoadResult history = loadReferenceHistory(assets / "control_history.tsv");
  printDiagnostics(history.diagnostics);
  model->history = std::move(history.rows);
  if (progress) progress->articles = static_cast<int>(model->corpus.articles.size());
  step(1);
  model->extraction = extractMentions(model->corpus, model->gazetteer, 0, true,
                                      progress ? &progress->articlesDone : nullptr);
  step(2);
  model->control =
      buildControlTimeline(model->gazetteer, model->snapshots, model->corpus, model->extraction);
  model->reference = buildReferenceTimeline(model->gazetteer, model->snapshots, model->history);
  attributeShellingByHolder(model->extraction, model->gazetteer, model->reference);
  model->disagreements = findDisagreements(model->control, model->reference);
  step(3);

  map::BaseMapLoadResult base = map::loadBaseMap(assets / "basemap.geojson");
  printDiagnostics(base.diagnostics);
  model->baseMap = std::move(base.baseMap);
  buildViewModel(*model);
  return model;
}

}  // namespace atlas::app
