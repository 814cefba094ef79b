// Sentence boundaries by the Unicode sentence break rules (UAX #29, rules SB1-SB11), the rules
// ICU's sentence iterator runs, applied directly to UTF-8 with ICU's character classes. A break
// can only follow a terminator (. ! ? ؟ ۔ ...) with its closing punctuation and spaces, or a line
// break, so the scan reads one class per character and looks around only there.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace atlas {

// Replaces `out` with the boundaries of `text`, as ICU's iterator reports them: byte offsets,
// 0 first and text.size() last (only 0 for an empty text). Characters are decoded as
// utf8::next does (an ill-formed byte is one U+FFFD, of class Other).
void findSentenceBreaks(std::string_view text, std::vector<uint32_t>& out);

}  // namespace atlas
