#include "app/cmd_extract.h"

#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "app/atomic_write.h"
#include "app/session.h"
#include "core/article_stream.h"
#include "core/event_attribution.h"
#include "core/extraction.h"
#include "core/mention_record.h"

namespace atlas::app {

namespace {

// How much is in flight between reading and writing. Enough articles for every thread to keep
// busy while the oldest is still being extracted; few enough bytes that memory stays bounded by
// this budget plus the largest article, whatever the corpus size.
constexpr size_t kSlotsPerThread = 64;
constexpr size_t kBytesInFlight = 8u << 20;
// A slot that held a large article or its records gives the memory back once written.
constexpr size_t kKeepCapacity = 1u << 20;

void printDiagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags) std::fprintf(stderr, "%s\n", d.format().c_str());
}

// Where the records go: standard output, or a file that replaces the target only when the
// whole run has succeeded.
class Output {
 public:
  bool open(const std::string& path, std::string& error) {
    path_ = path;
    return path_.empty() || file_.open(path_, error);
  }
  bool write(std::string_view bytes, std::string& error) {
    if (!path_.empty()) return file_.write(bytes, error);
    while (!bytes.empty()) {
      const ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error = std::string("cannot write to standard output: ") + std::strerror(errno);
        return false;
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  bool commit(std::string& error) { return path_.empty() || file_.commit(error); }
  void discard() { file_.discard(); }

 private:
  std::string path_;
  AtomicFileWriter file_;
};

// An article on its way through: read by the main thread, extracted and serialised by a worker,
// written (in input order) by the main thread.
struct Slot {
  Article article;
  std::string records;
  // GeoJSON: the mentions' objects in `records` and their places, for GeoJsonBuilder.
  struct Feature {
    int place;
    size_t begin, end;
  };
  std::vector<Feature> features;
  bool done = false;
};

// Reads articles, extracts them on `threads` workers and hands each article's records to
// `emit` in input order. Slots are a ring indexed by the article's sequence number.
class Pipeline {
 public:
  Pipeline(const MentionWriter& writer, const ControlTimeline& reference, int threads)
      : writer_(writer), reference_(reference), slots_(kSlotsPerThread * threads) {
    for (int t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }
  ~Pipeline() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    haveWork_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // Returns false as soon as `emit` does. `articles` counts the articles read.
  template <class Emit>
  bool run(ArticleStream& in, Emit&& emit, uint64_t& articles) {
    Diagnostics diags;
    bool eof = false;
    std::unique_lock lock(mu_);
    for (;;) {
      // Write what is done, oldest first.
      while (head_ < tail_ && slot(head_).done) {
        Slot& s = slot(head_);
        lock.unlock();
        const bool ok = emit(s);
        lock.lock();
        bytesInFlight_ -= s.article.text.size();
        release(s);
        ++head_;
        if (!ok) return false;
      }
      // Read while there is room (always when nothing is in flight, however large the article).
      if (!eof && tail_ - head_ < slots_.size() &&
          (bytesInFlight_ < kBytesInFlight || head_ == tail_)) {
        Slot& s = slot(tail_);
        lock.unlock();
        diags.clear();
        const bool got = in.next(s.article, diags);
        printDiagnostics(diags);
        lock.lock();
        if (!got) {
          eof = true;
          continue;
        }
        bytesInFlight_ += s.article.text.size();
        ++tail_;
        ++articles;
        haveWork_.notify_one();
        continue;
      }
      if (eof && head_ == tail_) return true;
      headDone_.wait(lock, [&] { return slot(head_).done; });
    }
  }

 private:
  Slot& slot(uint64_t seq) { return slots_[seq % slots_.size()]; }

  static void release(Slot& s) {
    s.done = false;
    if (s.article.text.capacity() > kKeepCapacity) std::string().swap(s.article.text);
    if (s.records.capacity() > kKeepCapacity) std::string().swap(s.records);
  }

  void work() {
    ArticleExtractor extractor(writer_.gazetteer());
    ExtractionResult one;  // one article's mentions, as attributeShellingByHolder takes them
    for (;;) {
      uint64_t seq = 0;
      {
        std::unique_lock lock(mu_);
        haveWork_.wait(lock, [&] { return stop_ || claimed_ < tail_; });
        if (stop_) return;
        seq = claimed_++;
      }
      Slot& s = slot(seq);
      one.mentions.clear();
      extractor.run(s.article, static_cast<int>(seq), one.mentions);
      // Shells with no named firer: the enemy of the shelled place's holder in the reference.
      attributeShellingByHolder(one, writer_.gazetteer(), reference_);
      s.records.clear();
      s.features.clear();
      const bool geojson = writer_.format() == RecordFormat::GeoJson;
      for (const Mention& m : one.mentions) {
        if (geojson && !writer_.hasFeature(m)) continue;
        const size_t begin = s.records.size();
        writer_.write(s.records, s.article, m);
        if (geojson) s.features.push_back({m.place, begin, s.records.size()});
      }
      {
        std::lock_guard lock(mu_);
        s.done = true;
      }
      headDone_.notify_one();
    }
  }

  const MentionWriter& writer_;
  const ControlTimeline& reference_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable haveWork_, headDone_;
  uint64_t head_ = 0;     // the oldest article not yet written
  uint64_t claimed_ = 0;  // the next article a worker takes
  uint64_t tail_ = 0;     // the next article read
  size_t bytesInFlight_ = 0;
  bool stop_ = false;
};

RecordFormat formatOf(const std::string& name) {
  return name == "csv"       ? RecordFormat::Csv
         : name == "geojson" ? RecordFormat::GeoJson
                             : RecordFormat::Jsonl;
}

}  // namespace

int runExtract(const ExtractArgs& args) {
  const RecordFormat format = formatOf(args.format);
  FieldsParseResult fields{defaultFields(format), {}};
  if (!args.fields.empty()) fields = parseFields(args.fields, format);
  if (!fields.fields) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", fields.error.c_str());
    return 2;
  }
  ArticleStreamOpenResult opened = openArticleStream(args.corpus);
  if (!opened.stream) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", opened.error.c_str());
    return 2;
  }
  std::string error;
  const std::unique_ptr<SessionAssets> assets = loadSessionAssets(false, &error);
  if (!assets) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 2;
  }
  Output out;
  if (!out.open(args.out, error)) {
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  const MentionWriter writer(assets->gazetteer, std::move(*fields.fields));
  GeoJsonBuilder features(writer);
  bool started = false;
  auto emit = [&](const Slot& s) {
    if (format == RecordFormat::GeoJson) {
      for (const Slot::Feature& f : s.features)
        if (!features.add(f.place, std::string_view(s.records).substr(f.begin, f.end - f.begin))) {
          error = features.error();
          return false;
        }
      return true;
    }
    if (!started) {  // the CSV header, once there is an article (an empty corpus is an error)
      started = true;
      std::string header;
      writer.header(header);
      if (!out.write(header, error)) return false;
    }
    return out.write(s.records, error);
  };

  const int threads = args.threads > 0
                          ? args.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  uint64_t articles = 0;
  bool ok = Pipeline(writer, assets->reference, threads).run(*opened.stream, emit, articles);
  // Standard input with no article is an empty piece of a bigger job (an empty Hadoop split or
  // Spark partition): nothing to say, and no failure to retry. A file or folder with none is
  // almost certainly the wrong path.
  if (ok && articles == 0 && args.corpus != "-") {
    out.discard();
    std::fprintf(stderr, "aleppo-atlas: %s: no articles to read\n", args.corpus.c_str());
    return 2;
  }
  if (ok && format == RecordFormat::GeoJson) {
    ok = features.finish([&](std::string_view bytes) { return out.write(bytes, error); });
    if (!ok && !features.error().empty()) error = features.error();
  }
  if (!ok || !out.commit(error)) {
    out.discard();
    std::fprintf(stderr, "aleppo-atlas: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace atlas::app
