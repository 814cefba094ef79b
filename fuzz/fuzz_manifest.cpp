// MANIFEST.tsv: any bytes give rows and messages, never a crash; every message names a line of
// the input and every row's line is one.
#include <algorithm>
#include <string>

#include "core/corpus.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  atlas::Diagnostics diags;
  const auto rows = atlas::parseManifest(text, "MANIFEST.tsv", diags);
  for (const auto& [file, row] : rows) {
    FUZZ_CHECK(row.line >= 2 && row.line <= lines);
    if (row.published) FUZZ_CHECK(atlas::parseIsoDate(row.published->iso()) == row.published);
  }
  for (const auto& d : diags) {
    FUZZ_CHECK(d.file == "MANIFEST.tsv");
    FUZZ_CHECK(d.line >= 1 && d.line <= lines);
    FUZZ_CHECK(!d.message.empty());
  }
  return 0;
}
