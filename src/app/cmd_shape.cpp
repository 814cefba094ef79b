#include "app/cmd_shape.h"

#include <cstdio>

namespace atlas::app {

int runShape(const ShapeArgs&) {
  std::fprintf(stderr, "aleppo-atlas shape: not implemented yet\n");
  return 1;
}

}  // namespace atlas::app
