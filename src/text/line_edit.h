// Single-line text editing over UTF-8 in logical order: caret and selection on grapheme cluster
// boundaries (ICU character break iterator), word jumps (ICU word break iterator), insertion
// that keeps the text on one line. Knows nothing about how the line is drawn or which key does
// what (see ui/arabic_input.h).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::text {

class LineEdit {
 public:
  enum class Step : unsigned char {
    Grapheme,  // one user-perceived character: a letter with its harakat, an emoji sequence
    Word,      // forward: to the end of the next word; backward: to the start of the previous one
    Line,      // to the start or the end of the text
  };

  explicit LineEdit(std::string_view text = {});
  ~LineEdit();
  LineEdit(LineEdit&&) noexcept;
  LineEdit& operator=(LineEdit&&) noexcept;

  const std::string& text() const { return text_; }
  // Replaces everything (made one line, see oneLine); the caret goes to the end, no selection.
  void setText(std::string_view text);

  size_t caret() const { return caret_; }
  size_t anchor() const { return anchor_; }  // the selection's other end (== caret: none)
  bool hasSelection() const { return caret_ != anchor_; }
  size_t selectionBegin() const { return caret_ < anchor_ ? caret_ : anchor_; }
  size_t selectionEnd() const { return caret_ < anchor_ ? anchor_ : caret_; }
  std::string selectedText() const;

  // Caret moves in logical order. Without `extend` a grapheme step over a selection collapses
  // it to its start (backward) or end (forward); with `extend` the anchor stays.
  void moveForward(Step step, bool extend);
  void moveBackward(Step step, bool extend);
  // Puts the caret on `offset` (a byte offset, rounded down to a grapheme boundary).
  void setCaret(size_t offset, bool extend);
  void selectAll();
  // Selects the word (or the run of spaces or punctuation) around `offset`.
  void selectWordAt(size_t offset);

  // Each returns true if the text changed. Insertion replaces the selection; the deletions delete
  // the selection if there is one, else from the caret by `step`.
  bool insert(std::string_view utf8);
  bool deleteBackward(Step step);
  bool deleteForward(Step step);

  // Boundaries of `text()`, in bytes.
  const std::vector<size_t>& graphemeBoundaries() const { return graphemes_; }  // 0 … size
  size_t nextGrapheme(size_t offset) const;
  size_t previousGrapheme(size_t offset) const;
  size_t nextWordEnd(size_t offset) const;
  size_t previousWordStart(size_t offset) const;

  // `utf8` as one line: a line break (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) together with
  // the spaces and tabs around it becomes one space, or nothing at the start or the end; tabs
  // become spaces; other control characters are dropped; invalid UTF-8 becomes U+FFFD.
  static std::string oneLine(std::string_view utf8);

 private:
  struct Segment {
    size_t begin, end;
    bool word;  // letters, digits, ideographs (ICU rule status not UBRK_WORD_NONE)
  };
  struct Icu;
  void analyse();  // boundaries of text_
  void replace(size_t begin, size_t end, std::string_view with);
  size_t stepFrom(size_t offset, Step step, bool forward) const;

  std::string text_;
  size_t caret_ = 0, anchor_ = 0;
  std::vector<size_t> graphemes_;
  std::vector<Segment> words_;
  std::unique_ptr<Icu> icu_;
};

}  // namespace atlas::text
