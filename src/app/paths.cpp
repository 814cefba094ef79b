#include "app/paths.h"

#include <cstdlib>
#include <system_error>

namespace atlas::app {

namespace fs = std::filesystem;

namespace {
bool holdsCorpus(const fs::path& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_regular_file(dir / "corpus" / "MANIFEST.tsv", ec);
}
}  // namespace

fs::path findAssetsDir(const char* envValue, const fs::path& exe, const fs::path& buildDir,
                       const fs::path& sourceAssets) {
  if (envValue && *envValue && holdsCorpus(envValue)) return envValue;
  if (exe.empty()) return {};
  const fs::path installed = exe.parent_path().parent_path() / "share" / "aleppo-atlas" / "assets";
  if (holdsCorpus(installed)) return installed;
  std::error_code ec;
  if (fs::equivalent(exe.parent_path(), buildDir, ec) && holdsCorpus(sourceAssets))
    return sourceAssets;
  return {};
}

fs::path findAssetsDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return findAssetsDir(std::getenv("ALEPPO_ATLAS_ASSETS"), ec ? fs::path() : exe, ATLAS_BUILD_DIR,
                       ATLAS_SOURCE_ASSETS_DIR);
}

fs::path sampleCorpusDir() {
  const fs::path assets = findAssetsDir();
  return assets.empty() ? fs::path() : assets / "corpus";
}

fs::path configDir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "aleppo-atlas";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".config" / "aleppo-atlas";
  return fs::path(".config") / "aleppo-atlas";
}

fs::path cacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "aleppo-atlas";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "aleppo-atlas";
  return fs::path(".cache") / "aleppo-atlas";
}

}  // namespace atlas::app
