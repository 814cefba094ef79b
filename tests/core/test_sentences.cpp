// The sentence splitter applies the Unicode sentence break rules itself (sentence_breaks.cpp);
// ICU's sentence iterator, which it replaced, is the reference: both must give the same sentences
// on the samples and on random text made of every kind of character the rules distinguish.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/sentences.h"

using namespace atlas;

namespace {

std::string describe(const std::vector<SentenceSpan>& spans) {
  std::ostringstream out;  // (not "[" + std::to_string(...): GCC bug 105329, -Wrestrict)
  for (const SentenceSpan& s : spans)
    out << '[' << s.start << ',' << s.end << ")p" << s.paragraph << ' ';
  return out.str();
}

// Both splits of `text`, compared; the text in hex on failure.
void expectSameAsIcu(SentenceSplitter& splitter, const std::string& text) {
  std::vector<SentenceSpan> fast, icu;
  splitter.split(text, fast);
  splitter.splitWithIcu(text, icu);
  const bool same =
      std::equal(fast.begin(), fast.end(), icu.begin(), icu.end(),
                 [](const SentenceSpan& a, const SentenceSpan& b) {
                   return a.start == b.start && a.end == b.end && a.paragraph == b.paragraph;
                 });
  if (!same) {
    std::ostringstream hex;
    for (unsigned char c : text) hex << std::hex << static_cast<int>(c) << ' ';
    ADD_FAILURE() << "split:  " << describe(fast) << "\nICU:    " << describe(icu)
                  << "\ntext: " << hex.str();
  }
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Sentences, SameAsIcuOnTheSamplesAndCaseFiles) {
  SentenceSplitter splitter;
  const std::filesystem::path assets(ATLAS_TEST_ASSETS_DIR);
  int texts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(assets / "corpus")) {
    expectSameAsIcu(splitter, readFile(entry.path()));
    ++texts;
  }
  const std::filesystem::path data =
      std::filesystem::path(ATLAS_TEST_DATA_DIR).parent_path().parent_path() / "data";
  for (const char* name : {"claims.tsv", "events.tsv", "dates.tsv"}) {
    std::istringstream lines(readFile(data / name));
    for (std::string line; std::getline(lines, line); ++texts) expectSameAsIcu(splitter, line);
  }
  EXPECT_GT(texts, 800);
}

TEST(Sentences, SameAsIcuOnRandomText) {
  // Every sentence break class, in one- to four-byte UTF-8, and ill-formed bytes.
  const std::vector<std::string> pieces = {"ب",
                                           "ح",
                                           "ا",
                                           "ل",
                                           "a",
                                           "e",
                                           "B",
                                           "Q",
                                           "ß",
                                           "1",
                                           "٣",
                                           "۴",  // letters, digits
                                           ".",
                                           "\u2024",
                                           "!",
                                           "?",
                                           "\u061F",
                                           "\u06D4",
                                           "\u3002",
                                           "\u061D",  // terminators
                                           "\"",
                                           ")",
                                           "(",
                                           "\u00AB",
                                           "\u00BB",
                                           "\u201C",
                                           "\u201D",
                                           "'",  // closing
                                           " ",
                                           "  ",
                                           "\t",
                                           "\u00A0",
                                           "\u2009",
                                           "\u3000",  // spaces
                                           "\n",
                                           "\r",
                                           "\r\n",
                                           "\u2028",
                                           "\u2029",
                                           "\u0085",  // separators
                                           "\u064E",
                                           "\u0651",
                                           "\u200C",
                                           "\u0640",  // extend, tatweel
                                           "\u200F",
                                           "\u0600",
                                           "\uFEFF",
                                           "\u061C",  // format
                                           "\u060C",
                                           ",",
                                           ":",
                                           "-",
                                           "\u2014",
                                           "\u061B",
                                           "\u2026",
                                           "#",  // continue, other
                                           "\U0001F600",
                                           "\xFF",
                                           "\xC3",
                                           "\xE0\xA0",
                                           "\xED\xA0\x80",
                                           std::string(1, '\0')};
  std::mt19937 rng(20161206);
  SentenceSplitter splitter;
  for (int round = 0; round < 60000 && !HasFailure(); ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 24);
    for (int k = 0; k < length; ++k) {
      // Mostly letters and spaces, as in text, with the rest often enough to meet each other.
      const unsigned pick = rng() % 100;
      if (pick < 30)
        text += pieces[rng() % 12];
      else if (pick < 45)
        text += " ";
      else
        text += pieces[rng() % pieces.size()];
    }
    expectSameAsIcu(splitter, text);
  }
}

TEST(Sentences, TwoFullStopsJoinAHeadlinesParts) {
  // Hand-checked: a headline's parts joined by ".." or "..." are one sentence; a line end after
  // them, or a single full stop, still ends it.
  SentenceSplitter splitter;
  std::vector<SentenceSpan> spans;
  splitter.split("مواصلاً تقدمه بحلب.. جيش النظام يسيطر على حي الميسر", spans);
  EXPECT_EQ(spans.size(), 1u);
  splitter.split("معارك في حي الشيخ سعيد... ونزوح من شرق حلب. وقال المرصد", spans);
  EXPECT_EQ(spans.size(), 2u);
  splitter.split("سيطرة على حاجز الراموسة..\nوقال المرصد", spans);
  EXPECT_EQ(spans.size(), 2u);
}
