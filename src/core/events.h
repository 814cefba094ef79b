// What happened, and who did it, in the sentence around a place mention: event types in ACLED's
// vocabulary, actors, fatality figures, frontline language, and claims of who took a place.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/claims.h"
#include "core/control.h"
#include "core/side_words.h"
#include "core/tokens.h"

namespace atlas {

enum class EventType : uint8_t {
  Other,
  Clashes,         // ACLED: Battles / Armed clash
  TerritoryTaken,  // ACLED: Battles / Government regains or Non-state actor overtakes territory
  AttackRepelled,  // ACLED: Battles / Armed clash (an attack that failed)
  AirStrike,       // ACLED: Explosions/Remote violence / Air/drone strike
  Shelling,        // ACLED: Explosions/Remote violence / Shelling/artillery/missile attack
  Casualties       // killings reported without a kind of attack
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
    bool battle = false;  // a battle's noun ("اشتباكات", "معارك"), not an advance ("تقدم")
    // An air strike only because an aircraft word stands near ("قصف" or "استهدف" beside
    // "الطيران"): without it, a shelling (shellingWord) or nothing.
    bool airByNeighbour = false, shellingWord = false;
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
  bool strategic = false;    // "تحاصر", "هدنة", "اعتقلت": a strategic development
  bool rebelWeapon = false;  // "مدفع جهنم", "صواريخ الفيل": the opposition fired
  std::vector<size_t> carBombs;  // "مفخخة", "انتحارية", "الانغماسيين": an assault opens
  // "طائرات سورية": tokens of "سورية" naming the government's air force (see syrianAircraftAt);
  // found by findSyrianAircraft, only in sentences with an air strike.
  std::vector<size_t> syrianAircraft;
};

// Fills events.syrianAircraft (empty unless the sentence has an air-strike keyword).
void findSyrianAircraft(const std::u32string& text, const std::vector<Token>& tokens,
                        SentenceEvents& events);

SentenceEvents analyseSentence(const std::u32string& text, const std::vector<Token>& tokens);

// "طائرات سورية وروسية": token `t` is "سورية"/"السوري" up to three words after an aircraft
// word, so it names the government's air force ("السورية" alone names no side).
bool syrianAircraftAt(const std::u32string& text, const std::vector<Token>& tokens, size_t t);

// An aircraft word ("الطائرات", "الجوية", "غارات"), folded.
bool isAircraftWord(std::u32string_view word);
// The same into `out`, reusing its storage (the pipeline's per-thread scratch).
void analyseSentence(const std::u32string& text, const std::vector<Token>& tokens,
                     SentenceEvents& out);

// Calls `f` with every word that makes the analysis note a token (for classifyTokens).
void forEachEventWord(const std::function<void(const std::u32string&)>& f);

class WordLookup;

// What the event lists say of a word (Token::trigger), from its forms in the shared table
// (classifyTokens); and every word of theirs with what they say of it (to build the table).
uint16_t triggerWordCode(const WordLookup& forms);
void forEachTriggerWord(const std::function<void(const std::u32string&, uint16_t)>& f);

struct MentionEvent {
  EventType type = EventType::Other;
  uint32_t actors = 0;  // every side the sentence names
  uint32_t actor1 = 0;  // the side that did it (one bit), 0 if the sentence does not say
  std::optional<long> fatalities;
  bool frontline = false;
};

// What the sentence says happened at the name that occupies tokens [first, last], given the
// claim the sentence makes about that place (claims.h) and the sides it names. A taking is
// territory_taken and a failed assault attack_repelled, both done by the side that acted; air
// strikes are the government's or Russia's, shelling is the side that fired (else the enemy of
// the outlet, which reports the other side's shells), never the victims.
// `reachedBy`: for a road, bridge or roundabout after "وصولاً إلى", the claim of the advance
// that reached it (the list's last place taken or fought over), else null: the front is there.
MentionEvent eventForMention(const std::u32string& text, const std::vector<Token>& tokens,
                             const SentenceEvents& events, const std::vector<SideMention>& sides,
                             size_t first, const PlaceClaim& claim, const ClaimContext& context,
                             const PlaceClaim* reachedBy = nullptr);

}  // namespace atlas
