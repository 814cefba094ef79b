#include "core/jsonl_reader.h"

#include <poll.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/utf8.h"

namespace atlas {

struct JsonlArticleReader::Parser {
  simdjson::dom::parser dom;
};

// The members an article is made of, as views into the parsed line. A member that is absent or
// not a string reads as empty, except "text", whose absence skips the line.
struct JsonlMembers {
  std::string_view id, published, outlet, title;
  std::optional<std::string_view> text;

  void set(std::string_view key, std::optional<std::string_view> value) {
    if (key == "text")
      text = value;
    else if (key == "id")
      id = value.value_or("");
    else if (key == "published")
      published = value.value_or("");
    else if (key == "outlet")
      outlet = value.value_or("");
    else if (key == "title")
      title = value.value_or("");
  }
};

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Members in order, so that when a key occurs twice the later one counts, as with
// nlohmann::json (simdjson's at_key would give the first).
bool membersOf(const simdjson::dom::element& root, JsonlMembers& m) {
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return false;
  for (const simdjson::dom::key_value_pair field : object) {
    std::string_view value;
    if (field.value.get_string().get(value) == simdjson::SUCCESS)
      m.set(field.key, value);
    else
      m.set(field.key, std::nullopt);
  }
  return true;
}

bool membersOf(const nlohmann::json& j, JsonlMembers& m) {
  if (!j.is_object()) return false;
  for (const auto& [key, value] : j.items())
    if (value.is_string())
      m.set(key, value.get_ref<const std::string&>());
    else
      m.set(key, std::nullopt);
  return true;
}

// The parser's buffers grow by doubling, not to each longer line's exact size. Its tape and
// index are mostly untouched address space: resident memory follows the line's contents.
void reserve(simdjson::dom::parser& parser, size_t bytes) {
  if (bytes <= parser.capacity()) return;
  // On failure parse() reports MEMALLOC and the line goes the slow way.
  [[maybe_unused]] const simdjson::error_code error =
      parser.allocate(std::max({bytes, 2 * parser.capacity(), size_t{64} << 10}));
}

}  // namespace

JsonlArticleReader::JsonlArticleReader(int fd, std::string name, size_t chunkBytes)
    : fd_(fd),
      name_(std::move(name)),
      stem_(std::filesystem::path(name_).stem().string()),
      parser_(std::make_unique<Parser>()) {
  grow(std::max<size_t>(chunkBytes, 1));
}

JsonlArticleReader::JsonlArticleReader(int fd, std::string name, Piece piece, size_t chunkBytes)
    : JsonlArticleReader(fd, std::move(name), chunkBytes) {
  piece_ = true;
  offset_ = piece.offset;
  remaining_ = piece.length;
  atFileStart_ = piece.first;
}

JsonlArticleReader::JsonlArticleReader(std::string_view bytes, std::string name, size_t chunkBytes)
    : JsonlArticleReader(-1, std::move(name), chunkBytes) {
  memory_ = bytes;
}

JsonlArticleReader::~JsonlArticleReader() = default;

void JsonlArticleReader::grow(size_t capacity) {
  // Not zeroed: pages the longest line never reaches are never touched.
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity + simdjson::SIMDJSON_PADDING);
  if (end_ > begin_) std::memcpy(bigger.get(), buffer_.get() + begin_, end_ - begin_);
  end_ -= begin_;
  scanned_ -= begin_;
  begin_ = 0;
  buffer_ = std::move(bigger);
  capacity_ = capacity;
  zeroPadding();
}

// simdjson reads (and ignores) the padding after the last line: zeroed, it is never
// uninitialised memory to tools such as valgrind.
void JsonlArticleReader::zeroPadding() {
  std::memset(buffer_.get() + end_, 0, simdjson::SIMDJSON_PADDING);
}

ssize_t JsonlArticleReader::readSome(char* into, size_t max) {
  if (fd_ < 0) {
    const size_t n = std::min(max, memory_.size());
    std::memcpy(into, memory_.data(), n);
    memory_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  for (;;) {
    const ssize_t n = piece_ ? ::pread(fd_, into, std::min<uint64_t>(max, remaining_),
                                       static_cast<off_t>(offset_))
                             : ::read(fd_, into, max);
    if (n >= 0 && piece_) {
      offset_ += static_cast<uint64_t>(n);
      remaining_ -= static_cast<uint64_t>(n);
    }
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    // Standard input may have been left non-blocking by whoever shares it: wait for bytes.
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, -1) >= 0 || errno == EINTR) continue;
    }
    return -1;
  }
}

// Makes room after the unfinished line and reads more; false when there is nothing more.
bool JsonlArticleReader::refill(Diagnostics& diags) {
  if (atEnd_) return false;
  // Only the unfinished line moves to the front, once per read that ends lines before it.
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  // A line that fills the buffer doubles it: memory stays within twice the longest line (or
  // one chunk).
  if (end_ == capacity_) grow(2 * capacity_);
  const ssize_t n = readSome(buffer_.get() + end_, capacity_ - end_);
  if (n > 0) {
    end_ += static_cast<size_t>(n);
    zeroPadding();
    return true;
  }
  atEnd_ = true;
  if (n < 0) {
    diags.push_back({Diagnostic::Severity::Error, name_, lineNo_ + 1,
                     std::string("read failed: ") + std::strerror(errno) +
                         "; the rest of the input is not loaded"});
    readFailed_ = true;
    end_ = scanned_ = begin_;  // an unfinished line is not an article
  }
  return false;
}

