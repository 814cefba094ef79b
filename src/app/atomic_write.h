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

// The same for a file written piece by piece while it is produced (extract's records): open()
// creates the temporary file, write() appends, commit() flushes it and renames it over the
// target. Until commit() succeeds the target is untouched, and the temporary file is removed by
// discard() or the destructor (an error, an early return). Every failure sets `error` to one
// line naming the target.
class AtomicFileWriter {
 public:
  AtomicFileWriter() = default;
  ~AtomicFileWriter() { discard(); }
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  bool open(const std::filesystem::path& target, std::string& error);
  bool write(std::string_view bytes, std::string& error);
  bool commit(std::string& error);
  void discard();

 private:
  std::filesystem::path target_;
  std::string temp_;  // the temporary file's name while it exists
  int fd_ = -1;
};

}  // namespace atlas::app
