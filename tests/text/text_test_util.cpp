#include "text_test_util.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace atlas::text::test {

namespace {
std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

std::string hbShape(const std::string& font, const std::string& text) {
  const std::string cmd = std::string(ATLAS_HB_SHAPE) + " --no-glyph-names --cluster-level=1 " +
                          shellQuote(font) + " " + shellQuote(text);
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "popen failed";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

long hbAdvance(const std::string& glyphs) {
  long total = 0;
  for (size_t i = glyphs.find('+'); i != std::string::npos; i = glyphs.find('+', i + 1))
    total += std::stol(glyphs.substr(i + 1));
  return total;
}

std::unique_ptr<TextEngine> engineFor(const std::string& font) {
  std::string error;
  auto engine = TextEngine::create(&error, font);
  EXPECT_TRUE(engine) << error;
  return engine;
}

std::string reversed(const std::string& s) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
      chars.emplace_back(1, s[i]);
    else
      chars.back() += s[i];
  }
  std::string out;
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
  return out;
}

std::vector<std::string> visualLines(const Paragraph& p) {
  std::vector<std::string> lines;
  for (const Line& line : p.lines) {
    std::string out;
    uint32_t lastBegin = UINT32_MAX;
    for (uint32_t i = line.glyphBegin; i < line.glyphEnd; ++i) {
      const Glyph& g = p.glyphs[i];
      if (g.byteBegin == lastBegin) continue;
      lastBegin = g.byteBegin;
      const std::string chars = p.text.substr(g.byteBegin, g.byteEnd - g.byteBegin);
      out += g.rtl ? reversed(chars) : chars;
    }
    lines.push_back(out);
  }
  return lines;
}

std::vector<std::string> corpusSentences() {
  std::vector<std::string> sentences;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(ATLAS_TEST_ASSETS_DIR "/corpus"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find_first_of(".\n", start);
      end = end == std::string::npos ? text.size() : end + 1;
      std::string s = text.substr(start, end - start);
      while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.erase(0, 1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
      if (!s.empty()) sentences.push_back(s);
      start = end;
    }
  }
  return sentences;
}

}  // namespace atlas::text::test
