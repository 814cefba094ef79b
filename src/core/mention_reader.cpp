#include "core/mention_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"

namespace atlas {

namespace {

// The keys a Mention is rebuilt from (mention_record.cpp writes them). The rest of a record
// (sentence_text, surface, names, coordinates, claim_date, said_by, context) is derived from
// these, the article and the gazetteer, and is not read; "surface" is checked when present.
enum Key {
  kDoc,
  kSentence,
  kParagraph,
  kStart,
  kEnd,
  kSentenceStart,
  kSentenceEnd,
  kPlace,
  kCandidates,
  kAmbiguous,
  kRunTogether,
  kHeadStart,
  kHeadEnd,
  kContextFromArticle,
  kDate,
  kDateEnd,
  kDatePrecision,
  kDateRule,
  kEvent,
  kActors,
  kActor1,
  kFatalities,
  kFrontline,
  kClaim,
  kClaimSide,
  kControlClaim,
  kSaidByStart,
  kSaidByEnd,
  kRequired,  // the keys above are required
  kSurface = kRequired,
  kKeyCount
};

constexpr std::array<std::string_view, kKeyCount> kKeyNames = {"doc",
                                                               "sentence",
                                                               "paragraph",
                                                               "start",
                                                               "end",
                                                               "sentence_start",
                                                               "sentence_end",
                                                               "place",
                                                               "candidates",
                                                               "ambiguous",
                                                               "run_together",
                                                               "head_start",
                                                               "head_end",
                                                               "context_from_article",
                                                               "date",
                                                               "date_end",
                                                               "date_precision",
                                                               "date_rule",
                                                               "event",
                                                               "actors",
                                                               "actor1",
                                                               "fatalities",
                                                               "frontline",
                                                               "claim",
                                                               "claim_side",
                                                               "control_claim",
                                                               "said_by_start",
                                                               "said_by_end",
                                                               "surface"};

int keyIndex(std::string_view key) {
  static const std::unordered_map<std::string_view, int> index = [] {
    std::unordered_map<std::string_view, int> m;
    for (int i = 0; i < kKeyCount; ++i) m.emplace(kKeyNames[i], i);
    return m;
  }();
  auto it = index.find(key);
  return it == index.end() ? -1 : it->second;
}

constexpr std::pair<Actor, std::string_view> kActorNames[] = {{kGovernment, "government"},
                                                              {kOpposition, "opposition"},
                                                              {kRussianAirForce, "russia"},
                                                              {kKurdish, "kurdish"},
                                                              {kCivilians, "civilians"}};

// Lines of a file of any size, read in large blocks.
class LineReader {
 public:
  explicit LineReader(std::FILE* f) : f_(f) {}
  bool next(std::string& line) {
    line.clear();
    for (;;) {
      if (pos_ == buf_.size()) {
        buf_.resize(1 << 20);
        const size_t n = std::fread(buf_.data(), 1, buf_.size(), f_);
        buf_.resize(n);
        pos_ = 0;
        if (n == 0) return !line.empty();
      }
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', buf_.size() - pos_);
      if (nl) {
        const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
        line.append(start, len);
        pos_ += len + 1;
        return true;
      }
      line.append(start, buf_.size() - pos_);
      pos_ = buf_.size();
    }
  }

 private:
  std::FILE* f_;
  std::string buf_;
  size_t pos_ = 0;
};

// One record's values, checked one by one; the first problem names its field.
class Fields {
 public:
  Fields(const std::array<simdjson::dom::element, kKeyCount>& values, std::string& problem)
      : v_(values), problem_(problem) {}

