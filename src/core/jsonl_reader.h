// JSON Lines articles, one JSON object a line ({"id", "published", "outlet", "title", "text"}),
// read a chunk at a time from a file descriptor (or from bytes in memory) and parsed one line at
// a time, so memory is bounded by the longest line, not the input.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/corpus.h"
#include "core/id_set.h"

namespace atlas {

struct JsonlMembers;  // the members of a parsed line (jsonl_reader.cpp)

class JsonlArticleReader {
 public:
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  // Reads `fd` to its end (the caller keeps it open until the reader is done, and closes it).
  // `name` names the input in messages and in Article::source ("stdin" for standard input);
  // a line without an "id" gets "<stem of name>:<line>". `chunkBytes` is how much is read at a
  // time; the buffer grows beyond it only to hold a longer line.
  JsonlArticleReader(int fd, std::string name, size_t chunkBytes = kChunkBytes);
  // Reads `length` bytes of `fd` from `offset` on, with pread (the descriptor's position is
  // not used), so pieces of one file can be read side by side. Lines count from the piece's
  // start (its first line is line 1): the caller, knowing the lines of the pieces before, adds
  // them to the lines in messages and sources. A byte order mark is taken only at the start of
  // the file (`first`).
  struct Piece {
    uint64_t offset = 0, length = 0;
    bool first = true;
  };
  JsonlArticleReader(int fd, std::string name, Piece piece, size_t chunkBytes = kChunkBytes);
  // Reads bytes already in memory, which must outlive the reader (they are copied a chunk at a
  // time, exactly as a file would be read).
  JsonlArticleReader(std::string_view bytes, std::string name, size_t chunkBytes = kChunkBytes);
  ~JsonlArticleReader();
  JsonlArticleReader(const JsonlArticleReader&) = delete;
  JsonlArticleReader& operator=(const JsonlArticleReader&) = delete;

  // The next usable article. Every problem (bad JSON, not an object, duplicate id, no "text",
  // bad date, invalid UTF-8, a failed read) goes to `diags` with its line; the lines after it
  // are still read. False at the end of the input.
  bool next(Article& out, Diagnostics& diags);

  // Input bytes of the lines handed out or skipped so far, line breaks included: the size of
  // the input once next() has returned false.
  uint64_t bytesRead() const { return consumed_; }
  // True once a read has failed (the rest of the input was not read).
  bool readFailed() const { return readFailed_; }
  // The line of the last line read, and how many ids were made for lines without one
  // ("<stem>:<line>": a piece's are wrong by the lines before it).
  int line() const { return lineNo_; }
  int idsMade() const { return idsMade_; }
  // Every id taken so far, those of lines skipped for having no text included: an id in two
  // pieces of a file is a duplicate only the reader of the whole file can report.
  const IdSet& idsTaken() const { return ids_; }

 private:
  struct Parser;  // simdjson's parser, kept out of this header

  bool nextLine(std::string_view& line, Diagnostics& diags);
  bool refill(Diagnostics& diags);
  ssize_t readSome(char* into, size_t max);
  void grow(size_t capacity);
  void zeroPadding();
  bool parseLine(std::string_view line, Article& out, Diagnostics& diags);
  bool makeArticle(const JsonlMembers& m, Article& out, Diagnostics& diags);

  int fd_ = -1;
  std::string_view memory_;  // the input when it is in memory (fd_ < 0)
  bool piece_ = false;       // reading [offset_, offset_ + remaining_) of fd_ with pread
  uint64_t offset_ = 0, remaining_ = 0;  // the input when it is in memory (fd_ < 0)
  std::string name_, stem_;

  // buffer_ holds capacity_ bytes and simdjson's padding after them, so a line is parsed where
  // it lies. [begin_, end_) is read but not yet handed out; no '\n' lies in [begin_, scanned_).
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0, begin_ = 0, end_ = 0, scanned_ = 0;
  bool atEnd_ = false;       // the input has no more bytes (or could not be read further)
  bool readFailed_ = false;  // ... because a read failed
  bool finished_ = false;    // next() has returned false once
  uint64_t consumed_ = 0;
  int lineNo_ = 0;
  int idsMade_ = 0;
  bool atFileStart_ = true;  // line 1 is the file's first line (a BOM may open it)

  std::unique_ptr<Parser> parser_;
  IdSet ids_;  // the ids seen so far
};

}  // namespace atlas
