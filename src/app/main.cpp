// aleppo-atlas: the command line. With no subcommand it opens the GUI.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "app/cmd_control.h"
#include "app/cmd_extract.h"
#include "app/cmd_places.h"
#include "app/cmd_shape.h"
#include "app/gui_app.h"
#include "app/paths.h"

#ifndef ATLAS_VERSION
#define ATLAS_VERSION "unknown"
#endif

namespace {

// The corpus to use: the one given, else the sample corpus shipped in assets/.
bool resolveCorpus(std::string& corpus) {
  if (!corpus.empty()) return true;
  corpus = atlas::app::sampleCorpusDir().string();
  if (corpus.empty()) {
    std::fprintf(stderr,
                 "aleppo-atlas: cannot find the sample corpus (assets/corpus); "
                 "set ALEPPO_ATLAS_ASSETS or pass --corpus\n");
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // Allocations of 64 KiB and more come straight from the system and go straight back when
  // freed. glibc's default threshold grows after the first big free, and then the blocks a big
  // corpus's extraction is gathered from (extraction.cpp) stay in the heap after they are freed:
  // the mentions would be held twice at the peak.
  mallopt(M_MMAP_THRESHOLD, 64 * 1024);
  CLI::App app{
      "Aleppo Atlas: maps the Aleppo places named in Arabic news articles, by day.\n"
      "With no subcommand, opens the map on the corpus (default: the sample corpus).",
      "aleppo-atlas"};
  app.set_version_flag("--version", std::string("aleppo-atlas ") + ATLAS_VERSION);
  std::string corpus;
  atlas::app::GuiArgs gui;
  // For tests that drive the real GUI: run N frames, save the layout, exit. Not in --help.
  app.add_option("--quit-after-frames", gui.quitAfterFrames)->group("");
  app.add_flag("--quit-during-load", gui.quitDuringLoad)->group("");
  app.add_option("--corpus", corpus,
                 "Folder of .txt articles with MANIFEST.tsv, or a .jsonl file (default: sample)");
  std::string mentions;
  const char* mentionsHelp =
      "Mentions precomputed by `extract --format jsonl` for this --corpus (e.g. on a cluster): "
      "opens without extracting";
  app.add_option("--mentions", mentions, mentionsHelp);

  atlas::app::ScreenshotArgs shot;
  CLI::App* screenshot =
      app.add_subcommand("screenshot", "Render the UI in a hidden window and save it as PNG");
  screenshot->add_option("--out", shot.out, "PNG file to write")->required();
  screenshot->add_option("--width", shot.width, "Window width in pixels (64 to 8192)")
      ->check(CLI::Range(64, 8192))
      ->capture_default_str();
  screenshot->add_option("--height", shot.height, "Window height in pixels (64 to 8192)")
      ->check(CLI::Range(64, 8192))
      ->capture_default_str();
  screenshot->add_option("--date", shot.date, "Timeline date, YYYY-MM-DD");
  screenshot->add_option("--select", shot.select,
                         "Place to select and frame: an id (aleppo-atlas places) or a name");
  screenshot->add_option("--corpus", corpus, "Corpus to show (as the top-level --corpus)");
  screenshot->add_option("--mentions", mentions, mentionsHelp);

  atlas::app::ExtractArgs extract;
  CLI::App* extractCmd = app.add_subcommand(
      "extract",
      "Print every place mention in the corpus (JSON Lines, GeoJSON or CSV), streaming: records "
      "come out in input order as articles are done, and memory does not grow with the corpus");
  extractCmd
      ->add_option("--format", extract.format,
                   "jsonl, geojson or csv (GeoJSON groups mentions by place, so it is kept in "
                   "memory and written at the end, not record by record)")
      ->check(CLI::IsMember({"jsonl", "geojson", "csv"}))
      ->capture_default_str();
  extractCmd->add_option("--out", extract.out,
                         "File to write, replaced only when the run succeeds (default: standard "
                         "output)");
  extractCmd->add_option("--corpus", corpus,
                         "Corpus to read (as the top-level --corpus); - reads JSON Lines from "
                         "standard input");
  extractCmd->add_option("--fields", extract.fields,
                         "Fields (CSV: columns) to write, comma-separated, in that order, e.g. "
                         "doc,start,end,place,date (default: all of the format's standard "
                         "fields; an unknown name lists the valid ones)");
  extractCmd->add_option("--threads", extract.threads, "Extraction threads (0: one per core)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();

  atlas::app::ControlArgs control;
  CLI::App* controlCmd = app.add_subcommand(
      "control", "Who held each place on a day, with the deciding sentence, and the frontline");
  controlCmd->add_option("--date", control.date, "Day, YYYY-MM-DD")->required();
  controlCmd->add_option("--format", control.format, "tsv or geojson")
      ->check(CLI::IsMember({"tsv", "geojson"}))
      ->capture_default_str();
  controlCmd->add_option("--out", control.out, "File to write (default: standard output)");
  controlCmd
      ->add_option("--shelf-life", control.shelfLifeDays,
                   "Days a claim keeps a place confirmed (default 14)")
      ->check(CLI::Range(1, 3650));
  controlCmd->add_option("--corpus", corpus, "Corpus to read (as the top-level --corpus)");
  controlCmd->add_option("--mentions", mentions, mentionsHelp);

  atlas::app::PlacesArgs places;
  CLI::App* placesCmd = app.add_subcommand(
      "places", "List every place the gazetteer knows: id, names, kind, position, source");
  placesCmd->add_option("--format", places.format, "tsv or json")
      ->check(CLI::IsMember({"tsv", "json"}))
      ->capture_default_str();
  placesCmd->add_option("--out", places.out, "File to write (default: standard output)");

  atlas::app::ShapeArgs shapeArgs;
  CLI::App* shapeCmd = app.add_subcommand(
      "shape", "Lay out a paragraph; print each visual line in hb-shape notation");
  shapeCmd->add_option("--text", shapeArgs.text, "Text to shape (UTF-8)")->required();
  shapeCmd->add_option("--font", shapeArgs.font, "Font file (default: the Arabic UI face)");
  shapeCmd->add_option("--size", shapeArgs.size, "Size in pixels (default: units per em)")
      ->check(CLI::Range(1.0f, 1000.0f));
  shapeCmd->add_option("--width", shapeArgs.width, "Wrap width in pixels (default: no wrap)")
      ->check(CLI::PositiveNumber);

  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Usage errors: one line that says whose message it is, then the conventional status 2.
    std::fprintf(stderr, "aleppo-atlas: %s (see aleppo-atlas --help)\n", e.what());
    return 2;
  }

  if (*shapeCmd) return atlas::app::runShape(shapeArgs);
  if (*placesCmd) return atlas::app::runPlaces(places);
  // The GUI reopens the last corpus when none is given (the subcommands use the sample).
  const std::string givenCorpus = corpus;
  if (!resolveCorpus(corpus)) return 2;
  if (!mentions.empty() && givenCorpus.empty()) {
    std::fprintf(stderr, "aleppo-atlas: --mentions needs the --corpus it was extracted from\n");
    return 2;
  }
  if (*screenshot) {
    shot.corpus = corpus;
    shot.mentions = mentions;
    return atlas::app::runScreenshot(shot);
  }
  if (*controlCmd) {
    control.corpus = corpus;
    control.mentions = mentions;
    return atlas::app::runControl(control);
  }
  if (*extractCmd) {
    extract.corpus = corpus;
    return atlas::app::runExtract(extract);
  }
  gui.corpus = givenCorpus;
  gui.mentions = mentions;
  gui.sampleCorpus = atlas::app::sampleCorpusDir().string();
  return atlas::app::runGui(gui);
}
