// `aleppo-atlas extract`: mentions of places in the corpus, as JSON Lines, GeoJSON or CSV.
// Streams: articles are read, extracted on a thread per core and written in input order as
// they are done, so memory is bounded by the articles in flight, not by the corpus.
#pragma once

#include <string>

namespace atlas::app {

struct ExtractArgs {
  std::string corpus;            // folder, .jsonl, or "-" (JSON Lines on standard input)
  std::string format = "jsonl";  // jsonl | geojson | csv
  std::string out;               // empty: stdout
  std::string fields;            // comma-separated fields in output order; empty: the default
  int threads = 0;               // extraction threads; 0: one per core
};

// Returns the process exit status (0 ok, 1 failure while writing, 2 bad input).
int runExtract(const ExtractArgs& args);

}  // namespace atlas::app
