// Paragraph layout against Pango, in one run, on the same sentences and the same font: every
// sentence of the sample corpus (ICU sentences, as the app cuts them) laid out from scratch at
// 16 px, wrapped at 400 px, right to left, by our TextEngine::layout (uncached: bidi, shaping,
// line breaking, visual lines) and by a PangoFT2 layout (set_text, then its lines and logical
// extents). Pango gets a fontconfig configuration that holds only the files our engine opened
// (the Arabic face and the Latin fallback), and the run stops if it picks any other face.
// Figures: bytes/s and paragraphs/s of each, lines and glyphs per pass (they should be close),
// and at the end the ratio of the two times per pass.
#include <benchmark/benchmark.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>
#include <pango/pangoft2.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/sentences.h"
#include "text/font_face.h"
#include "text/font_locator.h"
#include "text/paragraph.h"

namespace {

constexpr float kSizePx = 16;
constexpr float kWidthPx = 400;

struct Sentences {
  std::vector<std::string> text;
  size_t bytes = 0;
  std::string error;
};

// Every sentence of every sample article, split as the app splits them.
const Sentences& sentences() {
  static const Sentences s = [] {
    Sentences out;
    auto loaded = atlas::loadCorpus(ATLAS_BENCH_ASSETS_DIR "/corpus");
    if (!loaded.corpus) {
      out.error = loaded.error;
      return out;
    }
    atlas::SentenceSplitter splitter;
    std::vector<atlas::SentenceSpan> spans;
    for (const auto& article : loaded.corpus->articles) {
      splitter.split(article.text, spans);
      for (const auto& span : spans) {
        out.text.emplace_back(article.text.substr(span.start, span.end - span.start));
        out.bytes += out.text.back().size();
      }
    }
    if (out.text.empty()) out.error = "the sample corpus has no sentences";
    return out;
  }();
  return s;
}

// --- Ours -------------------------------------------------------------------------------------

void BM_ParagraphLayout_Atlas(benchmark::State& state) {
  const Sentences& all = sentences();
  if (!all.error.empty()) {
    state.SkipWithError(all.error.c_str());
    return;
  }
  const auto arabic = atlas::text::findArabicFont();
  std::string error;
  auto engine = atlas::text::TextEngine::create(&error);  // the app's fonts, found the same way
  if (!engine || !arabic) {
    state.SkipWithError(engine ? "no Arabic font" : error.c_str());
    return;
  }
  if (engine->faces()[0]->path() != arabic->path) {
    state.SkipWithError("the engine did not open the Arabic font findArabicFont names");
    return;
  }
  const atlas::text::LayoutOptions options{kSizePx, kWidthPx, atlas::text::Align::Auto};
  size_t lines = 0, glyphs = 0, missing = 0;
  for (const auto& s : all.text) {  // the same warm-up pass as Pango's check below
    const auto p = engine->layout(s, options);
    for (const auto& g : p.glyphs) missing += g.id == 0;
  }
  if (missing > 0) {
    state.SkipWithError("our engine left glyphs without a face (glyph 0)");
    return;
  }
  for (auto _ : state) {
    for (const auto& s : all.text) {
      auto p = engine->layout(s, options);
      lines += p.lines.size();
      glyphs += p.glyphs.size();
      benchmark::DoNotOptimize(p.height);
    }
  }
  const auto passes = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(all.bytes) * state.iterations());
  state.counters["paragraphs"] = benchmark::Counter(static_cast<double>(all.text.size()) * passes,
                                                    benchmark::Counter::kIsRate);
  state.counters["lines"] = static_cast<double>(lines) / passes;
  state.counters["glyphs"] = static_cast<double>(glyphs) / passes;
  state.SetLabel(std::filesystem::path(arabic->path).filename().string());
}
BENCHMARK(BM_ParagraphLayout_Atlas)->Unit(benchmark::kMillisecond);

// --- Pango ------------------------------------------------------------------------------------

std::string fontFile(PangoFont* font) {
  if (!font || !PANGO_IS_FC_FONT(font)) return "";
  FcChar8* file = nullptr;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  if (!pattern || FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) return "";
  return reinterpret_cast<const char*>(file);
}

// A PangoFT2 font map over a fontconfig configuration that holds only our fonts; one context
// (RTL, Arabic, unrounded positions like ours) and one layout reused for every paragraph.
struct PangoSetup {
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  PangoFontDescription* description = nullptr;
  PangoLayout* layout = nullptr;
  std::string arabicPath;
  std::string error;

