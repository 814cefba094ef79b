// The extraction cache's bytes: a round trip gives every mention back; other keys are stale;
// damaged bytes are refused (never read as wrong mentions).
#include <gtest/gtest.h>

#include "core/extraction_cache.h"

using namespace atlas;

namespace {

struct Fixture {
  Corpus corpus = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
  Gazetteer gazetteer =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  ExtractionResult extraction = extractMentions(corpus, gazetteer, 1);
  ExtractionCacheKey key{corpusContentHash(corpus), "g", "v"};
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

}  // namespace

TEST(ExtractionCache, RoundTripKeepsEveryField) {
  const Fixture& f = fixture();
  ASSERT_GT(f.extraction.mentions.size(), 40u);
  const std::string bytes = serializeExtraction(f.extraction, f.corpus, f.key);
  CachedExtraction back = deserializeExtraction(bytes, f.key, f.corpus, f.gazetteer);
  ASSERT_TRUE(back.extraction) << back.why;
  const auto& a = f.extraction.mentions;
  const auto& b = back.extraction->mentions;
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(f.extraction.sentenceCount, back.extraction->sentenceCount);
  int withRule = 0, withClaim = 0, withDate = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].doc, b[i].doc);
    EXPECT_EQ(a[i].start, b[i].start);
    EXPECT_EQ(a[i].end, b[i].end);
    EXPECT_EQ(a[i].place, b[i].place);
    EXPECT_EQ(a[i].candidates, b[i].candidates);
    EXPECT_EQ(a[i].date, b[i].date);
    EXPECT_EQ(a[i].dateEnd, b[i].dateEnd);
    EXPECT_EQ(a[i].datePrecision, b[i].datePrecision);
    EXPECT_EQ(a[i].event, b[i].event);
    EXPECT_EQ(a[i].actor1, b[i].actor1);
    EXPECT_EQ(a[i].claimKind, b[i].claimKind);
    EXPECT_EQ(a[i].claim, b[i].claim);
    EXPECT_EQ(a[i].claimSide, b[i].claimSide);
    EXPECT_EQ(a[i].fatalities, b[i].fatalities);
    ASSERT_EQ(static_cast<bool>(a[i].dateRule), static_cast<bool>(b[i].dateRule));
    if (a[i].dateRule) {
      EXPECT_EQ(*a[i].dateRule, *b[i].dateRule);
      ++withRule;
    }
    withClaim += a[i].claimKind != ClaimKind::None;
    withDate += static_cast<bool>(a[i].date);
  }
  // The samples exercise the optional parts (so the round trip above is not vacuous).
  EXPECT_GT(withRule, 5);
  EXPECT_GT(withClaim, 2);
  EXPECT_GT(withDate, 40);
}

TEST(ExtractionCache, OtherKeysAreStaleAndSaySo) {
  const Fixture& f = fixture();
  const std::string bytes = serializeExtraction(f.extraction, f.corpus, f.key);
  for (const auto& [other, why] :
       {std::pair{ExtractionCacheKey{"x", "g", "v"}, "corpus"},
        std::pair{ExtractionCacheKey{f.key.corpus, "h", "v"}, "gazetteer"},
        std::pair{ExtractionCacheKey{f.key.corpus, "g", "w"}, "version"}}) {
    CachedExtraction back = deserializeExtraction(bytes, other, f.corpus, f.gazetteer);
    EXPECT_FALSE(back.extraction);
    EXPECT_TRUE(back.stale);
    EXPECT_NE(back.why.find(why), std::string::npos) << back.why;
  }
}

TEST(ExtractionCache, EveryTruncationAndManyFlippedBytesAreRefused) {
  const Fixture& f = fixture();
  const std::string bytes = serializeExtraction(f.extraction, f.corpus, f.key);
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 7) {
    CachedExtraction back =
        deserializeExtraction(std::string_view(bytes).substr(0, n), f.key, f.corpus, f.gazetteer);
    EXPECT_FALSE(back.extraction) << "cut at " << n;
  }
  for (size_t at = 0; at < bytes.size(); at += 1 + at / 11) {
    std::string damaged = bytes;
    damaged[at] ^= 0x01;
    CachedExtraction back = deserializeExtraction(damaged, f.key, f.corpus, f.gazetteer);
    EXPECT_FALSE(back.extraction) << "flipped at " << at;
  }
}

