// `aleppo-atlas extract` as a user runs it: formats, files, exit codes, standard input and
// output, chosen fields, and shards whose merged output is the whole run's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_process.h"

namespace fs = std::filesystem;
using atlas::test::runProcess;
using nlohmann::json;

namespace {
const std::string kApp = ATLAS_APP_PATH;

std::vector<json> jsonLines(const std::string& s) {
  std::vector<json> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-extract-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

// The sample articles as JSON Lines, copied `copies` times with distinct ids ("ID-COPY"), so
// a corpus of any length can be cut into shards.
std::vector<std::string> sampleLines(int copies) {
  const fs::path dir = fs::path(ATLAS_TEST_ASSETS_DIR) / "corpus";
  std::ifstream manifest(dir / "MANIFEST.tsv");
  std::string row;
  std::getline(manifest, row);  // the header: file, published, outlet, ...
  std::vector<std::array<std::string, 3>> articles;
  while (std::getline(manifest, row)) {
    std::istringstream cells(row);
    std::array<std::string, 3> a;
    for (std::string& cell : a) std::getline(cells, cell, '\t');
    articles.push_back(a);
  }
  std::vector<std::string> lines;
  for (int copy = 0; copy < copies; ++copy)
    for (const auto& [file, published, outlet] : articles) {
      json line = {{"id", fs::path(file).stem().string() + "-" + std::to_string(copy)},
                   {"published", published},
                   {"outlet", outlet},
                   {"text", readAll(dir / file)}};
      lines.push_back(line.dump() + "\n");
    }
  return lines;
}

std::string joined(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += lines[i];
  return out;
}

// `aleppo-atlas ARGS... < input` (runProcess gives the child /dev/null as standard input).
atlas::test::ProcessResult runWithStdin(const fs::path& input, std::vector<std::string> args) {
  std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" < \"$ATLAS_INPUT\"", kApp};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv, {{"ATLAS_INPUT", input.string()}});
}

// The docs of the records in output order, each once.
std::vector<std::string> docsInOrder(const std::vector<json>& records) {
  std::vector<std::string> docs;
  for (const json& r : records)
    if (docs.empty() || docs.back() != r["doc"]) docs.push_back(r["doc"]);
  return docs;
}
}  // namespace

