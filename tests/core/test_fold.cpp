// Arabic normalisation with offsets back to the original bytes.
#include <gtest/gtest.h>

#include "core/arabic_fold.h"
#include "core/utf8.h"

using namespace atlas;

TEST(Fold, DropsMarksTatweelAndBidiControls) {
  // "الهُلك" (with damma), "حلـــب" (tatweel), RLM inside a word, a BOM.
  EXPECT_EQ(foldString("الهُلك"), foldString("الهلك"));
  EXPECT_EQ(toUtf8(foldString("حلـــب")), "حلب");
  EXPECT_EQ(toUtf8(foldString("حل\u200Fب")), "حلب");
  EXPECT_EQ(toUtf8(foldString("\xEF\xBB\xBFحلب")), "حلب");
  EXPECT_EQ(toUtf8(foldString("مَسْعىً")), "مسعي");
}

TEST(Fold, FoldsAlefsTaMarbutaAndAlefMaqsura) {
  EXPECT_EQ(toUtf8(foldString("أإآٱا")), "ااااا");
  EXPECT_EQ(toUtf8(foldString("العويجة")), "العويجه");
  EXPECT_EQ(toUtf8(foldString("مشفى")), toUtf8(foldString("مشفي")));
  EXPECT_EQ(toUtf8(foldString("علي")), toUtf8(foldString("على")));
}

// Arabic copied through Persian-keyboard sites carries keheh (U+06A9) and Farsi yeh (U+06CC):
// "کرم الطراب", "علی" are the Arabic letters' words.
TEST(Fold, PersianKehehAndYehAreArabicKafAndYa) {
  EXPECT_EQ(foldString("\u06A9رم الطراب"), foldString("كرم الطراب"));
  EXPECT_EQ(toUtf8(foldString("عل\u06CC")), "علي");
  EXPECT_EQ(foldString("اشتباکات عل\u06CC محور"), foldString("اشتباكات على محور"));
}

TEST(Fold, ArabicIndicDigitsBecomeAscii) {
  EXPECT_EQ(toUtf8(foldString("٢٠١٦-١٢-٠٥")), "2016-12-05");
  EXPECT_EQ(toUtf8(foldString("۱۴")), "14");
}

TEST(Fold, EveryFoldedCharacterKnowsItsOriginalBytes) {
  // "حيِّ الهُلك": the shadda and kasra after ي and the damma after ه are dropped.
  const std::string text = "x حيِّ الهُلك.";
  FoldedText f;
  foldRange(text, 0, static_cast<uint32_t>(text.size()), f);
  EXPECT_EQ(toUtf8(f.chars), "x حي الهلك.");
  // The name "الهلك" is folded chars 5..9; its original bytes are "الهُلك" (damma included).
  const size_t from = 5, to = 10;
  EXPECT_EQ(text.substr(f.originalStart(from), f.originalEnd(to) - f.originalStart(from)), "الهُلك");
  // "حي" (folded 2..4) spans the marks that follow the ي.
  EXPECT_EQ(text.substr(f.originalStart(2), f.originalEnd(4) - f.originalStart(2)), "حيِّ");
}

TEST(Fold, RangeOffsetsAreIntoTheWholeText) {
  const std::string text = "أمس في حلب";
  const uint32_t begin = static_cast<uint32_t>(text.find("حلب"));
  FoldedText f;
  foldRange(text, begin, static_cast<uint32_t>(text.size()), f);
  ASSERT_EQ(f.chars.size(), 3u);
  EXPECT_EQ(f.originalStart(0), begin);
  EXPECT_EQ(f.originalEnd(3), text.size());
}

TEST(Utf8, InvalidBytesAreFoundAndDecodedAsReplacement) {
  EXPECT_EQ(utf8::firstInvalid("حلب"), std::string::npos);
  EXPECT_EQ(utf8::firstInvalid("ab\xC3"), 2u);                             // truncated
  EXPECT_EQ(utf8::firstInvalid("a\xC0\xAF"), 1u);                          // overlong
  EXPECT_EQ(utf8::firstInvalid("\xED\xA0\x80"), 0u);                       // surrogate
  EXPECT_EQ(utf8::firstInvalid("ok \xEF\xBF\xBD ok"), std::string::npos);  // a real U+FFFD
  FoldedText f;
  const std::string bad = "ح\xFFب";
  foldRange(bad, 0, static_cast<uint32_t>(bad.size()), f);
  ASSERT_EQ(f.chars.size(), 3u);
  EXPECT_EQ(f.chars[1], utf8::kReplacement);
  EXPECT_EQ(f.originalStart(1), 2u);
  EXPECT_EQ(f.originalStart(2), 3u);
}
