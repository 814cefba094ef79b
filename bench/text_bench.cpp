// Layout of the five sample articles' sentences (bidi + shaping + line breaking at 400 px),
// uncached; and the CPU cost of a frame that redraws 100 cached sentences.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/paragraph.h"
#include "ui/arabic_text.h"

namespace {

// Sentences: split after ". ", "." at a line end, and at line breaks.
std::vector<std::string> sentences() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(ATLAS_BENCH_ASSETS_DIR "/corpus"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::string cur;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
        continue;
      }
      cur += c;
      if (c == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
        out.push_back(cur);
        cur.clear();
        if (i + 1 < text.size() && text[i + 1] == ' ') ++i;
      }
    }
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

// 100 visible sentences: the corpus has fewer than 100, so the list wraps around.
std::vector<std::string> visible100() {
  const auto all = sentences();
  std::vector<std::string> out;
  for (size_t i = 0; i < 100 && !all.empty(); ++i) out.push_back(all[i % all.size()]);
  return out;
}

void BM_LayoutUncached(benchmark::State& state) {
  std::string error;
  auto engine = atlas::text::TextEngine::create(&error);
  if (!engine) {
    state.SkipWithError(error.c_str());
    return;
  }
  const auto all = sentences();
  size_t bytes = 0, lines = 0;
  for (const auto& s : all) bytes += s.size();
  const atlas::text::LayoutOptions options{16, 400, atlas::text::Align::Auto};
  for (auto _ : state) {
    for (const auto& s : all) {
      auto p = engine->layout(s, options);
      lines += p.lines.size();
      benchmark::DoNotOptimize(p.glyphs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["sentences"] = static_cast<double>(all.size());
  state.counters["lines"] = static_cast<double>(lines) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_LayoutUncached)->Unit(benchmark::kMillisecond);

struct ImGuiHeadless {
  ImGuiHeadless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 30000);
    io.DeltaTime = 1.0f / 60;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  }
  ~ImGuiHeadless() { ImGui::DestroyContext(); }
};

// A whole ImGui frame (NewFrame … Render) showing 100 cached sentences through the widget.
void BM_CachedRedraw100Widget(benchmark::State& state) {
  std::string error;
  auto renderer = atlas::ui::TextRenderer::create(&error, "", /*gpu=*/false);
  if (!renderer) {
    state.SkipWithError(error.c_str());
    return;
  }
  atlas::ui::SetTextRenderer(renderer.get());
  ImGuiHeadless imgui;
  const auto all = visible100();
  const atlas::ui::TextHighlight highlight{0, 10};
  size_t vertices = 0;
  auto frame = [&] {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
    for (const auto& s : all) {
      atlas::ui::ArabicTextOptions options;
      options.size = 16;
      options.width = 400;
      options.highlights = {&highlight, 1};
      atlas::ui::ArabicText(s, options);
    }
    ImGui::End();
    ImGui::Render();
    vertices = static_cast<size_t>(ImGui::GetDrawData()->TotalVtxCount);
  };
  frame();  // lays out and rasterises once
  for (auto _ : state) frame();
  state.counters["sentences"] = static_cast<double>(all.size());
  state.counters["vertices"] = static_cast<double>(vertices);
  atlas::ui::SetTextRenderer(nullptr);
}
BENCHMARK(BM_CachedRedraw100Widget)->Unit(benchmark::kMicrosecond);

// Only our part: cache lookups + glyph quads + highlight rectangles into one ImDrawList.
void BM_CachedRedraw100DrawList(benchmark::State& state) {
  std::string error;
  auto renderer = atlas::ui::TextRenderer::create(&error, "", /*gpu=*/false);
  if (!renderer) {
    state.SkipWithError(error.c_str());
    return;
  }
  ImGuiHeadless imgui;
  ImDrawList list(ImGui::GetDrawListSharedData());
  list.Flags |= ImDrawListFlags_AllowVtxOffset;
  const auto all = visible100();
  const atlas::ui::TextHighlight highlight{0, 10};
  const atlas::text::LayoutOptions options{16, 400, atlas::text::Align::Auto};
  auto frame = [&] {
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    float y = 0;
    for (const auto& s : all) {
      auto p = renderer->engine().layoutCached(s, options);
      renderer->draw(&list, *p, ImVec2(0, y), IM_COL32_WHITE, {&highlight, 1});
      y += p->height;
    }
  };
  frame();
  for (auto _ : state) frame();
  state.counters["vertices"] = static_cast<double>(list.VtxBuffer.Size);
}
BENCHMARK(BM_CachedRedraw100DrawList)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
