// One piece of control evidence as the source panel and the disagreements list show it: the kind
// of claim and the side that acted, the outlet and the day, the speaker the sentence quotes, and
// the sentence with the place (and the speaker) highlighted; a reference row shows its source
// address and note instead. Everything is in the interface's language and direction.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/control.h"
#include "ui/ui_state.h"

namespace atlas::ui {

// The colour a side is drawn in (text and card tints).
ImU32 sideColour(Side side);

std::string uiClaimKind(const std::string& kind);  // "captured" → "Captured" / "سيطرة"
std::string uiDays(long n);     // "1 day", "19 days" / "يوم واحد", "١٩ يوما"
std::string uiDaysAgo(long n);  // "today", "3 days ago" / "اليوم", "قبل ٣ أيام"
// "Captured by Opposition" (the kind and the side that acted; the holder when it is not the
// actor), in the interface's language.
std::string claimSummary(const ControlClaim& claim);

// The mention a text claim came from (its place in its sentence), or -1.
int mentionOfClaim(const ViewModel& model, const ControlClaim& claim);

// Words and data on lines of at most `width` pixels in the interface's direction: ImGui text
// when its font has every character (English), shaped otherwise (right-aligned in Arabic).
// `ownDirection`: the text's own (a note or an address in English stays left to right in the
// Arabic interface).
void drawInfoText(std::string_view text, float width, ImU32 colour = 0, bool ownDirection = false);

struct ClaimViewResult {
  UiState::Rect card;      // the whole block on screen
  UiState::Rect sentence;  // the sentence (empty for reference rows)
  std::string speaker;     // the speaker line drawn, if any
  bool clicked = false;    // the sentence was clicked (its article was opened in the reader)
};

struct ClaimViewOptions {
  float width = 0;          // 0: the available width
  bool summary = true;      // the kind / actor line
  bool openArticle = true;  // a click on the sentence opens the article in the reader
};

// Draws `claim` as a block tinted by the holder's colour. Needs a unique ID on the stack.
ClaimViewResult drawClaim(const ViewModel& model, UiState& state, const ControlClaim& claim,
                          const ClaimViewOptions& options = {});

}  // namespace atlas::ui
