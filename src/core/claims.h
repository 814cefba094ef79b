// What a sentence claims about who controls each place it names: the polarity (taken, still
// held, fought over, a failed or only attempted assault, a withdrawal, or no claim at all), the
// side that acts, the side that holds the place afterwards, and who said so.
//
// Each rule is one named step in claims.cpp; the case file tests/data/claims.tsv holds the
// sentences they are checked against.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/control.h"
#include "core/side_words.h"
#include "core/tokens.h"

namespace atlas {

enum class ClaimKind : uint8_t { None, Captured, Held, Contested, Failed, Withdrew };
const char* claimKindName(ClaimKind k);  // "captured", ..., "none"
std::optional<ClaimKind> parseClaimKind(const std::string& name);

// A place name in the sentence, as tokens [first, last].
struct NameSpan {
  size_t first = 0, last = 0;
  bool claimable = true;  // a neighbourhood, site or town (regions and the city carry lists only)
  // A road, bridge, roundabout or junction: after "وصولاً إلى" it marks how far an advance
  // reached, it is not itself taken ("وصولاً إلى جسر الحج").
  bool endpoint = false;
  // Inside a date expression ("2 تشرين الأول"): a month, not a place; it neither claims nor
  // stands between a verb and the places after it.
  bool inDate = false;
  // A neighbourhood: what "الحي" points back to (not a roundabout or college named after it).
  bool district = false;
};

struct PlaceClaim {
  ClaimKind kind = ClaimKind::None;
  std::optional<Side> actor;   // who took, holds, failed to take, or withdrew from the place
  std::optional<Side> holder;  // who holds it afterwards per the sentence (Contested: a front)
  // The speaker a reporting verb gives ("قالت مصادر المعارضة إن ..."): tokens [from, to), or
  // from == to when the sentence says it in its own voice.
  size_t saidByFrom = 0, saidByTo = 0;
  // Failed because only aimed at ("تهدف إلى السيطرة على", "يسعى للسيطرة"): no assault is told,
  // so the event is the fighting the sentence tells of, if any.
  bool aim = false;
  // Withdrew because the other side forced it ("أجبر الجيش المسلحين على الانسحاب"): the event is
  // the other side's taking.
  bool forced = false;
};

// What carries from sentence to sentence in one article.
struct ClaimContext {
  // The article's text, for outletStance: whose "المحررة" it is. Read only when a rule needs it
  // (a scan of the whole article; most sentences never ask).
  std::string_view articleText;
  int stance() const {
    if (!stanceKnown) stanceValue = outletStance(articleText), stanceKnown = true;
    return stanceValue;
  }
  mutable int stanceValue = 0;
  mutable bool stanceKnown = false;
  std::optional<Side> lastAgent;  // the last side that acted ("وتمكنت من السيطرة على ...")
};

class WordLookup;

// What the claim rules' word classes say of a word (Token::claim, claim2), from its forms in the
// shared table (classifyTokens); and every word of theirs with its classes (to build the table).
std::pair<uint32_t, uint32_t> claimWordCode(const WordLookup& forms);
void forEachClaimWord(const std::function<void(const std::u32string&, uint32_t, uint32_t)>& f);

// One claim per name, in the order of `names`.
void findClaims(const std::u32string& text, const std::vector<Token>& tokens,
                const std::vector<SideMention>& sides, const std::vector<NameSpan>& names,
                ClaimContext& context, std::vector<PlaceClaim>& out);

// A sentence that names no place: the side acting in it ("وشنت قوات النظام هجوماً عنيفاً فجراً")
// is the one a later sentence's subjectless taking continues.
void noteActingSide(const std::u32string& text, const std::vector<Token>& tokens,
                    const std::vector<SideMention>& sides, ClaimContext& context);

}  // namespace atlas