  bool integer(Key k, int64_t lo, int64_t hi, int64_t& out) {
    if (v_[k].get_int64().get(out) || out < lo || out > hi)
      return fail(k,
                  "want a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return true;
  }
  bool offset(Key k, uint32_t& out) {
    int64_t v = 0;
    if (!integer(k, 0, std::numeric_limits<uint32_t>::max(), v)) return false;
    out = static_cast<uint32_t>(v);
    return true;
  }
  bool index(Key k, int& out) {
    int64_t v = 0;
    if (!integer(k, 0, std::numeric_limits<int>::max(), v)) return false;
    out = static_cast<int>(v);
    return true;
  }
  bool boolean(Key k, bool& out) {
    return !v_[k].get_bool().get(out) || fail(k, "want true or false");
  }
  bool isNull(Key k) const { return v_[k].is_null(); }
  bool string(Key k, std::string_view& out) {
    return !v_[k].get_string().get(out) || fail(k, "want a string");
  }
  bool date(Key k, std::optional<Date>& out) {
    if (isNull(k)) return true;
    std::string_view s;
    if (!string(k, s)) return false;
    out = parseIsoDate(s);
    return out || fail(k, "want a date YYYY-MM-DD or null");
  }
  bool side(Key k, std::optional<Side>& out) {
    if (isNull(k)) return true;
    std::string_view s;
    if (!string(k, s)) return false;
    out = parseSide(std::string(s));
    return out || fail(k, "unknown side '" + std::string(s) + "'");
  }
  bool fail(Key k, const std::string& why) {
    problem_ = "field \"" + std::string(kKeyNames[k]) + "\": " + why;
    return false;
  }

 private:
  const std::array<simdjson::dom::element, kKeyCount>& v_;
  std::string& problem_;
};

template <class Enum, int N>
bool enumByName(std::string_view name, const char* (*nameOf)(Enum), Enum& out) {
  for (int i = 0; i < N; ++i)
    if (name == nameOf(static_cast<Enum>(i))) {
      out = static_cast<Enum>(i);
      return true;
    }
  return false;
}

bool actorBit(std::string_view name, uint32_t& bits) {
  for (const auto& [bit, n] : kActorNames)
    if (n == name) {
      bits |= bit;
      return true;
    }
  return false;
}

class Loader {
 public:
  Loader(const std::string& file, const Corpus& corpus, const Gazetteer& gazetteer,
         MentionsLoadResult& result)
      : file_(file), corpus_(corpus), r_(result) {
    for (size_t i = 0; i < corpus.articles.size(); ++i)
      docs_.emplace(corpus.articles[i].id, static_cast<int>(i));
    for (size_t i = 0; i < gazetteer.places.size(); ++i)
      places_.emplace(gazetteer.places[i].id, static_cast<int>(i));
  }

  // False when the file cannot be used at all (r_.error says why).
  bool line(std::string_view text, int lineNo, ExtractionResult& x) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) return true;
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (auto e = parser_.parse(text.data(), text.size()).get(doc); e || doc.get_object().get(obj)) {
      const std::string why = e ? std::string("invalid JSON (") + simdjson::error_message(e) + ")"
                                : "not a JSON object";
      if (!records_) {  // the first line decides whether this is extract's output at all
        r_.error = file_ + ":" + std::to_string(lineNo) + ": " + why +
                   "; want the output of `aleppo-atlas extract --format jsonl`";
        return false;
      }
      warn(lineNo, why + "; line skipped");
      return true;
    }
    seen_.fill(false);
    for (simdjson::dom::key_value_pair kv : obj)
      if (const int k = keyIndex(kv.key); k >= 0) {
        values_[k] = kv.value;
        seen_[k] = true;
      }
    std::string missing;
    for (int k = 0; k < kRequired; ++k)
      if (!seen_[k]) missing.append(missing.empty() ? "" : ", ").append(kKeyNames[k]);
    const bool first = !records_++;
    if (!missing.empty()) {
      if (first) {  // written with --fields that leave out what a Mention needs
        r_.error = file_ + ":" + std::to_string(lineNo) + ": the records lack the fields a " +
                   "mention needs: " + missing + " (write them with extract's default --fields)";
        return false;
      }
      warn(lineNo, "no " + missing + "; record skipped");
      return true;
    }
    Mention m;
    std::string problem;
    if (!build(m, problem))
      warn(lineNo, problem + "; record skipped");
    else
      x.mentions.push_back(std::move(m));
    return true;
  }

  int records() const { return records_; }

