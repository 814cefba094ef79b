// The map area: base map and markers drawn by map::MapRenderer inside the ImGui frame, with
// pan/zoom, hover and click, and the chrome over it (buttons, scale bar, north arrow, legend).
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "map/control_layer.h"
#include "map/label_placement.h"
#include "map/map_renderer.h"
#include "map/map_scene.h"
#include "ui/map_camera.h"
#include "ui/ui_state.h"

namespace atlas::ui {

class MapPanel {
 public:
  // Needs the GL context current. On failure the panel draws only its background.
  bool init(std::string& error);
  void draw(const ViewModel& model, UiState& state, ImVec2 size);

  // For tests and benchmarks.
  const map::MapRenderer& renderer() const { return renderer_; }
  const map::Neighbourhoods& neighbourhoods() const { return hoods_; }
  // Who holds each neighbourhood area and where the front runs, as drawn in the last frame.
  const map::ControlLayer& controlLayer() const { return control_; }
  // The marker instances of the last frame and the place index of each.
  const std::vector<map::PointInstance>& markers() const { return markers_; }
  const std::vector<int>& markerPlaces() const { return markerOrder_; }
  // The places whose quiet base-map name was drawn in the last frame (model place indices).
  const std::vector<int>& areaLabels() const { return areaLabels_; }
  // The map area of the last frame, in screen pixels.
  MapArea area() const {
    return {rectMin_.x, rectMin_.y, rectMax_.x - rectMin_.x, rectMax_.y - rectMin_.y};
  }

 private:
  void drawContents(const ViewModel& model, UiState& state, ImVec2 size);
  void rebuild(const ViewModel& model, const UiState& state);
  void handleInput(const ViewModel& model, UiState& state, const MapArea& area);
  void drawChrome(const ViewModel& model, UiState& state, const MapArea& area);
  void drawTooltip(const ViewModel& model, const UiState& state, int place);
  void drawLegend(UiState& state, const MapArea& area);
  static map::LabelRect legendRect(const UiState& state, const MapArea& area);
  static bool legendShown(const UiState& state, const MapArea& area);
  // Arabic names (shaped by the text engine) beside the markers, without overlaps; English
  // subtitles when zoomed in.
  void drawLabels(const ViewModel& model, const UiState& state, const MapArea& area);
  void fitSelection(const ViewModel& model, UiState& state, const MapArea& area);

 public:
  // What "Fit selection" frames (local metres); empty when nothing is selected.
  map::Bounds selectionBounds(const ViewModel& model, const UiState& state) const;

 private:
  static void renderCallback(const ImDrawList* list, const ImDrawCmd* cmd);

  map::MapRenderer renderer_;
  map::LocalFrame frame_;
  map::Neighbourhoods hoods_;
  // The places named quietly on the base map: first one per area (parallel to hoods_.ids), then
  // the neighbourhoods that have only a point; each with its model index and size (m²).
  std::vector<int> hoodPlace_;
  std::vector<float> hoodArea_;
  std::vector<int> areaLabels_;
  map::Bounds cityBounds_, regionBounds_;
  std::vector<map::PointInstance> markers_;
  std::vector<int> markerOrder_;
  std::vector<int> inWindow_;  // per place: mentions inside the timeline's window
  std::optional<TimeWindow> builtWindow_;
  map::ControlLayer control_;
  std::optional<Date> controlDay_;  // the day control_ was computed for
  int builtShelfLife_ = -1;         // and the settings and timelines it was computed from
  const ControlTimeline* builtReference_ = nullptr;
  const ControlTimeline* builtControl_ = nullptr;
  // What the GPU buffers were built from; anything else changing triggers a rebuild.
  const map::BaseMap* builtBase_ = nullptr;
  const map::Polygon* builtArea_ = nullptr;  // the east Aleppo outline drawn (by date)
  int builtVersion_ = -1;
  int builtEvidence_ = -1;
  std::string builtSelection_;
  float builtScale_ = 0;
  // Set while drawing, read by the render callback later in the same frame.
  map::Viewport view_;
  ImVec2 rectMin_, rectMax_;
};

}  // namespace atlas::ui
