// The direct writer of mention records (mention_record.h) and its reader (mention_reader.h).
// Expected texts are written by hand from the formats' rules; nlohmann's serializer, which the
// writer replaces, is the oracle where its exact output is the contract (escapes, U+FFFD,
// doubles, GeoJSON layout). The round trip runs the real pipeline over the sample corpus.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "core/control_builder.h"
#include "core/event_attribution.h"
#include "core/extraction.h"
#include "core/mention_reader.h"
#include "core/mention_record.h"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

std::string jsonString(std::string_view s) {
  std::string out;
  json_text::appendString(out, s);
  return out;
}

std::string jsonDouble(double v) {
  std::string out;
  json_text::appendDouble(out, v);
  return out;
}

std::string nlohmannDump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const std::string kFffd = "\xEF\xBF\xBD";

// Two places (one on the map, one not) and an article that names the first after a head word.
// Bytes of "قصف حي الشيخ سعيد": قصف 0-6, space, حي 7-11, space, الشيخ 12-22, space, سعيد 23-31.
struct Fixture {
  Gazetteer g;
  Article a;
  Mention m;
  Fixture() {
    Place saeed;
    saeed.id = "sheikh-saeed";
    saeed.kind = PlaceKind::Neighbourhood;
    saeed.nameAr = "الشيخ سعيد";
    saeed.nameEn = "Sheikh Saeed";
    saeed.lat = 36.1646;
    saeed.lon = 37.1558;
    Place hill;
    hill.id = "tal-x";
    hill.kind = PlaceKind::Site;
    hill.nameAr = "تل";
    hill.nameEn = "Tal X";
    hill.plotted = false;
    g.places = {saeed, hill};
    g.byId = {{"sheikh-saeed", 0}, {"tal-x", 1}};
    a.id = "a";
    a.text = "قصف حي الشيخ سعيد";
    a.outlet = "Q\"x";
    m.doc = 0;
    m.sentence = 0;
    m.start = 12;
    m.end = 31;
    m.sentenceStart = 0;
    m.sentenceEnd = 31;
    m.place = 0;
    m.candidates = {0};
    m.headStart = 7;
    m.headEnd = 11;
    m.date = Date{2016, 10, 9};
    m.datePrecision = DatePrecision::Day;
    m.dateRule = std::make_shared<const std::string>("أمس → 2016-10-09");
    m.event = EventType::Shelling;
    m.actors = kGovernment | kCivilians;
    m.actor1 = kGovernment;
    m.fatalities = 3;
    m.frontline = true;
  }
};

FieldSet fields(std::string_view list, RecordFormat format) {
  FieldsParseResult r = parseFields(list, format);
  EXPECT_TRUE(r.fields) << r.error;
  return r.fields ? *r.fields : FieldSet{};
}

bool sameMention(const Mention& a, const Mention& b) {
  auto rule = [](const Mention& m) { return m.dateRule ? *m.dateRule : std::string("(none)"); };
  return a.doc == b.doc && a.sentence == b.sentence && a.paragraph == b.paragraph &&
         a.start == b.start && a.end == b.end && a.sentenceStart == b.sentenceStart &&
         a.sentenceEnd == b.sentenceEnd && a.place == b.place && a.candidates == b.candidates &&
         a.ambiguous == b.ambiguous && a.runTogether == b.runTogether &&
         a.headStart == b.headStart && a.headEnd == b.headEnd &&
         a.contextFromArticle == b.contextFromArticle && a.date == b.date &&
         a.dateEnd == b.dateEnd && a.datePrecision == b.datePrecision &&
         (a.dateRule != nullptr) == (b.dateRule != nullptr) && rule(a) == rule(b) &&
         a.event == b.event && a.actors == b.actors && a.actor1 == b.actor1 &&
         a.fatalities == b.fatalities && a.frontline == b.frontline && a.claimKind == b.claimKind &&
         a.claimSide == b.claimSide && a.claim == b.claim && a.saidByStart == b.saidByStart &&
         a.saidByEnd == b.saidByEnd;
}

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& text) {
    char name[] = "/tmp/atlas-mentions-XXXXXX";
    const int fd = mkstemp(name);
    EXPECT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    ::close(fd);
    path = name;
  }
  ~TempFile() { fs::remove(path); }
};

}  // namespace

