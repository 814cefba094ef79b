#include "app/png_writer.h"

#include <stb_image_write.h>

#include "app/atomic_write.h"

namespace atlas::app {

bool writePng(const std::filesystem::path& path, const std::vector<std::uint8_t>& rgba, int width,
              int height, std::string& error) {
  std::string bytes;
  auto sink = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), size);
  };
  if (!stbi_write_png_to_func(sink, &bytes, width, height, 4, rgba.data(), width * 4)) {
    error = path.string() + ": PNG encoding failed";
    return false;
  }
  return writeFileAtomically(path, bytes, error);
}

}  // namespace atlas::app
