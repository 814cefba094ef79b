// Reads `extract --format jsonl` output back into an ExtractionResult (`--mentions FILE`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/corpus.h"
#include "core/diagnostic.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

struct MentionsLoadResult {
  std::optional<ExtractionResult> extraction;  // empty when the file cannot be used at all
  Diagnostics diagnostics;  // bad lines (file and line), records naming unknown docs/places
  std::string error;        // why, when empty (one line naming the file)
};

// Reads `extract --format jsonl` output (default fields, or any --fields that include the ones
// a Mention needs; otherwise an error naming the missing fields) back into an ExtractionResult
// for `corpus` and `gazetteer`: mentions in (doc, start) order, sentenceCount per article.
MentionsLoadResult loadMentions(const std::filesystem::path& path, const Corpus& corpus,
                                const Gazetteer& gazetteer);

}  // namespace atlas
