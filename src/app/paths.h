// Where the app finds its assets and keeps its settings.
#pragma once

#include <filesystem>

namespace atlas::app {

// The assets folder: $ALEPPO_ATLAS_ASSETS if set; else <prefix>/share/aleppo-atlas/assets next
// to an installed executable; else, for an executable in the build tree, the source tree's
// assets/. An installed executable never falls back on the source tree.
// Returns an empty path if none of them holds the sample corpus.
std::filesystem::path findAssetsDir();
// The same search with its inputs explicit (for tests): the environment value (may be null),
// the executable's path, the build tree and the source tree's assets folder.
std::filesystem::path findAssetsDir(const char* envValue, const std::filesystem::path& exe,
                                    const std::filesystem::path& buildDir,
                                    const std::filesystem::path& sourceAssets);

// The sample corpus shipped in assets/.
std::filesystem::path sampleCorpusDir();

// $XDG_CONFIG_HOME/aleppo-atlas, else ~/.config/aleppo-atlas. Not created here.
std::filesystem::path configDir();

// $XDG_CACHE_HOME/aleppo-atlas, else ~/.cache/aleppo-atlas: what can be rebuilt (the extraction
// cache). Not created here.
std::filesystem::path cacheDir();

}  // namespace atlas::app
