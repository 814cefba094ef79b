// The corpus's articles as a table: title and outlet (shaped Arabic), publication date and the
// number of place mentions; sorted by a click on a column header, optionally only the articles
// published inside the timeline's window. A click on a row opens the article in the reader.
#pragma once

#include <array>
#include <vector>

#include "ui/ui_state.h"

namespace atlas::ui {

// Draws the heading, the "timeline's window only" checkbox and the table (`tableHeight` pixels
// high, scrolling inside; only the visible rows are laid out).
void drawArticlesPanel(const ViewModel& model, UiState& state, float tableHeight);

// What the panel drew in the last frame, for tests (the panel writes it, nothing reads it).
struct ArticlesPanelProbe {
  enum Column { Title, Outlet, Published, Mentions, ColumnCount };
  std::vector<int> order;  // every listed article (index into corpus->articles), top to bottom
  struct Row {
    int doc = -1;
    UiState::Rect rect;  // the row on screen
  };
  std::vector<Row> rows;  // the rows drawn (those scrolled into view)
  std::array<UiState::Rect, ColumnCount> headers{};
  UiState::Rect inWindowCheckbox;
};
const ArticlesPanelProbe& articlesPanelProbe();

}  // namespace atlas::ui