TEST(JsonText, EscapesAsNlohmannDoes) {
  // Quote, backslash and the five short escapes; other controls as \u00xx in lower case; DEL,
  // '/' and non-ASCII as they are.
  EXPECT_EQ(jsonString("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(jsonString("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(jsonString(std::string("\x00\x01\x1f\x0b", 4)), R"("\u0000\u0001\u001f\u000b")");
  EXPECT_EQ(jsonString("\x7f/é حلب"), "\"\x7f/é حلب\"");
}

TEST(JsonText, IllFormedUtf8BecomesOneReplacementPerMaximalSubpart) {
  // Unicode 15, §3.9, table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 is
  // a FFFD FFFD FFFD b FFFD c FFFD FFFD d (F1 80 80 and E1 80 are truncated sequences, one U+FFFD
  // each; C2 is cut by 'b'; lone continuation bytes are one each).
  EXPECT_EQ(jsonString("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "\"a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d\"");
  // Overlong (C0 AF, E0 80 80), surrogate (ED A0 80) and > U+10FFFF (F4 90 80 80): no valid
  // prefix longer than the lead, so one U+FFFD per byte.
  EXPECT_EQ(jsonString("\xC0\xAF"), "\"" + kFffd + kFffd + "\"");
  EXPECT_EQ(jsonString("\xE0\x80\x80"), "\"" + kFffd + kFffd + kFffd + "\"");
  EXPECT_EQ(jsonString("\xED\xA0\x80"), "\"" + kFffd + kFffd + kFffd + "\"");
  EXPECT_EQ(jsonString("\xF4\x90\x80\x80"), "\"" + kFffd + kFffd + kFffd + kFffd + "\"");
  // A sequence cut by the end of the string: one U+FFFD. F5..FF never start one.
  EXPECT_EQ(jsonString("x\xE2\x82"), "\"x" + kFffd + "\"");
  EXPECT_EQ(jsonString("\xFF\xF5"), "\"" + kFffd + kFffd + "\"");
  // The largest code point and a literal U+FFFD are valid.
  EXPECT_EQ(jsonString("\xF4\x8F\xBF\xBF" + kFffd), "\"\xF4\x8F\xBF\xBF" + kFffd + "\"");
}

TEST(JsonText, StringsMatchNlohmannOnRandomBytes) {
  // Bytes drawn mostly from the edges of UTF-8's ranges, where decoders disagree.
  const unsigned char pool[] = {'a',  '"',  '\\', '\n', 0x01, 0x1f, 0x7f, 0x80, 0x8f,
                                0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xd8, 0xdf, 0xe0,
                                0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
  // Whole characters, for valid strings long enough to be scanned 8 bytes at a time.
  const char* chars[] = {"a",    " ", "\"", "\\",   "\n",     "\x01", "\x1f",    "/",
                         "\x7f", "ح", "ي",  "Â", "â", "ï¿½",  "ð"};
  std::mt19937 rng(20161009);
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 12, ' ');
    for (char& c : s) c = static_cast<char>(pool[rng() % std::size(pool)]);
    ASSERT_EQ(jsonString(s), nlohmannDump(s))
        << nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    std::string valid;
    for (int k = static_cast<int>(rng() % 40); k > 0; --k) valid += chars[rng() % std::size(chars)];
    ASSERT_EQ(jsonString(valid), nlohmannDump(valid)) << nlohmannDump(valid);
    // One stray byte somewhere in a long valid string.
    valid.insert(rng() % (valid.size() + 1), 1, static_cast<char>(pool[rng() % std::size(pool)]));
    ASSERT_EQ(jsonString(valid), nlohmannDump(valid)) << nlohmannDump(valid);
  }
}

TEST(JsonText, DoublesAsNlohmannWritesThem) {
  // Worked from nlohmann's rules: shortest digits; plain with ".0" when integral below 1e15;
  // 0.000x down to 1e-4; else d.ddde±XX with two exponent digits at least.
  EXPECT_EQ(jsonDouble(36.1646), "36.1646");
  EXPECT_EQ(jsonDouble(37.0), "37.0");
  EXPECT_EQ(jsonDouble(0.1), "0.1");
  EXPECT_EQ(jsonDouble(0.0001), "0.0001");
  EXPECT_EQ(jsonDouble(0.00001), "1e-05");
  EXPECT_EQ(jsonDouble(-1.5e-7), "-1.5e-07");
  EXPECT_EQ(jsonDouble(1e14), "100000000000000.0");
  EXPECT_EQ(jsonDouble(1e15), "1e+15");
  EXPECT_EQ(jsonDouble(1.25e100), "1.25e+100");
  EXPECT_EQ(jsonDouble(123456.789), "123456.789");
  EXPECT_EQ(jsonDouble(0.0), "0.0");
  EXPECT_EQ(jsonDouble(-0.0), "-0.0");
  EXPECT_EQ(jsonDouble(NAN), "null");
  EXPECT_EQ(jsonDouble(INFINITY), "null");
}

// nlohmann's Grisu2 finds the shortest digits almost always, not always (36.21753, al-Sabil's
// latitude, comes out as 36.217529999999996); std::to_chars always does, and of the shortest
// the closest (Grisu2 may end 17 digits one off). So: the same double back, never longer, and
// for values with a short decimal form (coordinates) the same text whenever nlohmann's is as
// short.
void expectLikeNlohmann(double v, bool shortDecimal, int& differ) {
  const std::string ours = jsonDouble(v), theirs = nlohmannDump(v);
  ASSERT_EQ(std::strtod(ours.c_str(), nullptr), v) << ours;
  ASSERT_LE(ours.size(), theirs.size()) << ours << " " << theirs;
  if (shortDecimal && ours.size() == theirs.size()) {
    ASSERT_EQ(ours, theirs);
  }
  differ += ours != theirs;
}

TEST(JsonText, DoublesMatchNlohmannOnEveryGazetteerCoordinateAndRandomValues) {
  const auto gaz = loadGazetteer(fs::path(ATLAS_TEST_ASSETS_DIR) / "gazetteer.tsv");
  ASSERT_TRUE(gaz.gazetteer);
  int differ = 0;
  for (const Place& p : gaz.gazetteer->places)
    if (p.hasPosition()) {
      expectLikeNlohmann(*p.lat, true, differ);
      expectLikeNlohmann(*p.lon, true, differ);
    }
  EXPECT_LT(differ, 10);
  EXPECT_EQ(jsonDouble(36.21753), "36.21753");
  // Coordinates with up to 7 decimals, as gazetteers give them, and any bit pattern.
  std::mt19937_64 rng(37);
  differ = 0;
  for (int n = 0; n < 100000; ++n) {
    expectLikeNlohmann(static_cast<double>(rng() % 3600000000u) / 1e7 - 180, true, differ);
    const uint64_t bits = rng();
    double any = 0;
    std::memcpy(&any, &bits, sizeof any);
    if (std::isfinite(any)) expectLikeNlohmann(any, false, differ);
  }
  std::printf("doubles written unlike nlohmann: %d of 200000\n", differ);
}

TEST(MentionFields, DefaultsAreTheOldFieldsThenWhatAReaderNeeds) {
  const std::vector<std::string_view> old = {
      "doc",       "sentence",   "sentence_text", "start",          "end",
      "surface",   "place",      "name_ar",       "name_en",        "kind",
      "lat",       "lon",        "date",          "date_precision", "date_end",
      "date_rule", "event",      "actors",        "fatalities",     "frontline",
      "claim",     "claim_side", "control_claim", "claim_date",     "said_by",
      "actor1",    "ambiguous",  "candidates",    "context",        "run_together"};
  std::vector<std::string_view> jsonl = old;
  for (std::string_view added :
       {"paragraph", "sentence_start", "sentence_end", "head_start", "head_end",
        "context_from_article", "said_by_start", "said_by_end"})
    jsonl.push_back(added);
  EXPECT_EQ(defaultFields(RecordFormat::Jsonl).names(), jsonl);
  // GeoJSON: the old properties of a mention (the feature carries the place).
  std::vector<std::string_view> geo;
  for (std::string_view f : old)
    if (f != "place" && f != "name_ar" && f != "name_en" && f != "kind" && f != "lat" && f != "lon")
      geo.push_back(f);
  EXPECT_EQ(defaultFields(RecordFormat::GeoJson).names(), geo);
  const auto csv = defaultFields(RecordFormat::Csv).names();
  ASSERT_EQ(csv.size(), 41u);
  EXPECT_EQ(csv.front(), "doc");
  EXPECT_EQ(csv[17], "sentence_text");
  EXPECT_EQ(csv.back(), "notes");
}

TEST(MentionFields, ParsesAListAndNamesWhatIsWrong) {
  EXPECT_EQ(fields(" doc, place ,date", RecordFormat::Jsonl).names(),
            (std::vector<std::string_view>{"doc", "place", "date"}));
  FieldsParseResult r = parseFields("doc,plase", RecordFormat::Jsonl);
  EXPECT_FALSE(r.fields);
  EXPECT_NE(r.error.find("unknown field 'plase'"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("doc, sentence, sentence_text, start"), std::string::npos) << r.error;
  EXPECT_NE(parseFields("doc,doc", RecordFormat::Jsonl).error.find("'doc' is named twice"),
            std::string::npos);
  EXPECT_FALSE(parseFields("doc,", RecordFormat::Jsonl).fields);
  // ACLED's columns are CSV's; the place's own properties are the GeoJSON feature's.
  EXPECT_TRUE(parseFields("event_type,actor2", RecordFormat::Csv).fields);
  EXPECT_FALSE(parseFields("event_type", RecordFormat::Jsonl).fields);
  EXPECT_FALSE(parseFields("lat", RecordFormat::GeoJson).fields);
  EXPECT_TRUE(parseFields("sentence_start", RecordFormat::Csv).fields);
}

TEST(MentionWriter, JsonLineHasEveryDefaultFieldWorkedByHand) {
  Fixture f;
  std::string out;
  MentionWriter(f.g, defaultFields(RecordFormat::Jsonl)).write(out, f.a, f.m);
  EXPECT_EQ(out,
            R"({"doc":"a","sentence":0,"sentence_text":"قصف حي الشيخ سعيد","start":12,"end":31,)"
            R"("surface":"الشيخ سعيد","place":"sheikh-saeed","name_ar":"الشيخ سعيد",)"
            R"("name_en":"Sheikh Saeed","kind":"neighbourhood","lat":36.1646,"lon":37.1558,)"
            R"("date":"2016-10-09","date_precision":"day","date_end":null,)"
            R"("date_rule":"أمس → 2016-10-09","event":"shelling",)"
            R"("actors":["government","civilians"],"fatalities":3,"frontline":true,)"
            R"("claim":null,"claim_side":null,"control_claim":null,"claim_date":null,)"
            R"("said_by":null,"actor1":"government","ambiguous":false,)"
            R"("candidates":["sheikh-saeed"],"context":"حي","run_together":false,)"
            R"("paragraph":0,"sentence_start":0,"sentence_end":31,"head_start":7,"head_end":11,)"
            R"("context_from_article":false,"said_by_start":0,"said_by_end":0})"
            "\n");
  // A place off the map: no coordinates. An ambiguous name: no place, its candidates.
  f.m.place = 1;
  f.m.claimKind = ClaimKind::Captured;
  f.m.claimSide = Side::Opposition;
  f.m.claim = Side::Opposition;
  out.clear();
  MentionWriter(f.g,
                fields("kind,lat,claim,claim_side,control_claim,claim_date", RecordFormat::Jsonl))
      .write(out, f.a, f.m);
  EXPECT_EQ(out, R"({"kind":"site","lat":null,"claim":"captured","claim_side":"opposition",)"
                 R"("control_claim":"opposition","claim_date":"2016-10-09"})"
                 "\n");
  f.m.place = -1;
  f.m.ambiguous = true;
  f.m.candidates = {0, 1};
  out.clear();
  MentionWriter(f.g, fields("place,candidates,ambiguous", RecordFormat::Jsonl))
      .write(out, f.a, f.m);
  EXPECT_EQ(out, R"({"place":null,"candidates":["sheikh-saeed","tal-x"],"ambiguous":true})"
                 "\n");
}

TEST(MentionWriter, CsvRowsQuoteAsRfc4180AndCarryAcledColumns) {
  Fixture f;
  f.a.text = "Shelling, \"Sheikh Saeed\"";  // Sheikh Saeed at 11..23; the sentence is 0..24
  f.m.start = 11;
  f.m.end = 23;
  f.m.sentenceEnd = 24;
  f.m.candidates = {0, 1};
  const MentionWriter w(
      f.g, fields("doc,surface,source,actor1,actor2,notes,candidates,lat,fatalities,geo_precision",
                  RecordFormat::Csv));
  std::string out;
  w.header(out);
  w.write(out, f.a, f.m);
  EXPECT_EQ(out,
            "doc,surface,source,actor1,actor2,notes,candidates,lat,fatalities,geo_precision\r\n"
            "a,Sheikh Saeed,\"Q\"\"x (a)\",Military Forces of Syria (2000-) and allied militias,"
            "Civilians (Syria),\"Shelling, \"\"Sheikh Saeed\"\"\",sheikh-saeed|tal-x,36.1646,3,1"
            "\r\n");
}

TEST(GeoJsonBuilder, LaysOutTheCollectionAsNlohmannsDumpOfIt) {
  Fixture f;
  const MentionWriter w(f.g, fields("doc,start,actors", RecordFormat::GeoJson));
  GeoJsonBuilder b(w);
  std::string one, two;
  w.write(one, f.a, f.m);
  f.m.actors = 0;
  w.write(two, f.a, f.m);
  b.add(0, one);
  b.add(0, two);
  std::string doc;
  EXPECT_TRUE(b.finish([&](std::string_view s) {
    doc += s;
    return true;
  }));
  EXPECT_EQ(doc, R"({
 "type": "FeatureCollection",
 "features": [
  {
   "type": "Feature",
   "id": "sheikh-saeed",
   "geometry": {
    "type": "Point",
    "coordinates": [
     37.1558,
     36.1646
    ]
   },
   "properties": {
    "place": "sheikh-saeed",
    "name_ar": "الشيخ سعيد",
    "name_en": "Sheikh Saeed",
    "kind": "neighbourhood",
    "area": false,
    "mention_count": 2,
    "mentions": [
     {
      "doc": "a",
      "start": 12,
      "actors": [
       "government",
       "civilians"
      ]
     },
     {
      "doc": "a",
      "start": 12,
      "actors": []
     }
    ]
   }
  }
 ]
}
)");
  EXPECT_EQ(doc, nlohmann::ordered_json::parse(doc).dump(1) + "\n");
  std::string empty;
  GeoJsonBuilder(w).finish([&](std::string_view s) {
    empty += s;
    return true;
  });
  EXPECT_EQ(empty, "{\n \"type\": \"FeatureCollection\",\n \"features\": []\n}\n");
}

namespace {

// The sample corpus through the pipeline as `extract` runs it, written with the default fields.
struct Samples {
  Corpus corpus;
  Gazetteer g;
  ExtractionResult x;
  std::string jsonl;
  Samples() {
    const fs::path assets = ATLAS_TEST_ASSETS_DIR;
    corpus = *loadCorpus(assets / "corpus").corpus;
    g = *loadGazetteer(assets / "gazetteer.tsv").gazetteer;
    x = extractMentions(corpus, g);
    // (The timeline views the rows' strings: they outlive it.)
    const auto snapshots = loadControlSnapshots(assets / "control_snapshots.tsv").rows;
    const auto history = loadReferenceHistory(assets / "control_history.tsv").rows;
    attributeShellingByHolder(x, g, buildReferenceTimeline(g, snapshots, history));
    write(defaultFields(RecordFormat::Jsonl));
  }
  void write(const FieldSet& fields) {
    jsonl.clear();
    const MentionWriter w(g, fields);
    for (const Mention& m : x.mentions) w.write(jsonl, corpus.articles[m.doc], m);
  }
};

}  // namespace

// Memory stays bounded for a corpus of any size: a place's objects beyond the spill size go to
// a temporary file and come back in order. The oracle is the builder that never spills.
TEST(GeoJsonBuilder, SpilledFeaturesReadBackToTheSameDocument) {
  Samples s;
  const MentionWriter w(s.g, defaultFields(RecordFormat::GeoJson));
  auto build = [&](size_t spillBytes, size_t* heldAtMost) {
    GeoJsonBuilder b(w, spillBytes);
    std::string object;
    // The samples 20 times over (2.5 MB): a place's mentions spill many times.
    for (int round = 0; round < 20; ++round)
      for (const Mention& m : s.x.mentions) {
        if (!w.hasFeature(m)) continue;
        object.clear();
        w.write(object, s.corpus.articles[m.doc], m);
        EXPECT_TRUE(b.add(m.place, object)) << b.error();
        if (heldAtMost) *heldAtMost = std::max(*heldAtMost, b.heldBytes());
      }
    std::string doc;
    EXPECT_TRUE(b.finish([&](std::string_view bytes) {
      doc += bytes;
      return true;
    }));
    return doc;
  };
  const std::string whole = build(size_t{1} << 40, nullptr);
  ASSERT_GT(whole.size(), 50000u);
  size_t held = 0;
  EXPECT_EQ(build(2048, &held), whole);
  // Each place holds less than the spill size plus one object (the samples' are a few KB).
  EXPECT_LT(held, s.g.places.size() * 2048 + 64 * 1024);
  EXPECT_LT(held, whole.size() / 4);
  EXPECT_EQ(build(1, nullptr), whole);  // every object spilled on its own
}

TEST(MentionReader, RebuildsEveryMentionOfTheSampleCorpusExactly) {
  Samples s;
  ASSERT_GT(s.x.mentions.size(), 50u);
  TempFile file(s.jsonl);
  MentionsLoadResult r = loadMentions(file.path, s.corpus, s.g);
  ASSERT_TRUE(r.extraction) << r.error;
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.extraction->mentions.size(), s.x.mentions.size());
  size_t claims = 0, dated = 0, spoken = 0, headed = 0;
  for (size_t i = 0; i < s.x.mentions.size(); ++i) {
    const Mention& m = s.x.mentions[i];
    EXPECT_TRUE(sameMention(r.extraction->mentions[i], m)) << "mention " << i;
    claims += m.claimKind != ClaimKind::None;
    dated += m.dateRule != nullptr;
    spoken += m.saidByEnd > m.saidByStart;
    headed += m.headEnd > m.headStart;
  }
  // The samples exercise the fields that are easy to lose.
  EXPECT_GT(claims, 0u);
  EXPECT_GT(dated, 0u);
  EXPECT_GT(spoken, 0u);
  EXPECT_GT(headed, 0u);
  // Sentence counts: the last sentence with a mention + 1, never past the article's own count.
  ASSERT_EQ(r.extraction->sentenceCount.size(), s.corpus.articles.size());
  for (size_t d = 0; d < s.corpus.articles.size(); ++d) {
    int last = 0;
    for (const Mention& m : s.x.mentions)
      if (m.doc == static_cast<int>(d)) last = std::max(last, m.sentence + 1);
    EXPECT_EQ(r.extraction->sentenceCount[d], last);
    EXPECT_LE(last, s.x.sentenceCount[d]);
  }
}

TEST(MentionReader, ReadsFieldsInAnyOrderAndWithoutTheDerivedOnes) {
  Samples s;
  // Reversed, without sentence_text, surface, names or coordinates.
  std::vector<std::string_view> names = defaultFields(RecordFormat::Jsonl).names();
  std::string list;
  for (auto it = names.rbegin(); it != names.rend(); ++it)
    if (*it != "sentence_text" && *it != "surface" && *it != "name_ar" && *it != "lat")
      list.append(list.empty() ? "" : ",").append(*it);
  s.write(fields(list, RecordFormat::Jsonl));
  EXPECT_EQ(s.jsonl.find("sentence_text"), std::string::npos);
  // Records out of order (as shards merged in any order) come back in (doc, start) order.
  std::vector<std::string> lines;
  for (size_t at = 0; at < s.jsonl.size();) {
    const size_t nl = s.jsonl.find('\n', at);
    lines.push_back(s.jsonl.substr(at, nl + 1 - at));
    at = nl + 1;
  }
  std::reverse(lines.begin(), lines.end());
  std::string reversed;
  for (const std::string& l : lines) reversed += l;
  TempFile file(reversed);
  MentionsLoadResult r = loadMentions(file.path, s.corpus, s.g);
  ASSERT_TRUE(r.extraction) << r.error;
  ASSERT_EQ(r.extraction->mentions.size(), s.x.mentions.size());
  for (size_t i = 0; i < s.x.mentions.size(); ++i)
    EXPECT_TRUE(sameMention(r.extraction->mentions[i], s.x.mentions[i])) << "mention " << i;
}

TEST(MentionReader, FieldsAMentionNeedsMissingIsAnErrorNamingThem) {
  Samples s;
  s.write(fields("doc,sentence,start,end,place,date", RecordFormat::Jsonl));
  TempFile file(s.jsonl);
  MentionsLoadResult r = loadMentions(file.path, s.corpus, s.g);
  EXPECT_FALSE(r.extraction);
  EXPECT_NE(r.error.find(file.path.string() + ":1: "), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("paragraph, sentence_start, sentence_end, candidates"), std::string::npos)
      << r.error;
  // Not JSON Lines at all (a CSV export): an error on its first line.
  TempFile csv("doc,sentence,start\r\na,0,12\r\n");
  r = loadMentions(csv.path, s.corpus, s.g);
  EXPECT_FALSE(r.extraction);
  EXPECT_NE(r.error.find(":1: invalid JSON"), std::string::npos) << r.error;
  r = loadMentions("/nonexistent/mentions.jsonl", s.corpus, s.g);
  EXPECT_FALSE(r.extraction);
  EXPECT_NE(r.error.find("/nonexistent/mentions.jsonl: cannot open"), std::string::npos);
}

TEST(MentionReader, BadRecordsAreWarningsWithFileAndLineAndTheRestLoads) {
  Samples s;
  const std::string first = s.jsonl.substr(0, s.jsonl.find('\n') + 1);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string line = first;
    line.replace(line.find(from), from.size(), to);
    return line;
  };
  const std::string doc = s.corpus.articles[s.x.mentions[0].doc].id;
  // (The first record's event, whichever it is.)
  const size_t at = first.find("\"event\":\"");
  ASSERT_NE(at, std::string::npos);
  const std::string eventField = first.substr(at, first.find('"', at + 9) + 1 - at);
  const std::string text =
      first + "\n" + "{\"doc\": 1\n" +
      replaced("\"doc\":\"" + doc + "\"", "\"doc\":\"elsewhere\"") +
      replaced("\"candidates\":[\"aleppo\"]", "\"candidates\":[\"atlantis\"]") +
      replaced("\"end\":28", "\"end\":99999") + replaced(eventField, "\"event\":\"party\"") + first;
  TempFile file(text);
  MentionsLoadResult r = loadMentions(file.path, s.corpus, s.g);
  ASSERT_TRUE(r.extraction) << r.error;
  EXPECT_EQ(r.extraction->mentions.size(), 2u);  // lines 1 and 8 (blank line 2 is nothing)
  ASSERT_EQ(r.diagnostics.size(), 5u);
  const std::string f = file.path.string();
  EXPECT_EQ(r.diagnostics[0].format().rfind(f + ":3: warning: invalid JSON", 0), 0u)
      << r.diagnostics[0].format();
  EXPECT_EQ(r.diagnostics[1].format(),
            f + ":4: warning: no article 'elsewhere' in the corpus; record skipped");
  EXPECT_EQ(r.diagnostics[2].format(),
            f + ":5: warning: no place 'atlantis' in the gazetteer; record skipped");
  EXPECT_EQ(r.diagnostics[3].line, 6);
  EXPECT_NE(r.diagnostics[3].message.find("field \"start\": the span 22..99999 is not in"),
            std::string::npos)
      << r.diagnostics[3].message;
  EXPECT_EQ(r.diagnostics[4].format(),
            f + ":7: warning: field \"event\": unknown event 'party'; record skipped");
}
