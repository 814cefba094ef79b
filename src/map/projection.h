// Web-Mercator (EPSG:3857) projection and the map viewport: geographic degrees to
// projected metres to screen pixels and back.
#pragma once

namespace atlas::map {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

// Projected metres (EPSG:3857). y grows to the north.
struct Mercator {
  double x = 0;
  double y = 0;
};

Mercator project(LonLat p);
LonLat unproject(Mercator m);

// Scale factor of the Mercator plane at a latitude: 1 projected metre = cos(lat) ground metres.
double groundMetresPerProjectedMetre(double latDeg);

// What part of the plane a rectangle of pixels shows. Screen y grows downwards.
struct Viewport {
  Mercator centre;
  double metresPerPixel = 10;       // projected metres per screen pixel
  double originX = 0, originY = 0;  // top-left of the map area in screen pixels
  double width = 1, height = 1;     // size of the map area in pixels

  void toScreen(Mercator m, double& sx, double& sy) const;
  Mercator toMercator(double sx, double sy) const;
};

}  // namespace atlas::map
