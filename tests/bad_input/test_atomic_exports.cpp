// What the app writes (exports, screenshots, the layout) goes to a temporary file that is renamed
// into place: when the target folder cannot be written, the command fails with one line naming
// the target, the previous file is left exactly as it was and no temporary file is left behind.
#include <gtest/gtest.h>

#include "bad_inputs.h"
#include "run_process.h"
#include "unwritable.h"

using namespace atlas::test;

namespace {

const std::string kApp = ATLAS_APP_PATH;

size_t entries(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

void expectFailedExportKeepsPrevious(const std::vector<std::string>& args, const fs::path& target) {
  const fs::path dir = target.parent_path();
  writeFile(target, "previous contents");
  {
    Unwritable guard(dir);
    if (!guard.ok()) GTEST_SKIP() << "cannot make a folder unwritable here (root without chattr)";
    const auto r = runProcess(args);
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(countLines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(target.filename().string()), std::string::npos) << r.err;
  }
  EXPECT_EQ(readAll(target), "previous contents");
  EXPECT_EQ(entries(dir), 1u) << "a temporary file was left behind";
  // Writable again: the same command replaces the file.
  const auto r = runProcess(args);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(readAll(target), "previous contents");
  EXPECT_EQ(entries(dir), 1u);
}

TEST(AtomicExports, ExtractIntoAnUnwritableFolderKeepsThePreviousFile) {
  TempDir dir;
  const fs::path out = dir.path / "exports" / "mentions.csv";
  fs::create_directory(out.parent_path());
  expectFailedExportKeepsPrevious({kApp, "extract", "--corpus", sampleCorpus().string(), "--format",
                                   "csv", "--out", out.string()},
                                  out);
}

TEST(AtomicExports, ControlIntoAnUnwritableFolderKeepsThePreviousFile) {
  TempDir dir;
  const fs::path out = dir.path / "exports" / "control.geojson";
  fs::create_directory(out.parent_path());
  expectFailedExportKeepsPrevious({kApp, "control", "--corpus", sampleCorpus().string(), "--date",
                                   "2016-12-05", "--format", "geojson", "--out", out.string()},
                                  out);
}

}  // namespace
