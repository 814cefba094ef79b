#include "app/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace atlas::app {

bool AtomicFileWriter::open(const std::filesystem::path& target, std::string& error) {
  discard();
  target_ = target;
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // (Built with append: GCC 12 warns falsely on "literal" + std::string&&, bug 105329.)
  std::string hidden = ".";
  hidden.append(target.filename().string()).append(".XXXXXX");
  std::string tmpl = (dir / hidden).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  fd_ = mkstemp(name.data());
  if (fd_ < 0) {
    error = target.string() + ": cannot create a temporary file in " + dir.string() + ": " +
            std::strerror(errno);
    return false;
  }
  temp_ = name.data();
  return true;
}

bool AtomicFileWriter::write(std::string_view bytes, std::string& error) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = target_.string() + ": write failed: " + std::strerror(errno);
      discard();
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool AtomicFileWriter::commit(std::string& error) {
  // mkstemp creates 0600; give the file the usual permissions for a user document.
  ::fchmod(fd_, 0644);
  const bool flushed = ::fsync(fd_) == 0;
  const int fsyncErrno = errno;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!flushed || !closed) {
    error = target_.string() + ": cannot flush: " + std::strerror(flushed ? errno : fsyncErrno);
    discard();
    return false;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    error = target_.string() + ": cannot replace the file: " + std::strerror(errno);
    discard();
    return false;
  }
  temp_.clear();
  return true;
}

void AtomicFileWriter::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

bool writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                         std::string& error) {
  AtomicFileWriter file;
  return file.open(target, error) && file.write(bytes, error) && file.commit(error);
}

}  // namespace atlas::app
