#include "core/article_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <system_error>
#include <vector>

#include "core/jsonl_reader.h"

namespace atlas {

namespace fs = std::filesystem;

namespace {

// Opens a file for reading, only if it is a regular file. On failure `error` says why in a few
// words ("is a folder", "permission denied", ...). Opened without blocking so a FIFO named like
// an article cannot hang the load.
int openRegularFile(const fs::path& p, struct stat& st, std::string& error) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return -1;
  }
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file";
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads a whole regular file (an article or the manifest) straight into `out`.
bool readFile(const fs::path& p, std::string& out, std::string& error) {
  struct stat st {};
  const int fd = openRegularFile(p, st, error);
  if (fd < 0) return false;
  out.resize(static_cast<size_t>(st.st_size));
  size_t size = 0;
  for (;;) {
    // Past the size fstat gave (the file grew, or its size is not known: 0), in small reads.
    char spare[1 << 16];
    const bool full = size == out.size();
    const ssize_t n =
        full ? ::read(fd, spare, sizeof spare) : ::read(fd, out.data() + size, out.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("read failed: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    if (full) out.append(spare, static_cast<size_t>(n));
    size += static_cast<size_t>(n);
  }
  out.resize(size);
  ::close(fd);
  return true;
}

class JsonlStream : public ArticleStream {
 public:
  // Takes `fd` and closes it when `owned` (not standard input).
  JsonlStream(int fd, bool owned, std::string name, uint64_t total)
      : fd_(fd), owned_(owned), total_(total), reader_(fd, std::move(name)) {}
  ~JsonlStream() override {
    if (owned_) ::close(fd_);
  }
  bool next(Article& out, Diagnostics& diags) override { return reader_.next(out, diags); }
  uint64_t bytesRead() const override { return reader_.bytesRead(); }
  uint64_t bytesTotal() const override { return total_; }

 private:
  int fd_;
  bool owned_;
  uint64_t total_;
  JsonlArticleReader reader_;
};

// A folder of .txt articles: the manifest and the list of files are read when it is opened,
// each article when next() reaches it, in the order of the file names.
class FolderStream : public ArticleStream {
 public:
  // False (with `error`) when the folder cannot be listed.
  bool open(const fs::path& folder, std::string& error);
  bool next(Article& out, Diagnostics& diags) override;
  uint64_t bytesRead() const override { return read_; }
  uint64_t bytesTotal() const override { return total_; }

 private:
  void warn(const std::string& file, int line, const std::string& msg, Diagnostics& diags) {
    diags.push_back({Diagnostic::Severity::Warning, file, line, msg});
  }

  fs::path folder_, manifestPath_;
  Diagnostics pending_;  // the manifest's, given out by the first next()
  std::map<std::string, ManifestRow> manifest_;
  std::map<std::string, int> listed_;  // manifest rows not yet matched by a file, with their line
  struct Entry {
    fs::path path;
    uint64_t size;  // at open time: what bytesRead() counts once the file is passed
  };
  std::vector<Entry> files_;
  size_t nextFile_ = 0;
  uint64_t read_ = 0, total_ = 0;
  bool finished_ = false;
};

bool FolderStream::open(const fs::path& folder, std::string& error) {
  folder_ = folder;
  manifestPath_ = folder / "MANIFEST.tsv";
  std::error_code ec;
  if (fs::symlink_status(manifestPath_, ec).type() != fs::file_type::not_found) {
    std::string text, why;
    if (readFile(manifestPath_, text, why))
      manifest_ = parseManifest(text, manifestPath_.string(), pending_);
    else
      warn(manifestPath_.string(), 0,
           "cannot read the manifest (" + why + "); articles load without dates", pending_);
  } else {
    warn(manifestPath_.string(), 0, "no manifest; articles load without publication dates",
         pending_);
  }
  // Every .txt entry is an article; one that cannot be read (a folder, a FIFO, a broken or
  // looping link, no permission) is reported when it is read and the others still load.
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".txt") {
      std::error_code sizeError;
      const uintmax_t size = it->file_size(sizeError);
      files_.push_back({it->path(), sizeError ? 0 : static_cast<uint64_t>(size)});
      total_ += files_.back().size;
    }
  if (ec) {
    error = folder.string() + ": cannot list the folder: " + ec.message();
    return false;
  }
  std::sort(files_.begin(), files_.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  for (const auto& [file, row] : manifest_) listed_[file] = row.line;
  return true;
}

bool FolderStream::next(Article& out, Diagnostics& diags) {
  diags.insert(diags.end(), pending_.begin(), pending_.end());
  pending_.clear();
  while (nextFile_ < files_.size()) {
    const Entry& file = files_[nextFile_++];
    read_ += file.size;
    const std::string name = file.path.string(), fileName = file.path.filename().string();
    listed_.erase(fileName);
    std::string why;
    if (!readFile(file.path, out.text, why)) {
      warn(name, 0, "cannot read the file (" + why + "); skipped", diags);
      continue;
    }
    if (!checkArticleText(name, out.text, 0, diags)) continue;
    out.id = file.path.stem().string();
    out.source = name;
    out.title.clear();
    out.validUtf8 = false;  // a file's bytes are kept as they are, valid or not
    auto row = manifest_.find(fileName);
    if (row == manifest_.end()) {
      warn(name, 0, "not listed in MANIFEST.tsv; loaded without a date", diags);
      out.published.reset();
      out.outlet.clear();
    } else {
      out.published = row->second.published;
      out.outlet = row->second.outlet;
    }
    return true;
  }
  if (!finished_) {
    finished_ = true;
    for (const auto& [missing, line] : listed_)
      warn(manifestPath_.string(), line, "lists '" + missing + "', which is not in the folder",
           diags);
    if (files_.empty()) warn(folder_.string(), 0, "no .txt articles in the folder", diags);
  }
  return false;
}

}  // namespace

ArticleStreamOpenResult openArticleStream(const fs::path& path) {
  ArticleStreamOpenResult r;
  if (path == "-") {
    r.stream = std::make_unique<JsonlStream>(STDIN_FILENO, false, "stdin", 0);
    return r;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    // A symbolic link loop, a folder we may not enter, ...
    r.error = path.string() + ": cannot open the corpus: " + ec.message();
    return r;
  }
  if (ec || !fs::exists(status)) {
    r.error = path.string() + ": corpus not found";
    return r;
  }
  if (fs::is_regular_file(status) && path.extension() == ".jsonl") {
    struct stat st {};
    std::string why;
    const int fd = openRegularFile(path, st, why);
    if (fd < 0) {
      r.error = path.string() + ": cannot read the file: " + why;
      return r;
    }
    r.stream =
        std::make_unique<JsonlStream>(fd, true, path.string(), static_cast<uint64_t>(st.st_size));
    return r;
  }
  if (!fs::is_directory(status)) {
    r.error = path.string() +
              ": a corpus is a folder of .txt articles with a MANIFEST.tsv, or a .jsonl file";
    return r;
  }
  auto folder = std::make_unique<FolderStream>();
  if (!folder->open(path, r.error)) return r;
  r.stream = std::move(folder);
  return r;
}

}  // namespace atlas
