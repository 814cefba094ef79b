#include "core/corpus_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <thread>
#include <vector>

#include "core/article_stream.h"
#include "core/corpus_hash.h"
#include "core/jsonl_reader.h"

namespace atlas {

namespace fs = std::filesystem;

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

// What one reader gathered: its articles (and their hashes) and its messages, in input order.
struct Gathered {
  std::vector<Article> articles;
  std::vector<int> lines;  // each article's line in its piece (pieces of a .jsonl file)
  std::vector<ArticleHash> hashes;
  Diagnostics diagnostics;
  bool cancelled = false;
};

// Takes every article `next` gives, hashing each while it is fresh in the cache.
template <typename Next, typename Read>
void gather(Gathered& g, Next next, Read bytesRead, const CorpusReadOptions& options) {
  uint64_t reported = 0;
  for (Article a; next(a, g.diagnostics); a = Article{}) {
    if (options.hash) g.hashes.push_back(articleContentHash(a));
    g.articles.push_back(std::move(a));
    if (options.bytesRead) {
      const uint64_t now = bytesRead();
      options.bytesRead->fetch_add(now - reported, std::memory_order_relaxed);
      reported = now;
    }
    if (cancelled(options.cancel)) {
      g.cancelled = true;
      return;
    }
  }
  if (options.bytesRead)
    options.bytesRead->fetch_add(bytesRead() - reported, std::memory_order_relaxed);
}

CorpusRead finish(const fs::path& path, std::vector<Gathered>& parts,
                  const CorpusReadOptions& options) {
  CorpusRead r;
  r.pieces = static_cast<int>(parts.size());
  for (const Gathered& g : parts)
    if (g.cancelled) {
      r.cancelled = true;
      r.error = "reading " + path.string() + " was cancelled";
      return r;
    }
  Corpus corpus;
  corpus.root = path;
  size_t articles = 0, diagnostics = 0;
  for (const Gathered& g : parts) {
    articles += g.articles.size();
    diagnostics += g.diagnostics.size();
  }
  corpus.articles.reserve(articles);
  corpus.diagnostics.reserve(diagnostics);
  std::vector<ArticleHash> hashes;
  hashes.reserve(options.hash ? articles : 0);
  for (Gathered& g : parts) {
    std::move(g.articles.begin(), g.articles.end(), std::back_inserter(corpus.articles));
    std::move(g.diagnostics.begin(), g.diagnostics.end(), std::back_inserter(corpus.diagnostics));
    hashes.insert(hashes.end(), g.hashes.begin(), g.hashes.end());
  }
  if (options.hash) r.contentHash = corpusContentHash(hashes);
  r.corpus = std::move(corpus);
  return r;
}

CorpusRead readInOneGo(const fs::path& path, const CorpusReadOptions& options) {
  ArticleStreamOpenResult opened = openArticleStream(path);
  if (!opened.stream) {
    CorpusRead r;
    r.error = std::move(opened.error);
    return r;
  }
  ArticleStream& stream = *opened.stream;
  if (options.bytesTotal) options.bytesTotal->store(stream.bytesTotal());
  std::vector<Gathered> parts(1);
  gather(
      parts[0], [&](Article& a, Diagnostics& d) { return stream.next(a, d); },
      [&] { return stream.bytesRead(); }, options);
  return finish(path, parts, options);
}

// The first byte after the line break at or after `from`; `size` if there is none.
uint64_t nextLineStart(int fd, uint64_t from, uint64_t size) {
  char buf[1 << 16];
  for (uint64_t at = from; at < size;) {
    const ssize_t n =
        ::pread(fd, buf, std::min<uint64_t>(sizeof buf, size - at), static_cast<off_t>(at));
    if (n <= 0) return size;
    if (const void* nl = std::memchr(buf, '\n', static_cast<size_t>(n)))
      return at + static_cast<uint64_t>(static_cast<const char*>(nl) - buf) + 1;
    at += static_cast<uint64_t>(n);
  }
  return size;
}

// True when no piece took an id an earlier piece took: then each piece's messages are the
// ones a single reader would have given.
bool idsApart(const std::vector<std::unique_ptr<JsonlArticleReader>>& readers) {
  bool apart = true;
  for (size_t k = 1; k < readers.size(); ++k)
    readers[k]->idsTaken().forEach([&](std::string_view id) {
      for (size_t j = 0; j < k && apart; ++j) apart = !readers[j]->idsTaken().contains(id);
    });
  return apart;
}

}  // namespace