 private:
  bool build(Mention& m, std::string& problem) {
    Fields f(values_, problem);
    std::string_view s;
    if (!f.string(kDoc, s)) return false;
    auto doc = docs_.find(s);
    if (doc == docs_.end()) {
      problem = "no article '" + std::string(s) + "' in the corpus";
      return false;
    }
    m.doc = doc->second;
    const std::string& text = corpus_.articles[m.doc].text;
    if (!f.index(kSentence, m.sentence) || !f.index(kParagraph, m.paragraph) ||
        !f.offset(kStart, m.start) || !f.offset(kEnd, m.end) ||
        !f.offset(kSentenceStart, m.sentenceStart) || !f.offset(kSentenceEnd, m.sentenceEnd) ||
        !f.offset(kHeadStart, m.headStart) || !f.offset(kHeadEnd, m.headEnd) ||
        !f.offset(kSaidByStart, m.saidByStart) || !f.offset(kSaidByEnd, m.saidByEnd))
      return false;
    // Offsets must fit this article's text, else the records are of another corpus (or another
    // version of this one) and the reader would show the wrong words.
    for (auto [from, to, key] : {std::tuple{m.start, m.end, kStart},
                                 {m.sentenceStart, m.sentenceEnd, kSentenceStart},
                                 {m.headStart, m.headEnd, kHeadStart},
                                 {m.saidByStart, m.saidByEnd, kSaidByStart}})
      if (from > to || to > text.size())
        return f.fail(key, "the span " + std::to_string(from) + ".." + std::to_string(to) +
                               " is not in the article's " + std::to_string(text.size()) +
                               " bytes");
    // A surface that is not the article's text at start..end: the records are of another corpus.
    // (Bytes that are not UTF-8 were written as U+FFFD and cannot be compared.)
    if (seen_[kSurface] && values_[kSurface].type() == simdjson::dom::element_type::STRING) {
      const std::string_view there = std::string_view(text).substr(m.start, m.end - m.start);
      if (!values_[kSurface].get_string().get(s) && s != there &&
          utf8::firstInvalid(there) == std::string_view::npos)
        return f.fail(kSurface, "not the article's text at byte " + std::to_string(m.start));
    }

    if (!f.isNull(kPlace)) {
      if (!f.string(kPlace, s)) return false;
      m.place = placeIndex(s, problem);
      if (m.place < 0) return false;
    }
    simdjson::dom::array list;
    if (values_[kCandidates].get_array().get(list)) return f.fail(kCandidates, "want an array");
    candidates_.clear();
    for (simdjson::dom::element c : list) {
      if (c.get_string().get(s)) return f.fail(kCandidates, "want place ids");
      const int p = placeIndex(s, problem);
      if (p < 0) return false;
      candidates_.push_back(p);
    }
    m.candidates = candidates_;
    if (!f.boolean(kAmbiguous, m.ambiguous) || !f.boolean(kRunTogether, m.runTogether) ||
        !f.boolean(kContextFromArticle, m.contextFromArticle) ||
        !f.boolean(kFrontline, m.frontline))
      return false;

    if (!f.date(kDate, m.date) || !f.date(kDateEnd, m.dateEnd)) return false;
    if (!f.string(kDatePrecision, s)) return false;
    if (!enumByName<DatePrecision, static_cast<int>(DatePrecision::Unknown) + 1>(
            s, datePrecisionName, m.datePrecision))
      return f.fail(kDatePrecision, "unknown precision '" + std::string(s) + "'");
    if (!f.isNull(kDateRule)) {
      if (!f.string(kDateRule, s)) return false;
      m.dateRule = sharedRule(s);
    }

    if (!f.string(kEvent, s)) return false;
    if (!enumByName<EventType, static_cast<int>(EventType::Casualties) + 1>(s, eventTypeName,
                                                                            m.event))
      return f.fail(kEvent, "unknown event '" + std::string(s) + "'");
    if (values_[kActors].get_array().get(list)) return f.fail(kActors, "want an array");
    for (simdjson::dom::element a : list)
      if (a.get_string().get(s) || !actorBit(s, m.actors))
        return f.fail(kActors, "want actor names (government, opposition, ...)");
    if (!f.isNull(kActor1)) {
      if (!f.string(kActor1, s)) return false;
      // One actor as a rule; several are joined with '|'.
      for (size_t from = 0; from <= s.size();) {
        const size_t bar = std::min(s.find('|', from), s.size());
        if (!actorBit(s.substr(from, bar - from), m.actor1))
          return f.fail(kActor1, "unknown actor '" + std::string(s) + "'");
        from = bar + 1;
      }
    }
    if (!f.isNull(kFatalities)) {
      int64_t n = 0;
      if (!f.integer(kFatalities, 0, std::numeric_limits<int32_t>::max(), n)) return false;
      m.fatalities = static_cast<int32_t>(n);
    }

    if (!f.isNull(kClaim)) {
      if (!f.string(kClaim, s)) return false;
      const std::optional<ClaimKind> kind = parseClaimKind(std::string(s));
      if (!kind) return f.fail(kClaim, "unknown claim '" + std::string(s) + "'");
      m.claimKind = *kind;
    }
    return f.side(kClaimSide, m.claimSide) && f.side(kControlClaim, m.claim);
  }

