// Colours shared by the views. The GUI tests probe for some of them (tests/gui).
#pragma once

#include <imgui.h>

namespace atlas::ui::theme {

inline constexpr ImU32 kMapBackground = IM_COL32(233, 228, 216, 255);  // parchment
inline constexpr ImU32 kStatusBarBackground = IM_COL32(38, 50, 66, 255);
inline constexpr ImU32 kStatusBarText = IM_COL32(230, 234, 240, 255);

// Applies the app's style on top of ImGui's light theme, scaled for the display.
void apply(float contentScale);

}  // namespace atlas::ui::theme
