// Who held each place over time, as evidence with a date, a source and a shelf life: the latest
// claims before a day decide; after kDefaultShelfLifeDays without news an area is unconfirmed;
// before its first claim it is unknown. Sources that disagree within a day or two make it
// disputed (not the same as contested by fighting).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace atlas {

enum class Side : uint8_t { Unknown, Government, Opposition, Kurdish, Contested };

const char* sideName(Side side);  // "government", "opposition", "kurdish", "contested", "unknown"
std::optional<Side> parseSide(const std::string& name);

// Where a claim comes from: enough to show and cite the sentence.
//
// Claims and their evidence VIEW their strings: the article's id, text and outlet in the corpus,
// the gazetteer's place id, the reference row's source, or string literals. A big corpus makes
// hundreds of thousands of claims, and copying each sentence took seconds and hundreds of
// megabytes. So a ControlTimeline must not outlive the corpus, gazetteer and reference rows it
// was built from (a Session keeps them together).
struct Evidence {
  std::string_view doc;     // article id, or kReferenceDoc
  int sentence = -1;        // 0-based sentence index in the article
  std::string_view text;    // the sentence (or the reference row's source)
  std::string_view outlet;  // the article's outlet, if the manifest names it
  std::string_view saidBy;  // the speaker the sentence quotes ("مصادر المعارضة"), if any
};

// What kind of statement a claim is (claims.h has the full vocabulary); kept here as a name so
// control does not depend on the text analysis.
struct ControlClaim {
  std::string_view place;
  Date date;
  Side side = Side::Unknown;  // who holds the place from that day on, per the source
  std::string_view kind;      // "captured", "held", "contested", "failed", "withdrew", "reference"
  std::optional<Side> actor;  // the side that acted
  Evidence evidence;
};

// How many days a claim keeps an area confirmed when nothing newer is said (a setting).
inline constexpr int kDefaultShelfLifeDays = 14;
// Claims from different sources this many days apart or closer that name different holders
// make a place disputed by sources.
inline constexpr int kDisputeDays = 2;

struct ControlState {
  Side side = Side::Unknown;             // the latest evidence's holder (Unknown: none yet)
  std::optional<Date> since;             // first day of this state's unbroken run
  std::optional<Date> lastEvidence;      // the latest day with evidence on or before the day
  bool unconfirmed = false;              // lastEvidence is older than the shelf life
  bool disputed = false;                 // sources within kDisputeDays name different holders
  std::vector<ControlClaim> decidedBy;   // the claims of lastEvidence's day
  std::vector<ControlClaim> disputedBy;  // claims in the dispute window naming another holder
};

// The cheap form the map asks for every area on every day.
struct ControlSummary {
  Side side = Side::Unknown;
  int lastEvidenceDay = 0;  // Date::toDays(); meaningful when side != Unknown
  bool unconfirmed = false;
  bool disputed = false;
};

class ControlTimeline {
 public:
  void addClaim(ControlClaim claim);
  // The claims of a place on a day, to append many at once (in the order addClaim would).
  std::vector<ControlClaim>& claimsOn(std::string_view place, const Date& day);

  // The state of `place` at the end of `day`, from the claims on or before it.
  ControlState at(const std::string& place, const Date& day,
                  int shelfLifeDays = kDefaultShelfLifeDays) const;
  ControlSummary summaryAt(const std::string& place, const Date& day,
                           int shelfLifeDays = kDefaultShelfLifeDays) const;
  // The side of summaryAt (the holder even when unconfirmed).
  Side sideAt(const std::string& place, const Date& day) const;

  std::vector<std::string> places() const;
  // Every claim of a place, oldest first.
  std::vector<const ControlClaim*> claimsOf(const std::string& place) const;
  // The first and last days with any claim, if there is one.
  std::optional<Date> firstDay() const;
  std::optional<Date> lastDay() const;

 private:
  std::map<std::string, std::map<Date, std::vector<ControlClaim>>, std::less<>> claims_;
};

// A place where the corpus and the reference history disagree: a claim from the texts and the
// reference's holder on that day (within kDisputeDays either way no reference row agrees).
struct Disagreement {
  std::string place;
  Date date;
  ControlClaim corpus;                  // what the text says
  Side referenceSide = Side::Unknown;   // what the reference says that day
  std::vector<ControlClaim> reference;  // the reference rows behind it
};

// Every corpus claim (not a reference row) whose holder is a known side and differs from the
// reference's, oldest first.
std::vector<Disagreement> findDisagreements(const ControlTimeline& evidence,
                                            const ControlTimeline& reference);

}  // namespace atlas
