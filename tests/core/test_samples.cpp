// The five sample articles against a list of their places written by hand from reading them
// (not from the program's output): every neighbourhood, site and town they name, with the exact
// words. Measures recall and precision and checks each span to the byte.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "core/corpus.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

using namespace atlas;

namespace {

struct Expected {
  const char* doc;
  const char* place;
  const char* surface;  // as written in the article (clitics excluded)
  int count;            // how many times, in order of appearance
  int skip = 0;         // occurrences of the surface to pass over first (inside longer names)
};

// Read from assets/corpus. Notes: 001 "حي مسجد الشيخ" is a garbled Sheikh Maqsoud (YPG-held, north
// Aleppo); 002 "مستشفي الصاخور" is the M10 hospital in al-Sakhour (bombed at the start of October
// 2016), a site of its own; 004 "محطة ضخ باب النيرب" is the Bab al-Nairab pumping station and
// "مشفى العيون في حي قاضي عسكر" the Eye Hospital in Qadi Askar.
const Expected kExpected[] = {
    {"000_c162b1d864b0bcfc", "sheikh-saeed", "الشيخ سعيد", 2},
    {"000_c162b1d864b0bcfc", "ramouseh-crossing", "معبر الراموسة", 1},
    {"000_c162b1d864b0bcfc", "bustan-al-basha", "بستان الباشا", 1},
    {"000_c162b1d864b0bcfc", "al-uwayja", "العويجة", 1},
    {"001_cbed00854abe3786", "sheikh-saeed", "الشيخ سعد", 1},
    {"001_cbed00854abe3786", "sheikh-saeed", "شيخ سعد", 1, 1},  // the 1st is in "الشيخ سعد"
    {"001_cbed00854abe3786", "handarat-camp", "مخيم الحندرات", 1},
    {"001_cbed00854abe3786", "handarat-camp", "مخيم حندرات", 1},
    {"001_cbed00854abe3786", "al-kindi-hospital", "مستشفى الكندي", 1},
    {"001_cbed00854abe3786", "jandoul-roundabout", "دوار الجندول", 1},
    {"001_cbed00854abe3786", "sheikh-maqsoud", "مسجد الشيخ", 1},
    {"001_cbed00854abe3786", "shqeif", "الشقيف الصناعية", 1},
    {"001_cbed00854abe3786", "bustan-al-qasr", "بستان القصر", 1},
    {"001_cbed00854abe3786", "al-halak", "الهُلك", 1},
    {"001_cbed00854abe3786", "al-ferdous", "الفردوس", 1},
    {"001_cbed00854abe3786", "darat-izza", "دارة عزة", 1},
    {"001_cbed00854abe3786", "al-zirbah", "الزربة", 1},
    {"002_713d03fa4f516202", "sheikh-saeed", "الشيخ سعيد", 2},
    {"002_713d03fa4f516202", "al-kindi-hospital", "مشفي الكندي", 1},
    {"002_713d03fa4f516202", "shqeif", "معامل الشقيف", 1},
    {"002_713d03fa4f516202", "anadan", "عندان", 1},
    {"002_713d03fa4f516202", "m10-sakhour-hospital", "مستشفي الصاخور", 1},
    {"004_696f5fdaa54c9078", "al-myassar", "الميسر", 4},
    {"004_696f5fdaa54c9078", "karm-al-tahhan", "كرم الطحان", 2},
    {"004_696f5fdaa54c9078", "al-qaterji", "القاطرجي", 2},
    {"004_696f5fdaa54c9078", "eye-hospital-qadi-askar", "مشفى العيون", 1},
    {"004_696f5fdaa54c9078", "qadi-askar", "قاضي عسكر", 1},
    {"004_696f5fdaa54c9078", "bab-al-nairab-pumping-station", "محطة ضخ باب النيرب", 1},
    {"004_696f5fdaa54c9078", "hawouz-roundabout", "دوار الحاووظ", 1},
    {"004_696f5fdaa54c9078", "bustan-al-qasr", "بستان القصر", 1},
    {"004_696f5fdaa54c9078", "al-amiriyah", "العامرية", 1},
    {"004_696f5fdaa54c9078", "al-izaa", "الإذاعة", 1},
    {"004_696f5fdaa54c9078", "jub-al-shalabi", "جب الشلبي", 1},
    {"004_696f5fdaa54c9078", "al-furqan", "الفرقان", 1},
    {"004_696f5fdaa54c9078", "nubl", "نبل", 1},
    {"004_696f5fdaa54c9078", "al-zahraa", "الزهراء", 1},
    {"004_696f5fdaa54c9078", "sheikh-yusuf-hill", "تلة الشيخ يوسف", 1},
    {"004_696f5fdaa54c9078", "minyan", "منيان", 1},
    {"004_696f5fdaa54c9078", "al-zebdiyeh", "الزيدية", 1},
};

// East Aleppo, written in six ways across 001, 003 and 004.
const Expected kExpectedRegions[] = {
    {"001_cbed00854abe3786", "east-aleppo", "الأحياء الشرقية من المدينة", 1},
    {"001_cbed00854abe3786", "east-aleppo", "الجزء الشرقي من مدينة حلب", 1},
    {"003_53edab2f179b4b77", "east-aleppo", "الجانب الشرقي من حلب", 1},
    {"003_53edab2f179b4b77", "east-aleppo", "شرق حلب", 3},
    {"003_53edab2f179b4b77", "east-aleppo", "الأحياء الشرقية من مدينة حلب", 1},
    {"003_53edab2f179b4b77", "east-aleppo", "شرقي حلب", 1},
    {"004_696f5fdaa54c9078", "east-aleppo", "أحياء حلب المحاصرة", 1},
    {"004_696f5fdaa54c9078", "east-aleppo", "شرق حلب", 1},
};

struct Loaded {
  Corpus corpus;
  Gazetteer gazetteer;
  ExtractionResult result;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    x.corpus = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
    x.gazetteer = *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
    x.result = extractMentions(x.corpus, x.gazetteer, 2);
    return x;
  }();
  return l;
}

