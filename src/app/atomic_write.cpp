#include "app/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace atlas::app {

bool writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                         std::string& error) {
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // (Built with append: GCC 12 warns falsely on "literal" + std::string&&, bug 105329.)
  std::string hidden = ".";
  hidden.append(target.filename().string()).append(".XXXXXX");
  std::string tmpl = (dir / hidden).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    error = target.string() + ": cannot create a temporary file in " + dir.string() + ": " +
            std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = target.string() + ": write failed: " + std::strerror(errno);
      ::close(fd);
      ::unlink(name.data());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; give the file the usual permissions for a user document.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = target.string() + ": cannot flush: " + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  if (std::rename(name.data(), target.c_str()) != 0) {
    error = target.string() + ": cannot replace the file: " + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace atlas::app
