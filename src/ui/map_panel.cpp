#include "ui/map_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "map/hit_test.h"
#include "map/label_placement.h"
#include "map/map_style.h"
#include "ui/arabic_text.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

ImU32 toImU32(std::uint32_t rgba) {
  // map::style colours and ImGui's IM_COL32 share the byte order (R lowest).
  return static_cast<ImU32>(rgba);
}

// The largest "nice" length (1, 2 or 5 × 10^k metres) that fits in maxPx pixels.
double niceScaleLength(double groundMetresPerPixel, double maxPx) {
  const double maxMetres = groundMetresPerPixel * maxPx;
  double unit = std::pow(10.0, std::floor(std::log10(maxMetres)));
  for (double step : {5.0, 2.0, 1.0})
    if (step * unit <= maxMetres) return step * unit;
  return unit;
}

// "14 days" ("١٤ يوما", "٥ أيام", "يومين" in Arabic).
std::string daysPhrase(int n) {
  if (n == 1) return tr(Str::MapOneDay);
  if (n == 2) return tr(Str::MapTwoDays);
  const bool few = arabicInterface() && n >= 3 && n <= 10;
  return uiNumber(n) + " " + tr(few ? Str::MapFewDays : Str::MapManyDays);
}

// A chrome string with its "%s" replaced.
std::string withArg(Str s, const std::string& arg) {
  std::string out = tr(s);
  const size_t at = out.find("%s");
  if (at != std::string::npos) out.replace(at, 2, arg);
  return out;
}

}  // namespace

bool MapPanel::init(std::string& error) { return renderer_.init(error); }

void MapPanel::rebuild(const ViewModel& model, const UiState& state) {
  const Date day = currentDay(model, state);
  // East Aleppo as the reference outlines it on that day (the outlines' dates are data).
  const map::Polygon* area = model.baseMap ? model.baseMap->outlineAt(day) : nullptr;
  const bool geometryChanged = builtBase_ != model.baseMap || builtVersion_ != model.version;
  if (geometryChanged && model.baseMap) {
    frame_ = model.baseMap->frame;
    hoods_ = map::neighbourhoodAreas(*model.baseMap);
    hoodPlace_.clear();
    hoodArea_.clear();
    for (size_t i = 0; i < hoods_.ids.size(); ++i) {
      hoodPlace_.push_back(model.findPlace(hoods_.ids[i]));
      float area = 0;
      for (const map::Triangle& t : hoods_.triangles[i])
        area += std::abs((t[1].x - t[0].x) * (t[2].y - t[0].y) -
                         (t[2].x - t[0].x) * (t[1].y - t[0].y)) /
                2;
      hoodArea_.push_back(area);
    }
    // Neighbourhoods without a polygon (al-Uwayja, Dahiyat al-Assad) are named at their point,
    // as if they covered half a square kilometre.
    std::vector<bool> hasArea(model.places.size(), false);
    for (int p : hoodPlace_)
      if (p >= 0) hasArea[p] = true;
    for (size_t p = 0; p < model.places.size(); ++p)
      if (model.places[p].kind == map::PlaceKind::Neighbourhood && !hasArea[p]) {
        hoodPlace_.push_back(static_cast<int>(p));
        hoodArea_.push_back(5e5f);
      }
  }
  // Control follows the timeline's day; the buffers change only when the picture does (most
  // days while scrubbing nothing changes hands).
  bool controlChanged = false;
  const int shelfLife = std::max(1, state.settings.shelfLifeDays);
  const ControlTimeline* reference = state.settings.referenceLayer ? model.reference : nullptr;
  if (geometryChanged || controlDay_ != day || builtShelfLife_ != shelfLife ||
      builtReference_ != reference || builtControl_ != model.control) {
    map::ControlLayer next;
    if (model.control)
      next = map::controlLayerAt(hoods_, *model.control, day, model.fighting, shelfLife, reference);
    controlChanged = geometryChanged || !map::samePicture(next, control_);
    control_ = std::move(next);
    controlDay_ = day;
    builtShelfLife_ = shelfLife;
    builtReference_ = reference;
    builtControl_ = model.control;
  }
  // The selected place's area is outlined in the base layers: a new selection rebuilds them
  // (a click, never a pan or zoom).
  const bool baseChanged = geometryChanged || controlChanged || area != builtArea_ ||
                           builtSelection_ != state.selectedPlace;
  builtArea_ = area;
  if (baseChanged && model.baseMap) {
    const map::BaseMap& base = *model.baseMap;
    const std::vector<map::AreaStyle> styles = map::cellStyles(control_);
    const std::vector<map::InsideBand> bands = map::referenceBands(control_);
    map::BaseLayers layers = map::buildBaseLayers(base, hoods_, model.control ? &styles : nullptr,
                                                  area, bands.empty() ? nullptr : &bands);
    map::appendReferenceFront(control_.referenceFront, layers.lines);
    map::appendFrontline(control_.front, layers.lines);
    const auto selected = std::find(hoods_.ids.begin(), hoods_.ids.end(), state.selectedPlace);
    if (selected != hoods_.ids.end())
      for (const map::Polygon& poly : hoods_.cells[selected - hoods_.ids.begin()])
        for (size_t k = 0; k < poly.outer.size(); ++k)
          layers.lines.push_back({poly.outer[k], poly.outer[(k + 1) % poly.outer.size()],
                                  3.0f * state.uiScale, map::style::kSelection});
    renderer_.uploadBaseLayers(layers);
    cityBounds_ = {};
    for (const map::Vec2& p : base.cityExtent.outer) cityBounds_.add(p);
    // Pan limits: the city and every plotted place (nearby towns), with room around them.
    regionBounds_ = cityBounds_;
    for (const map::MapPlace& p : model.places) regionBounds_.add(p.pos);
    if (!regionBounds_.empty()) {
      regionBounds_.minX -= 10000, regionBounds_.minY -= 10000;
      regionBounds_.maxX += 10000, regionBounds_.maxY += 10000;
    }
  }
  const TimeWindow window = currentWindow(model, state);
  const bool windowChanged =
      !builtWindow_ || builtWindow_->from != window.from || builtWindow_->to != window.to;
  const bool evidenceChanged = builtEvidence_ != model.evidenceVersion;
  if (geometryChanged || windowChanged || evidenceChanged) {
    // Mentions per place inside the window: two binary searches in each place's sorted days.
    inWindow_.assign(model.places.size(), 0);
    for (size_t i = 0; i < model.places.size() && i < model.mentionDays.size(); ++i) {
      const auto& days = model.mentionDays[i];
      inWindow_[i] =
          static_cast<int>(std::upper_bound(days.begin(), days.end(), window.to.toDays()) -
                           std::lower_bound(days.begin(), days.end(), window.from.toDays()));
    }
  }
  if (geometryChanged || windowChanged || evidenceChanged ||
      builtSelection_ != state.selectedPlace || builtScale_ != state.uiScale) {
    map::buildMarkers(model.places, &inWindow_, state.selectedPlace, state.uiScale, markers_,
                      markerOrder_);
    renderer_.uploadMarkers(markers_);
  }
  builtWindow_ = window;
  builtBase_ = model.baseMap;
  builtVersion_ = model.version;
  builtEvidence_ = model.evidenceVersion;
  builtSelection_ = state.selectedPlace;
  builtScale_ = state.uiScale;
}

