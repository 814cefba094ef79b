// Colours and sizes of the map. One place, so the legend and the renderer agree.
#pragma once

#include <cmath>
#include <cstdint>

#include "core/control.h"
#include "map/map_places.h"

namespace atlas::map::style {

// 0xAABBGGRR, the byte order GL reads from a uint32 as RGBA8 on little-endian machines.
constexpr std::uint32_t rgba(int r, int g, int b, int a = 255) {
  return static_cast<std::uint32_t>(r) | static_cast<std::uint32_t>(g) << 8 |
         static_cast<std::uint32_t>(b) << 16 | static_cast<std::uint32_t>(a) << 24;
}

inline constexpr std::uint32_t kCityExtentFill = rgba(221, 214, 198);
inline constexpr std::uint32_t kCellFill = rgba(214, 206, 188);
inline constexpr std::uint32_t kCellFillAlt = rgba(206, 198, 180);
inline constexpr std::uint32_t kCellBorder = rgba(246, 243, 236, 230);
inline constexpr std::uint32_t kCityExtentOutline = rgba(150, 138, 116);
inline constexpr std::uint32_t kOldCityFill = rgba(196, 170, 130, 50);
inline constexpr std::uint32_t kOldCityOutline = rgba(140, 106, 62);
inline constexpr std::uint32_t kRiver = rgba(84, 140, 196);
inline constexpr std::uint32_t kMarkerStroke = rgba(255, 255, 255);
inline constexpr std::uint32_t kSelection = rgba(230, 60, 40);
inline constexpr std::uint32_t kLandmark = rgba(120, 112, 100);
inline constexpr std::uint32_t kEastAleppoFill = rgba(120, 90, 160, 46);
inline constexpr std::uint32_t kEastAleppoOutline = rgba(120, 90, 160, 220);

// Areas of control: muted so markers and labels stay readable over them.
inline constexpr std::uint32_t kGovernmentFill = rgba(222, 170, 160);
inline constexpr std::uint32_t kOppositionFill = rgba(170, 204, 160);
inline constexpr std::uint32_t kKurdishFill = rgba(226, 210, 140);
inline constexpr std::uint32_t kContestedFill = rgba(214, 200, 222);
inline constexpr std::uint32_t kContestedHatch = rgba(130, 90, 160, 200);
// No evidence yet: a neutral grey that guesses no side.
inline constexpr std::uint32_t kUnknownFill = rgba(205, 205, 205);
// Sources within kDisputeDays name different holders: an upright grid in a colour no side uses.
inline constexpr std::uint32_t kDisputedHatch = rgba(0, 112, 128, 220);
inline constexpr std::uint32_t kFrontline = rgba(90, 40, 30, 230);
inline constexpr std::uint32_t kFrontlineActive = rgba(255, 128, 0, 255);  // not the selection red
// The front beside an unconfirmed area is dashed (the last evidence put it there).
inline constexpr float kUnconfirmedFrontDashPx = 5.0f;
// Unconfirmed areas: the fill washed towards this paper grey by this much, with a stipple of
// the side's own colour.
inline constexpr std::uint32_t kWashTowards = rgba(240, 238, 234);
inline constexpr float kWash = 0.62f;
// The reference layer: a band inside each area's border in the reference side's strong colour,
// and the reference front dashed.
inline constexpr float kReferenceBandPx = 2.0f;
inline constexpr float kReferenceBandDifferPx = 4.0f;  // where the evidence names another side
inline constexpr std::uint32_t kReferenceFront = rgba(34, 44, 110, 235);
inline constexpr float kReferenceFrontDashPx = 7.0f;

// The reference layer's band colour for a side (0: none, for unknown).
inline std::uint32_t referenceBand(Side side) {
  switch (side) {
    case Side::Government:
      return rgba(212, 112, 96);
    case Side::Opposition:
      return rgba(96, 164, 98);
    case Side::Kurdish:
      return rgba(204, 166, 48);
    case Side::Contested:
      return rgba(148, 112, 186);
    case Side::Unknown:
      break;
  }
  return 0;
}

// `c` moved `t` of the way towards `to` (opaque).
inline std::uint32_t mixColour(std::uint32_t c, std::uint32_t to, float t) {
  auto ch = [&](int shift) {
    const float a = static_cast<float>(c >> shift & 0xff),
                b = static_cast<float>(to >> shift & 0xff);
    return static_cast<int>(a + (b - a) * t + 0.5f);
  };
  return rgba(ch(0), ch(8), ch(16));
}

// The fill of a neighbourhood area by who holds it; `alt` darkens it a little so neighbouring
// areas of one side stay distinguishable.
inline std::uint32_t sideFill(Side side, bool alt) {
  std::uint32_t c = kCellFill;
  switch (side) {
    case Side::Government:
      c = kGovernmentFill;
      break;
    case Side::Opposition:
      c = kOppositionFill;
      break;
    case Side::Kurdish:
      c = kKurdishFill;
      break;
    case Side::Contested:
      c = kContestedFill;
      break;
    case Side::Unknown:
      c = kUnknownFill;
      break;
  }
  if (!alt) return c;
  auto darker = [](std::uint32_t v) { return v * 94 / 100; };
  return rgba(static_cast<int>(darker(c & 0xff)), static_cast<int>(darker(c >> 8 & 0xff)),
              static_cast<int>(darker(c >> 16 & 0xff)));
}

// An unconfirmed area's fill: its side's colour washed out (lighter, greyer).
inline std::uint32_t unconfirmedFill(Side side, bool alt) {
  return mixColour(sideFill(side, alt), kWashTowards, kWash);
}
// The stipple over an unconfirmed area: its side's colour, a little stronger than the fill.
inline std::uint32_t unconfirmedDots(Side side) {
  return (mixColour(sideFill(side, false), rgba(0, 0, 0), 0.12f) & 0x00ffffffu) | 0xff000000u;
}

inline std::uint32_t markerFill(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::Neighbourhood:
      return rgba(37, 99, 160);  // blue
    case PlaceKind::Site:
      return rgba(196, 112, 20);  // amber
    case PlaceKind::Town:
      return rgba(46, 125, 80);  // green
    default:
      return rgba(120, 90, 160);  // violet: areas
  }
}

// Marker radius in pixels: area proportional to the number of mentions, clamped so one place
// cannot cover the city and a single mention stays visible.
inline float markerRadius(int mentions, float uiScale) {
  const float r = 4.0f + 2.6f * std::sqrt(static_cast<float>(mentions > 0 ? mentions : 0));
  return (r > 22.0f ? 22.0f : r) * uiScale;
}

}  // namespace atlas::map::style
