// What happened, and who did it, in the sentence around a place mention: event types in ACLED's
// vocabulary, actors, fatality figures, frontline language, and claims of who took a place.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/control.h"
#include "core/tokens.h"

namespace atlas {

enum class EventType {
  Other,
  Clashes,           // ACLED: Battles / Armed clash
  TerritoryTaken,    // ACLED: Battles / Government regains or Non-state actor overtakes territory
  TerritoryRetaken,  // the same, taken back
  AttackRepelled,    // ACLED: Battles / Armed clash (an attack that failed)
  AirStrike,         // ACLED: Explosions/Remote violence / Air/drone strike
  Shelling,          // ACLED: Explosions/Remote violence / Shelling/artillery/missile attack
  Casualties         // killings reported without a kind of attack
};
const char* eventTypeName(EventType t);  // "territory_taken", ...
const char* acledEventType(EventType t);
const char* acledSubEventType(EventType t, uint32_t actors);

// Actors, as bits.
enum Actor : uint32_t {
  kGovernment = 1,  // Syrian government forces and allied militias
  kOpposition = 2,  // armed opposition
  kRussianAirForce = 4,
  kKurdish = 8,  // YPG / SDF
  kCivilians = 16,
};
std::string actorNames(uint32_t actors);  // "government|opposition"
const char* actorLongName(Actor a);       // "Military Forces of Syria (2000-) and allies", ...

struct SentenceEvents {
  struct Keyword {
    size_t token;
    EventType type;
  };
  struct ActorHit {
    size_t token;
    Actor actor;
    bool object;  // "من عناصر الأسد", "على قوات النظام": acted upon, not acting
  };
  std::vector<Keyword> keywords;  // in text order; relative-clause "taken" verbs left out
  std::vector<ActorHit> actors;
  std::vector<size_t> frontWords;  // "جبهة", "محور", "خطوط التماس", "حافات"
  std::vector<size_t> clauseBreaks;  // tokens that start a new clause (after "،" / "؛")
  std::optional<long> fatalities;    // the largest killed count the sentence gives
};

SentenceEvents analyseSentence(const std::u32string& text, const std::vector<Token>& tokens);
// The same into `out`, reusing its storage (the pipeline's per-thread scratch).
void analyseSentence(const std::u32string& text, const std::vector<Token>& tokens,
                     SentenceEvents& out);

// Calls `f` with every word that makes the analysis note a token (for classifyTokens).
void forEachEventWord(const std::function<void(const std::u32string&)>& f);

struct MentionEvent {
  EventType type = EventType::Other;
  uint32_t actors = 0;
  std::optional<long> fatalities;
  bool frontline = false;
  std::optional<Side> claim;  // who holds the place from the mention's date, per this sentence
  std::optional<Side> taker;  // the side that took it (the claim for a whole place)
  bool partial = false;  // "أجزاء من حي القاطرجي": the claim covers part of the place
};

// The event around the name that occupies tokens [first, last] of the sentence. `previousClaim`
// is the token of the last name in the sentence that got a claim (or -1): names listed after it
// share its verb ("على أحياء الميسر وكرم الطحان وأجزاء من حي القاطرجي").
MentionEvent eventForMention(const std::u32string& text, const std::vector<Token>& tokens,
                             const SentenceEvents& events, size_t first, long previousClaim);

}  // namespace atlas
