// Runs a program the way a user would from a shell and collects what it printed.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atlas::test {

struct ProcessResult {
  int exitCode = -1;  // -1 if it did not exit normally (signal)
  std::string out;
  std::string err;
};

// Environment edits applied in the child: a value sets the variable, nullopt unsets it.
using EnvChanges = std::vector<std::pair<std::string, std::optional<std::string>>>;

ProcessResult runProcess(const std::vector<std::string>& argv, const EnvChanges& env = {});

// Number of '\n'-terminated lines in s (a last line without '\n' counts too).
int countLines(const std::string& s);

}  // namespace atlas::test
