// What the map plots for each place: where, what kind, how much evidence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/geometry.h"

namespace atlas::map {

enum class PlaceKind : std::uint8_t { Neighbourhood, Site, Town, Region, City };

struct MapPlace {
  std::string id;
  Vec2 pos;  // local metres
  PlaceKind kind = PlaceKind::Site;
  int mentions = 0;
  bool landmark = false;  // drawn even without mentions (the Citadel, nearby towns)
  // Regions and the city are drawn as areas, never as pins.
  bool isArea() const { return kind == PlaceKind::Region || kind == PlaceKind::City; }
};

}  // namespace atlas::map
