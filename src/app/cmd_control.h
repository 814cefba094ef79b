// `aleppo-atlas control --date D`: who held each place on a day, with the sentence that decided
// it, and the frontline between areas of different sides (GeoJSON). A day outside the evidence
// (before its first claim, or past its last by more than the shelf life) says "no evidence" on
// standard error, exits 0 and gives every place as unknown: no side is guessed.
#pragma once

#include <string>

namespace atlas::app {

struct ControlArgs {
  std::string corpus;
  std::string mentions;        // --mentions: precomputed extract output; empty: extract
  std::string date;            // YYYY-MM-DD
  std::string format = "tsv";  // tsv | geojson
  std::string out;             // empty: stdout
  int shelfLifeDays = 14;      // evidence older than this is unconfirmed
};

int runControl(const ControlArgs& args);

}  // namespace atlas::app
