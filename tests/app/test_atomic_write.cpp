#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/atomic_write.h"

namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/atlas-atomic-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    chmod(path.c_str(), 0755);
    fs::remove_all(path);
  }
};
}  // namespace

TEST(AtomicWrite, WritesNewFileAndReplacesOldOne) {
  TempDir dir;
  std::string error;
  ASSERT_TRUE(atlas::app::writeFileAtomically(dir.path / "a.txt", "first", error)) << error;
  EXPECT_EQ(readAll(dir.path / "a.txt"), "first");
  ASSERT_TRUE(atlas::app::writeFileAtomically(dir.path / "a.txt", "second", error)) << error;
  EXPECT_EQ(readAll(dir.path / "a.txt"), "second");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, FailureLeavesThePreviousFileIntactAndSaysWhy) {
  TempDir dir;
  std::string error;
  ASSERT_TRUE(atlas::app::writeFileAtomically(dir.path / "a.txt", "precious", error));
  chmod(dir.path.c_str(), 0555);
  // Root ignores permissions: drop to an unprivileged user for the attempt (CI runs as root).
  const bool wasRoot = geteuid() == 0;
  if (wasRoot) {
    ASSERT_EQ(seteuid(65534), 0);
  }
  const bool ok = atlas::app::writeFileAtomically(dir.path / "a.txt", "new", error);
  if (wasRoot) {
    ASSERT_EQ(seteuid(0), 0);
  }
  EXPECT_FALSE(ok);
  EXPECT_NE(error.find("a.txt"), std::string::npos);
  EXPECT_EQ(readAll(dir.path / "a.txt"), "precious");
}

TEST(AtomicWrite, MissingFolderFailsWithTheTargetNamed) {
  std::string error;
  EXPECT_FALSE(atlas::app::writeFileAtomically("/nonexistent-dir/out.csv", "x", error));
  EXPECT_NE(error.find("/nonexistent-dir/out.csv"), std::string::npos);
}

TEST(AtomicWrite, ReplacingAReadOnlyTargetInAWritableFolderWorks) {
  TempDir dir;
  std::string error;
  ASSERT_TRUE(atlas::app::writeFileAtomically(dir.path / "a.txt", "old", error));
  chmod((dir.path / "a.txt").c_str(), 0444);
  // rename() replaces the directory entry; the old file's mode does not matter.
  EXPECT_TRUE(atlas::app::writeFileAtomically(dir.path / "a.txt", "new", error)) << error;
  EXPECT_EQ(readAll(dir.path / "a.txt"), "new");
}
