#include "core/mention_record.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

namespace atlas {

namespace json_text {

namespace {

// The length of the UTF-8 sequence at p when it is well formed (Unicode's table 3-7), else
// the length of its maximal valid prefix (at least 1) with ok = false: nlohmann's decoder
// rejects at the first byte that cannot continue the sequence and reads that byte again.
size_t sequenceAt(const unsigned char* p, const unsigned char* end, bool& ok) {
  const unsigned b0 = p[0];
  size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the next byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    ok = false;
    return 1;
  }
  size_t i = 1;
  for (; i < len && p + i < end && p[i] >= lo && p[i] <= hi; ++i) lo = 0x80, hi = 0xBF;
  ok = i == len;
  return i;
}

// Appends the escape of an ASCII byte that JSON does not allow raw.
void appendEscape(std::string& out, unsigned char b) {
  switch (b) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";  // nlohmann: "\\u%04x"
      const char esc[6] = {'\\', 'u', '0', '0', kHex[b >> 4], kHex[b & 15]};
      out.append(esc, 6);
    }
  }
}

bool needsEscape(unsigned char b) { return b < 0x20 || b == '"' || b == '\\'; }

// Whether any of 8 bytes is below 0x20, '"' or '\\' (the classic "has a byte less than n" and
// "has a zero byte" tests: exact for the word as a whole).
bool wordNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto hasZero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  return (((w - kOnes * 0x20) & ~w & kHighs) | hasZero(w ^ (kOnes * '"')) |
          hasZero(w ^ (kOnes * '\\'))) != 0;
}

// Valid UTF-8 (nearly every string): only ASCII specials change, found 8 bytes at a time.
void appendValid(std::string& out, std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t run = 0, i = 0;
  auto escapeAt = [&](size_t at) {
    out.append(p + run, at - run);
    appendEscape(out, static_cast<unsigned char>(p[at]));
    run = at + 1;
  };
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (wordNeedsEscape(w)) {
      for (const size_t end = i + 8; i < end; ++i)
        if (needsEscape(static_cast<unsigned char>(p[i]))) escapeAt(i);
    } else {
      i += 8;
    }
  }
  for (; i < n; ++i)
    if (needsEscape(static_cast<unsigned char>(p[i]))) escapeAt(i);
  out.append(p + run, n - run);
}

// Ill-formed UTF-8 (a .txt article with stray bytes): each maximal invalid subpart as U+FFFD.
void appendRepaired(std::string& out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  const auto* run = p;  // the start of bytes copied as they are
  auto flush = [&] {
    out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
  };
  while (p < end) {
    const unsigned b = *p;
    if (b >= 0x80) {
      bool ok = false;
      const size_t n = sequenceAt(p, end, ok);
      if (!ok) {
        flush();
        out += "\xEF\xBF\xBD";
        run = p + n;
      }
      p += n;
      continue;
    }
    if (needsEscape(static_cast<unsigned char>(b))) {
      flush();
      appendEscape(out, static_cast<unsigned char>(b));
      run = p + 1;
    }
    ++p;
  }
  flush();
}

}  // namespace

void appendValidString(std::string& out, std::string_view s) {
  out.push_back('"');
  appendValid(out, s);
  out.push_back('"');
}

void appendString(std::string& out, std::string_view s) {
  out.push_back('"');
  if (simdjson::validate_utf8(s.data(), s.size()))
    appendValid(out, s);
  else
    appendRepaired(out, s);
  out.push_back('"');
}

void appendDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0) {
    out += std::signbit(v) ? "-0.0" : "0.0";
    return;
  }
  // The shortest digits that round-trip, then placed as nlohmann's format_buffer places them
  // (its limits for double: plain notation while -4 < n <= 15, n the decimal point's position).
  char sci[40];
  const char* sciEnd = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific).ptr;
  const char* p = sci;
  if (*p == '-') {
    out.push_back('-');
    ++p;
  }
  char digits[24];
  int k = 0;
  for (; p < sciEnd && *p != 'e'; ++p)
    if (*p != '.') digits[k++] = *p;
  int exponent = 0;
  std::from_chars(p + 1 + (p[1] == '+'), sciEnd, exponent);
  const int n = exponent + 1;
  if (k <= n && n <= 15) {
    out.append(digits, static_cast<size_t>(k));
    out.append(static_cast<size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= 15) {
    out.append(digits, static_cast<size_t>(n));
    out.push_back('.');
    out.append(digits + n, static_cast<size_t>(k - n));
  } else if (-4 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out.append(digits, static_cast<size_t>(k));
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits + 1, static_cast<size_t>(k - 1));
    }
    out.push_back('e');
    int e = n - 1;
    out.push_back(e < 0 ? '-' : '+');
    e = std::abs(e);
    if (e < 10) out.push_back('0');  // at least two exponent digits
    char buf[8];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, e).ptr);
  }
}

}  // namespace json_text

// The writers' internals, named (not anonymous) because MentionField, declared in the header,
// holds pointers to functions of them.
namespace records {

// "YYYY-MM-DD" without snprintf; Date::iso for years it would not write in four digits.
void appendIso(std::string& s, const Date& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    s += d.iso();
    return;
  }
  const char iso[10] = {static_cast<char>('0' + d.year / 1000),
                        static_cast<char>('0' + d.year / 100 % 10),
                        static_cast<char>('0' + d.year / 10 % 10),
                        static_cast<char>('0' + d.year % 10),
                        '-',
                        static_cast<char>('0' + d.month / 10),
                        static_cast<char>('0' + d.month % 10),
                        '-',
                        static_cast<char>('0' + d.day / 10),
                        static_cast<char>('0' + d.day % 10)};
  s.append(iso, sizeof iso);
}

// Bytes of an article's text, and whether they are known to be valid UTF-8 (JSON then writes
// them without checking them again).
struct ArticleSlice {
  std::string_view bytes;
  bool valid = false;
};

// What a field's value is made from.
struct Rec {
  const Gazetteer& g;
  const Article& a;
  const Mention& m;
  const Place* p;  // null when ambiguous

  // Offsets come from the pipeline; clamped so that a bad one cannot read past the text.
  ArticleSlice slice(uint32_t begin, uint32_t end) const {
    const size_t size = a.text.size();
    const size_t b = std::min<size_t>(begin, size);
    const size_t e = std::max<size_t>(std::min<size_t>(end, size), b);
    // A piece of a valid UTF-8 text is valid when it neither starts nor ends inside a
    // character: two bytes to look at instead of the whole sentence.
    auto starts = [&](size_t at) {
      return at == size || (static_cast<unsigned char>(a.text[at]) & 0xC0) != 0x80;
    };
    return {std::string_view(a.text).substr(b, e - b), a.validUtf8 && starts(b) && starts(e)};
  }
  bool onMap() const { return p && p->onMap(); }
};

// JSON values. `indent` < 0 writes arrays compact (JSON Lines); otherwise it is the number of
// spaces before each element, as nlohmann's dump(1) indents them inside a GeoJSON feature.
struct JsonOut {
  std::string& s;
  int indent = -1;
  int elements = 0;

  void null() { s += "null"; }
  void boolean(bool b) { s += b ? "true" : "false"; }
  void integer(long long v) {
    char buf[24];
    s.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  }
  void number(double v) { json_text::appendDouble(s, v); }
  void string(std::string_view v) { json_text::appendString(s, v); }
  void string(ArticleSlice v) {
    if (v.valid)
      json_text::appendValidString(s, v.bytes);
    else
      json_text::appendString(s, v.bytes);
  }
  void date(const Date& d) {
    s.push_back('"');
    appendIso(s, d);
    s.push_back('"');
  }
  void beginArray() {
    elements = 0;
    if (indent < 0) s.push_back('[');
  }
  void element(std::string_view v) {
    if (indent < 0) {
      if (elements) s.push_back(',');
    } else {
      s += elements ? ",\n" : "[\n";
      s.append(static_cast<size_t>(indent), ' ');
    }
    ++elements;
    string(v);
  }
  void endArray() {
    if (indent < 0) {
      s.push_back(']');
    } else if (!elements) {
      s += "[]";  // nlohmann writes an empty array on one line
    } else {
      s.push_back('\n');
      s.append(static_cast<size_t>(indent - 1), ' ');
      s.push_back(']');
    }
  }
};

