// `aleppo-atlas shape` prints what hb-shape prints for single-script Arabic, one visual line per
// output line.
#include <gtest/gtest.h>

#include <cstdio>

#include "text_test_util.h"

namespace atlas::text::test {
namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> runShape(const std::string& args) {
  const std::string cmd = std::string(ATLAS_APP_PATH) + " shape " + args;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::vector<std::string> lines;
  if (!pipe) return lines;
  char buf[65536];
  while (fgets(buf, sizeof buf, pipe)) {
    std::string line(buf);
    while (!line.empty() && line.back() == '\n') line.pop_back();
    lines.push_back(line);
  }
  pclose(pipe);
  return lines;
}

TEST(ShapeCli, MatchesHbShapeForEachFont) {
  for (const char* font : {kNaskh, kSans, kAmiri}) {
    for (const std::string text : {"استعاد ثوار حلب أمس ما خسروه", "لا إله إلا", "مُحَمَّدٌ"}) {
      EXPECT_EQ(runShape("--text " + quote(text) + " --font " + quote(font)),
                std::vector<std::string>{hbShape(font, text)})
          << font << ": " << text;
    }
  }
}

TEST(ShapeCli, WrapsIntoVisualLines) {
  // At 16 px and 120 px wide the sentence wraps; each line is its own hb-shape style string and
  // the first line starts with the paragraph's first word (cluster 0 at its right end).
  const auto lines = runShape("--text " + quote("استعاد ثوار حلب أمس ما خسروه أمام قوات الأسد") +
                              " --size 16 --width 120");
  ASSERT_GE(lines.size(), 2u);
  const std::string rightmost = lines[0].substr(lines[0].rfind('|') + 1);
  EXPECT_EQ(rightmost.substr(rightmost.find('=')), "=0+4]");  // alef: as hb-shape --font-size=16
  EXPECT_EQ(lines[1].find("=0+"), std::string::npos);
}

TEST(ShapeCli, DefaultFontIsFoundThroughFontconfig) {
  // No --font: Noto Naskh Arabic (installed by the setup script) is the first choice.
  EXPECT_EQ(runShape("--text " + quote("حلب")), std::vector<std::string>{hbShape(kNaskh, "حلب")});
}

}  // namespace
}  // namespace atlas::text::test
