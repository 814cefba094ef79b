#include "core/diagnostic.h"

namespace atlas {

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  if (!out.empty()) out += ": ";
  out += severity == Severity::Error ? "error: " : "warning: ";
  out += message;
  return out;
}

}  // namespace atlas
