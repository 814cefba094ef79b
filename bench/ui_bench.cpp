// Issue 7's figures: with a synthetic corpus of 10,000 articles (the five samples replicated,
// publication dates spread over September to mid-December 2016), loading the corpus with the
// extraction takes under 3 s on 2 cores, and a full frame (UI and map draw data) while the
// timeline is scrubbed takes under 4 ms of CPU time. Backend-less ImGui, as ImPlot's CI does.
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/session.h"
#include "core/corpus.h"
#include "ui/arabic_text.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

// ATLAS_BENCH_ARTICLES=100000 gives issue 15's figure (a frame at 100,000 articles).
const int kArticles = [] {
  const char* n = std::getenv("ATLAS_BENCH_ARTICLES");
  return n && std::atoi(n) > 0 ? std::atoi(n) : 10000;
}();

// The corpus as a user would have it: one JSONL file on disk.
const std::filesystem::path& corpusFile() {
  static const std::filesystem::path path = [] {
    const Corpus samples = *loadCorpus(std::string(ATLAS_BENCH_ASSETS_DIR) + "/corpus").corpus;
    const std::filesystem::path p = std::filesystem::temp_directory_path() /
                                    ("aleppo-atlas-bench-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream out(p, std::ios::binary);
    const Date first{2016, 9, 1};
    for (int i = 0; i < kArticles; ++i) {
      const Article& a = samples.articles[i % samples.articles.size()];
      nlohmann::json j;
      j["id"] = a.id + "#" + std::to_string(i);
      j["published"] = Date::fromDays(first.toDays() + i % 106).iso();
      j["outlet"] = i % 3 == 0 ? "Outlet A" : (i % 3 == 1 ? "Outlet B" : "Outlet C");
      j["title"] = a.title;
      j["text"] = a.text;
      out << j.dump() << '\n';
    }
    return p;
  }();
  return path;
}

void BM_LoadCorpusNoCache(benchmark::State& st) {
  const std::string path = corpusFile().string();
  size_t mentions = 0, bytes = std::filesystem::file_size(path);
  app::SessionOptions options;
  options.corpus = path;
  options.useCache = false;  // the extraction itself, every time (session_bench has the cache)
  for (auto _ : st) {
    auto model = app::loadSession(options);
    if (!model) {
      st.SkipWithError("the corpus did not load");
      return;
    }
    mentions = model->extraction.mentions.size();
  }
  st.counters["articles"] = kArticles;
  st.counters["mentions"] = static_cast<double>(mentions);
  st.counters["MiB"] = static_cast<double>(bytes) / 1048576.0;
}
BENCHMARK(BM_LoadCorpusNoCache)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// One frame of the whole UI while the slider moves a day per frame: markers re-counted for the
// window, control areas and frontline recomputed for the day, the timeline, the source panel of
// a selected place with thousands of sentences, labels shaped (cached) by the text engine.
void BM_FrameWhileScrubbing(benchmark::State& st) {
  static std::unique_ptr<app::Session> model = app::loadSession(corpusFile().string());
  if (!model) {
    st.SkipWithError("the corpus did not load");
    return;
  }
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1600, 1000);
  io.DeltaTime = 1.0f / 60.0f;
  io.IniFilename = nullptr;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas; nothing uploaded
  std::string error;
  auto text = ui::TextRenderer::create(&error, "", /*gpu=*/false);
  if (!text) {
    st.SkipWithError(error.c_str());
    return;
  }
  ui::SetTextRenderer(text.get());
  ui::MainView view;  // not init()ed: no GL, everything but the GL pass runs
  ui::UiState state;
  state.selectedPlace = "al-myassar";
  state.settings.windowMode = WindowMode::LastNDays;
  const DayHistogram& hist = model->view.histogram;
  int frame = 0;
  for (int i = 0; i < 5; ++i) {  // first frames: tessellation, first layouts
    ImGui::NewFrame();
    view.draw(model->view, state);
    ImGui::Render();
  }
  for (auto _ : st) {
    state.date = Date::fromDays(hist.first.toDays() + frame % hist.days());
    ImGui::NewFrame();
    view.draw(model->view, state);
    ImGui::Render();
    ++frame;
  }
  st.counters["articles"] = static_cast<double>(model->corpus.articles.size());
  st.counters["mentions"] = static_cast<double>(model->extraction.mentions.size());
  st.counters["days"] = hist.days();
  st.counters["sentences_listed"] = static_cast<double>(state.probes.sourceRows.size());
  st.counters["places_selected_mentions"] =
      static_cast<double>(model->view.mentionsOfPlace[model->view.findPlace("al-myassar")].size());
  ui::SetTextRenderer(nullptr);
  ImGui::DestroyContext();
}
BENCHMARK(BM_FrameWhileScrubbing)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  setenv("ALEPPO_ATLAS_ASSETS", ATLAS_BENCH_ASSETS_DIR, 0);  // gazetteer and base map
  // The extraction cache of these throwaway corpora goes to a throwaway folder.
  const std::filesystem::path cache =
      std::filesystem::temp_directory_path() / ("atlas-ui-bench-cache-" + std::to_string(getpid()));
  setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  std::filesystem::remove(corpusFile(), ec);
  std::filesystem::remove_all(cache, ec);
  return 0;
}
