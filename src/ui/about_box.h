// Help > About: what the app is, and the credits the data's licences ask for.
#pragma once

namespace atlas::ui {

// Opens the About window when `open` is true; draws it while it is open.
void drawAboutBox(bool open);

// The credit line for the neighbourhood boundaries (also in the README and the shipped
// assets/LICENSE-neighbourhoods).
inline constexpr const char* kNeighbourhoodCredit =
    "Neighbourhood boundaries: Conflict Urbanism: Aleppo, Columbia Center for Spatial Research "
    "(CenterForSpatialResearch/aleppo_test), MIT licence.";

}  // namespace atlas::ui
