// Map CPU cost with 10,000 places and 100,000 mentions (synthetic, spread over the Aleppo
// region): per-frame work while panning and zooming, and the rebuild when the data change.
// Runs ImGui without a backend (as ImPlot's CI does): no GL, so only CPU time is measured.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <random>

#include "map/basemap.h"
#include "map/hit_test.h"
#include "map/map_scene.h"
#include "ui/arabic_text.h"
#include "ui/main_view.h"

using namespace atlas;

namespace {

constexpr int kPlaces = 10000;
constexpr int kMentions = 100000;

struct Fixture {
  map::BaseMap base;
  ui::ViewModel model;
  std::vector<int> mentionPlace;  // place index of each mention

  Fixture() {
    base = *map::loadBaseMap(std::string(ATLAS_BENCH_ASSETS_DIR) + "/basemap.geojson").baseMap;
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> x(-30000, 30000), y(-30000, 30000);
    for (int i = 0; i < kPlaces; ++i) {
      // Mostly sites and towns: neighbourhoods are tessellated, and a city has ~100 of them.
      const map::PlaceKind kind = i < 100 ? map::PlaceKind::Neighbourhood
                                          : (i % 3 ? map::PlaceKind::Site : map::PlaceKind::Town);
      std::string id = "p";  // appended: see GCC bug 105329 (-Wrestrict)
      id += std::to_string(i);
      std::string name = "Place ";
      name += std::to_string(i);
      model.places.push_back(
          {id, {x(rng) / (i < 100 ? 5 : 1), y(rng) / (i < 100 ? 5 : 1)}, kind, 0});
      std::string arabic = "حي رقم ";  // Arabic labels, shaped like the real ones
      arabic += std::to_string(i);
      model.names.push_back({arabic, name});
    }
    // Zipf-like: a few places get most mentions, as in news.
    std::uniform_real_distribution<double> u(0, 1);
    for (int m = 0; m < kMentions; ++m)
      mentionPlace.push_back(static_cast<int>(kPlaces * std::pow(u(rng), 3.0)) % kPlaces);
    countMentions();
    model.baseMap = &base;
    model.version = 1;
  }

  void countMentions() {
    for (auto& p : model.places) p.mentions = 0;
    for (int i : mentionPlace) ++model.places[i].mentions;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void beginBackendlessImGui() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1600, 1000);
  io.DeltaTime = 1.0f / 60.0f;
  io.IniFilename = nullptr;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas; no texture is uploaded
}

// One frame of the whole UI while the user pans and zooms: the map's per-frame CPU work
// (input, hit testing under the mouse, chrome) plus ImGui's own. No data change, so no rebuild.
void BM_FrameWhilePanning(benchmark::State& st) {
  Fixture& f = fixture();
  beginBackendlessImGui();
  // Labels are shaped by the text engine as in the app (no GPU: quads only).
  std::string error;
  auto text = ui::TextRenderer::create(&error, "", /*gpu=*/false);
  if (!text) {
    st.SkipWithError(error.c_str());
    return;
  }
  text->engine().setCacheCapacity(4 * kPlaces);
  ui::SetTextRenderer(text.get());
  ui::MainView view;
  ui::UiState state;
  int frame = 0;
  for (auto _ : st) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(300.0f + frame % 200, 400.0f);
    io.MouseDown[0] = frame % 40 < 30;                                            // drag...
    io.MouseWheel = frame % 40 == 35 ? 1.0f : (frame % 40 == 39 ? -1.0f : 0.0f);  // ...and zoom
    ImGui::NewFrame();
    view.draw(f.model, state);
    ImGui::Render();
    ++frame;
  }
  st.counters["places"] = kPlaces;
  st.counters["markers"] = static_cast<double>(kPlaces);
  ui::SetTextRenderer(nullptr);
  ImGui::DestroyContext();
}
BENCHMARK(BM_FrameWhilePanning)->Unit(benchmark::kMillisecond);

// The data changed (e.g. the timeline moved): count 100,000 mentions per place and rebuild the
// 10,000 marker instances (what is then uploaded once).
void BM_RebuildMarkersAfterDataChange(benchmark::State& st) {
  Fixture& f = fixture();
  std::vector<map::PointInstance> markers;
  std::vector<int> order;
  for (auto _ : st) {
    f.countMentions();
    map::buildMarkers(f.model.places, nullptr, "p7", 1.0f, markers, order);
    benchmark::DoNotOptimize(markers.data());
  }
  st.counters["mentions"] = kMentions;
  st.counters["markers"] = static_cast<double>(markers.size());
}
BENCHMARK(BM_RebuildMarkersAfterDataChange)->Unit(benchmark::kMillisecond);

// Hover: which of 10,000 markers is under the mouse.
void BM_HitTest10kMarkers(benchmark::State& st) {
  Fixture& f = fixture();
  std::vector<map::PointInstance> markers;
  std::vector<int> order;
  map::buildMarkers(f.model.places, nullptr, "", 1.0f, markers, order);
  map::Viewport view;
  view.centre = f.base.frame.origin;
  view.metresPerPixel = 40;
  view.width = 1200;
  view.height = 900;
  double x = 0;
  for (auto _ : st) {
    x = x > 1200 ? 0 : x + 7;
    benchmark::DoNotOptimize(map::hitMarker(markers, order, f.base.frame, view, x, 450));
  }
}
BENCHMARK(BM_HitTest10kMarkers)->Unit(benchmark::kMicrosecond);

// Once per base-map load: grouping and triangulating the neighbourhood areas.
void BM_TessellateAndTriangulate(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) {
    auto hoods = map::neighbourhoodAreas(f.base);
    benchmark::DoNotOptimize(map::buildBaseLayers(f.base, hoods).fills.size());
  }
}
BENCHMARK(BM_TessellateAndTriangulate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
