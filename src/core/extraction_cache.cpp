#include "core/extraction_cache.h"

#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace atlas {

namespace {

// Bump when Mention or this layout changes: old files are then stale, not misread.
constexpr uint32_t kFormat = 2;  // 2: each article's text size, dates as day numbers checked
constexpr char kMagic[8] = {'A', 'T', 'L', 'A', 'S', 'X', 'C', '\n'};

// Native byte order: the cache belongs to the machine that wrote it. Bytes go to the sink a
// chunk at a time, hashed on the way for the checksum that ends the file.
struct Writer {
  const ByteSink& sink;
  std::string out;
  XXH3_state_t* hash = XXH3_createState();

  explicit Writer(const ByteSink& s) : sink(s) {
    XXH3_64bits_reset(hash);
    out.reserve(1 << 20);
  }
  ~Writer() { XXH3_freeState(hash); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  template <typename T>
  void put(T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
    if (out.size() >= (1 << 20)) flush();
  }
  void str(std::string_view s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    out.append(s);
  }
  void flush() {
    XXH3_64bits_update(hash, out.data(), out.size());
    sink(out);
    out.clear();
  }
  // The checksum of everything written, then the last bytes out.
  void finish() {
    flush();
    const uint64_t sum = XXH3_64bits_digest(hash);
    sink(std::string_view(reinterpret_cast<const char*>(&sum), sizeof sum));
  }
};

// Reads the bytes in chunks (a cache of a big corpus is hundreds of megabytes: it is never held
// whole) and hashes them as they go, so the checksum at the end can be checked.
struct Reader {
  const ByteSource& source;
  std::string buf = std::string(1 << 20, '\0');
  size_t pos = 0, len = 0;
  bool eof = false;
  bool ok = true;
  XXH3_state_t* hash = XXH3_createState();