  PangoSetup() {
    const auto arabic = atlas::text::findArabicFont();
    const auto latin = atlas::text::findUiFont();  // our engine's fallback face
    if (!arabic) {
      error = "no Arabic font";
      return;
    }
    arabicPath = arabic->path;
    FcConfig* config = FcConfigCreate();
    bool added = FcConfigAppFontAddFile(
                     config, reinterpret_cast<const FcChar8*>(arabic->path.c_str())) == FcTrue;
    if (latin)
      added = added && FcConfigAppFontAddFile(
                           config, reinterpret_cast<const FcChar8*>(latin->path.c_str())) == FcTrue;
    map = pango_ft2_font_map_new();
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);  // takes its own reference
    FcConfigDestroy(config);
    if (!added) {
      error = "fontconfig could not add " + arabic->path;
      return;
    }
    context = pango_font_map_create_context(map);
    pango_context_set_base_dir(context, PANGO_DIRECTION_RTL);
    pango_context_set_language(context, pango_language_from_string("ar"));
    pango_context_set_round_glyph_positions(context, FALSE);
    description = pango_font_description_new();
    pango_font_description_set_family(description, arabic->family.c_str());
    pango_font_description_set_weight(description, PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(description, PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(description, kSizePx * PANGO_SCALE);
    pango_context_set_font_description(context, description);
    layout = pango_layout_new(context);
    pango_layout_set_width(layout, static_cast<int>(kWidthPx * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
    pango_layout_set_auto_dir(layout, TRUE);  // like our UBIDI_DEFAULT_LTR; RTL if no strong char

    // The face Pango loads for the description must be our file...
    PangoFont* font = pango_font_map_load_font(map, context, description);
    const std::string loaded = fontFile(font);
    if (font) g_object_unref(font);
    if (loaded != arabic->path) {
      error = "Pango loaded '" + loaded + "' instead of " + arabic->path;
      return;
    }
    // ...and so must the face of every glyph it shapes in the corpus (warm-up pass).
    std::map<std::string, size_t> glyphsByFile;
    size_t unknown = 0;
    for (const auto& s : sentences().text) {
      pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
      PangoLayoutIter* iter = pango_layout_get_iter(layout);
      do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        glyphsByFile[fontFile(run->item->analysis.font)] +=
            static_cast<size_t>(run->glyphs->num_glyphs);
        for (int i = 0; i < run->glyphs->num_glyphs; ++i)
          unknown += (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
      } while (pango_layout_iter_next_run(iter));
      pango_layout_iter_free(iter);
    }
    for (const auto& [file, n] : glyphsByFile)
      if (file != arabic->path && (!latin || file != latin->path)) {
        error = "Pango shaped " + std::to_string(n) + " glyphs with '" + file + "'";
        return;
      }
    if (unknown > 0) error = "Pango has " + std::to_string(unknown) + " glyphs with no face";
  }
  ~PangoSetup() {
    if (layout) g_object_unref(layout);
    if (description) pango_font_description_free(description);
    if (context) g_object_unref(context);
    if (map) g_object_unref(map);
  }
  PangoSetup(const PangoSetup&) = delete;
  PangoSetup& operator=(const PangoSetup&) = delete;
};

void BM_ParagraphLayout_Pango(benchmark::State& state) {
  const Sentences& all = sentences();
  if (!all.error.empty()) {
    state.SkipWithError(all.error.c_str());
    return;
  }
  PangoSetup pango;
  if (!pango.error.empty()) {
    state.SkipWithError(pango.error.c_str());
    return;
  }
  size_t lines = 0, glyphs = 0;
  for (auto _ : state) {
    for (const auto& s : all.text) {
      // set_text drops the previous lines; asking for them lays the paragraph out again.
      pango_layout_set_text(pango.layout, s.data(), static_cast<int>(s.size()));
      PangoRectangle logical;
      pango_layout_get_pixel_extents(pango.layout, nullptr, &logical);
      lines += static_cast<size_t>(pango_layout_get_line_count(pango.layout));
      benchmark::DoNotOptimize(logical.height);
    }
  }
  for (const auto& s : all.text) {  // glyphs per pass, counted outside the timed loop
    pango_layout_set_text(pango.layout, s.data(), static_cast<int>(s.size()));
    for (GSList* l = pango_layout_get_lines_readonly(pango.layout); l; l = l->next)
      for (GSList* r = static_cast<PangoLayoutLine*>(l->data)->runs; r; r = r->next)
        glyphs += static_cast<size_t>(static_cast<PangoGlyphItem*>(r->data)->glyphs->num_glyphs);
  }
  const auto passes = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(all.bytes) * state.iterations());
  state.counters["paragraphs"] = benchmark::Counter(static_cast<double>(all.text.size()) * passes,
                                                    benchmark::Counter::kIsRate);
  state.counters["lines"] = static_cast<double>(lines) / passes;
  state.counters["glyphs"] = static_cast<double>(glyphs);
  state.SetLabel(std::filesystem::path(pango.arabicPath).filename().string());
}
BENCHMARK(BM_ParagraphLayout_Pango)->Unit(benchmark::kMillisecond);

// --- The ratio ----------------------------------------------------------------------------------

// The console output, then Pango's CPU time per pass over ours (median of the repetitions).
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (!r.error_occurred && r.run_type == Run::RT_Iteration)
        times_[r.run_name.function_name].push_back(r.GetAdjustedCPUTime());
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const double ours = median("BM_ParagraphLayout_Atlas");
    const double pango = median("BM_ParagraphLayout_Pango");
    if (ours > 0 && pango > 0)
      std::printf("Pango / ours, CPU time per pass (median): %.2f (%s is faster)\n", pango / ours,
                  ours < pango ? "ours" : "Pango");
  }

 private:
  double median(const std::string& name) {
    auto& v = times_[name];
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
  std::map<std::string, std::vector<double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  // The ratio is printed under the console output; other formats are left as they are.
  bool console = true;
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_format=", 19) == 0)
      console = std::strcmp(argv[i] + 19, "console") == 0;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (console) {
    RatioReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color
                                                 : benchmark::ConsoleReporter::OO_None);
    benchmark::RunSpecifiedBenchmarks(&reporter);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return 0;
}