void MapPanel::renderCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* self = static_cast<const MapPanel*>(cmd->UserCallbackData);
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 scale = io.DisplayFramebufferScale;
  map::RenderTarget target;
  target.x = static_cast<int>(self->rectMin_.x * scale.x);
  target.width = static_cast<int>((self->rectMax_.x - self->rectMin_.x) * scale.x);
  target.height = static_cast<int>((self->rectMax_.y - self->rectMin_.y) * scale.y);
  // GL counts rows from the bottom of the framebuffer.
  target.y = static_cast<int>((io.DisplaySize.y - self->rectMax_.y) * scale.y);
  target.pxScale = scale.x;
  self->renderer_.draw(self->view_, self->frame_, target);
}

// The selected place with its surroundings: its area and the areas that share a border with it;
// a region its outline on the day, the city its extent; a point the neighbourhood around it (a
// town, the villages around it).
map::Bounds MapPanel::selectionBounds(const ViewModel& model, const UiState& state) const {
  map::Bounds b;
  const int i = model.findPlace(state.selectedPlace);
  if (i < 0) return b;
  const map::MapPlace& p = model.places[i];
  auto addPolygon = [&](const map::Polygon& poly) {
    for (const map::Vec2& v : poly.outer) b.add(v);
  };
  if (p.kind == map::PlaceKind::City) return cityBounds_;
  if (p.kind == map::PlaceKind::Region && model.baseMap) {
    if (const map::Polygon* outline = model.baseMap->outlineAt(currentDay(model, state)))
      addPolygon(*outline);
    if (!b.empty()) return b;
  }
  const auto own = std::find(hoods_.ids.begin(), hoods_.ids.end(), p.id);
  if (own != hoods_.ids.end()) {
    const int cell = static_cast<int>(own - hoods_.ids.begin());
    for (const map::Polygon& poly : hoods_.cells[cell]) addPolygon(poly);
    for (const map::AreaEdge& e : hoods_.edges) {
      const int other = e.cellA == cell ? e.cellB : e.cellB == cell ? e.cellA : -1;
      if (other >= 0)
        for (const map::Polygon& poly : hoods_.cells[other]) addPolygon(poly);
    }
    // Centred on the place itself, so the eye finds it in the middle of its surroundings.
    const float hx = std::max(p.pos.x - b.minX, b.maxX - p.pos.x);
    const float hy = std::max(p.pos.y - b.minY, b.maxY - p.pos.y);
    return map::Bounds{p.pos.x - hx, p.pos.y - hy, p.pos.x + hx, p.pos.y + hy};
  }
  const float half = p.kind == map::PlaceKind::Town ? 6000.0f : 1500.0f;
  b.add({p.pos.x - half, p.pos.y - half});
  b.add({p.pos.x + half, p.pos.y + half});
  return b;
}

void MapPanel::fitSelection(const ViewModel& model, UiState& state, const MapArea& area) {
  const map::Bounds b = selectionBounds(model, state);
  if (!b.empty()) fitBounds(state.camera, area, frame_, b);
}

