#include "app/app_model.h"

#include <cstdio>
#include <filesystem>

#include "app/paths.h"

namespace atlas::app {

namespace {

void printDiagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
}

void describeCorpus(AppModel& m) {
  ui::ViewModel& v = m.view;
  v.corpus = &m.corpus;
  std::error_code ec;
  const bool isSample = std::filesystem::equivalent(m.corpus.root, sampleCorpusDir(), ec);
  v.corpusLabel = isSample ? "Sample corpus" : m.corpus.root.string();
  for (const Article& a : m.corpus.articles) {
    if (!a.published) continue;
    if (!v.firstPublished || *a.published < *v.firstPublished) v.firstPublished = a.published;
    if (!v.lastPublished || *a.published > *v.lastPublished) v.lastPublished = a.published;
  }
  // Until mentions are dated, the evidence per day is the articles by publication date.
  if (v.firstPublished) {
    DayHistogram& h = v.histogram;
    h.first = *v.firstPublished;
    const int days = v.lastPublished->toDays() - h.first.toDays() + 1;
    h.exact.assign(days, 0);
    h.fallback.assign(days, 0);
    for (const Article& a : m.corpus.articles)
      if (a.published) ++h.fallback[a.published->toDays() - h.first.toDays()];
  }
}

}  // namespace

std::unique_ptr<AppModel> loadAppModel(const std::string& corpusPath) {
  CorpusLoadResult loaded = loadCorpus(corpusPath);
  if (!loaded.corpus) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", loaded.error.c_str());
    return nullptr;
  }
  auto model = std::make_unique<AppModel>();
  model->corpus = std::move(*loaded.corpus);
  printDiagnostics(model->corpus.diagnostics);
  describeCorpus(*model);

  const std::filesystem::path assets = findAssetsDir();
  map::BaseMapLoadResult base = map::loadBaseMap(assets / "basemap.geojson");
  printDiagnostics(base.diagnostics);
  model->baseMap = std::move(base.baseMap);
  model->view.baseMap = model->baseMap ? &*model->baseMap : nullptr;
  model->view.version = 1;
  return model;
}

}  // namespace atlas::app
