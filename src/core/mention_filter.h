// What the user chose to see: mentions by event type, actor, outlet and date precision. Pure
// data and a predicate, so the map, the timeline and the source panel agree on what passes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/extraction.h"

namespace atlas {

inline constexpr int kEventTypeCount = 8;  // EventType::Other .. Casualties
inline constexpr int kDatePrecisionCount = 7;

struct MentionFilter {
  std::uint32_t eventTypes = (1u << kEventTypeCount) - 1;  // bit per EventType
  std::uint32_t actors = 0;  // Actor bits; 0: any (else a mention needs one of them)
  std::uint32_t precisions = (1u << kDatePrecisionCount) - 1;  // bit per DatePrecision
  std::vector<std::string> hiddenOutlets;                      // sorted; "" is the unknown outlet

  bool active() const { return *this != MentionFilter{}; }
  bool passes(const Mention& m, const Article& a) const;
  bool outletShown(const std::string& outlet) const;
  void setOutletShown(const std::string& outlet, bool shown);
  bool operator==(const MentionFilter&) const = default;
};

// The distinct outlets of a corpus, sorted ("" for articles without one).
std::vector<std::string> corpusOutlets(const Corpus& corpus);

// Place search: true if `query` is part of `name` once both are folded the way the matcher folds
// Arabic (hamza forms, taa marbuta, alef maqsura, tashkeel, tatweel) and Latin is lower-cased.
// Spaces and hyphens are ignored, so "sheikh saeed", "Sheikh-Saeed" and "الشيخ سعيد" all find it.
bool nameMatchesQuery(const std::string& name, const std::u32string& foldedQuery);
std::u32string foldQuery(const std::string& query);

}  // namespace atlas
