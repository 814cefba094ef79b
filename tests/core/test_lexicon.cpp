// The pipeline looks every word up once for all the word lists (classifyTokens, lexicon.h); the
// analyses then read what it found instead of looking the word up themselves. Both ways must
// give the same sides, events, dates and claims, for every sentence of the case files and for
// sentences made of the lists' own words behind every combination of proclitics.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/arabic_fold.h"
#include "core/claims.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/gazetteer.h"
#include "core/place_matcher.h"
#include "core/side_words.h"
#include "core/tokens.h"

using namespace atlas;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

// Everything the analyses say of one sentence, as text.
std::string analyse(const std::u32string& text, const std::vector<Token>& tokens,
                    const std::vector<NameSpan>& names) {
  std::ostringstream out;
  std::vector<SideMention> sides;
  findSideMentions(text, tokens, sides);
  for (const SideMention& s : sides)
    out << "side " << s.token << '-' << s.last << ' ' << static_cast<int>(s.side) << s.object
        << s.byMarker << s.passiveAgent << '\n';
  const SentenceEvents events = analyseSentence(text, tokens);
  for (const auto& k : events.keywords)
    out << "event " << k.token << ' ' << eventTypeName(k.type) << '\n';
  for (const auto& a : events.actors)
    out << "actor " << a.token << ' ' << a.actor << a.object << '\n';
  for (size_t f : events.frontWords) out << "front " << f << '\n';
  out << "fatalities " << events.fatalities.value_or(-1) << events.strategic << events.rebelWeapon
      << '\n';
  for (const DateExpression& e : findDateExpressions(text, tokens, Date{2016, 12, 6}))
    out << "date " << e.tokenFrom << '-' << e.tokenTo << ' ' << e.resolution << '\n';
  ClaimContext context;
  std::vector<PlaceClaim> claims;
  findClaims(text, tokens, sides, names, context, claims);
  for (const PlaceClaim& c : claims)
    out << "claim " << claimKindName(c.kind) << ' ' << (c.actor ? sideName(*c.actor) : "-") << ' '
        << (c.holder ? sideName(*c.holder) : "-") << ' ' << c.saidByFrom << '-' << c.saidByTo
        << '\n';
  return out.str();
}

// The sentence's analyses with its words looked up by each analysis, and by classifyTokens.
void expectSameEitherWay(const PlaceMatcher& matcher, const std::string& sentence) {
  FoldedText folded;
  foldRange(sentence, 0, static_cast<uint32_t>(sentence.size()), folded);
  std::vector<Token> tokens;
  tokenize(folded.chars, tokens);
  std::vector<PlaceMatch> matches;
  matcher.match(folded, tokens, matches, true);
  std::vector<NameSpan> names;
  for (const PlaceMatch& m : matches) {
    auto tokenAt = [&](uint32_t at) {
      size_t k = 0;
      while (k + 1 < tokens.size() && tokens[k + 1].from <= at) ++k;
      return k;
    };
    names.push_back({tokenAt(m.from), tokenAt(m.to > m.from ? m.to - 1 : m.from), true});
  }
  const std::string alone = analyse(folded.chars, tokens, names);
  classifyTokens(folded.chars, tokens);
  EXPECT_EQ(analyse(folded.chars, tokens, names), alone) << sentence;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Lexicon, SameAnalysesOnTheCaseFiles) {
  const PlaceMatcher matcher(gazetteer());
  const std::filesystem::path data =
      std::filesystem::path(ATLAS_TEST_DATA_DIR).parent_path().parent_path() / "data";
  int sentences = 0;
  for (const char* name : {"claims.tsv", "events.tsv", "dates.tsv"}) {
    std::istringstream lines(readFile(data / name));
    for (std::string line; std::getline(lines, line); ++sentences)
      expectSameEitherWay(matcher, line.substr(0, line.find('\t')));
  }
  EXPECT_GT(sentences, 800);
}

TEST(Lexicon, SameAnalysesOfTheListsWordsBehindEveryProclitic) {
  // The lists' words, written as text: each is read behind و ف ب ل and their pairs, and with
  // "ل" before its article ("للفصائل").
  std::vector<std::string> words;
  auto add = [&](const std::u32string& w) { words.push_back(toUtf8(w)); };
  forEachSideWord([&](const std::u32string& w, uint16_t) { add(w); });
  forEachClaimWord([&](const std::u32string& w, uint32_t, uint32_t) { add(w); });
  forEachTriggerWord([&](const std::u32string& w, uint16_t) { add(w); });
  forEachDateStartWord([&](const std::u32string& w) { add(w); });
  ASSERT_GT(words.size(), 1000u);
  const std::vector<std::string> proclitics = {"",   "و",  "ف",  "ب",  "ل", "وب",
                                               "ول", "فب", "فل", "بل", "لب"};
  const std::vector<std::string> places = {"حي الشعار", "الكلاسة", "بلدة خان طومان"};
  const PlaceMatcher matcher(gazetteer());
  std::mt19937 rng(2016);
  for (int round = 0; round < 3000 && !HasFailure(); ++round) {
    std::string sentence;
    for (int k = 0; k < 12; ++k) {
      if (k == 6) {
        sentence += places[rng() % places.size()] + " ";
        continue;
      }
      std::string w = words[rng() % words.size()];
      // "ال" → "لل" now and then (the article's alef elided after ل).
      if (w.rfind("ال", 0) == 0 && rng() % 3 == 0) w = "لل" + w.substr(std::string("ال").size());
      sentence += proclitics[rng() % proclitics.size()] + w + (rng() % 5 ? " " : "، ");
    }
    expectSameEitherWay(matcher, sentence);
  }
}
