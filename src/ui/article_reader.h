// The article reader: a whole article in shaped Arabic, opened at a sentence (scrolled to it and
// tinted), every place mention highlighted; clicking a mention selects its place on the map.
#pragma once

#include <imgui.h>

#include <string_view>
#include <utility>
#include <vector>

#include "ui/ui_state.h"

namespace atlas::ui {

// Whether an article is open (state.article.doc names an article of the model's corpus).
bool articleReaderOpen(const ViewModel& model, const UiState& state);

// Draws the reader as a child region of `size` at the cursor (beside the map) while an article
// is open; its close button clears state.article.
void drawArticleReader(const ViewModel& model, UiState& state, ImVec2 size);

// The blocks the reader lays out: the article's lines, with lines longer than `maxBytes` cut at
// the last space (or UTF-8 character boundary) before the limit, so one huge line never becomes
// one huge paragraph. Byte ranges [begin, end) into `text`, without the line ends.
std::vector<std::pair<size_t, size_t>> readerBlocks(std::string_view text, size_t maxBytes);

}  // namespace atlas::ui