  explicit Reader(const ByteSource& s) : source(s) { XXH3_64bits_reset(hash); }
  ~Reader() { XXH3_freeState(hash); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // At least n bytes from pos on, unless the input ends first.
  bool ensure(size_t n) {
    if (len - pos >= n) return true;
    XXH3_64bits_update(hash, buf.data(), pos);  // what was read so far leaves the buffer
    std::memmove(buf.data(), buf.data() + pos, len - pos);
    len -= pos;
    pos = 0;
    if (buf.size() < n) buf.resize(n);
    while (len < n && !eof) {
      const size_t got = source(buf.data() + len, buf.size() - len);
      if (got == 0) eof = true;
      len += got;
    }
    return len >= n;
  }
  template <typename T>
  T get() {
    T v{};
    if (!ensure(sizeof v)) {
      ok = false;
      return v;
    }
    std::memcpy(&v, buf.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  // The next n bytes, or null (and ok false) when the input ends first. The pointer is good
  // until the next call.
  const char* take(size_t n) {
    if (!ensure(n)) {
      ok = false;
      return nullptr;
    }
    const char* p = buf.data() + pos;
    pos += n;
    return p;
  }
  std::string str() {
    const uint32_t n = get<uint32_t>();
    if (!ok || n > (64u << 20) || !ensure(n)) {
      ok = false;
      return {};
    }
    std::string s(buf.data() + pos, n);
    pos += n;
    return s;
  }
  // The hash of every byte consumed so far.
  uint64_t digest() {
    XXH3_64bits_update(hash, buf.data(), pos);
    buf.erase(0, pos);
    len -= pos;
    pos = 0;
    return XXH3_64bits_digest(hash);
  }
  // True when exactly the 8 checksum bytes are left and they match.
  bool checksumMatches() {
    const uint64_t expected = digest();
    if (!ensure(8)) return false;
    uint64_t written = 0;
    std::memcpy(&written, buf.data() + pos, 8);
    pos += 8;
    return written == expected && !ensure(1);
  }
};

enum Flag : uint8_t {
  kAmbiguous = 1,
  kRunTogether = 2,
  kContextFromArticle = 4,
  kFrontline = 8,
  kHasDate = 16,
  kHasDateEnd = 32,
  kHasFatalities = 64,
  kResolvedByNeighbours = 128,
};
constexpr uint8_t kNoSide = 0xff;
// A date in 32 bits, year, month and day side by side: read back with shifts and masks, not the
// divisions of a day number.
int32_t packDate(const Date& d) { return d.year * 512 + d.month * 32 + d.day; }
Date unpackDate(int32_t v) { return Date{v >> 9, (v >> 5) & 15, v & 31}; }  // >> floors (C++20)

// A mention's record before its candidate places: 12 four-byte offsets and indices, 6 bytes of
// flags and kinds, two dates, fatalities (8), actors, actor1, the date rule and the count.
constexpr size_t kMentionFixedBytes = 12 * 4 + 6 + 4 + 4 + 8 + 4 + 4 + 4 + 4;

uint8_t sideByte(const std::optional<Side>& s) { return s ? static_cast<uint8_t>(*s) : kNoSide; }

// A side byte read back; false when it names no Side.
bool readSide(uint8_t b, std::optional<Side>& out) {
  if (b == kNoSide) {
    out.reset();
    return true;
  }
  if (b > static_cast<uint8_t>(Side::Contested)) return false;
  out = static_cast<Side>(b);
  return true;
}

// Hundreds of megabytes of mentions are about to be written: their pages are mapped in one call
// (and as huge pages where the system allows), not one fault per 4 KiB page as they are first
// touched. Only advice: nothing changes if the system says no.
void prefault(void* data, size_t bytes) {
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t from = (reinterpret_cast<uintptr_t>(data) + page - 1) & ~(page - 1);
  const uintptr_t to = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(page - 1);
  if (bytes < (size_t{4} << 20) || to <= from) return;
  void* start = reinterpret_cast<void*>(from);
  [[maybe_unused]] const int ignored = madvise(start, to - from, MADV_POPULATE_WRITE);
}

}  // namespace

std::string serializeExtraction(const ExtractionResult& x, const Corpus& corpus,
                                const ExtractionCacheKey& key) {
  std::string bytes;
  serializeExtraction(x, corpus, key, [&](std::string_view chunk) { bytes.append(chunk); });
  return bytes;
}

void serializeExtraction(const ExtractionResult& x, const Corpus& corpus,
                         const ExtractionCacheKey& key, const ByteSink& sink) {
  Writer w(sink);
  w.out.append(kMagic, sizeof kMagic);
  w.put<uint32_t>(kFormat);
  w.str(key.corpus);
  w.str(key.gazetteer);
  w.str(key.version);
  w.put<uint32_t>(static_cast<uint32_t>(x.sentenceCount.size()));
  for (int n : x.sentenceCount) w.put<int32_t>(n);
  // The size of each article's text, so that every offset is checked as it is read, and the
  // corpus needs only its sizes compared (checkTextSizes).
  for (size_t d = 0; d < x.sentenceCount.size(); ++d)
    w.put<uint64_t>(d < corpus.articles.size() ? corpus.articles[d].text.size() : 0);
  // Date rules are shared by the mentions they date, and many articles give the same one
  // ("publication date"): each text is stored once.
  std::unordered_map<const std::string*, int32_t> ruleIndex;
  std::unordered_map<std::string_view, int32_t> ruleOfText;
  std::vector<const std::string*> rules;
  for (const Mention& m : x.mentions) {
    if (!m.dateRule || ruleIndex.count(m.dateRule.get())) continue;
    const auto [it, added] = ruleOfText.emplace(*m.dateRule, static_cast<int32_t>(rules.size()));
    if (added) rules.push_back(m.dateRule.get());
    ruleIndex.emplace(m.dateRule.get(), it->second);
  }
  w.put<uint32_t>(static_cast<uint32_t>(rules.size()));
  for (const std::string* r : rules) w.str(*r);
  w.put<uint64_t>(x.mentions.size());
  for (const Mention& m : x.mentions) {
    w.put<int32_t>(m.doc);
    w.put<int32_t>(m.sentence);
    w.put<int32_t>(m.paragraph);
    w.put<uint32_t>(m.start);
    w.put<uint32_t>(m.end);
    w.put<uint32_t>(m.sentenceStart);
    w.put<uint32_t>(m.sentenceEnd);
    w.put<int32_t>(m.place);
    w.put<uint32_t>(m.headStart);
    w.put<uint32_t>(m.headEnd);
    w.put<uint32_t>(m.saidByStart);
    w.put<uint32_t>(m.saidByEnd);
    uint8_t flags = 0;
    if (m.ambiguous) flags |= kAmbiguous;
    if (m.runTogether) flags |= kRunTogether;
    if (m.contextFromArticle) flags |= kContextFromArticle;
    if (m.resolvedByNeighbours) flags |= kResolvedByNeighbours;
    if (m.frontline) flags |= kFrontline;
    if (m.date) flags |= kHasDate;
    if (m.dateEnd) flags |= kHasDateEnd;
    if (m.fatalities) flags |= kHasFatalities;
    w.put<uint8_t>(flags);
    w.put<uint8_t>(static_cast<uint8_t>(m.datePrecision));
    w.put<uint8_t>(static_cast<uint8_t>(m.event));
    w.put<uint8_t>(static_cast<uint8_t>(m.claimKind));
    w.put<uint8_t>(sideByte(m.claimSide));
    w.put<uint8_t>(sideByte(m.claim));
    w.put<int32_t>(m.date ? packDate(*m.date) : 0);
    w.put<int32_t>(m.dateEnd ? packDate(*m.dateEnd) : 0);
    w.put<int64_t>(m.fatalities ? *m.fatalities : 0);
    w.put<uint32_t>(m.actors);
    w.put<uint32_t>(m.actor1);
    w.put<int32_t>(m.dateRule ? ruleIndex[m.dateRule.get()] : -1);
    w.put<uint32_t>(static_cast<uint32_t>(m.candidates.size()));
    for (int c : m.candidates) w.put<int32_t>(c);
  }
  w.finish();
}

CachedExtraction deserializeExtraction(std::string_view bytes, const ExtractionCacheKey& key,
                                       const Corpus& corpus, const Gazetteer& gazetteer) {
  size_t at = 0;
  const ByteSource source = [&](char* into, size_t max) {
    const size_t n = std::min(max, bytes.size() - at);
    std::memcpy(into, bytes.data() + at, n);
    at += n;
    return n;
  };
  return deserializeExtraction(source, key, corpus, gazetteer);
}

CachedExtraction readExtraction(const ByteSource& source, const ExtractionCacheKey& key,
                                size_t places) {
  CachedExtraction result;
  auto fail = [&](const std::string& why) {
    result.extraction.reset();
    result.why = why;
    return result;
  };
  Reader r(source);
  char magic[sizeof kMagic];
  for (char& c : magic) c = r.get<char>();
  if (!r.ok || std::memcmp(magic, kMagic, sizeof kMagic))
    return fail("not an extraction cache file");
  // The keys come first, so a cache for another corpus or program is known as stale, not broken.
  const uint32_t format = r.get<uint32_t>();
  if (format != kFormat) {
    result.stale = true;
    return fail("written in another format");
  }
  ExtractionCacheKey& written = result.written;
  written.corpus = r.str();
  written.gazetteer = r.str();
  written.version = r.str();
  if (!r.ok) return fail("cut short");
  if (written.gazetteer != key.gazetteer || written.version != key.version ||
      (!key.corpus.empty() && written.corpus != key.corpus)) {
    result.stale = true;
    return fail(written.gazetteer != key.gazetteer ? "the gazetteer has changed"
                : written.version != key.version   ? "written by another program version"
                                                   : "the corpus has changed");
  }

  ExtractionResult x;
  const uint32_t articles = r.get<uint32_t>();
  if (!r.ok) return fail("cut short");
  // A damaged count must not allocate: room is made as things are read.
  x.sentenceCount.reserve(std::min<uint32_t>(articles, 1u << 20));
  for (uint32_t i = 0; i < articles && r.ok; ++i) x.sentenceCount.push_back(r.get<int32_t>());
  std::vector<uint64_t>& sizes = result.textSizes;
  sizes.reserve(x.sentenceCount.size());
  for (uint32_t i = 0; i < articles && r.ok; ++i) sizes.push_back(r.get<uint64_t>());
  if (!r.ok) return fail("cut short");
  int32_t lastDoc = 0;
  const uint32_t ruleCount = r.get<uint32_t>();
  std::vector<std::shared_ptr<const std::string>> rules;
  for (uint32_t i = 0; i < ruleCount && r.ok; ++i)
    rules.push_back(std::make_shared<const std::string>(r.str()));
  const uint64_t count = r.get<uint64_t>();
  if (!r.ok) return fail("cut short");
  x.mentions.reserve(std::min<uint64_t>(count, 1u << 22));
  prefault(x.mentions.data(), x.mentions.capacity() * sizeof(Mention));
  for (uint64_t i = 0; i < count; ++i) {
    // The fixed part of a record is taken whole: one bounds check a mention, not one a field.
    const char* p = r.take(kMentionFixedBytes);
    if (!p) return fail("cut short");
    auto next = [&p]<typename T>(T& v) {
      std::memcpy(&v, p, sizeof v);
      p += sizeof v;
    };
    Mention& m = x.mentions.emplace_back();
    int32_t doc, sentence, paragraph, place, date, dateEnd, rule;
    uint8_t flags, precision, event, claimKind, claimSide, claim;
    int64_t fatalities;
    uint32_t candidates;
    next(doc), next(sentence), next(paragraph);
    next(m.start), next(m.end), next(m.sentenceStart), next(m.sentenceEnd);
    next(place), next(m.headStart), next(m.headEnd), next(m.saidByStart), next(m.saidByEnd);
    next(flags), next(precision), next(event), next(claimKind), next(claimSide), next(claim);
    next(date), next(dateEnd), next(fatalities), next(m.actors), next(m.actor1), next(rule);
    next(candidates);
    m.doc = doc;
    m.sentence = sentence;
    m.paragraph = paragraph;
    m.place = place;
    if (candidates > places) return fail("cut short");
    const char* c = r.take(sizeof(int32_t) * candidates);
    if (!c) return fail("cut short");
    m.candidates.assignBytes(c, candidates);
    // Every index and offset, against the sizes above and the gazetteer, while it is at hand.
    if (doc < lastDoc || doc >= static_cast<int32_t>(articles))
      return fail("a mention names an article out of order or out of range");
    lastDoc = doc;
    const uint64_t size = sizes[doc];
    if (m.start > m.end || m.end > size || m.sentenceStart > m.sentenceEnd ||
        m.sentenceEnd > size || m.headStart > m.headEnd || m.headEnd > size ||
        m.saidByStart > m.saidByEnd || m.saidByEnd > size)
      return fail("a mention's offsets fall outside its article");
    if (place < -1 || place >= static_cast<int64_t>(places))
      return fail("a mention names no place");
    for (int p : m.candidates)
      if (p < 0 || p >= static_cast<int64_t>(places)) return fail("a mention names no place");
    if (precision > static_cast<uint8_t>(DatePrecision::Unknown) ||
        event > static_cast<uint8_t>(EventType::Casualties) ||
        claimKind > static_cast<uint8_t>(ClaimKind::Withdrew) || rule < -1 ||
        rule >= static_cast<int32_t>(rules.size()) || !readSide(claimSide, m.claimSide) ||
        !readSide(claim, m.claim))
      return fail("a mention holds a value out of range");
    m.ambiguous = flags & kAmbiguous;
    m.runTogether = flags & kRunTogether;
    m.contextFromArticle = flags & kContextFromArticle;
    m.resolvedByNeighbours = flags & kResolvedByNeighbours;
    m.frontline = flags & kFrontline;
    if (flags & kHasDate) m.date = unpackDate(date);
    if (flags & kHasDateEnd) m.dateEnd = unpackDate(dateEnd);
    if ((m.date && !isValidDate(m.date->year, m.date->month, m.date->day)) ||
        (m.dateEnd && !isValidDate(m.dateEnd->year, m.dateEnd->month, m.dateEnd->day)))
      return fail("a mention holds a value out of range");
    if (fatalities < 0 || fatalities > std::numeric_limits<int32_t>::max())
      return fail("a mention holds a value out of range");
    if (flags & kHasFatalities) m.fatalities = static_cast<int32_t>(fatalities);
    m.datePrecision = static_cast<DatePrecision>(precision);
    m.event = static_cast<EventType>(event);
    m.claimKind = static_cast<ClaimKind>(claimKind);
    if (rule >= 0) m.dateRule = rules[rule];
  }
  if (!r.checksumMatches()) return fail("checksum mismatch (the file is damaged)");
  result.extraction = std::move(x);
  return result;
}

std::string checkTextSizes(const CachedExtraction& cached, const Corpus& corpus) {
  if (cached.textSizes.size() != corpus.articles.size()) return "article count does not match";
  for (size_t d = 0; d < corpus.articles.size(); ++d)
    if (cached.textSizes[d] != corpus.articles[d].text.size()) return "an article's size differs";
  return {};
}

CachedExtraction deserializeExtraction(const ByteSource& source, const ExtractionCacheKey& key,
                                       const Corpus& corpus, const Gazetteer& gazetteer) {
  CachedExtraction result = readExtraction(source, key, gazetteer.places.size());
  if (result.extraction) {
    result.why = checkTextSizes(result, corpus);
    if (!result.why.empty()) result.extraction.reset();
  }
  return result;
}

}  // namespace atlas