TEST(ExtractionCache, TheCorpusHashSeesEveryField) {
  Corpus c = fixture().corpus;
  const std::string base = corpusContentHash(c);
  c.articles[0].outlet += "x";
  EXPECT_NE(corpusContentHash(c), base);
  c = fixture().corpus;
  c.articles[2].published = Date{2016, 1, 1};
  EXPECT_NE(corpusContentHash(c), base);
  c = fixture().corpus;
  c.articles[4].text.back() ^= 1;
  EXPECT_NE(corpusContentHash(c), base);
  // Field boundaries count: moving a byte from the id to the outlet changes the hash.
  c = fixture().corpus;
  c.articles[1].outlet = c.articles[1].id.back() + c.articles[1].outlet;
  c.articles[1].id.pop_back();
  EXPECT_NE(corpusContentHash(c), base);
}

// Bytes with a good checksum can still be wrong for this corpus (written by a bug, or for an
// edited file under a stale key): no offset may point outside its article, and no index
// outside the gazetteer.
TEST(ExtractionCache, OffsetsAndIndicesAreCheckedAgainstTheTexts) {
  const Fixture& f = fixture();
  auto refusedWith = [&](const ExtractionResult& x, const std::string& why) {
    const std::string bytes = serializeExtraction(x, f.corpus, f.key);
    CachedExtraction back = deserializeExtraction(bytes, f.key, f.corpus, f.gazetteer);
    EXPECT_FALSE(back.extraction);
    EXPECT_FALSE(back.stale);
    EXPECT_NE(back.why.find(why), std::string::npos) << back.why;
  };
  ExtractionResult x = f.extraction;
  const Mention& m = x.mentions[7];
  x.mentions[7].sentenceEnd = static_cast<uint32_t>(f.corpus.articles[m.doc].text.size() + 1);
  refusedWith(x, "offsets fall outside");
  x = f.extraction;
  x.mentions[3].place = static_cast<int>(f.gazetteer.places.size());
  refusedWith(x, "names no place");
  x = f.extraction;
  std::swap(x.mentions.front(), x.mentions.back());  // articles out of order
  refusedWith(x, "out of order");
}

TEST(ExtractionCache, ATextOfAnotherSizeIsRefused) {
  // The key is the one the bytes were written for, but one article's text has grown since.
  const Fixture& f = fixture();
  const std::string bytes = serializeExtraction(f.extraction, f.corpus, f.key);
  Corpus edited = f.corpus;
  edited.articles[2].text += " ";
  CachedExtraction back = deserializeExtraction(bytes, f.key, edited, f.gazetteer);
  EXPECT_FALSE(back.extraction);
  EXPECT_NE(back.why.find("size differs"), std::string::npos) << back.why;
  Corpus fewer = f.corpus;
  fewer.articles.pop_back();
  back = deserializeExtraction(bytes, f.key, fewer, f.gazetteer);
  EXPECT_FALSE(back.extraction);
  EXPECT_NE(back.why.find("article count"), std::string::npos) << back.why;
}

TEST(ExtractionCache, DatesComeBackExactlyAcrossCenturies) {
  // Dates are stored as year, month and day side by side: the first and last days a Date
  // allows (isValidDate) and a leap day come back.
  const Fixture& f = fixture();
  ExtractionResult x = f.extraction;
  const Date dates[] = {{2016, 2, 29}, {1, 1, 1}, {1900, 3, 1}, {9999, 12, 31}};
  for (size_t i = 0; i < 4; ++i) {
    x.mentions[i].date = dates[i];
    x.mentions[i].dateEnd = dates[3 - i];
  }
  const std::string bytes = serializeExtraction(x, f.corpus, f.key);
  CachedExtraction back = deserializeExtraction(bytes, f.key, f.corpus, f.gazetteer);
  ASSERT_TRUE(back.extraction) << back.why;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(back.extraction->mentions[i].date, dates[i]);
    EXPECT_EQ(back.extraction->mentions[i].dateEnd, dates[3 - i]);
  }
}
