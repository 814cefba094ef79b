// `aleppo-atlas control --date D`: who held each place on a day, with the sentence that decided
// it, and the frontline between areas of different sides (GeoJSON).
#pragma once

#include <string>

namespace atlas::app {

struct ControlArgs {
  std::string corpus;
  std::string date;            // YYYY-MM-DD
  std::string format = "tsv";  // tsv | geojson
  std::string out;             // empty: stdout
};

int runControl(const ControlArgs& args);

}  // namespace atlas::app
