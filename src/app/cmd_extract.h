// `aleppo-atlas extract`: mentions of places in the corpus, as JSON Lines, GeoJSON or CSV.
#pragma once

#include <string>

namespace atlas::app {

struct ExtractArgs {
  std::string corpus;            // folder or .jsonl; resolved to the sample corpus by main
  std::string format = "jsonl";  // jsonl | geojson | csv
  std::string out;               // empty: stdout
};

// Returns the process exit status (0 ok, 1 failure while writing, 2 bad input).
int runExtract(const ExtractArgs& args);

}  // namespace atlas::app
