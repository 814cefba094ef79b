// `aleppo-atlas places`: every gazetteer place with its id, names, kind, position and source
// (the ids that --select and the search take).
#pragma once

#include <string>

namespace atlas::app {

struct PlacesArgs {
  std::string format = "tsv";  // tsv | json
  std::string out;             // empty: stdout
};

int runPlaces(const PlacesArgs& args);

}  // namespace atlas::app