// CSV cells as the old writer made them from its JSON values: null is empty, strings are the
// article's bytes (quoted when they hold , " CR or LF), arrays are joined by '|', numbers and
// booleans as in JSON.
struct CsvOut {
  std::string& s;
  std::string& scratch;  // an array's joined elements, or the text of a joined cell
  int elements = 0;

  void null() {}
  void boolean(bool b) { s += b ? "true" : "false"; }
  void integer(long long v) {
    char buf[24];
    s.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  }
  void number(double v) { json_text::appendDouble(s, v); }
  void string(ArticleSlice v) { string(v.bytes); }
  void string(std::string_view v) {
    if (v.find_first_of(",\"\n\r") == std::string_view::npos) {
      s += v;
      return;
    }
    s.push_back('"');
    for (char c : v) {
      if (c == '"') s.push_back('"');
      s.push_back(c);
    }
    s.push_back('"');
  }
  void date(const Date& d) { appendIso(s, d); }
  void beginArray() {
    elements = 0;
    scratch.clear();
  }
  void element(std::string_view v) {
    if (elements++) scratch.push_back('|');
    scratch += v;
  }
  void endArray() { string(scratch); }
};

// Actor bits in the order records list them, with the names events.cpp gives them.
constexpr std::pair<Actor, std::string_view> kActorNames[] = {{kGovernment, "government"},
                                                              {kOpposition, "opposition"},
                                                              {kRussianAirForce, "russia"},
                                                              {kKurdish, "kurdish"},
                                                              {kCivilians, "civilians"}};

template <class Out>
void integerOrNull(Out& o, bool has, long long v) {
  if (has)
    o.integer(v);
  else
    o.null();
}

template <class Out>
void stringOrNull(Out& o, const char* v) {
  if (v)
    o.string(v);
  else
    o.null();
}

}  // namespace records

// One field: its name and its writer for JSON and for CSV.
struct MentionField {
  std::string_view name;
  void (*json)(records::JsonOut&, const records::Rec&);  // null for CSV-only (ACLED) columns
  void (*csv)(records::CsvOut&, const records::Rec&);
};

