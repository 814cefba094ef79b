// Makes a folder unwritable for the app under test, in a way that holds for root too (CI runs as
// root, and root ignores permission bits): the immutable attribute (chattr +i) when running as
// root, mode 0555 otherwise. Undone when the guard goes.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace atlas::test {

class Unwritable {
 public:
  explicit Unwritable(const std::filesystem::path& dir) : dir_(dir) {
    if (geteuid() == 0) {
      immutable_ = std::system(("chattr +i '" + dir.string() + "' 2>/dev/null").c_str()) == 0;
      ok_ = immutable_;
    } else {
      ok_ = chmod(dir.c_str(), 0555) == 0;
    }
  }
  ~Unwritable() {
    if (immutable_)
      (void)std::system(("chattr -i '" + dir_.string() + "'").c_str());
    else
      chmod(dir_.c_str(), 0755);
  }
  Unwritable(const Unwritable&) = delete;
  Unwritable& operator=(const Unwritable&) = delete;
  // False when nothing could make the folder unwritable (root without CAP_LINUX_IMMUTABLE, or a
  // file system without the attribute): the test then says so and skips.
  bool ok() const { return ok_; }

 private:
  std::filesystem::path dir_;
  bool immutable_ = false, ok_ = false;
};

}  // namespace atlas::test