void MapPanel::handleInput(const ViewModel& model, UiState& state, const MapArea& area) {
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
    panByPixels(state.camera, io.MouseDelta.x, io.MouseDelta.y);
  if (hovered && io.MouseWheel != 0)
    zoomAt(state.camera, area, std::pow(1.25, io.MouseWheel), io.MousePos.x, io.MousePos.y);
  // Keyboard: = / - zoom about the centre, Ctrl+arrows pan, F fits the city. ImGui 1.86 indexes
  // keys by the backend's codes; GLFW's codes for printable keys are their ASCII values.
  if (!io.WantTextInput) {
    const double cx = area.x + area.width / 2, cy = area.y + area.height / 2;
    if (ImGui::IsKeyPressed('=')) zoomAt(state.camera, area, 1.5, cx, cy);
    if (ImGui::IsKeyPressed('-')) zoomAt(state.camera, area, 1 / 1.5, cx, cy);
    if (ImGui::IsKeyPressed('F') && !cityBounds_.empty())
      fitBounds(state.camera, area, frame_, cityBounds_);
    if (io.KeyCtrl) {
      const double step = 80.0 * state.uiScale;
      if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
        panByPixels(state.camera, step, 0);
      if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
        panByPixels(state.camera, -step, 0);
      if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
        panByPixels(state.camera, 0, step);
      if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
        panByPixels(state.camera, 0, -step);
    }
  }
  clampCamera(state.camera, frame_, regionBounds_);
  view_ = viewportOf(state.camera, area);

  if (!hovered) return;
  int place = map::hitMarker(markers_, markerOrder_, frame_, view_, io.MousePos.x, io.MousePos.y);
  if (place < 0) {
    const map::Mercator m = view_.toMercator(io.MousePos.x, io.MousePos.y);
    const int cell = map::hitNeighbourhood(hoods_, {static_cast<float>(m.x - frame_.origin.x),
                                                    static_cast<float>(m.y - frame_.origin.y)});
    if (cell >= 0) place = model.findPlace(hoods_.ids[cell]);
  }
  if (place >= 0) drawTooltip(model, state, place);
  // A click (not the end of a drag) selects what is under the mouse, or clears the selection.
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 4.0f * 4.0f)
    state.selectedPlace = place >= 0 ? model.places[place].id : std::string();
}

void MapPanel::drawTooltip(const ViewModel& model, const UiState& state, int place) {
  const map::MapPlace& p = model.places[place];
  ImGui::BeginTooltip();
  ArabicTextOptions arabic;
  arabic.width = ImGui::GetFontSize() * 14;
  ArabicText(model.names[place].ar, arabic);
  ImGui::TextUnformatted(model.names[place].en.c_str());
  ImGui::TextDisabled("%s", p.id.c_str());
  // Who holds it by the evidence at the timeline's day, how fresh that is, and the reference.
  if (model.control) {
    const Date day = currentDay(model, state);
    const int shelf = std::max(1, state.settings.shelfLifeDays);
    const ControlSummary c = model.control->summaryAt(p.id, day, shelf);
    const auto cell = std::find(hoods_.ids.begin(), hoods_.ids.end(), p.id);
    const bool isArea = cell != hoods_.ids.end();
    if (c.side != Side::Unknown) {
      // A swatch of the area's fill, then the side.
      map::ControlLayer one;
      one.cells.push_back(c);
      const map::AreaStyle st = map::cellStyles(one)[0];
      const float h = ImGui::GetTextLineHeight();
      const ImVec2 at = ImGui::GetCursorScreenPos();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + h - 4, at.y + h - 2),
                        toImU32(st.fill));
      if (st.hatch)
        dl->AddRect(ImVec2(at.x, at.y + 2), ImVec2(at.x + h - 4, at.y + h - 2), toImU32(st.hatch),
                    0, 0, 1.5f);
      ImGui::Dummy(ImVec2(h - 2, h));
      ImGui::SameLine();
      UiText(uiSide(static_cast<int>(c.side)));
      const int ago = day.toDays() - c.lastEvidenceDay;
      const std::string when =
          ago == 0 ? std::string(tr(Str::MapSameDay)) : withArg(Str::MapAgo, daysPhrase(ago));
      UiText(std::string(tr(c.unconfirmed ? Str::MapUnconfirmedSince : Str::MapLastEvidence))
                 .append(" ")
                 .append(uiDate(Date::fromDays(c.lastEvidenceDay)))
                 .append(" (")
                 .append(when)
                 .append(")"),
             c.unconfirmed ? IM_COL32(150, 100, 40, 255) : 0);
      if (c.disputed) UiText(tr(Str::MapDisputedBySources), toImU32(map::style::kDisputedHatch));
    } else if (isArea || !model.control->claimsOf(p.id).empty()) {
      UiText(tr(Str::MapNoEvidenceYet), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    if (model.reference) {
      const Side ref = model.reference->summaryAt(p.id, day, map::kReferenceShelfLifeDays).side;
      if (ref != Side::Unknown || isArea)
        UiText(std::string(tr(Str::MapReferenceSide))
                   .append(" ")
                   .append(uiSide(static_cast<int>(ref))));
    }
  }
  const int shown = place < static_cast<int>(inWindow_.size()) ? inWindow_[place] : p.mentions;
  ImGui::Text("%d mention%s in the window, %d in all", shown, shown == 1 ? "" : "s", p.mentions);
  ImGui::EndTooltip();
}