namespace records {

// A field whose JSON and CSV writers are one generic lambda.
template <class F>
constexpr MentionField field(std::string_view name, F) {
  return {name, [](JsonOut& o, const Rec& r) { F{}(o, r); },
          [](CsvOut& o, const Rec& r) { F{}(o, r); }};
}

// An ACLED column: CSV only.
template <class F>
constexpr MentionField csvField(std::string_view name, F) {
  return {name, nullptr, [](CsvOut& o, const Rec& r) { F{}(o, r); }};
}

// The fields, in the JSON Lines order: those of the nlohmann writer, then the ones a reader
// needs to rebuild a Mention.
const MentionField kFields[] = {
    field("doc", [](auto& o, const Rec& r) { o.string(r.a.id); }),
    field("sentence", [](auto& o, const Rec& r) { o.integer(r.m.sentence); }),
    field("sentence_text",
          [](auto& o, const Rec& r) { o.string(r.slice(r.m.sentenceStart, r.m.sentenceEnd)); }),
    field("start", [](auto& o, const Rec& r) { o.integer(r.m.start); }),
    field("end", [](auto& o, const Rec& r) { o.integer(r.m.end); }),
    field("surface", [](auto& o, const Rec& r) { o.string(r.slice(r.m.start, r.m.end)); }),
    field("place", [](auto& o, const Rec& r) { stringOrNull(o, r.p ? r.p->id.c_str() : nullptr); }),
    field("name_ar",
          [](auto& o, const Rec& r) { stringOrNull(o, r.p ? r.p->nameAr.c_str() : nullptr); }),
    field("name_en",
          [](auto& o, const Rec& r) { stringOrNull(o, r.p ? r.p->nameEn.c_str() : nullptr); }),
    field("kind",
          [](auto& o, const Rec& r) { stringOrNull(o, r.p ? placeKindName(r.p->kind) : nullptr); }),
    // Coordinates only for places that belong on the Aleppo map.
    field("lat",
          [](auto& o, const Rec& r) {
            if (r.onMap())
              o.number(*r.p->lat);
            else
              o.null();
          }),
    field("lon",
          [](auto& o, const Rec& r) {
            if (r.onMap())
              o.number(*r.p->lon);
            else
              o.null();
          }),
    field("date",
          [](auto& o, const Rec& r) {
            if (r.m.date)
              o.date(*r.m.date);
            else
              o.null();
          }),
    field("date_precision",
          [](auto& o, const Rec& r) { o.string(datePrecisionName(r.m.datePrecision)); }),
    field("date_end",
          [](auto& o, const Rec& r) {
            if (r.m.dateEnd)
              o.date(*r.m.dateEnd);
            else
              o.null();
          }),
    field("date_rule",
          [](auto& o, const Rec& r) {
            if (r.m.dateRule)
              o.string(*r.m.dateRule);
            else
              o.null();
          }),
    field("event", [](auto& o, const Rec& r) { o.string(eventTypeName(r.m.event)); }),
    field("actors",
          [](auto& o, const Rec& r) {
            o.beginArray();
            for (const auto& [bit, name] : kActorNames)
              if (r.m.actors & bit) o.element(name);
            o.endArray();
          }),
    field("fatalities",
          [](auto& o, const Rec& r) {
            integerOrNull(o, r.m.fatalities.has_value(), r.m.fatalities.value_or(0));
          }),
    field("frontline", [](auto& o, const Rec& r) { o.boolean(r.m.frontline); }),
    field("claim",
          [](auto& o, const Rec& r) {
            stringOrNull(o,
                         r.m.claimKind != ClaimKind::None ? claimKindName(r.m.claimKind) : nullptr);
          }),
    field("claim_side",
          [](auto& o, const Rec& r) {
            stringOrNull(o, r.m.claimSide ? sideName(*r.m.claimSide) : nullptr);
          }),
    field(
        "control_claim",
        [](auto& o, const Rec& r) { stringOrNull(o, r.m.claim ? sideName(*r.m.claim) : nullptr); }),
    field("claim_date",
          [](auto& o, const Rec& r) {
            if (r.m.claimKind != ClaimKind::None && r.m.date)
              o.date(*r.m.date);
            else
              o.null();
          }),
    field("said_by",
          [](auto& o, const Rec& r) {
            if (r.m.saidByEnd > r.m.saidByStart)
              o.string(r.slice(r.m.saidByStart, r.m.saidByEnd));
            else
              o.null();
          }),
    field("actor1",
          [](auto& o, const Rec& r) {
            // One bit as a rule; several are joined with '|' as actorNames joins them.
            char joined[64];
            size_t n = 0;
            for (const auto& [bit, name] : kActorNames)
              if (r.m.actor1 & bit) {
                if (n) joined[n++] = '|';
                std::memcpy(joined + n, name.data(), name.size());
                n += name.size();
              }
            if (n)
              o.string(std::string_view(joined, n));
            else
              o.null();
          }),
    field("ambiguous", [](auto& o, const Rec& r) { o.boolean(r.m.ambiguous); }),
    field("candidates",
          [](auto& o, const Rec& r) {
            o.beginArray();
            for (int c : r.m.candidates) o.element(r.g.places[c].id);
            o.endArray();
          }),
    field("context",
          [](auto& o, const Rec& r) {
            if (r.m.headEnd > r.m.headStart)
              o.string(r.slice(r.m.headStart, r.m.headEnd));
            else if (r.m.contextFromArticle)
              o.string("(the article)");
            else
              o.null();
          }),
    field("run_together", [](auto& o, const Rec& r) { o.boolean(r.m.runTogether); }),
    // What a reader needs besides the above to rebuild the Mention exactly.
    field("paragraph", [](auto& o, const Rec& r) { o.integer(r.m.paragraph); }),
    field("sentence_start", [](auto& o, const Rec& r) { o.integer(r.m.sentenceStart); }),
    field("sentence_end", [](auto& o, const Rec& r) { o.integer(r.m.sentenceEnd); }),
    field("head_start", [](auto& o, const Rec& r) { o.integer(r.m.headStart); }),
    field("head_end", [](auto& o, const Rec& r) { o.integer(r.m.headEnd); }),
    field("context_from_article", [](auto& o, const Rec& r) { o.boolean(r.m.contextFromArticle); }),
    field("said_by_start", [](auto& o, const Rec& r) { o.integer(r.m.saidByStart); }),
    field("said_by_end", [](auto& o, const Rec& r) { o.integer(r.m.saidByEnd); }),
};
constexpr size_t kNlohmannFields = 30;  // the fields of the old writer come first in kFields

// ACLED's columns for a mention, so the CSV opens next to ACLED or UCDP data.
const MentionField kAcledFields[] = {
    csvField("event_date",
             [](auto& o, const Rec& r) {
               if (r.m.date)
                 o.date(*r.m.date);
               else
                 o.null();
             }),
    csvField("time_precision",
             [](auto& o, const Rec& r) {
               // ACLED: 1 day, 2 week, 3 month.
               const DatePrecision p = r.m.datePrecision;
               o.integer(p == DatePrecision::Month ? 3
                         : p == DatePrecision::Week || p == DatePrecision::Span ||
                                 p == DatePrecision::Publication
                             ? 2
                             : 1);
             }),
    csvField("event_type", [](auto& o, const Rec& r) { o.string(acledEventType(r.m.event)); }),
    csvField("sub_event_type",
             [](auto& o, const Rec& r) { o.string(acledSubEventType(r.m.event, r.m.actors)); }),
    // actor1 is the side that did it; actor2 the first other fighting side the sentence names.
    csvField("actor1",
             [](auto& o, const Rec& r) {
               o.string(r.m.actor1 ? actorLongName(static_cast<Actor>(r.m.actor1)) : "");
             }),
    csvField("actor2",
             [](auto& o, const Rec& r) {
               for (const auto& [bit, name] : kActorNames)
                 if (r.m.actors & bit && bit != r.m.actor1) {
                   o.string(actorLongName(bit));
                   return;
                 }
               o.string("");
             }),
    csvField("location", [](auto& o, const Rec& r) { o.string(r.p ? r.p->nameEn : ""); }),
    csvField("latitude",
             [](auto& o, const Rec& r) {
               if (r.onMap())
                 o.number(*r.p->lat);
               else
                 o.null();
             }),
    csvField("longitude",
             [](auto& o, const Rec& r) {
               if (r.onMap())
                 o.number(*r.p->lon);
               else
                 o.null();
             }),
    // ACLED: 1 the place itself, 2 near it or part of a region, 3 a larger region.
    csvField("geo_precision",
             [](auto& o, const Rec& r) { o.integer(!r.p || r.p->isArea() ? 3 : 1); }),
    csvField("source",
             [](CsvOut& o, const Rec& r) {
               if (r.a.outlet.empty()) {
                 o.string(r.a.id);
                 return;
               }
               o.scratch.assign(r.a.outlet).append(" (").append(r.a.id).append(")");
               o.string(o.scratch);
             }),
    csvField("notes",
             [](auto& o, const Rec& r) { o.string(r.slice(r.m.sentenceStart, r.m.sentenceEnd)); }),
};

}  // namespace records

