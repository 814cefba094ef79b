#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace atlas::app {

// Writes tightly packed RGBA8 pixels, top row first, as a PNG file (atomically).
bool writePng(const std::filesystem::path& path, const std::vector<std::uint8_t>& rgba, int width,
              int height, std::string& error);

}  // namespace atlas::app