using Key = std::tuple<std::string, std::string, uint32_t>;  // doc, place, start

// The expected mentions with their byte offsets, found by searching the article for the k-th
// occurrence of the surface that is not inside a longer word-run already claimed.
std::set<Key> expectedKeys(const Expected* begin, const Expected* end) {
  const Loaded& l = loaded();
  std::set<Key> keys;
  std::map<std::pair<std::string, std::string>, size_t> searchFrom;
  for (const Expected* e = begin; e != end; ++e) {
    const Article* a = nullptr;
    for (const Article& art : l.corpus.articles)
      if (art.id == e->doc) a = &art;
    EXPECT_NE(a, nullptr) << e->doc;
    if (!a) continue;
    size_t& from = searchFrom[{e->doc, e->surface}];
    for (int k = 0; k < e->skip; ++k) from = a->text.find(e->surface, from) + 1;
    for (int k = 0; k < e->count; ++k) {
      const size_t at = a->text.find(e->surface, from);
      EXPECT_NE(at, std::string::npos) << e->doc << " " << e->surface << " #" << k + 1;
      if (at == std::string::npos) break;
      keys.insert({e->doc, e->place, static_cast<uint32_t>(at)});
      from = at + 1;
    }
  }
  return keys;
}

std::set<Key> foundKeys(const std::set<PlaceKind>& kinds) {
  const Loaded& l = loaded();
  std::set<Key> keys;
  for (const Mention& m : l.result.mentions) {
    if (m.place < 0) continue;
    const Place& p = l.gazetteer.places[m.place];
    if (kinds.count(p.kind)) keys.insert({l.corpus.articles[m.doc].id, p.id, m.start});
  }
  return keys;
}

}  // namespace