namespace {

using records::kAcledFields;
using records::kFields;
using records::kNlohmannFields;

const MentionField* findIn(const MentionField* begin, const MentionField* end,
                           std::string_view name) {
  const MentionField* f =
      std::find_if(begin, end, [&](const MentionField& x) { return x.name == name; });
  return f == end ? nullptr : f;
}

// What a format offers: its fields in --help order and how many of them are its default.
struct FormatFields {
  std::vector<const MentionField*> all;
  size_t defaults = 0;
};

const FormatFields& formatFields(RecordFormat format) {
  static const std::array<FormatFields, 3> tables = [] {
    FormatFields jsonl, csv, geojson;
    for (const MentionField& f : kFields) jsonl.all.push_back(&f);
    jsonl.defaults = jsonl.all.size();

    // CSV: the old writer's columns in its order, ACLED's last; "actor1" is ACLED's.
    for (std::string_view name :
         {"doc",        "sentence",      "start",          "end",       "surface",
          "place",      "name_ar",       "name_en",        "kind",      "lat",
          "lon",        "date",          "date_precision", "ambiguous", "candidates",
          "context",    "run_together",  "sentence_text",  "date_end",  "date_rule",
          "event",      "actors",        "fatalities",     "frontline", "claim",
          "claim_side", "control_claim", "claim_date",     "said_by"})
      csv.all.push_back(findIn(std::begin(kFields), std::end(kFields), name));
    for (const MentionField& f : kAcledFields) csv.all.push_back(&f);
    csv.defaults = csv.all.size();
    for (size_t i = kNlohmannFields; i < std::size(kFields); ++i) csv.all.push_back(&kFields[i]);

    // GeoJSON: the feature carries the place; its mentions carry the rest.
    for (size_t i = 0; i < std::size(kFields); ++i) {
      const std::string_view n = kFields[i].name;
      if (n == "place" || n == "name_ar" || n == "name_en" || n == "kind" || n == "lat" ||
          n == "lon")
        continue;
      geojson.all.push_back(&kFields[i]);
      if (i < kNlohmannFields) geojson.defaults = geojson.all.size();
    }
    return std::array<FormatFields, 3>{jsonl, csv, geojson};
  }();
  return tables[static_cast<int>(format)];
}

}  // namespace

