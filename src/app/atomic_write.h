// Writes a whole file so that readers see either the old content or the new, never a mix:
// a temporary file in the same folder, flushed, then renamed over the target.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace atlas::app {

// On failure returns false, leaves any previous file untouched and sets `error` to one line.
bool writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                         std::string& error);

}  // namespace atlas::app