TEST(ExtractCli, JsonLinesOnStdoutByDefault) {
  auto r = runProcess({kApp, "extract"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto records = jsonLines(r.out);
  ASSERT_GT(records.size(), 50u);
  const json& first = records.front();
  for (const char* key : {"doc", "sentence", "sentence_text", "start", "end", "surface", "place",
                          "name_ar", "name_en", "kind", "lat", "lon", "date", "date_precision"})
    EXPECT_TRUE(first.contains(key)) << key;
  // Article 000 opens "استعاد ثوار حلب أمس": the first mention is the city at byte 22.
  EXPECT_EQ(first["doc"], "000_c162b1d864b0bcfc");
  EXPECT_EQ(first["surface"], "حلب");
  EXPECT_EQ(first["start"], 22);
  EXPECT_EQ(first["end"], 28);
  // "استعاد ثوار حلب أمس": yesterday of the publication date (10 October 2016).
  EXPECT_EQ(first["date"], "2016-10-09");
  EXPECT_EQ(first["date_precision"], "day");
  EXPECT_EQ(first["date_rule"].get<std::string>().rfind("أمس → 2016-10-09", 0), 0u);
  for (const char* key : {"date_rule", "event", "actors", "fatalities", "frontline"})
    EXPECT_TRUE(first.contains(key)) << key;
  // Sheikh Saeed carries the reference coordinates.
  bool saeed = false;
  for (const json& rec : records)
    if (rec["place"] == "sheikh-saeed") {
      saeed = true;
      EXPECT_DOUBLE_EQ(rec["lat"].get<double>(), 36.1646);
      EXPECT_DOUBLE_EQ(rec["lon"].get<double>(), 37.1558);
      EXPECT_NE(rec["sentence_text"].get<std::string>().find(rec["surface"].get<std::string>()),
                std::string::npos);
    }
  EXPECT_TRUE(saeed);
}

TEST(ExtractCli, GeoJsonIsAFeatureCollectionWithLonLatPoints) {
  auto r = runProcess({kApp, "extract", "--format", "geojson"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const json fc = json::parse(r.out);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_GT(fc["features"].size(), 20u);
  for (const json& f : fc["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["geometry"]["type"], "Point");
    const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
    // RFC 7946 order: longitude first. Aleppo is at 37 E, 36 N.
    EXPECT_GT(lon, 36.5);
    EXPECT_LT(lon, 37.8);
    EXPECT_GT(lat, 35.8);
    EXPECT_LT(lat, 36.7);
    EXPECT_EQ(f["properties"]["mention_count"], f["properties"]["mentions"].size());
  }
}

TEST(ExtractCli, CsvHasAHeaderAndOneRowPerMention) {
  auto jsonl = runProcess({kApp, "extract"});
  auto r = runProcess({kApp, "extract", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("doc,sentence,start,end,surface,place,", 0), 0u);
  const std::string header = r.out.substr(0, r.out.find("\r\n"));
  for (const char* acled : {",event_date,", ",time_precision,", ",event_type,", ",sub_event_type,",
                            ",actor1,", ",actor2,", ",location,", ",latitude,", ",longitude,",
                            ",geo_precision,", ",source,", ",notes", ",fatalities,"})
    EXPECT_NE(header.find(acled), std::string::npos) << acled;
  // Rows end in CRLF; sentence texts hold no raw line breaks in the samples' mentions.
  size_t rows = 0;
  for (size_t i = r.out.find("\r\n"); i != std::string::npos; i = r.out.find("\r\n", i + 2)) ++rows;
  EXPECT_EQ(rows - 1, jsonLines(jsonl.out).size());
}

TEST(ExtractCli, OutWritesTheFileAtomicallyAndFailuresKeepTheOldOne) {
  char tmpl[] = "/tmp/atlas-extract-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  const fs::path out = dir / "mentions.jsonl";
  auto r = runProcess({kApp, "extract", "--out", out.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_GT(jsonLines(readAll(out)).size(), 50u);
  // A target whose folder is a file cannot be written: exit 1, and nothing else is touched.
  std::ofstream(dir / "keep") << "previous";
  r = runProcess({kApp, "extract", "--out", (dir / "keep" / "x.jsonl").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(readAll(dir / "keep"), "previous");
  fs::remove_all(dir);
}

TEST(ExtractCli, StdinJsonLinesGiveTheRecordsOfTheSameFile) {
  TempDir dir;
  const fs::path corpus = dir.path / "samples.jsonl";
  std::ofstream(corpus) << joined(sampleLines(1), 0, 5);
  auto file = runProcess({kApp, "extract", "--corpus", corpus.string()});
  ASSERT_EQ(file.exitCode, 0) << file.err;
  auto piped = runWithStdin(corpus, {"extract", "--corpus", "-"});
  ASSERT_EQ(piped.exitCode, 0) << piped.err;
  EXPECT_TRUE(piped.err.empty()) << piped.err;
  const auto records = jsonLines(piped.out);
  ASSERT_GT(records.size(), 50u);
  EXPECT_EQ(piped.out, file.out);
  // Article 000 opens "استعاد ثوار حلب أمس": Aleppo at byte 22, under the line's own id.
  EXPECT_EQ(records.front()["doc"], "000_c162b1d864b0bcfc-0");
  EXPECT_EQ(records.front()["start"], 22);
  EXPECT_EQ(docsInOrder(records),
            (std::vector<std::string>{"000_c162b1d864b0bcfc-0", "001_cbed00854abe3786-0",
                                      "002_713d03fa4f516202-0", "003_53edab2f179b4b77-0",
                                      "004_696f5fdaa54c9078-0"}));
  // Nothing on standard input: an empty piece of a cluster job (an empty split or partition)
  // writes nothing and succeeds, so the task is not failed and retried.
  std::ofstream(dir.path / "empty.jsonl");
  auto empty = runWithStdin(dir.path / "empty.jsonl", {"extract", "--corpus", "-"});
  EXPECT_EQ(empty.exitCode, 0) << empty.err;
  EXPECT_TRUE(empty.out.empty());
  // The same empty file named by its path is a mistake worth saying: exit 2.
  auto named = runProcess({kApp, "extract", "--corpus", (dir.path / "empty.jsonl").string()});
  EXPECT_EQ(named.exitCode, 2);
  EXPECT_NE(named.err.find("no articles to read"), std::string::npos) << named.err;
}

TEST(ExtractCli, FieldsChooseTheKeysAndTheirOrder) {
  auto r = runProcess({kApp, "extract", "--fields", "place,doc,start,date"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    const nlohmann::ordered_json rec = nlohmann::ordered_json::parse(line);
    std::vector<std::string> keys;
    for (const auto& [key, value] : rec.items()) keys.push_back(key);
    ASSERT_EQ(keys, (std::vector<std::string>{"place", "doc", "start", "date"})) << line;
    ++n;
  }
  EXPECT_EQ(n, jsonLines(runProcess({kApp, "extract"}).out).size());
  // An unknown name: a usage error that names it and lists the valid ones; nothing written.
  r = runProcess({kApp, "extract", "--fields", "doc,sentense"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(atlas::test::countLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("unknown field 'sentense'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("doc, sentence, sentence_text,"), std::string::npos) << r.err;
}

TEST(ExtractCli, CsvHeaderIsTheChosenFields) {
  auto r = runProcess({kApp, "extract", "--format", "csv", "--fields", "place,doc,event_type"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("place,doc,event_type\r\n", 0), 0u) << r.out.substr(0, 200);
  // Ids and ACLED's event types hold no commas or quotes: three bare cells a row.
  size_t rows = 0;
  for (size_t at = r.out.find("\r\n") + 2; at < r.out.size(); ++rows) {
    const size_t end = r.out.find("\r\n", at);
    const std::string row = r.out.substr(at, end - at);
    EXPECT_EQ(std::count(row.begin(), row.end(), ','), 2) << row;
    at = end + 2;
  }
  EXPECT_GT(rows, 50u);
  // ACLED's columns are CSV's only.
  EXPECT_EQ(runProcess({kApp, "extract", "--fields", "event_type"}).exitCode, 2);
}

TEST(ExtractCli, ShardsRunThroughStdinMergeIntoTheWholeRunRecordForRecord) {
  // 20 articles (the samples four times over, ids distinct) cut into uneven shards, each run
  // on its own as a Hadoop or Spark map task runs it; their outputs one after the other are
  // the whole run's.
  TempDir dir;
  const std::vector<std::string> lines = sampleLines(4);
  ASSERT_EQ(lines.size(), 20u);
  std::ofstream(dir.path / "all.jsonl") << joined(lines, 0, lines.size());
  auto whole = runWithStdin(dir.path / "all.jsonl", {"extract", "--corpus", "-"});
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  std::string merged;
  const size_t cuts[] = {0, 3, 14, 20};
  for (size_t s = 0; s + 1 < std::size(cuts); ++s) {
    const fs::path shard = dir.path / ("part-" + std::to_string(s));
    std::ofstream(shard) << joined(lines, cuts[s], cuts[s + 1]);
    auto r = runWithStdin(shard, {"extract", "--corpus", "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    merged += r.out;
  }
  const auto expected = jsonLines(whole.out), got = jsonLines(merged);
  ASSERT_EQ(got.size(), expected.size());
  ASSERT_GT(expected.size(), 200u);
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(got[i], expected[i]) << "record " << i;
  EXPECT_EQ(merged, whole.out);
  // Every copy of an article gives the same records but for its id.
  EXPECT_EQ(docsInOrder(expected).size(), 20u);
}

TEST(ExtractCli, OutputFollowsInputOrderWhateverTheThreads) {
  // A long article first (the first sample 40 times in one text) and short ones after: with two
  // threads the short ones are done first, and must still come out after it.
  TempDir dir;
  std::vector<std::string> lines = sampleLines(2);
  json big = json::parse(lines[0]);
  std::string text;
  for (int i = 0; i < 40; ++i) text += big["text"].get<std::string>() + "\n\n";
  big["id"] = "big";
  big["text"] = text;
  lines.insert(lines.begin(), big.dump() + "\n");
  std::ofstream(dir.path / "c.jsonl") << joined(lines, 0, lines.size());
  auto one = runWithStdin(dir.path / "c.jsonl", {"extract", "--corpus", "-", "--threads", "1"});
  auto two = runWithStdin(dir.path / "c.jsonl", {"extract", "--corpus", "-", "--threads", "2"});
  ASSERT_EQ(one.exitCode, 0) << one.err;
  ASSERT_EQ(two.exitCode, 0) << two.err;
  std::vector<std::string> inputOrder;
  for (const std::string& l : lines) inputOrder.push_back(json::parse(l)["id"]);
  EXPECT_EQ(docsInOrder(jsonLines(two.out)), inputOrder);
  EXPECT_EQ(two.out, one.out);
}

TEST(ExtractCli, OutLeavesNoTemporaryFileAndAFailedRunKeepsTheOldFile) {
  TempDir dir;
  const fs::path out = dir.path / "mentions.jsonl";
  auto r = runProcess({kApp, "extract", "--out", out.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string first = readAll(out);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 1);
  // An empty corpus fails after the temporary file was opened: the old file stays, the
  // temporary file goes.
  std::ofstream(dir.path / "empty.jsonl");
  r = runProcess(
      {kApp, "extract", "--corpus", (dir.path / "empty.jsonl").string(), "--out", out.string()});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(readAll(out), first);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 2);
  // Standard output that cannot be written: exit 1 with one line saying so.
  r = runProcess({"/bin/sh", "-c", "exec \"$0\" extract > /dev/full", kApp});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("cannot write to standard output"), std::string::npos) << r.err;
}

TEST(ExtractCli, BadCorpusAndFormatAreUsageErrors) {
  auto r = runProcess({kApp, "extract", "--corpus", "/nonexistent"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(atlas::test::countLines(r.err), 1) << r.err;
  r = runProcess({kApp, "extract", "--format", "xml"});
  EXPECT_EQ(r.exitCode, 2);
}

TEST(ExtractCli, WarningsNameTheFileAndTheRestIsExtracted) {
  char tmpl[] = "/tmp/atlas-extract-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  std::ofstream(dir / "MANIFEST.tsv") << "file\tpublished\na.txt\t2016-13-01\n";
  std::ofstream(dir / "a.txt") << "قصف حي الشيخ سعيد";
  std::ofstream(dir / "b.txt") << "اشتباكات في \xFF بستان الباشا";
  auto r = runProcess({kApp, "extract", "--corpus", dir.string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("MANIFEST.tsv:2: warning: invalid date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("b.txt:1: warning: invalid UTF-8"), std::string::npos) << r.err;
  const auto records = jsonLines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["place"], "sheikh-saeed");
  EXPECT_TRUE(records[0]["date"].is_null());
  EXPECT_EQ(records[1]["place"], "bustan-al-basha");
  fs::remove_all(dir);
}

TEST(ControlCli, TsvAndGeoJsonAtADate) {
  auto r = runProcess({kApp, "control", "--date", "2016-12-04"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("place\tname_en\tname_ar\tkind\tside\tsince\tlast_evidence\tunconfirmed\t"
                        "disputed\treference_side\tdecided_by\tsentence\n",
                        0),
            0u);
  EXPECT_NE(r.out.find("al-myassar\tal-Myassar\tالميسر\tneighbourhood\tgovernment\t2016-12-04\t"),
            std::string::npos);
  r = runProcess({kApp, "control", "--date", "2016-12-05", "--format", "geojson"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const json fc = json::parse(r.out);
  int points = 0, lines = 0;
  for (const json& f : fc["features"]) {
    if (f["geometry"]["type"] == "Point") ++points;
    if (f["geometry"]["type"] == "LineString") {
      ++lines;
      EXPECT_TRUE(f["properties"]["frontline"].get<bool>());
      for (const json& c : f["geometry"]["coordinates"]) {
        EXPECT_NEAR(c[0].get<double>(), 37.15, 0.2);  // lon first (RFC 7946)
        EXPECT_NEAR(c[1].get<double>(), 36.2, 0.2);
      }
    }
  }
  EXPECT_GT(points, 50);
  EXPECT_GT(lines, 0) << "east Aleppo against the rest of the city makes a front";
  EXPECT_EQ(runProcess({kApp, "control", "--date", "2016-02-30"}).exitCode, 2);
}

// Twice the signed area of a closed ring (lon, lat): positive when counter-clockwise.
double signedArea(const json& ring) {
  double a = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
         ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return a;
}

TEST(ControlCli, GeoJsonHasEveryAreaAsAPolygonWithItsSide) {
  auto r = runProcess({kApp, "control", "--date", "2016-10-04", "--format", "geojson"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const json fc = json::parse(r.out);
  std::map<std::string, json> areas;
  for (const json& f : fc["features"])
    if (f["properties"].value("area", false)) areas[f["properties"]["place"]] = f;
  EXPECT_GE(areas.size(), 120u);  // one per place with a polygon (CSR's 133, grouped and split)
  for (const auto& [id, f] : areas) {
    const std::string type = f["geometry"]["type"];
    ASSERT_TRUE(type == "Polygon" || type == "MultiPolygon") << id;
    const json polygons = type == "Polygon" ? json::array({f["geometry"]["coordinates"]})
                                            : f["geometry"]["coordinates"];
    for (const json& polygon : polygons) {
      const json& outer = polygon[0];
      ASSERT_GE(outer.size(), 4u) << id;
      EXPECT_EQ(outer.front(), outer.back()) << id << ": rings are closed (RFC 7946)";
      EXPECT_GT(signedArea(outer), 0) << id << ": exterior rings are counter-clockwise";
    }
  }
  // al-Hamdaniyah is five CSR polygons: one MultiPolygon.
  EXPECT_EQ(areas["al-hamdaniyah"]["geometry"]["type"], "MultiPolygon");
  // aleppo_places.csv, early October 2016: Sheikh Saeed opposition, al-Jamiliyah government,
  // Sheikh Maqsoud Kurdish; Salah al-Din split (the front ran through it).
  EXPECT_EQ(areas["sheikh-saeed"]["properties"]["side"], "opposition");
  EXPECT_EQ(areas["al-jamiliyah"]["properties"]["side"], "government");
  EXPECT_EQ(areas["sheikh-maqsoud"]["properties"]["side"], "kurdish");
  EXPECT_EQ(areas["salah-al-din"]["properties"]["side"], "contested");
}

TEST(PlacesCli, ListsEveryPlaceWithIdNamesKindPositionAndSource) {
  auto r = runProcess({kApp, "places"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(
      r.out.rfind(
          "id\tname_ar\tname_en\tkind\tcategory\tlat\tlon\tarea\tconfidence\tnames\tsource\n", 0),
      0u);
  const size_t rows = static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n')) - 1;
  EXPECT_GE(rows, 300u);
  // The reference's Sheikh Saeed row: 36.1646, 37.1558.
  EXPECT_NE(r.out.find(
                "\nsheikh-saeed\tالشيخ سعيد\tSheikh Saeed\tneighbourhood\tneighbourhood\t36.16460\t"
                "37.15580\t1\t"),
            std::string::npos);
  r = runProcess({kApp, "places", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const json list = json::parse(r.out);
  ASSERT_EQ(list.size(), rows);
  for (const json& p : list) {
    EXPECT_FALSE(p["id"].get<std::string>().empty());
    EXPECT_FALSE(p["source"].get<std::string>().empty()) << p["id"];
  }
  EXPECT_EQ(runProcess({kApp, "places", "--format", "xml"}).exitCode, 2);
}

TEST(ControlCli, ACorpusOfAnotherYearRunsThroughTheSameCode) {
  // A report of August 2012 (written for this test in the style of that summer's news): the
  // place and its date come out; no 2016 side is carried back to 2012.
  char tmpl[] = "/tmp/atlas-2012-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  std::ofstream(dir / "MANIFEST.tsv") << "file\tpublished\na.txt\t2012-08-08\n";
  std::ofstream(dir / "a.txt") << "اشتباكات عنيفة أمس في حي صلاح الدين بمدينة حلب.";
  auto r = runProcess({kApp, "extract", "--corpus", dir.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto records = jsonLines(r.out);
  bool found = false;
  for (const json& rec : records)
    if (rec["place"] == "salah-al-din") {
      found = true;
      EXPECT_EQ(rec["date"], "2012-08-07");
    }
  EXPECT_TRUE(found) << r.out;
  r = runProcess({kApp, "control", "--date", "2012-08-07", "--corpus", dir.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.find("\tgovernment\t"), std::string::npos);
  EXPECT_EQ(r.out.find("\topposition\t"), std::string::npos);
  // The report's own clashes make Salah al-Din contested on that day, and nothing else is known.
  EXPECT_NE(r.out.find("salah-al-din\tSalah al-Din\tصلاح الدين\tneighbourhood\tcontested\t"),
            std::string::npos)
      << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("sheikh-saeed\tSheikh Saeed\tالشيخ سعيد\tneighbourhood\tunknown\t"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(ControlCli, ADayOutsideTheEvidenceSaysNoEvidenceAndGuessesNoSide) {
  // Before the first claim (1990) and long after the last (2017): exit 0, "no evidence" on
  // standard error, every place unknown, no front.
  for (const char* day : {"1990-01-01", "2017-06-01"}) {
    auto r = runProcess({kApp, "control", "--date", day});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("no evidence on "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(day), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("\tgovernment\t"), std::string::npos) << day;
    EXPECT_EQ(r.out.find("\topposition\t"), std::string::npos) << day;
    EXPECT_EQ(r.out.find("\tkurdish\t"), std::string::npos) << day;
    EXPECT_NE(r.out.find("sheikh-saeed\tSheikh Saeed\tالشيخ سعيد\tneighbourhood\tunknown\t"),
              std::string::npos);
    r = runProcess({kApp, "control", "--date", day, "--format", "geojson"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json fc = json::parse(r.out);
    for (const json& f : fc["features"]) {
      EXPECT_NE(f["geometry"]["type"], "LineString") << day << ": no front is guessed";
      if (f["properties"].contains("side")) {
        EXPECT_EQ(f["properties"]["side"], "unknown") << day;
      }
    }
  }
  // Inside the evidence: a side, and nothing said about missing evidence.
  auto r = runProcess({kApp, "control", "--date", "2016-12-04"});
  ASSERT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.err.find("no evidence"), std::string::npos) << r.err;
}

TEST(ControlCli, EvidencePastTheShelfLifeIsMarkedUnconfirmedWithItsDate) {
  // The last evidence on al-Myassar is the reference's snapshot of 8 December (the sample's last
  // report on it is of 5 December); on 24 December it is 16 days old.
  auto r = runProcess({kApp, "control", "--date", "2016-12-24", "--format", "geojson"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const json fc = json::parse(r.out);
  bool seen = false;
  for (const json& f : fc["features"])
    if (f.value("id", "") == "al-myassar") {
      seen = true;
      EXPECT_TRUE(f["properties"]["unconfirmed"].get<bool>());
      EXPECT_EQ(f["properties"]["last_evidence"], "2016-12-08");
    }
  EXPECT_TRUE(seen);
  // 18 November: the last evidence on either side of the front is the early-October reference,
  // so every stretch of front is unconfirmed (drawn dashed, flagged in the export).
  r = runProcess({kApp, "control", "--date", "2016-11-18", "--format", "geojson"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  int unconfirmedFront = 0, confirmedFront = 0;
  const json nov18 = json::parse(r.out);  // (kept: a range-for over a temporary's member dangles)
  for (const json& f : nov18["features"])
    if (f["properties"].value("frontline", false))
      (f["properties"]["unconfirmed"].get<bool>() ? unconfirmedFront : confirmedFront)++;
  EXPECT_GT(unconfirmedFront, 0);
  EXPECT_EQ(confirmedFront, 0);
  r = runProcess(
      {kApp, "control", "--date", "2016-12-24", "--format", "geojson", "--shelf-life", "60"});
  const json longShelf = json::parse(r.out);
  for (const json& f : longShelf["features"])
    if (f.value("id", "") == "al-myassar") {
      EXPECT_FALSE(f["properties"]["unconfirmed"].get<bool>());
    }
}