const char* recordFormatName(RecordFormat f) {
  switch (f) {
    case RecordFormat::Csv:
      return "csv";
    case RecordFormat::GeoJson:
      return "geojson";
    case RecordFormat::Jsonl:
      break;
  }
  return "jsonl";
}

std::vector<std::string_view> FieldSet::names() const {
  std::vector<std::string_view> out;
  for (const MentionField* f : fields) out.push_back(f->name);
  return out;
}

std::vector<std::string_view> availableFields(RecordFormat format) {
  std::vector<std::string_view> out;
  for (const MentionField* f : formatFields(format).all) out.push_back(f->name);
  return out;
}

FieldSet defaultFields(RecordFormat format) {
  const FormatFields& t = formatFields(format);
  return {format, {t.all.begin(), t.all.begin() + static_cast<std::ptrdiff_t>(t.defaults)}};
}

FieldsParseResult parseFields(std::string_view list, RecordFormat format) {
  FieldsParseResult r;
  const FormatFields& t = formatFields(format);
  auto valid = [&] {
    std::string names;
    for (const MentionField* f : t.all) names.append(names.empty() ? "" : ", ").append(f->name);
    return names;
  };
  FieldSet set{format, {}};
  for (size_t from = 0; from <= list.size();) {
    size_t comma = list.find(',', from);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(from, comma - from);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    from = comma + 1;
    if (name.empty()) {
      r.error = "--fields: an empty name in \"" + std::string(list) +
                "\"; valid fields for --format " + recordFormatName(format) + ": " + valid();
      return r;
    }
    auto it = std::find_if(t.all.begin(), t.all.end(),
                           [&](const MentionField* f) { return f->name == name; });
    if (it == t.all.end()) {
      r.error = "--fields: unknown field '" + std::string(name) + "'; valid fields for --format " +
                recordFormatName(format) + ": " + valid();
      return r;
    }
    if (std::find(set.fields.begin(), set.fields.end(), *it) != set.fields.end()) {
      r.error = "--fields: '" + std::string(name) + "' is named twice";
      return r;
    }
    set.fields.push_back(*it);
  }
  r.fields = std::move(set);
  return r;
}

