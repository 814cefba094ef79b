// Builds the seed inputs of every fuzz target from the sample corpus (assets/corpus) and the
// shipped assets, so the fuzzers start from real Arabic news text and real asset files.
//   fuzz_make_seeds ASSETS_DIR OUT_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/sentences.h"

namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void write(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string le32(uint32_t v) {
  return std::string{static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                     static_cast<char>((v >> 16) & 0xFF), static_cast<char>(v >> 24)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fuzz_make_seeds ASSETS_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path assets = argv[1], out = argv[2];
  const auto loaded = atlas::loadCorpus(assets / "corpus");
  if (!loaded.corpus || loaded.corpus->articles.empty()) {
    std::fprintf(stderr, "fuzz_make_seeds: %s\n", loaded.error.c_str());
    return 1;
  }
  const atlas::Corpus& corpus = *loaded.corpus;
  const std::string manifest = readAll(assets / "corpus" / "MANIFEST.tsv");
  const std::string sep = "\n@@@@\n";
  write(out / "manifest", "sample.tsv", manifest);
  std::string all = manifest, jsonl;
  atlas::SentenceSplitter splitter;
  std::vector<atlas::SentenceSpan> sentences;
  int k = 0;
  for (const atlas::Article& a : corpus.articles) {
    const std::string name = std::to_string(k++);
    const std::string file = fs::path(a.source).filename().string();
    all += sep + a.text;
    write(out / "corpus_files", name, manifest + sep + a.text);
    nlohmann::json j = {{"id", a.id},
                        {"published", a.published ? a.published->iso() : ""},
                        {"outlet", a.outlet},
                        {"title", file},
                        {"text", a.text}};
    jsonl += j.dump() + "\n";
    write(out / "jsonl", name, j.dump() + "\n");
    write(out / "fold", name, le32(0) + a.text);
    write(out / "matcher", name, a.text);
    const uint32_t days = a.published ? static_cast<uint32_t>(a.published->toDays() + 719162) : 0;
    write(out / "dates", name, le32(days) + a.text);
    // Sentences for the layout: plain (mode 0) and wrapped at 300 px, right-aligned.
    splitter.split(a.text, sentences);
    for (size_t s = 0; s < sentences.size() && s < 6; ++s) {
      const std::string text =
          a.text.substr(sentences[s].start, sentences[s].end - sentences[s].start);
      write(out / "paragraph", name + "_" + std::to_string(s),
            std::string{static_cast<char>(s % 2 ? 4 : 0), static_cast<char>(s % 2 ? 100 : 0),
                        static_cast<char>(16)} +
                text);
    }
  }
  write(out / "corpus_files", "all", all);
  write(out / "jsonl", "all", jsonl);
  // Bidi mixes for the layout (mode 1: every byte picks a piece; see fuzz_paragraph.cpp).
  std::string mix{1, 60, 20};
  for (int i = 0; i < 200; ++i) mix += static_cast<char>((i * 7 + i / 3) % 40);
  write(out / "paragraph", "mix", mix);
  write(out / "gazetteer", "shipped.tsv", readAll(assets / "gazetteer.tsv"));
  write(out / "basemap", "shipped.geojson", readAll(assets / "basemap.geojson"));
  write(
      out / "basemap", "small.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"layer":"river"},)"
      R"("geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,36.21]]}},)"
      R"({"type":"Feature","properties":{"layer":"city_extent"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[37.1,36.1],[37.2,36.1],[37.2,36.3],[37.1,36.1]]]}}]})");
  std::printf("fuzz seeds written to %s\n", out.c_str());
  return 0;
}
