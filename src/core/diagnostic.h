// A message about the user's input: which file, which line, what is wrong.
// Loaders collect these and go on with the rest of the input.
#pragma once

#include <string>
#include <vector>

namespace atlas {

struct Diagnostic {
  enum class Severity { Warning, Error };
  Severity severity = Severity::Warning;
  std::string file;  // path as the user gave it (may be empty for global problems)
  int line = 0;      // 1-based; 0 when the message is about the whole file
  std::string message;

  // "FILE:LINE: warning: MESSAGE", the format compilers use, so editors can jump to it.
  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace atlas