namespace {
// GeoJSON: nlohmann's dump(1) puts a mention's object 5 levels deep (collection, features,
// feature, properties, mentions), so its keys are indented by 6 spaces.
constexpr int kMentionDepth = 5;
}  // namespace

MentionWriter::MentionWriter(const Gazetteer& gazetteer, FieldSet fields)
    : gazetteer_(gazetteer), fields_(std::move(fields)) {
  for (size_t i = 0; i < fields_.fields.size(); ++i) {
    std::string key;
    const std::string_view name = fields_.fields[i]->name;
    switch (fields_.format) {
      case RecordFormat::Jsonl:
        key.append(i ? "," : "{").append("\"").append(name).append("\":");
        break;
      case RecordFormat::GeoJson:
        key.append(i ? ",\n" : "{\n").append(kMentionDepth + 1, ' ');
        key.append("\"").append(name).append("\": ");
        break;
      case RecordFormat::Csv:
        key = i ? "," : "";
        break;
    }
    keys_.push_back(std::move(key));
  }
}

void MentionWriter::header(std::string& out) const {
  if (fields_.format != RecordFormat::Csv) return;
  for (size_t i = 0; i < fields_.fields.size(); ++i)
    out.append(keys_[i]).append(fields_.fields[i]->name);
  out += "\r\n";  // RFC 4180 line ends
}

bool MentionWriter::hasFeature(const Mention& m) const {
  return m.place >= 0 && gazetteer_.places[m.place].onMap();
}

void MentionWriter::write(std::string& out, const Article& article, const Mention& m) const {
  const records::Rec r{gazetteer_, article, m,
                       m.place >= 0 ? &gazetteer_.places[m.place] : nullptr};
  const size_t n = fields_.fields.size();
  switch (fields_.format) {
    case RecordFormat::Jsonl: {
      records::JsonOut o{out};
      for (size_t i = 0; i < n; ++i) {
        out += keys_[i];
        fields_.fields[i]->json(o, r);
      }
      out += n ? "}\n" : "{}\n";
      break;
    }
    case RecordFormat::GeoJson: {
      records::JsonOut o{out, kMentionDepth + 2};
      for (size_t i = 0; i < n; ++i) {
        out += keys_[i];
        fields_.fields[i]->json(o, r);
      }
      if (n) {
        out.push_back('\n');
        out.append(kMentionDepth, ' ');
        out.push_back('}');
      } else {
        out += "{}";
      }
      break;
    }
    case RecordFormat::Csv: {
      thread_local std::string scratch;  // one per serialising thread, reused
      records::CsvOut o{out, scratch};
      for (size_t i = 0; i < n; ++i) {
        out += keys_[i];
        fields_.fields[i]->csv(o, r);
      }
      out += "\r\n";
      break;
    }
  }
}

GeoJsonBuilder::GeoJsonBuilder(const MentionWriter& writer, size_t spillBytes)
    : writer_(writer), spillBytes_(spillBytes), byPlace_(writer.gazetteer().places.size()) {}

GeoJsonBuilder::~GeoJsonBuilder() {
  if (spillFile_) std::fclose(spillFile_);
}