  int placeIndex(std::string_view id, std::string& problem) const {
    auto it = places_.find(id);
    if (it != places_.end()) return it->second;
    problem = "no place '" + std::string(id) + "' in the gazetteer";
    return -1;
  }

  // The pipeline shares one rule string among the mentions it dates; so does the reader.
  std::shared_ptr<const std::string> sharedRule(std::string_view rule) {
    if (!lastRule_ || *lastRule_ != rule) lastRule_ = std::make_shared<const std::string>(rule);
    return lastRule_;
  }

  void warn(int lineNo, const std::string& message) {
    r_.diagnostics.push_back({Diagnostic::Severity::Warning, file_, lineNo, message});
  }

  const std::string& file_;
  const Corpus& corpus_;
  MentionsLoadResult& r_;
  // Ids to indices, looked up by the string_views simdjson gives.
  std::unordered_map<std::string_view, int> docs_, places_;
  simdjson::dom::parser parser_;  // reused: its buffers grow to the longest line
  std::array<simdjson::dom::element, kKeyCount> values_;  // valid where seen_
  std::array<bool, kKeyCount> seen_{};
  std::shared_ptr<const std::string> lastRule_;
  std::vector<int> candidates_;  // reused: a record's candidates before they are the mention's
  int records_ = 0;              // JSON objects seen
};

}  // namespace

MentionsLoadResult loadMentions(const std::filesystem::path& path, const Corpus& corpus,
                                const Gazetteer& gazetteer) {
  MentionsLoadResult r;
  const std::string file = path.string();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), std::fclose);
  if (!f) {
    r.error = file + ": cannot open: " + std::strerror(errno);
    return r;
  }
  ExtractionResult x;
  Loader loader(file, corpus, gazetteer, r);
  LineReader lines(f.get());
  std::string text;
  int lineNo = 0;
  while (lines.next(text))
    if (!loader.line(text, ++lineNo, x)) return r;
  if (std::ferror(f.get())) {
    r.error = file + ": read error: " + std::strerror(errno);
    return r;
  }
  // Extract writes articles in corpus order and each article's mentions in text order; shards
  // merged in another order (or edited files) are put back in that order.
  std::stable_sort(x.mentions.begin(), x.mentions.end(), [](const Mention& a, const Mention& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.start < b.start;
  });
  // The records do not say how many sentences an article has: the last sentence with a
  // mention + 1 is what they show (articles without mentions: 0). Nothing reads the count of
  // sentences after the last mention, so no field is spent on it in every record.
  x.sentenceCount.assign(corpus.articles.size(), 0);
  for (const Mention& m : x.mentions)
    x.sentenceCount[m.doc] = std::max(x.sentenceCount[m.doc], m.sentence + 1);
  r.extraction = std::move(x);
  return r;
}

}  // namespace atlas
