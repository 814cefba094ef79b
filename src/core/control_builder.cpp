#include "core/control_builder.h"

#include <cctype>
#include <regex>

namespace atlas {

namespace {

Side sideOfCode(const std::string& text) {
  std::string code;
  for (char c : text) {
    if (c == ' ' || c == '(' || c == ',' || c == ';') break;
    code += c;
  }
  if (code == "OPP") return Side::Opposition;
  if (code == "GOV") return Side::Government;
  if (code == "YPG/SDF") return Side::Kurdish;
  if (code == "CONTESTED" || code == "SPLIT" || code == "FRONT" || code == "DIVIDED" ||
      code == "SDF/contested" || code == "GOV/YPG" || code == "GOV/SDF")
    return Side::Contested;
  return Side::Unknown;
}

// The first "D Mon" (or "D–D Mon") date in the text, in 2016.
std::optional<Date> firstDate(std::string text) {
  // std::regex works on bytes: turn the en dash of ranges ("4–5 Dec") into a hyphen first.
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u2013") == 0) {
      plain += '-';
      i += 2;
    } else {
      plain += text[i];
    }
  }
  text.swap(plain);
  static const std::regex re(R"((\d{1,2})(?:\s*-\s*\d{1,2})?\s+(Jul|Aug|Sep|Oct|Nov|Dec))");
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  const char* months[] = {"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int month = 0;
  for (int i = 0; i < 6; ++i)
    if (m[2] == months[i]) month = 7 + i;
  const int day = std::stoi(m[1]);
  if (!isValidDate(2016, month, day)) return std::nullopt;
  return Date{2016, month, day};
}

}  // namespace

ReferenceControl parseReferenceControl(const Place& place) {
  ReferenceControl r;
  const Side october = sideOfCode(place.control201610);
  const Side december = sideOfCode(place.control201612);
  r.baseline = october;
  // "GOV (retaken 4 Sep 2016)": held by the other side on 1 September, changed that day.
  if (auto d = firstDate(place.control201610);
      d && *d > kControlBaselineDate &&
      (october == Side::Government || october == Side::Opposition)) {
    const bool taken = place.control201610.find("taken") != std::string::npos ||
                       place.control201610.find("(2") != std::string::npos ||
                       place.control201610.find("(1") != std::string::npos;
    if (taken && d->month <= 10) {
      r.baseline = october == Side::Government ? Side::Opposition : Side::Government;
      r.changes.push_back({*d, october});
    }
  }
  // "GOV (28 Nov)": the December side from the date given.
  if (december != Side::Unknown && december != october)
    if (auto d = firstDate(place.control201612); d && d->month >= 10)
      r.changes.push_back({*d, december});
  return r;
}

ControlTimeline buildControlTimeline(const Gazetteer& gazetteer, const Corpus& corpus,
                                     const ExtractionResult& extraction) {
  ControlTimeline t;
  for (const Place& p : gazetteer.places) {
    if (p.kind != PlaceKind::Neighbourhood && p.kind != PlaceKind::Site &&
        p.kind != PlaceKind::Town)
      continue;
    const ReferenceControl ref = parseReferenceControl(p);
    t.setBaseline(p.id, ref.baseline);
    for (const auto& [date, side] : ref.changes)
      t.addClaim({p.id,
                  date,
                  side,
                  {"reference", -1,
                   "shared/reference/aleppo_places.csv: " +
                       (date.month >= 11 ? p.control201612 : p.control201610)}});
  }
  for (const Mention& m : extraction.mentions) {
    if (!m.claim || m.place < 0 || !m.date) continue;
    const Article& a = corpus.articles[m.doc];
    t.addClaim(
        {gazetteer.places[m.place].id,
         *m.date,
         *m.claim,
         {a.id, m.sentence, a.text.substr(m.sentenceStart, m.sentenceEnd - m.sentenceStart)}});
  }
  return t;
}

}  // namespace atlas