size_t GeoJsonBuilder::heldBytes() const {
  size_t n = 0;
  for (const PlaceMentions& p : byPlace_) n += p.objects.capacity();
  return n;
}

bool GeoJsonBuilder::spill(PlaceMentions& p) {
  if (!spillFile_ && !(spillFile_ = std::tmpfile())) {
    error_ = std::string("cannot make a temporary file for the GeoJSON features: ") +
             std::strerror(errno);
    return false;
  }
  if (std::fwrite(p.objects.data(), 1, p.objects.size(), spillFile_) != p.objects.size()) {
    error_ = std::string("cannot write the temporary file of the GeoJSON features: ") +
             std::strerror(errno);
    return false;
  }
  p.spilled.push_back({spillSize_, p.objects.size()});
  spillSize_ += p.objects.size();
  p.objects.clear();
  return true;
}

bool GeoJsonBuilder::add(int place, std::string_view object) {
  PlaceMentions& p = byPlace_[static_cast<size_t>(place)];
  if (p.count++) p.objects.append(",\n").append(kMentionDepth, ' ');
  p.objects += object;
  return p.objects.size() < spillBytes_ || spill(p);
}

bool GeoJsonBuilder::finish(const std::function<bool(std::string_view)>& sink) {
  if (spillFile_ && std::fflush(spillFile_) != 0) {
    error_ = std::string("cannot write the temporary file of the GeoJSON features: ") +
             std::strerror(errno);
    return false;
  }
  // A place's spilled objects, read back a chunk at a time.
  std::string chunk;
  auto sinkSpilled = [&](const PlaceMentions& p) {
    for (const Chunk& c : p.spilled) {
      chunk.resize(c.length);
      if (std::fseek(spillFile_, static_cast<long>(c.offset), SEEK_SET) != 0 ||
          std::fread(chunk.data(), 1, c.length, spillFile_) != c.length) {
        error_ = std::string("cannot read back the temporary file of the GeoJSON features: ") +
                 std::strerror(errno);
        return false;
      }
      if (!sink(chunk)) return false;
    }
    return true;
  };
  // The layout of nlohmann's dump(1) of the collection the old writer built.
  const Gazetteer& g = writer_.gazetteer();
  bool any = false;
  std::string out = "{\n \"type\": \"FeatureCollection\",\n \"features\": ";
  for (size_t i = 0; i < byPlace_.size(); ++i) {
    const PlaceMentions& mentions = byPlace_[i];
    if (!mentions.count) continue;
    const Place& p = g.places[i];
    out += any ? ",\n  {\n" : "[\n  {\n";
    any = true;
    out += "   \"type\": \"Feature\",\n   \"id\": ";
    json_text::appendString(out, p.id);
    out += ",\n   \"geometry\": {\n    \"type\": \"Point\",\n    \"coordinates\": [\n     ";
    json_text::appendDouble(out, *p.lon);  // RFC 7946: longitude first
    out += ",\n     ";
    json_text::appendDouble(out, *p.lat);
    out += "\n    ]\n   },\n   \"properties\": {\n    \"place\": ";
    json_text::appendString(out, p.id);
    out += ",\n    \"name_ar\": ";
    json_text::appendString(out, p.nameAr);
    out += ",\n    \"name_en\": ";
    json_text::appendString(out, p.nameEn);
    out += ",\n    \"kind\": ";
    json_text::appendString(out, placeKindName(p.kind));
    out += ",\n    \"area\": ";
    out += p.isArea() ? "true" : "false";
    out += ",\n    \"mention_count\": ";
    out += std::to_string(mentions.count);
    out += ",\n    \"mentions\": [\n";
    out.append(kMentionDepth, ' ');
    if (!sink(out) || !sinkSpilled(mentions) || !sink(mentions.objects)) return false;
    out = "\n    ]\n   }\n  }";
  }
  out += any ? "\n ]\n}\n" : "[]\n}\n";
  return sink(out);
}

}  // namespace atlas
