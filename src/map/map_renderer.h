// Draws the map's layers with our own GL 3.3 shaders (shaders/): filled triangles, instanced
// anti-aliased segments, instanced markers. GPU buffers change only when the layers do; a pan or
// zoom changes uniforms only.
#pragma once

#include <string>
#include <vector>

#include "map/map_scene.h"
#include "map/projection.h"

namespace atlas::map {

struct RenderTarget {
  int x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels, origin bottom-left (GL)
  float pxScale = 1.0f;                     // framebuffer pixels per UI pixel
};

class MapRenderer {
 public:
  MapRenderer() = default;
  ~MapRenderer();
  MapRenderer(const MapRenderer&) = delete;
  MapRenderer& operator=(const MapRenderer&) = delete;

  // Compiles the shaders and creates the buffers; needs a current GL 3.3 context.
  bool init(std::string& error);
  bool ready() const { return ready_; }

  void uploadBaseLayers(const BaseLayers& layers);
  void uploadMarkers(const std::vector<PointInstance>& markers);

  // Draws everything into `target` (sets viewport and scissor; leaves blending on).
  void draw(const Viewport& view, const LocalFrame& frame, const RenderTarget& target) const;

  // How many times buffers were uploaded since init (tests and benchmarks check that a pan or
  // a zoom uploads nothing).
  int uploadCount() const { return uploads_; }

 private:
  struct Program {
    unsigned id = 0;
    int centre = -1, ndcPerMetre = -1, pixelsPerMetre = -1, viewportPx = -1, pxScale = -1;
  };
  bool ready_ = false;
  Program fill_, line_, point_;
  unsigned fillVao_ = 0, fillVbo_ = 0, lineVao_ = 0, lineVbo_ = 0, pointVao_ = 0, pointVbo_ = 0;
  int fillCount_ = 0, lineCount_ = 0, pointCount_ = 0;
  int uploads_ = 0;
};

}  // namespace atlas::map