void MapPanel::drawLabels(const ViewModel& model, const UiState& state, const MapArea& area) {
  TextRenderer* renderer = GetTextRenderer();
  areaLabels_.clear();
  if (!renderer) return;
  const float s = state.uiScale;
  const float arabicSize = 15.0f * s, englishSize = 11.0f * s;
  const bool subtitles = state.camera.metresPerPixel < 9.0;  // zoomed in to a few districts
  struct Label {
    int place;
    std::shared_ptr<const text::Paragraph> arabic;
    float englishWidth;
  };
  std::vector<Label> labels;
  std::vector<map::LabelCandidate> candidates;
  std::vector<map::LabelRect> obstacles;
  text::LayoutOptions layout;
  layout.size = arabicSize;
  // Markers are obstacles, and so is the chrome (buttons, north arrow, scale bar, legend).
  for (size_t k = 0; k < markers_.size(); ++k) {
    if (markers_[k].fill == 0) continue;  // the selection ring: its label sits outside it
    double x = 0, y = 0;
    view_.toScreen(frame_.toMercator(markers_[k].pos), x, y);
    const float r = markers_[k].radiusPx;
    obstacles.push_back({static_cast<float>(x) - r, static_cast<float>(y) - r,
                         static_cast<float>(x) + r, static_cast<float>(y) + r});
  }
  const float ax = static_cast<float>(area.x), ay = static_cast<float>(area.y);
  const float ax1 = ax + static_cast<float>(area.width), ay1 = ay + static_cast<float>(area.height);
  if (arabicInterface()) {                                         // mirrored
    obstacles.push_back({ax1 - 190 * s, ay, ax1, ay + 40 * s});    // buttons
    obstacles.push_back({ax, ay, ax + 52 * s, ay + 64 * s});       // north arrow
    obstacles.push_back({ax1 - 150 * s, ay1 - 44 * s, ax1, ay1});  // scale bar
  } else {
    obstacles.push_back({ax, ay, ax + 190 * s, ay + 40 * s});    // buttons
    obstacles.push_back({ax1 - 52 * s, ay, ax1, ay + 64 * s});   // north arrow
    obstacles.push_back({ax, ay1 - 44 * s, ax + 150 * s, ay1});  // scale bar
  }
  if (legendShown(state, area)) obstacles.push_back(legendRect(state, area));
  for (size_t k = 0; k < markers_.size(); ++k) {
    if (markers_[k].fill == 0 || (markers_[k].fill >> 24) < 0xff) continue;  // rings, faded
    const int place = markerOrder_[k];
    double x = 0, y = 0;
    view_.toScreen(frame_.toMercator(markers_[k].pos), x, y);
    if (x < ax || y < ay || x > ax1 || y > ay1) continue;
    auto paragraph = renderer->engine().layoutCached(model.names[place].ar, layout);
    const float englishWidth = subtitles ? ImGui::CalcTextSize(model.names[place].en.c_str()).x *
                                               englishSize / ImGui::GetFontSize()
                                         : 0.0f;
    const float w = std::max(paragraph->width, englishWidth) + 6 * s;
    const float h = paragraph->height + (subtitles ? englishSize + 2 * s : 0.0f) + 2 * s;
    const bool selected = model.places[place].id == state.selectedPlace;
    const float gap = markers_[k].radiusPx + (selected ? 6 * s : 0.0f);
    candidates.push_back({static_cast<float>(x), static_cast<float>(y), gap, w, h,
                          (selected ? 1e9f : 0.0f) + static_cast<float>(inWindow_[place])});
    labels.push_back({place, std::move(paragraph), englishWidth});
  }
  // Marker labels come first; the base map's own names fill the room left, larger areas first.
  for (map::LabelCandidate& c : candidates) c.priority += 1e12f;
  const size_t markerLabels = labels.size();
  text::LayoutOptions quiet;
  quiet.size = 12.0f * s;
  std::vector<bool> labelled(model.places.size(), false);
  for (const Label& l : labels) labelled[l.place] = true;
  for (size_t i = 0; i < hoodPlace_.size(); ++i) {
    const int place = hoodPlace_[i];
    if (place < 0 || labelled[place]) continue;
    // Only where the area is big enough on screen to hold its name: more names as one zooms in.
    const float sidePx = std::sqrt(hoodArea_[i]) / static_cast<float>(view_.metresPerPixel);
    if (sidePx < 26 * s) continue;
    double x = 0, y = 0;
    view_.toScreen(frame_.toMercator(model.places[place].pos), x, y);
    if (x < ax || y < ay || x > ax1 || y > ay1) continue;
    auto paragraph = renderer->engine().layoutCached(model.names[place].ar, quiet);
    if (paragraph->width > sidePx * 2.2f) continue;
    map::LabelCandidate c{static_cast<float>(x),    static_cast<float>(y), 0,
                          paragraph->width + 4 * s, paragraph->height,     hoodArea_[i]};
    c.centred = true;
    candidates.push_back(c);
    labels.push_back({place, std::move(paragraph), 0.0f});
  }
  const auto placed = map::placeLabels(candidates, obstacles, {ax, ay, ax1, ay1});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  areaLabels_.clear();
  for (const map::PlacedLabel& pl : placed) {
    const Label& label = labels[pl.candidate];
    if (static_cast<size_t>(pl.candidate) >= markerLabels) {
      areaLabels_.push_back(label.place);
      // A quiet name: dark ink with a paper-coloured halo, no box.
      const ImVec2 o(pl.rect.x0 + 2 * s, pl.rect.y0);
      for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        renderer->draw(dl, *label.arabic, ImVec2(o.x + d.x * s, o.y + d.y * s),
                       IM_COL32(250, 248, 242, 170));
      renderer->draw(dl, *label.arabic, o, IM_COL32(72, 62, 50, 200));
      continue;
    }
    const map::LabelRect& r = pl.rect;
    dl->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), IM_COL32(250, 248, 242, 200), 3 * s);
    // Arabic right-aligned in the box (the reading edge), English centred under it.
    renderer->draw(dl, *label.arabic, ImVec2(r.x1 - 3 * s - label.arabic->width, r.y0 + 1 * s),
                   IM_COL32(40, 34, 26, 255));
    if (subtitles)
      dl->AddText(font, englishSize,
                  ImVec2((r.x0 + r.x1 - label.englishWidth) / 2, r.y1 - englishSize - 1 * s),
                  IM_COL32(90, 80, 66, 255), model.names[label.place].en.c_str());
  }
}