TEST(Samples, EveryNeighbourhoodSiteAndTownWithItsExactSpan) {
  const std::set<Key> expected = expectedKeys(std::begin(kExpected), std::end(kExpected));
  const std::set<Key> found =
      foundKeys({PlaceKind::Neighbourhood, PlaceKind::Site, PlaceKind::Town});
  int hits = 0;
  for (const Key& k : expected) {
    if (found.count(k))
      ++hits;
    else
      ADD_FAILURE() << "missed " << std::get<0>(k) << " " << std::get<1>(k) << " at byte "
                    << std::get<2>(k);
  }
  for (const Key& k : found)
    if (!expected.count(k))
      ADD_FAILURE() << "unexpected " << std::get<0>(k) << " " << std::get<1>(k) << " at byte "
                    << std::get<2>(k);
  const double recall = static_cast<double>(hits) / expected.size();
  const double precision = found.empty() ? 0 : static_cast<double>(hits) / found.size();
  std::printf("place recall %.3f (%d/%zu), precision %.3f (%d/%zu)\n", recall, hits,
              expected.size(), precision, hits, found.size());
  EXPECT_EQ(expected.size(), 46u);  // the hand count: 39 rows, some several times
  EXPECT_DOUBLE_EQ(recall, 1.0);
  EXPECT_DOUBLE_EQ(precision, 1.0);
}

TEST(Samples, EastAleppoInAllItsSpellings) {
  const std::set<Key> expected =
      expectedKeys(std::begin(kExpectedRegions), std::end(kExpectedRegions));
  const std::set<Key> found = foundKeys({PlaceKind::Region});
  EXPECT_EQ(found, expected);
}

TEST(Samples, SpansAreTheOriginalBytesAndLieInTheirSentence) {
  const Loaded& l = loaded();
  for (const Mention& m : l.result.mentions) {
    const Article& a = l.corpus.articles[m.doc];
    ASSERT_LE(m.end, a.text.size());
    EXPECT_LE(m.sentenceStart, m.start);
    EXPECT_LE(m.end, m.sentenceEnd);
    // The span starts and ends on character boundaries and holds no space at either end.
    EXPECT_NE(static_cast<unsigned char>(a.text[m.start]) & 0xC0, 0x80);
    EXPECT_NE(a.text[m.start], ' ');
    EXPECT_NE(a.text[m.end - 1], ' ');
  }
}

TEST(Samples, NothingOutsideAleppoIsPlotted) {
  const Loaded& l = loaded();
  for (const Mention& m : l.result.mentions) {
    if (m.place < 0) continue;
    const Place& p = l.gazetteer.places[m.place];
    const std::string surface = l.corpus.articles[m.doc].text.substr(m.start, m.end - m.start);
    for (const char* outside : {"دمشق", "اللواء", "موسكو", "جنيف", "واشنطن", "الديرخبية", "دبي"})
      EXPECT_EQ(surface.find(outside), std::string::npos) << surface;
    if (p.onMap()) {
      // Within 60 km of the Citadel (36.1993 N, 37.1628 E): the Aleppo map.
      EXPECT_NEAR(*p.lat, 36.1993, 0.55) << p.id;
      EXPECT_NEAR(*p.lon, 37.1628, 0.65) << p.id;
    }
  }
}

TEST(Samples, SentencesSplitAtFullStopsNotAtCommas) {
  const Loaded& l = loaded();
  // 002 runs its sentences with "." alone: "...في مدينة حلب أمس. بينما حاولت..." is two.
  // 000's first sentence runs on through "،" up to "معبر الراموسة.".
  const auto& m = l.result.mentions;
  auto firstIn = [&](const char* doc, const char* place) -> const Mention* {
    for (const Mention& x : m)
      if (l.corpus.articles[x.doc].id == doc && x.place >= 0 &&
          l.gazetteer.places[x.place].id == place)
        return &x;
    return nullptr;
  };
  const Mention* ramouseh = firstIn("000_c162b1d864b0bcfc", "ramouseh-crossing");
  ASSERT_NE(ramouseh, nullptr);
  EXPECT_EQ(ramouseh->sentence, 0);
  const Mention* saeed = firstIn("002_713d03fa4f516202", "sheikh-saeed");
  ASSERT_NE(saeed, nullptr);
  EXPECT_EQ(saeed->sentence, 1);
  // 003 has a dateline line and then paragraphs: "شرق حلب" first appears in paragraph 1.
  const Mention* east = firstIn("003_53edab2f179b4b77", "east-aleppo");
  ASSERT_NE(east, nullptr);
  EXPECT_EQ(east->paragraph, 1);
}