CorpusRead readCorpus(const fs::path& path, const CorpusReadOptions& options) {
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::error_code ec;
  if (threads < 2 || path == "-" || path.extension() != ".jsonl" || !fs::is_regular_file(path, ec))
    return readInOneGo(path, options);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 ||
      static_cast<uint64_t>(st.st_size) < 2 * options.minPieceBytes) {
    if (fd >= 0) ::close(fd);
    return readInOneGo(path, options);  // which says why a file cannot be opened
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (options.bytesTotal) options.bytesTotal->store(size);
  const int count = static_cast<int>(
      std::min<uint64_t>(static_cast<uint64_t>(threads), size / options.minPieceBytes));
  std::vector<uint64_t> starts{0};
  for (int k = 1; k < count; ++k) {
    const uint64_t start = nextLineStart(fd, std::max(starts.back(), size / count * k), size);
    if (start < size && start > starts.back()) starts.push_back(start);
  }
  starts.push_back(size);
  const size_t pieces = starts.size() - 1;

  std::vector<std::unique_ptr<JsonlArticleReader>> readers(pieces);
  std::vector<Gathered> parts(pieces);
  std::vector<std::exception_ptr> failures(pieces);
  std::vector<char> lost(pieces, 0);  // a read failed: only one reader of the whole file can say
  auto readPiece = [&](size_t k) {
    try {
      readers[k] = std::make_unique<JsonlArticleReader>(
          fd, path.string(),
          JsonlArticleReader::Piece{starts[k], starts[k + 1] - starts[k], k == 0});
      JsonlArticleReader& reader = *readers[k];
      gather(
          parts[k],
          [&](Article& a, Diagnostics& d) {
            if (!reader.next(a, d)) return false;
            parts[k].lines.push_back(reader.line());
            return true;
          },
          [&] { return reader.bytesRead(); }, options);
      if (reader.readFailed()) lost[k] = 1;
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  {
    std::vector<std::thread> others;
    for (size_t k = 1; k < pieces; ++k) others.emplace_back(readPiece, k);
    readPiece(0);
    for (std::thread& t : others) t.join();
  }
  ::close(fd);
  for (const std::exception_ptr& f : failures)
    if (f) std::rethrow_exception(f);
  if (std::any_of(parts.begin(), parts.end(), [](const Gathered& g) { return g.cancelled; }))
    return finish(path, parts, options);
  // An id made from a line number ("corpus:12") is wrong in a piece after the first: such a
  // file, like one with a failed read or an id in two pieces, is read again in one go.
  bool madeIds = false;
  for (size_t k = 1; k < pieces; ++k) madeIds = madeIds || readers[k]->idsMade() > 0;
  if (madeIds || std::any_of(lost.begin(), lost.end(), [](char l) { return l; }) ||
      !idsApart(readers)) {
    readers.clear();
    parts.clear();
    if (options.bytesRead) options.bytesRead->store(0);
    return readInOneGo(path, options);
  }
  // Lines counted from each piece's start become the file's lines.
  int before = 0;
  for (size_t k = 0; k < pieces; ++k) {
    if (k > 0) {
      for (Diagnostic& d : parts[k].diagnostics)
        if (d.line > 0) d.line += before;
      for (size_t i = 0; i < parts[k].articles.size(); ++i)
        parts[k].articles[i].source =
            path.string() + ":" + std::to_string(parts[k].lines[i] + before);
    }
    before += readers[k]->line();
  }
  return finish(path, parts, options);
}

}  // namespace atlas