void MapPanel::drawChrome(const ViewModel& model, UiState& state, const MapArea& area) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = state.uiScale;
  const ImU32 ink = IM_COL32(60, 52, 40, 255);
  const ImU32 paper = IM_COL32(250, 248, 242, 225);

  // Buttons, top left (top right, mirrored, right to left).
  const bool rtl = arabicInterface();
  const float padX = 2 * ImGui::GetStyle().FramePadding.x;
  const float fitCityW = UiTextWidth(tr(Str::FitCity)) + padX;
  const float fitSelW = UiTextWidth(tr(Str::FitSelection)) + padX;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetCursorScreenPos(
      ImVec2(rtl ? static_cast<float>(area.x + area.width) - 8 * s - fitCityW - gap - fitSelW
                 : static_cast<float>(area.x) + 8 * s,
             static_cast<float>(area.y) + 8 * s));
  auto fitCity = [&] {
    if (UiButton(Str::FitCity) && !cityBounds_.empty())
      fitBounds(state.camera, area, frame_, cityBounds_);
  };
  auto fitSel = [&] {
    ImGui::BeginDisabled(model.findPlace(state.selectedPlace) < 0);
    if (UiButton(Str::FitSelection)) fitSelection(model, state, area);
    ImGui::EndDisabled();
  };
  if (rtl) {
    fitSel();
    ImGui::SameLine();
    fitCity();
  } else {
    fitCity();
    ImGui::SameLine();
    fitSel();
  }

  // Scale bar, bottom left (right), in ground metres at the map's centre latitude.
  const double lat = map::unproject(state.camera.centre).lat;
  const double groundPerPx = state.camera.metresPerPixel * map::groundMetresPerProjectedMetre(lat);
  const double metres = niceScaleLength(groundPerPx, 120 * s);
  const float barPx = static_cast<float>(metres / groundPerPx);
  const ImVec2 b0(rtl ? static_cast<float>(area.x + area.width) - 12 * s - barPx
                      : static_cast<float>(area.x) + 12 * s,
                  static_cast<float>(area.y + area.height) - 14 * s);
  const double value = metres >= 1000 ? metres / 1000 : metres;
  char number[32];
  std::snprintf(number, sizeof number, "%g", value);
  std::string label =
      rtl && value == std::floor(value) ? uiNumber(static_cast<long>(value)) : number;
  label.append(" ").append(tr(metres >= 1000 ? Str::Kilometres : Str::Metres));
  const ImVec2 ts(UiTextWidth(label), ImGui::GetTextLineHeight());
  dl->AddRectFilled(ImVec2(b0.x - 6 * s, b0.y - ts.y - 8 * s),
                    ImVec2(b0.x + barPx + 6 * s, b0.y + 6 * s), paper, 3 * s);
  dl->AddLine(b0, ImVec2(b0.x + barPx, b0.y), ink, 2 * s);
  dl->AddLine(ImVec2(b0.x, b0.y - 5 * s), ImVec2(b0.x, b0.y), ink, 2 * s);
  dl->AddLine(ImVec2(b0.x + barPx, b0.y - 5 * s), ImVec2(b0.x + barPx, b0.y), ink, 2 * s);
  UiDrawText(dl, ImVec2(b0.x + (barPx - ts.x) / 2, b0.y - ts.y - 5 * s), ink, label);

  // North arrow, top right (top left) (Web Mercator keeps north up).
  const ImVec2 n(
      rtl ? static_cast<float>(area.x) + 28 * s : static_cast<float>(area.x + area.width) - 28 * s,
      static_cast<float>(area.y) + 22 * s);
  dl->AddCircleFilled(ImVec2(n.x, n.y + 8 * s), 17 * s, paper);
  dl->AddTriangleFilled(ImVec2(n.x, n.y - 4 * s), ImVec2(n.x - 7 * s, n.y + 16 * s),
                        ImVec2(n.x, n.y + 11 * s), ink);
  dl->AddTriangle(ImVec2(n.x, n.y - 4 * s), ImVec2(n.x + 7 * s, n.y + 16 * s),
                  ImVec2(n.x, n.y + 11 * s), ink, 1.2f * s);
  const float nw = UiTextWidth(tr(Str::North));
  UiDrawText(dl, ImVec2(n.x - nw / 2, n.y + 17 * s), ink, tr(Str::North));

  drawLegend(state, area);

  // Outside the days the evidence covers (the reference rows and the texts' claims; the corpus's
  // dates without them), the map says so: what it shows is not known that day.
  const DayHistogram& h = model.histogram;
  std::optional<Date> first = model.firstEvidenceDay, last = model.lastEvidenceDay;
  if (!first && h.days() > 0) first = h.first;
  if (!last && h.days() > 0) last = Date::fromDays(h.first.toDays() + h.days() - 1);
  if (first && last) {
    const Date day = currentDay(model, state);
    std::string note;
    if (day > *last)
      note = std::string(tr(Str::NoEvidenceAfter)).append(" ").append(uiDate(*last));
    else if (day < *first)
      note = std::string(tr(Str::NoEvidenceBefore)).append(" ").append(uiDate(*first));
    if (!note.empty()) {
      const ImVec2 ts(UiTextWidth(note), ImGui::GetTextLineHeight());
      const float x = static_cast<float>(area.x + area.width / 2) - ts.x / 2;
      const float y = static_cast<float>(area.y) + 10 * s;
      dl->AddRectFilled(ImVec2(x - 8 * s, y - 4 * s), ImVec2(x + ts.x + 8 * s, y + ts.y + 4 * s),
                        IM_COL32(255, 244, 214, 240), 4 * s);
      UiDrawText(dl, ImVec2(x, y), IM_COL32(120, 60, 20, 255), note);
    }
  }
}

