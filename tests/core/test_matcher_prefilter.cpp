// The pipeline finds where names may start first (PlaceMatcher::candidates, NamePrefilter), skips
// the sentences with none and looks names up only there. That must change nothing: the same
// matches as looking everywhere, on the case files and on text made of the gazetteer's names with
// proclitics, compounds, marks, runs of white space and words run together.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include "core/arabic_fold.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"
#include "core/tokens.h"

using namespace atlas;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

std::string describe(const std::vector<PlaceMatch>& matches) {
  std::ostringstream out;
  for (const PlaceMatch& m : matches) {
    out << m.from << '-' << m.to << " [";
    for (int c : m.candidates) out << c << ' ';
    out << "] " << m.ambiguous << m.runTogether << m.unconfirmed << ' ' << m.headFrom << '-'
        << m.headTo << '\n';
  }
  return out.str();
}

// Returns whether the sentence has a candidate.
bool expectSameWithCandidates(const PlaceMatcher& matcher, const std::string& sentence) {
  FoldedText folded;
  foldRange(sentence, 0, static_cast<uint32_t>(sentence.size()), folded);
  std::vector<Token> tokens;
  tokenize(folded.chars, tokens);
  std::vector<PlaceMatch> everywhere, atCandidates;
  matcher.match(folded, tokens, everywhere, true);
  std::vector<uint32_t> starts;
  matcher.candidates(folded, starts);
  EXPECT_TRUE(std::adjacent_find(starts.begin(), starts.end(), std::greater_equal<>()) ==
              starts.end())
      << sentence;
  if (starts.empty()) {
    EXPECT_EQ(describe(everywhere), "") << sentence;
    return false;
  }
  matcher.match(folded, tokens, atCandidates, true, &starts);
  EXPECT_EQ(describe(atCandidates), describe(everywhere)) << sentence;
  return true;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(MatcherPrefilter, SameMatchesOnTheCaseFilesAndSamples) {
  const PlaceMatcher matcher(gazetteer());
  const std::filesystem::path data =
      std::filesystem::path(ATLAS_TEST_DATA_DIR).parent_path().parent_path() / "data";
  int sentences = 0, withCandidates = 0;
  for (const char* name : {"claims.tsv", "events.tsv", "dates.tsv"}) {
    std::istringstream lines(readFile(data / name));
    for (std::string line; std::getline(lines, line); ++sentences)
      withCandidates += expectSameWithCandidates(matcher, line);
  }
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(ATLAS_TEST_ASSETS_DIR) / "corpus"))
    withCandidates += expectSameWithCandidates(matcher, readFile(entry.path()));
  EXPECT_GT(sentences, 800);
  EXPECT_GT(withCandidates, 600);
}

TEST(MatcherPrefilter, SameMatchesOnNamesWrittenEveryWay) {
  std::vector<std::string> names;
  for (const Place& p : gazetteer().places) {
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    names.insert(names.end(), p.contextAliases.begin(), p.contextAliases.end());
  }
  // What stands before, between and after names: proclitics, heads (plural ones lend their word
  // to compound members), organisation words, list separators, prepositions, marks, controls.
  const std::vector<std::string> before = {"",    "و",   "ف",  "ب",  "ل",  "ك",   "ال",
                                           "وال", "بال", "لل", "ول", "فب", "وبال"};
  const std::vector<std::string> words = {
      "حي",   "أحياء", "بلدة", "منطقة", "تلتي",  "مدرستي", "كليات", "لواء", "جيش",
      "في",   "من",    "هي:",  "و",     "،",     "(",      "\"",    "قصف",  "على",
      "جسري", "مشافي", "باب",  "قرب",   "الشيخ", "سعيد",   "ال"};
  const std::vector<std::string> gaps = {" ",  " ", " ",      "  ",      "\t", "\u00A0", "، ",
                                         " و", "",  "\u200F", "\u064E ", ". ", "\n"};
  const PlaceMatcher matcher(gazetteer());
  std::mt19937 rng(554);
  int withCandidates = 0;
  for (int round = 0; round < 4000 && !HasFailure(); ++round) {
    std::string sentence;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 10); k < n; ++k) {
      std::string piece = rng() % 3 ? names[rng() % names.size()] : words[rng() % words.size()];
      if (rng() % 4 == 0) {  // a space inside the name doubled, or a mark put in
        const size_t space = piece.find(' ');
        if (space != std::string::npos) piece.insert(space, rng() % 2 ? " " : "\u0651");
      }
      if (piece.rfind("ال", 0) == 0 && rng() % 4 == 0) piece = "لل" + piece.substr(4);
      sentence += before[rng() % before.size()] + piece + gaps[rng() % gaps.size()];
    }
    withCandidates += expectSameWithCandidates(matcher, sentence);
  }
  EXPECT_GT(withCandidates, 2000);
}
