#include "app/extraction_cache_file.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/atomic_write.h"

namespace atlas::app {

namespace fs = std::filesystem;

namespace {

bool readWholeFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), size));
}

}  // namespace

std::string programVersionKey() {
  // Hashed once per process: the executable does not change under it.
  static const std::string key = [] {
    std::string exe;
    std::string version = ATLAS_VERSION;
    if (readWholeFile("/proc/self/exe", exe)) {
      version += '+';
      version.append(contentHash(exe), 0, 16);
    }
    return version;
  }();
  return key;
}

fs::path extractionCacheFile(const fs::path& root, const std::string& corpusPath) {
  std::error_code ec;
  fs::path absolute = fs::absolute(corpusPath, ec);
  if (ec) absolute = corpusPath;
  const std::string name = absolute.lexically_normal().string();
  return root / "extraction" / (contentHash(name).substr(0, 32) + ".bin");
}

std::optional<CachedExtraction> readExtractionCacheFile(const fs::path& file,
                                                        const ExtractionCacheKey& key,
                                                        size_t places) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  CachedExtraction cached;
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) {
    cached.why = "cannot open it";
    return cached;
  }
  const ByteSource source = [in](char* into, size_t max) { return std::fread(into, 1, max, in); };
  cached = readExtraction(source, key, places);
  std::fclose(in);
  return cached;
}

std::optional<ExtractionResult> useExtractionCache(const fs::path& file,
                                                   std::optional<CachedExtraction> cached,
                                                   const ExtractionCacheKey& key,
                                                   const Corpus& corpus) {
  if (!cached) return std::nullopt;
  if (cached->extraction && !(cached->written == key)) return std::nullopt;  // stale
  if (cached->extraction) {
    cached->why = checkTextSizes(*cached, corpus);
    if (cached->why.empty()) return std::move(cached->extraction);
  }
  if (!cached->stale)
    std::fprintf(stderr,
                 "aleppo-atlas: %s: the extraction cache is damaged (%s); extracting again and "
                 "rewriting it\n",
                 file.c_str(), cached->why.c_str());
  return std::nullopt;
}

void writeExtractionCache(const fs::path& file, const ExtractionResult& extraction,
                          const Corpus& corpus, const ExtractionCacheKey& key) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::string error;
  bool ok = !ec;
  if (ec) error = file.parent_path().string() + ": " + ec.message();
  AtomicFileWriter out;
  ok = ok && out.open(file, error);
  if (ok)
    serializeExtraction(extraction, corpus, key,
                        [&](std::string_view chunk) { ok = ok && out.write(chunk, error); });
  ok = ok && out.commit(error);
  if (!ok)
    std::fprintf(stderr, "aleppo-atlas: cannot save the extraction cache: %s\n", error.c_str());
}

}  // namespace atlas::app
