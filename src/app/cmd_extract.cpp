#include "app/cmd_extract.h"

#include <cstdio>

namespace atlas::app {

int runExtract(const ExtractArgs&) {
  std::fprintf(stderr, "aleppo-atlas extract: not implemented yet\n");
  return 1;
}

}  // namespace atlas::app
