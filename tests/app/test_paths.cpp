#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/paths.h"

namespace fs = std::filesystem;
using atlas::app::configDir;
using atlas::app::findAssetsDir;

namespace {

// A temporary folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-paths-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

void makeAssets(const fs::path& dir) {
  fs::create_directories(dir / "corpus");
  std::ofstream(dir / "corpus" / "MANIFEST.tsv") << "file\tpublished\n";
}

}  // namespace

TEST(ConfigDir, UsesXdgConfigHomeWhenAbsolute) {
  setenv("XDG_CONFIG_HOME", "/tmp/xdg-test-home", 1);
  EXPECT_EQ(configDir(), fs::path("/tmp/xdg-test-home/aleppo-atlas"));
}

TEST(ConfigDir, IgnoresRelativeXdgConfigHomeAsTheSpecSays) {
  setenv("XDG_CONFIG_HOME", "relative/dir", 1);
  setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(configDir(), fs::path("/home/someone/.config/aleppo-atlas"));
}

TEST(ConfigDir, FallsBackToHomeDotConfig) {
  unsetenv("XDG_CONFIG_HOME");
  setenv("HOME", "/home/analyst", 1);
  EXPECT_EQ(configDir(), fs::path("/home/analyst/.config/aleppo-atlas"));
}

TEST(AssetsDir, EnvironmentOverrideWins) {
  TempDir env, prefix, source;
  makeAssets(env.path);
  makeAssets(prefix.path / "share" / "aleppo-atlas" / "assets");
  makeAssets(source.path);
  EXPECT_EQ(findAssetsDir(env.path.c_str(), prefix.path / "bin" / "aleppo-atlas", "/nonexistent",
                          source.path),
            env.path);
}

TEST(AssetsDir, InstalledLayoutBeforeSourceTree) {
  TempDir prefix, source;
  makeAssets(prefix.path / "share" / "aleppo-atlas" / "assets");
  makeAssets(source.path);
  EXPECT_EQ(findAssetsDir(nullptr, prefix.path / "bin" / "aleppo-atlas", prefix.path / "bin",
                          source.path),
            prefix.path / "share" / "aleppo-atlas" / "assets");
}

TEST(AssetsDir, SourceTreeWhenRunFromTheBuildTree) {
  TempDir build, source;
  makeAssets(source.path);
  EXPECT_EQ(findAssetsDir("", build.path / "aleppo-atlas", build.path, source.path), source.path);
}

TEST(AssetsDir, AnInstalledBinaryNeverFallsBackOnTheSourceTree) {
  TempDir prefix, build, source;
  makeAssets(source.path);
  EXPECT_TRUE(findAssetsDir(nullptr, prefix.path / "bin" / "aleppo-atlas", build.path, source.path)
                  .empty());
}

TEST(AssetsDir, EnvironmentPointingAtNothingIsIgnored) {
  TempDir source;
  makeAssets(source.path);
  TempDir build;
  EXPECT_EQ(
      findAssetsDir("/nonexistent/assets", build.path / "aleppo-atlas", build.path, source.path),
      source.path);
}

TEST(AssetsDir, EmptyWhenNothingHoldsTheCorpus) {
  TempDir empty;
  EXPECT_TRUE(findAssetsDir(nullptr, empty.path / "x", empty.path, empty.path).empty());
}

TEST(AssetsDir, TheShippedSampleCorpusIsByteIdenticalToTheSharedOne) {
  const fs::path shipped = fs::path(ATLAS_TEST_ASSETS_DIR) / "corpus";
  const fs::path shared = fs::path(ATLAS_SHARED_REFERENCE_DIR).parent_path() / "corpus";
  if (!fs::exists(shared)) GTEST_SKIP() << "no ../shared/corpus beside this checkout";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(shared)) {
    auto read = [](const fs::path& p) {
      std::ifstream in(p, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), {});
    };
    EXPECT_EQ(read(entry.path()), read(shipped / entry.path().filename()))
        << entry.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 7);  // five articles, MANIFEST.tsv, README.md
}