namespace {
// Rows: the heading, five rows of area swatches, two of fronts, three of the reference layer
// (when on), then the places' kinds and sizes, the Old City and the river, east Aleppo and
// unmentioned landmarks.
float legendHeight(const UiState& state) {
  const float rows = 14.2f + (state.settings.referenceLayer ? 3.0f : 0.0f);
  return ImGui::GetTextLineHeightWithSpacing() * rows +
         2 * map::style::markerRadius(20, state.uiScale) + 18 * state.uiScale;
}
}  // namespace

// The legend's box, bottom right of the map (bottom left right to left) (the collapsed button's
// corner when hidden).
map::LabelRect MapPanel::legendRect(const UiState& state, const MapArea& area) {
  const float s = state.uiScale;
  const float w = (arabicInterface() ? 300 : 262) * s, h = legendHeight(state);
  const float y1 = static_cast<float>(area.y + area.height) - 10 * s;
  if (arabicInterface()) {
    const float x0 = static_cast<float>(area.x) + 10 * s;
    return {x0, y1 - h, x0 + w, y1};
  }
  const float x1 = static_cast<float>(area.x + area.width) - 10 * s;
  return {x1 - w, y1 - h, x1, y1};
}

// Shown when the user has not closed it and it leaves most of the map free: room above it for
// the city, and no more than a fifth of the map's area (at 800×600 it collapses to a button).
bool MapPanel::legendShown(const UiState& state, const MapArea& area) {
  const map::LabelRect box = legendRect(state, area);
  const double legendArea = static_cast<double>(box.x1 - box.x0) * (box.y1 - box.y0);
  return state.settings.legendOpen && area.height >= legendHeight(state) + 160 * state.uiScale &&
         legendArea <= 0.2 * area.width * area.height;
}

