// Mention records as text, written straight into a reused std::string (no JSON tree, no
// allocation per record): JSON Lines, CSV rows (RFC 4180) and GeoJSON features, with the fields
// the user picked (`extract --fields`). The default fields write exactly what the nlohmann-based
// writer wrote before (strings escaped as nlohmann does, invalid UTF-8 as U+FFFD, doubles in
// their shortest round-trip form), and JSON Lines adds the offsets and flags a reader needs to
// rebuild every Mention (mention_reader.h).
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

enum class RecordFormat { Jsonl, Csv, GeoJson };
const char* recordFormatName(RecordFormat f);  // "jsonl", "csv", "geojson"

struct MentionField;  // a name and how its value is written (mention_record.cpp)

// The fields of a record, in output order.
struct FieldSet {
  RecordFormat format = RecordFormat::Jsonl;
  std::vector<const MentionField*> fields;
  std::vector<std::string_view> names() const;
};

// Every field `--fields` may name for a format, in the default order first, then the optional
// ones. CSV's "actor1" is ACLED's long name; GeoJSON leaves out what the feature itself carries
// (place, name_ar, name_en, kind, lat, lon).
std::vector<std::string_view> availableFields(RecordFormat format);
// JSON Lines: the fields written before the streaming writer, then the ones a reader needs;
// CSV and GeoJSON: exactly the columns and properties written before.
FieldSet defaultFields(RecordFormat format);

struct FieldsParseResult {
  std::optional<FieldSet> fields;  // empty on error
  std::string error;               // one line: the unknown or repeated name and the valid ones
};
// A comma-separated list of field names ("doc,place,date"); blanks around names are ignored.
FieldsParseResult parseFields(std::string_view list, RecordFormat format);

// Writes the records of one format and field set. Thread-safe (const): one per run, shared by
// the threads that serialise articles.
class MentionWriter {
 public:
  MentionWriter(const Gazetteer& gazetteer, FieldSet fields);

  RecordFormat format() const { return fields_.format; }
  // CSV: the header row. JSON Lines and GeoJSON: nothing.
  void header(std::string& out) const;
  // Appends one record: a JSON line ending in '\n', a CSV row ending in CRLF, or (GeoJSON) the
  // mention's object as it is indented inside its place's feature (see GeoJsonBuilder).
  void write(std::string& out, const Article& article, const Mention& mention) const;
  // GeoJSON: whether a mention has a feature to go in (its place is on the map).
  bool hasFeature(const Mention& mention) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const FieldSet& fields() const { return fields_; }

 private:
  const Gazetteer& gazetteer_;
  FieldSet fields_;
  std::vector<std::string> keys_;  // what goes before each field's value ("," "\"doc\":")
};

// A GeoJSON FeatureCollection with one Point feature per place, its mentions in properties.
// Features group mentions by place, so a collection cannot be written record by record: the
// mentions' objects (MentionWriter::write) are gathered per place, already serialised, and the
// collection is written at the end. Memory stays bounded whatever the corpus: a place's objects
// beyond `spillBytes` go to an unnamed temporary file (tmpfile(3)), read back by finish().
class GeoJsonBuilder {
 public:
  static constexpr size_t kSpillBytes = size_t{64} << 10;
  explicit GeoJsonBuilder(const MentionWriter& writer, size_t spillBytes = kSpillBytes);
  ~GeoJsonBuilder();
  GeoJsonBuilder(const GeoJsonBuilder&) = delete;
  GeoJsonBuilder& operator=(const GeoJsonBuilder&) = delete;
  // `object` is the mention's serialised object; call in output order. False when the temporary
  // file cannot be written (error() says why); the builder is then of no further use.
  bool add(int place, std::string_view object);
  // Hands the document to `sink` one piece at a time; stops and returns false when `sink` does,
  // or when the temporary file cannot be read back (error()).
  bool finish(const std::function<bool(std::string_view)>& sink);
  const std::string& error() const { return error_; }
  // Bytes held in memory now (for tests).
  size_t heldBytes() const;

 private:
  struct Chunk {
    uint64_t offset = 0, length = 0;  // in the temporary file
  };
  struct PlaceMentions {
    std::vector<Chunk> spilled;  // the place's first objects, in order
    std::string objects;         // the rest, joined by ",\n"
    size_t count = 0;
  };
  bool spill(PlaceMentions& p);

  const MentionWriter& writer_;
  size_t spillBytes_;
  std::vector<PlaceMentions> byPlace_;  // by gazetteer index
  std::FILE* spillFile_ = nullptr;
  uint64_t spillSize_ = 0;
  std::string error_;
};

// The JSON writer's pieces, for the other writers of JSON that need nlohmann's exact output.
namespace json_text {
// A JSON string as nlohmann dumps it with error_handler_t::replace: " \ and control characters
// escaped (\b \f \n \r \t, else \u00xx), other characters as they are, and each ill-formed
// UTF-8 sequence (its maximal valid prefix, as Unicode's "substitution of maximal subparts")
// written as U+FFFD.
void appendString(std::string& out, std::string_view s);
// The same for bytes known to be valid UTF-8 (they are not checked again).
void appendValidString(std::string& out, std::string_view s);
// A double as nlohmann dumps it: the shortest digits that read back to the same value, in
// plain notation with at least one decimal ("37.0") when the decimal point falls at digit 1 to
// 15, else as d.ddde±XX; NaN and infinities as null.
void appendDouble(std::string& out, double v);
}  // namespace json_text

}  // namespace atlas