bool JsonlArticleReader::nextLine(std::string_view& line, Diagnostics& diags) {
  for (;;) {
    const char* data = buffer_.get();
    if (const void* nl = std::memchr(data + scanned_, '\n', end_ - scanned_)) {
      const size_t at = static_cast<size_t>(static_cast<const char*>(nl) - data);
      line = {data + begin_, at - begin_};
      consumed_ += at + 1 - begin_;
      begin_ = scanned_ = at + 1;
      return true;
    }
    scanned_ = end_;
    if (!refill(diags)) break;
  }
  if (begin_ == end_) return false;
  // The last line, without a line break.
  line = {buffer_.get() + begin_, end_ - begin_};
  consumed_ += end_ - begin_;
  begin_ = scanned_ = end_;
  return true;
}

bool JsonlArticleReader::next(Article& out, Diagnostics& diags) {
  std::string_view line;
  while (nextLine(line, diags)) {
    ++lineNo_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (lineNo_ == 1 && atFileStart_ && line.starts_with(kBom)) line.remove_prefix(kBom.size());
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (parseLine(line, out, diags)) return true;
  }
  if (!finished_ && lineNo_ == 0 && atFileStart_ && !readFailed_)
    diags.push_back({Diagnostic::Severity::Warning, name_, 0, "empty file: no articles"});
  finished_ = true;
  return false;
}

// `line` lies in buffer_, followed by at least SIMDJSON_PADDING readable bytes, so simdjson
// parses it in place.
bool JsonlArticleReader::parseLine(std::string_view line, Article& out, Diagnostics& diags) {
  auto warn = [&](const std::string& msg) {
    diags.push_back({Diagnostic::Severity::Warning, name_, lineNo_, msg});
  };
  auto fromParsed = [&](const auto& root) {
    JsonlMembers m;
    if (!membersOf(root, m)) {
      warn("not a JSON object; line skipped");
      return false;
    }
    return makeArticle(m, out, diags);
  };
  simdjson::dom::parser& dom = parser_->dom;
  reserve(dom, line.size());
  simdjson::dom::element root;
  // simdjson validates the whole line, UTF-8 included: a line it takes needs no repair.
  if (dom.parse(reinterpret_cast<const uint8_t*>(line.data()), line.size(), false).get(root) ==
      simdjson::SUCCESS)
    return fromParsed(root);

  // JSON must be UTF-8: bytes that are not are replaced (U+FFFD) so the rest of the article
  // still loads; the text of a JSONL article is the decoded string, not the line's bytes.
  std::string repaired;
  if (const size_t bad = utf8::firstInvalid(line); bad != std::string::npos) {
    warn("invalid UTF-8 at byte " + std::to_string(bad) +
         " of the line; those bytes are read as \u201c\uFFFD\u201d");
    repaired.reserve(line.size() + 16 + simdjson::SIMDJSON_PADDING);
    for (size_t i = 0; i < line.size();) utf8::append(repaired, utf8::next(line, i));
    if (dom.parse(repaired).get(root) == simdjson::SUCCESS) return fromParsed(root);
    line = repaired;
  }

  // What simdjson refuses goes through nlohmann::json, as every line did before: it says where
  // and why a line is not JSON (simdjson knows neither where nor, for a number, what is wrong),
  // and it reads the few valid lines simdjson cannot: integers beyond 64 bits (read as doubles),
  // nesting deeper than 1024, a NUL after the object (nlohmann's end of input).
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what(): "[json.exception.parse_error.101] parse error at line 1, column 7: why"
    std::string why = e.what();
    if (const size_t colon = why.find(": ", why.find("column")); colon != std::string::npos)
      why.erase(0, colon + 2);
    warn("not a JSON object: invalid JSON at column " + std::to_string(e.byte) + " (" + why +
         "); line skipped");
    return false;
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the parser still refuses, e.g. a number beyond double (-1e309).
    std::string why = e.what();
    if (const size_t bracket = why.find("] "); bracket != std::string::npos)
      why.erase(0, bracket + 2);
    warn("not a JSON object: " + why + "; line skipped");
    return false;
  }
  return fromParsed(j);
}

bool JsonlArticleReader::makeArticle(const JsonlMembers& m, Article& out, Diagnostics& diags) {
  auto warn = [&](const std::string& msg) {
    diags.push_back({Diagnostic::Severity::Warning, name_, lineNo_, msg});
  };
  const std::string lineNo = std::to_string(lineNo_);
  if (m.id.empty()) {
    out.id = stem_ + ":" + lineNo;
    ++idsMade_;
  } else {
    out.id.assign(m.id);
  }
  // The id is taken even when the line is then skipped for having no text.
  if (!ids_.insert(out.id)) {
    warn("duplicate id '" + out.id + "'; line skipped");
    return false;
  }
  if (!m.text) {
    warn("no \"text\" string; line skipped");
    return false;
  }
  out.text.assign(*m.text);
  out.validUtf8 = true;
  out.source = name_ + ":" + lineNo;
  out.outlet.assign(m.outlet);
  out.title.assign(m.title);
  out.published = parseIsoDate(m.published);
  if (!out.published)
    warn(m.published.empty() ? "no \"published\" date; loaded without a date"
                             : "invalid date '" + std::string(m.published) + "' (want YYYY-MM-DD)");
  // A decoded JSON string is valid UTF-8: simdjson and nlohmann refuse anything else, lone
  // surrogate escapes included, and a repaired line is valid.
  return checkArticleText(name_, out.text, lineNo_, diags, /*validUtf8=*/true);
}

}  // namespace atlas