void MapPanel::drawLegend(UiState& state, const MapArea& area) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = state.uiScale;
  const ImU32 ink = IM_COL32(60, 52, 40, 255);
  const ImU32 paper = IM_COL32(250, 248, 242, 225);
  // Legend, bottom right (bottom left and mirrored right to left).
  const bool rtl = arabicInterface();
  struct Entry {
    Str text;
    std::uint32_t colour;
  };
  const Entry kinds[] = {
      {Str::Neighbourhoods, map::style::markerFill(map::PlaceKind::Neighbourhood)},
      {Str::Sites, map::style::markerFill(map::PlaceKind::Site)},
      {Str::Towns, map::style::markerFill(map::PlaceKind::Town)}};
  const int sizes[] = {1, 5, 20};
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float maxR = map::style::markerRadius(20, s);
  const map::LabelRect box = legendRect(state, area);
  const ImVec2 l0(box.x0, box.y0);
  // x of something `w` wide that sits at x left to right.
  auto mx = [&](float x, float w = 0) { return rtl ? box.x0 + box.x1 - x - w : x; };
  auto rect = [&](ImVec2 a, ImVec2 b) {
    return std::pair(ImVec2(mx(b.x), a.y), ImVec2(mx(a.x), b.y));
  };
  auto textAt = [&](float x, float y, const std::string& t) {
    UiDrawText(dl, ImVec2(mx(x, UiTextWidth(t)), y), ink, t);
  };
  auto text = [&](float x, float y, Str words) { textAt(x, y, tr(words)); };
  if (!legendShown(state, area)) {
    // Collapsed (by the user, or the map is too small for it): a button that opens it.
    const float w = UiTextWidth(tr(Str::Legend));
    ImGui::SetCursorScreenPos(
        ImVec2(rtl ? box.x0 : box.x1 - w - 14 * s, box.y1 - ImGui::GetFrameHeight()));
    if (UiSmallButton(Str::Legend)) state.settings.legendOpen = true;
    return;
  }
  dl->AddRectFilled(l0, ImVec2(box.x1, box.y1), paper, 4 * s);
  ImGui::SetCursorScreenPos(
      ImVec2(rtl ? box.x0 + ImGui::GetFontSize() * 0.3f : box.x1 - ImGui::GetFontSize() * 1.6f,
             l0.y + 3 * s));
  if (ImGui::SmallButton("x##legend")) state.settings.legendOpen = false;
  float y = l0.y + 6 * s;
  // Who holds the neighbourhood areas at the timeline's date, two swatches a row.
  text(l0.x + 8 * s, y, Str::HeldBy);
  y += line;
  const float column2 = rtl ? 136 : 118;
  // A swatch at x (left to right) on the row at y, filled like an area of that style.
  auto swatch = [&](float x0, float yRow, const map::AreaStyle& st) {
    const auto [p, q] = rect(ImVec2(x0, yRow + 3 * s), ImVec2(x0 + 12 * s, yRow + line - 5 * s));
    const ImVec2 a(std::min(p.x, q.x), p.y), b(std::max(p.x, q.x), q.y);
    dl->AddRectFilled(a, b, toImU32(st.fill));
    dl->PushClipRect(a, b, true);
    if (st.dots)
      for (float dy = 2; dy < 14; dy += 4)
        for (float dx = (static_cast<int>(dy) % 8 == 2 ? 2.0f : 4.0f); dx < 14; dx += 4)
          dl->AddCircleFilled(ImVec2(a.x + dx * s, a.y + dy * s), 1.0f * s, toImU32(st.dots));
    if (st.hatch && st.pattern == map::Pattern::Stripes)
      for (float t = -12; t < 12; t += 4)  // the hatching of contested areas
        dl->AddLine(ImVec2(a.x + t * s, b.y), ImVec2(a.x + (t + 14) * s, b.y - 14 * s),
                    toImU32(st.hatch | 0xff000000u), 1.0f * s);
    if (st.hatch && st.pattern == map::Pattern::CrossHatch)
      for (float t = 2; t < 14; t += 4) {  // the grid of disputed ones
        dl->AddLine(ImVec2(a.x + t * s, a.y), ImVec2(a.x + t * s, b.y), toImU32(st.hatch),
                    1.0f * s);
        dl->AddLine(ImVec2(a.x, a.y + t * s), ImVec2(b.x, a.y + t * s), toImU32(st.hatch),
                    1.0f * s);
      }
    dl->PopClipRect();
  };
  // The areas' styles as the map draws them (map::cellStyles of one area).
  auto styleOf = [](Side side, bool disputed, bool unconfirmed) {
    map::ControlLayer one;
    ControlSummary c;
    c.side = side;
    c.unconfirmed = unconfirmed;
    c.disputed = disputed;
    one.cells.push_back(c);
    return map::cellStyles(one)[0];
  };
  const Str sideText[] = {Str::Government, Str::Opposition, Str::Kurdish, Str::Contested};
  const Side sideOf[] = {Side::Government, Side::Opposition, Side::Kurdish, Side::Contested};
  for (int k = 0; k < 4; ++k) {
    const float x0 = l0.x + (k % 2 ? column2 : 10) * s;
    swatch(x0, y, styleOf(sideOf[k], false, false));
    text(x0 + 18 * s, y, sideText[k]);
    if (k % 2) y += line;
  }
  // No evidence yet, and disputed by sources (drawn over an opposition fill).
  swatch(l0.x + 10 * s, y, styleOf(Side::Unknown, false, false));
  text(l0.x + 28 * s, y, Str::Unknown);
  swatch(l0.x + column2 * s, y, styleOf(Side::Opposition, true, false));
  text(l0.x + (column2 + 18) * s, y, Str::MapDisputedBySources);
  y += line;
  // Unconfirmed: the government's and the opposition's washed out, side by side, and the shelf
  // life under the word.
  swatch(l0.x + 10 * s, y, styleOf(Side::Government, false, true));
  swatch(l0.x + 24 * s, y, styleOf(Side::Opposition, false, true));
  text(l0.x + 42 * s, y, Str::MapUnconfirmed);
  y += line;
  const int shelf = std::max(1, state.settings.shelfLifeDays);
  const std::string note =
      withArg(Str::MapNoEvidenceFor, rtl ? daysPhrase(shelf) : uiNumber(shelf));
  UiDrawText(dl, ImVec2(mx(l0.x + 42 * s, UiTextWidth(note)), y), IM_COL32(110, 100, 86, 255),
             note);
  y += line;
  dl->AddLine(ImVec2(mx(l0.x + 10 * s), y + line / 2), ImVec2(mx(l0.x + 22 * s), y + line / 2),
              toImU32(map::style::kFrontline), 2.5f * s);
  text(l0.x + 28 * s, y, Str::Front);
  dl->AddLine(ImVec2(mx(l0.x + column2 * s), y + line / 2),
              ImVec2(mx(l0.x + (column2 + 12) * s), y + line / 2),
              toImU32(map::style::kFrontlineActive), 5.0f * s);
  text(l0.x + (column2 + 18) * s, y, Str::Fighting);
  y += line;
  // A dashed line from x0 to x1 (left to right) at the middle of the row at y.
  auto dashed = [&](float x0, float x1, float yRow, std::uint32_t colour, float width, float dash) {
    for (float x = x0; x < x1; x += 2 * dash)
      dl->AddLine(ImVec2(mx(x), yRow + line / 2),
                  ImVec2(mx(std::min(x + dash, x1)), yRow + line / 2), toImU32(colour), width);
  };
  dashed(l0.x + 8 * s, l0.x + 24 * s, y, map::style::kFrontline, 2.5f * s, 4 * s);
  text(l0.x + 28 * s, y, Str::MapFrontUnconfirmed);
  y += line;
  if (state.settings.referenceLayer) {
    // The reference layer: a band inside the edge of an area filled by the evidence (thin where
    // they agree, thick where they differ), and its front.
    auto banded = [&](float x0, Side side, float width) {
      const auto [p, q] = rect(ImVec2(x0, y + 2 * s), ImVec2(x0 + 16 * s, y + line - 4 * s));
      const ImVec2 a(std::min(p.x, q.x), p.y), b(std::max(p.x, q.x), q.y);
      dl->AddRectFilled(a, b, toImU32(map::style::kOppositionFill));
      const float h = width * s / 2;
      dl->AddRect(ImVec2(a.x + h, a.y + h), ImVec2(b.x - h, b.y - h),
                  toImU32(map::style::referenceBand(side)), 0, 0, width * s);
    };
    banded(l0.x + 8 * s, Side::Opposition, map::style::kReferenceBandPx);
    banded(l0.x + 28 * s, Side::Government, map::style::kReferenceBandDifferPx);
    text(l0.x + 50 * s, y, Str::MapReferenceEdge);
    y += line;
    const char* differs = tr(Str::MapReferenceDiffers);
    UiDrawText(dl, ImVec2(mx(l0.x + 50 * s, UiTextWidth(differs)), y), IM_COL32(110, 100, 86, 255),
               differs);
    y += line;
    dashed(l0.x + 8 * s, l0.x + 44 * s, y, map::style::kReferenceFront, 2.0f * s, 5 * s);
    text(l0.x + 50 * s, y, Str::MapReferenceFront);
    y += line;
  }
  y += line * 0.2f;
  text(l0.x + 8 * s, y, Str::PlacesByKind);
  y += line;
  // Sites and towns side by side, neighbourhoods under them.
  for (int k : {1, 2, 0}) {
    const float x0 = l0.x + (k == 2 ? column2 : 10) * s;
    dl->AddCircleFilled(ImVec2(mx(x0 + 6 * s), y + line / 2 - 2 * s), 5 * s,
                        toImU32(kinds[k].colour));
    text(x0 + 18 * s, y, kinds[k].text);
    if (k != 1) y += line;
  }
  // "Mentions" and the marker sizes beside it.
  const float mentionsW = UiTextWidth(tr(Str::Mentions));
  text(l0.x + 8 * s, y + maxR - ImGui::GetTextLineHeight() / 2, Str::Mentions);
  const float cy = y + maxR + 2 * s;
  float x = l0.x + 8 * s + mentionsW + 14 * s;
  for (int n : sizes) {
    const float r = map::style::markerRadius(n, s);
    dl->AddCircle(ImVec2(mx(x + r), cy), r, ink, 24, 1.2f * s);
    const std::string num = uiNumber(n);
    const float nw = UiTextWidth(num);
    UiDrawText(dl, ImVec2(mx(x + 2 * r + 4 * s, nw), cy - ImGui::GetTextLineHeight() / 2), ink,
               num);
    x += 2 * r + 26 * s;
  }
  y += 2 * maxR + 8 * s;
  const auto [oa, ob] =
      rect(ImVec2(l0.x + 10 * s, y + 3 * s), ImVec2(l0.x + 22 * s, y + line - 5 * s));
  dl->AddRectFilled(oa, ob, toImU32(map::style::kOldCityFill | 0xff000000u));
  text(l0.x + 28 * s, y, Str::OldCity);
  const float river = rtl ? 134 : 110;
  dl->AddLine(ImVec2(mx(l0.x + river * s), y + line / 2 - 1 * s),
              ImVec2(mx(l0.x + (river + 16) * s), y + line / 2 - 1 * s),
              toImU32(map::style::kRiver), 3 * s);
  text(l0.x + (river + 20) * s, y, Str::Queiq);
  y += line;
  const auto [ea, eb] =
      rect(ImVec2(l0.x + 10 * s, y + 3 * s), ImVec2(l0.x + 22 * s, y + line - 5 * s));
  dl->AddRect(ea, eb, toImU32(map::style::kEastAleppoOutline), 0, 0, 1.5f * s);
  text(l0.x + 28 * s, y, Str::EastAleppo);
  y += line;
  dl->AddCircleFilled(ImVec2(mx(l0.x + 16 * s), y + line / 2 - 2 * s), 3 * s,
                      toImU32(map::style::kLandmark));
  text(l0.x + 28 * s, y, Str::NotMentioned);
}

