// Who held each place over time: a baseline, changed by dated "taken" / "retaken" claims, each
// traceable to the sentence that made it. Same-day claims that disagree make the place contested
// and both are kept.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace atlas {

enum class Side { Unknown, Government, Opposition, Kurdish, Contested };

const char* sideName(Side side);  // "government", "opposition", "kurdish", "contested", "unknown"
std::optional<Side> parseSide(const std::string& name);

// Where a claim comes from: enough to show and cite the sentence.
struct Evidence {
  std::string doc;    // article id
  int sentence = -1;  // 0-based sentence index in the article
  std::string text;   // the sentence, for display and export
};

struct ControlClaim {
  std::string place;
  Date date;
  Side side = Side::Unknown;  // who holds the place from that day on, per the source
  Evidence evidence;
};

struct ControlState {
  Side side = Side::Unknown;
  std::optional<Date> since;            // first day of this state; empty: the baseline
  std::vector<ControlClaim> decidedBy;  // the claims of that day (two or more: contested)
};

class ControlTimeline {
 public:
  // Who held `place` on the baseline date (before any claim applies).
  void setBaseline(const std::string& place, Side side);
  void addClaim(ControlClaim claim);

  // The state of `place` at the end of `day`: the latest day with claims on or before `day`
  // decides; claims of that day that name different sides make it Contested.
  ControlState at(const std::string& place, const Date& day) const;
  // The side of at(place, day) without copying the evidence (the map asks this every day).
  Side sideAt(const std::string& place, const Date& day) const;

  std::vector<std::string> places() const;

 private:
  std::map<std::string, Side> baseline_;
  std::map<std::string, std::map<Date, std::vector<ControlClaim>>> claims_;
};

}  // namespace atlas
