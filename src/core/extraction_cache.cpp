#include "core/extraction_cache.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace atlas {

namespace {

// Bump when Mention or this layout changes: old files are then stale, not misread.
constexpr uint32_t kFormat = 1;
constexpr char kMagic[8] = {'A', 'T', 'L', 'A', 'S', 'X', 'C', '\n'};

std::string hex128(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

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
};
constexpr uint8_t kNoSide = 0xff;

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

}  // namespace

std::string contentHash(std::string_view bytes) {
  return hex128(XXH3_128bits(bytes.data(), bytes.size()));
}

std::string corpusContentHash(const Corpus& corpus) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  // Each field with its length first, so no two corpora hash the same bytes.
  auto field = [&](std::string_view s) {
    const uint64_t n = s.size();
    XXH3_128bits_update(state, &n, sizeof n);
    XXH3_128bits_update(state, s.data(), s.size());
  };
  for (const Article& a : corpus.articles) {
    field(a.id);
    field(a.published ? a.published->iso() : std::string());
    field(a.outlet);
    field(a.title);
    field(a.text);
  }
  const std::string h = hex128(XXH3_128bits_digest(state));
  XXH3_freeState(state);
  return h;
}

std::string serializeExtraction(const ExtractionResult& x, const ExtractionCacheKey& key) {
  std::string bytes;
  serializeExtraction(x, key, [&](std::string_view chunk) { bytes.append(chunk); });
  return bytes;
}

void serializeExtraction(const ExtractionResult& x, const ExtractionCacheKey& key,
                         const ByteSink& sink) {
  Writer w(sink);
  w.out.append(kMagic, sizeof kMagic);
  w.put<uint32_t>(kFormat);
  w.str(key.corpus);
  w.str(key.gazetteer);
  w.str(key.version);
  w.put<uint32_t>(static_cast<uint32_t>(x.sentenceCount.size()));
  for (int n : x.sentenceCount) w.put<int32_t>(n);
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
    w.put<int32_t>(m.date ? m.date->toDays() : 0);
    w.put<int32_t>(m.dateEnd ? m.dateEnd->toDays() : 0);
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
  const uint32_t ruleCount = r.get<uint32_t>();
  std::vector<std::shared_ptr<const std::string>> rules;
  for (uint32_t i = 0; i < ruleCount && r.ok; ++i)
    rules.push_back(std::make_shared<const std::string>(r.str()));
  const uint64_t count = r.get<uint64_t>();
  if (!r.ok) return fail("cut short");
  x.mentions.reserve(std::min<uint64_t>(count, 1u << 22));
  for (uint64_t i = 0; i < count; ++i) {
    Mention& m = x.mentions.emplace_back();
    m.doc = r.get<int32_t>();
    m.sentence = r.get<int32_t>();
    m.paragraph = r.get<int32_t>();
    m.start = r.get<uint32_t>();
    m.end = r.get<uint32_t>();
    m.sentenceStart = r.get<uint32_t>();
    m.sentenceEnd = r.get<uint32_t>();
    m.place = r.get<int32_t>();
    m.headStart = r.get<uint32_t>();
    m.headEnd = r.get<uint32_t>();
    m.saidByStart = r.get<uint32_t>();
    m.saidByEnd = r.get<uint32_t>();
    const uint8_t flags = r.get<uint8_t>();
    const uint8_t precision = r.get<uint8_t>(), event = r.get<uint8_t>(),
                  claimKind = r.get<uint8_t>(), claimSide = r.get<uint8_t>(),
                  claim = r.get<uint8_t>();
    const int32_t date = r.get<int32_t>(), dateEnd = r.get<int32_t>();
    const int64_t fatalities = r.get<int64_t>();
    m.actors = r.get<uint32_t>();
    m.actor1 = r.get<uint32_t>();
    const int32_t rule = r.get<int32_t>();
    const uint32_t candidates = r.get<uint32_t>();
    if (!r.ok || candidates > places) return fail("cut short");
    m.candidates.resize(candidates);
    for (int& c : m.candidates) c = r.get<int32_t>();
    if (!r.ok) return fail("cut short");
    if (precision > static_cast<uint8_t>(DatePrecision::Unknown) ||
        event > static_cast<uint8_t>(EventType::Casualties) ||
        claimKind > static_cast<uint8_t>(ClaimKind::Withdrew) || rule < -1 ||
        rule >= static_cast<int32_t>(rules.size()) || !readSide(claimSide, m.claimSide) ||
        !readSide(claim, m.claim))
      return fail("a mention holds a value out of range");
    m.ambiguous = flags & kAmbiguous;
    m.runTogether = flags & kRunTogether;
    m.contextFromArticle = flags & kContextFromArticle;
    m.frontline = flags & kFrontline;
    if (flags & kHasDate) m.date = Date::fromDays(date);
    if (flags & kHasDateEnd) m.dateEnd = Date::fromDays(dateEnd);
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

std::string checkExtraction(const ExtractionResult& x, const Corpus& corpus,
                            const Gazetteer& gazetteer) {
  const size_t articles = corpus.articles.size();
  if (x.sentenceCount.size() != articles) return "article count does not match";
  const int places = static_cast<int>(gazetteer.places.size());
  int lastDoc = 0;
  for (const Mention& m : x.mentions) {
    if (m.doc < lastDoc || m.doc >= static_cast<int>(articles))
      return "a mention names an article out of order or out of range";
    lastDoc = m.doc;
    const size_t size = corpus.articles[m.doc].text.size();
    if (m.start > m.end || m.end > size || m.sentenceStart > m.sentenceEnd ||
        m.sentenceEnd > size || m.headStart > m.headEnd || m.headEnd > size ||
        m.saidByStart > m.saidByEnd || m.saidByEnd > size)
      return "a mention's offsets fall outside its article";
    if (m.place < -1 || m.place >= places) return "a mention names no place";
    for (int c : m.candidates)
      if (c < 0 || c >= places) return "a mention names no place";
  }
  return {};
}

CachedExtraction deserializeExtraction(const ByteSource& source, const ExtractionCacheKey& key,
                                       const Corpus& corpus, const Gazetteer& gazetteer) {
  CachedExtraction result = readExtraction(source, key, gazetteer.places.size());
  if (result.extraction) {
    result.why = checkExtraction(*result.extraction, corpus, gazetteer);
    if (!result.why.empty()) result.extraction.reset();
  }
  return result;
}

}  // namespace atlas