void MapPanel::draw(const ViewModel& model, UiState& state, ImVec2 size) {
  // A child window keeps the buttons drawn over the map out of the parent's layout.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("##map", size, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  drawContents(model, state, size);
  ImGui::EndChild();
}

void MapPanel::drawContents(const ViewModel& model, UiState& state, ImVec2 size) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, theme::kMapBackground);
  ImGui::InvisibleButton("##area", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  ImGui::SetItemAllowOverlap();  // the buttons drawn over the map take the mouse when on them
  auto caption = [&](Str words) {
    const char* text = tr(words);
    const ImVec2 ts(UiTextWidth(text), ImGui::GetTextLineHeight());
    UiDrawText(dl, ImVec2(p0.x + (size.x - ts.x) / 2, p0.y + (size.y - ts.y) / 2),
               IM_COL32(120, 112, 96, 255), text);
  };
  if (!model.baseMap) {
    caption(!state.loading.corpus.empty()
                ? Str::LoadingCorpus
                : (model.corpus ? Str::NoBaseMap : Str::NoCorpusOpenHint));
    return;
  }

  rebuild(model, state);
  const MapArea area{p0.x, p0.y, size.x, size.y};
  if (state.camera.metresPerPixel <= 0) fitBounds(state.camera, area, frame_, cityBounds_);
  if (state.frameSelection) {
    state.frameSelection = false;
    fitSelection(model, state, area);
  }
  handleInput(model, state, area);

  rectMin_ = p0;
  rectMax_ = p1;
  dl->PushClipRect(p0, p1, true);
  // Without GL (shaders failed, or a backend-less benchmark) everything but the GL pass runs.
  if (renderer_.ready()) {
    dl->AddCallback(&MapPanel::renderCallback, this);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  } else {
    caption(Str::ShadersFailed);
  }
  drawLabels(model, state, area);
  drawChrome(model, state, area);
  dl->PopClipRect();
}

}  // namespace atlas::ui
