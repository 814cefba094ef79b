// The edit line: grapheme and word steps, deletion, selection, one-line paste (LineEdit), and
// where its caret and hits are (CaretGeometry). Byte offsets worked out by hand: an Arabic letter
// or haraka is two bytes in UTF-8, an ASCII character one.
#include <gtest/gtest.h>

#include <vector>

#include "text/caret_geometry.h"
#include "text/line_edit.h"
#include "text_test_util.h"

namespace atlas::text::test {
namespace {

using Step = LineEdit::Step;

std::vector<size_t> forwardStops(LineEdit& e, Step step) {
  std::vector<size_t> stops;
  e.setCaret(0, false);
  for (size_t before = SIZE_MAX; e.caret() != before;) {
    before = e.caret();
    e.moveForward(step, false);
    if (e.caret() != before) stops.push_back(e.caret());
  }
  return stops;
}

std::vector<size_t> backwardStops(LineEdit& e, Step step) {
  std::vector<size_t> stops;
  e.setCaret(e.text().size(), false);
  for (size_t before = SIZE_MAX; e.caret() != before;) {
    before = e.caret();
    e.moveBackward(step, false);
    if (e.caret() != before) stops.push_back(e.caret());
  }
  return stops;
}

TEST(LineEdit, GraphemeStepsKeepHarakatOnTheirLetter) {
  // بِسْمِ: ب + kasra, س + sukun, م + kasra: three graphemes of four bytes.
  LineEdit e("بِسْمِ");
  ASSERT_EQ(e.text().size(), 12u);
  EXPECT_EQ(forwardStops(e, Step::Grapheme), (std::vector<size_t>{4, 8, 12}));
  EXPECT_EQ(backwardStops(e, Step::Grapheme), (std::vector<size_t>{8, 4, 0}));
  // A caret asked for between a letter and its haraka goes back to the letter's start.
  e.setCaret(2, false);
  EXPECT_EQ(e.caret(), 0u);
  e.setCaret(6, false);
  EXPECT_EQ(e.caret(), 4u);
  // Shadda and fatha stack on one letter: شَدَّ is ش َ | د ّ َ.
  LineEdit shadda("شَدَّ");
  EXPECT_EQ(shadda.graphemeBoundaries(), (std::vector<size_t>{0, 4, 10}));
}

TEST(LineEdit, LamAlefIsTwoGraphemes) {
  // السلام: six letters; the lam-alef ligature (bytes 6..10) is still two characters to edit.
  LineEdit e("السلام");
  EXPECT_EQ(forwardStops(e, Step::Grapheme), (std::vector<size_t>{2, 4, 6, 8, 10, 12}));
  // لَا: the haraka goes with the lam, the alef is its own grapheme.
  LineEdit voweled("لَا");
  EXPECT_EQ(voweled.graphemeBoundaries(), (std::vector<size_t>{0, 4, 6}));
  voweled.deleteBackward(Step::Grapheme);
  EXPECT_EQ(voweled.text(), "لَ");
}

TEST(LineEdit, DeletingALetterTakesItsHarakat) {
  LineEdit e("بِسْمِ");
  EXPECT_TRUE(e.deleteBackward(Step::Grapheme));  // مِ
  EXPECT_EQ(e.text(), "بِسْ");
  EXPECT_EQ(e.caret(), 8u);
  e.setCaret(0, false);
  EXPECT_TRUE(e.deleteForward(Step::Grapheme));  // بِ
  EXPECT_EQ(e.text(), "سْ");
  EXPECT_EQ(e.caret(), 0u);
  EXPECT_FALSE(e.deleteBackward(Step::Grapheme));  // nothing before the start
  e.setCaret(4, false);
  EXPECT_FALSE(e.deleteForward(Step::Grapheme));  // nothing after the end
  LineEdit shadda("شَدَّ");
  EXPECT_TRUE(shadda.deleteBackward(Step::Grapheme));  // د with shadda and fatha
  EXPECT_EQ(shadda.text(), "شَ");
}

TEST(LineEdit, WordJumpsOverArabicLatinAndDigits) {
  // حي(0..4) ' ' 1070(5..9) ' ' الراموسة(10..26) ' ' Ramouseh(27..35)
  LineEdit e("حي 1070 الراموسة Ramouseh");
  ASSERT_EQ(e.text().size(), 35u);
  // Forward: the end of the next word; backward: the start of the previous one.
  EXPECT_EQ(forwardStops(e, Step::Word), (std::vector<size_t>{4, 9, 26, 35}));
  EXPECT_EQ(backwardStops(e, Step::Word), (std::vector<size_t>{27, 10, 5, 0}));
  e.setCaret(14, false);  // inside الراموسة
  e.moveForward(Step::Word, false);
  EXPECT_EQ(e.caret(), 26u);
  e.setCaret(14, false);
  e.moveBackward(Step::Word, false);
  EXPECT_EQ(e.caret(), 10u);
  // Punctuation is not a word: حلب(0..6) ،(6..8) ' ' حمص(9..15).
  LineEdit comma("حلب، حمص");
  EXPECT_EQ(forwardStops(comma, Step::Word), (std::vector<size_t>{6, 15}));
  EXPECT_EQ(backwardStops(comma, Step::Word), (std::vector<size_t>{9, 0}));
  // Ctrl+Backspace twice from the end of حي 1070 الراموسة.
  LineEdit del("حي 1070 الراموسة");
  EXPECT_TRUE(del.deleteBackward(Step::Word));
  EXPECT_EQ(del.text(), "حي 1070 ");
  EXPECT_TRUE(del.deleteBackward(Step::Word));
  EXPECT_EQ(del.text(), "حي ");
  // Ctrl+Delete from the start.
  LineEdit fwd("حي 1070");
  fwd.setCaret(0, false);
  EXPECT_TRUE(fwd.deleteForward(Step::Word));
  EXPECT_EQ(fwd.text(), " 1070");
}

TEST(LineEdit, SelectionExtendsCollapsesAndIsReplaced) {
  // حي(0..4) ' ' الشيخ(5..15) ' ' سعيد(16..24)
  LineEdit e("حي الشيخ سعيد");
  e.setCaret(5, false);
  e.moveForward(Step::Word, true);
  EXPECT_EQ(e.anchor(), 5u);
  EXPECT_EQ(e.caret(), 15u);
  EXPECT_EQ(e.selectedText(), "الشيخ");
  EXPECT_TRUE(e.insert("الميسر"));
  EXPECT_EQ(e.text(), "حي الميسر سعيد");
  EXPECT_EQ(e.caret(), 17u);  // after الميسر (12 bytes from 5)
  EXPECT_FALSE(e.hasSelection());
  // Shift+step twice back selects سر; a plain step forward collapses to the selection's end,
  // a plain step back to its start.
  e.moveBackward(Step::Grapheme, true);
  e.moveBackward(Step::Grapheme, true);
  EXPECT_EQ(e.selectedText(), "سر");
  e.moveForward(Step::Grapheme, false);
  EXPECT_EQ(e.caret(), 17u);
  EXPECT_FALSE(e.hasSelection());
  e.moveBackward(Step::Grapheme, true);
  e.moveBackward(Step::Grapheme, false);
  EXPECT_EQ(e.caret(), 15u);
  // Shift+Home from the middle, then Backspace deletes the selection only.
  e.moveBackward(Step::Line, true);
  EXPECT_EQ(e.selectionBegin(), 0u);
  EXPECT_EQ(e.selectionEnd(), 15u);
  EXPECT_TRUE(e.deleteBackward(Step::Grapheme));
  EXPECT_EQ(e.text(), "ر سعيد");
  // Select all and type over it.
  e.selectAll();
  EXPECT_TRUE(e.insert("ح"));
  EXPECT_EQ(e.text(), "ح");
  EXPECT_EQ(e.caret(), 2u);
  // A word by double-click: the word around offset 7 of حي الشيخ.
  LineEdit w("حي الشيخ");
  w.selectWordAt(7);
  EXPECT_EQ(w.selectedText(), "الشيخ");
}

TEST(LineEdit, PasteOfSeveralLinesBecomesOneLine) {
  LineEdit e;
  EXPECT_TRUE(e.insert("حلب\r\n  Aleppo\n\nحمص\n"));
  EXPECT_EQ(e.text(), "حلب Aleppo حمص");
  EXPECT_EQ(e.caret(), e.text().size());
  // Into the middle of a line: the breaks around the pasted name vanish.
  LineEdit mid("حي ");
  mid.insert("\nالشيخ سعيد\n");
  EXPECT_EQ(mid.text(), "حي الشيخ سعيد");
  // Tabs become spaces, other controls go, invalid UTF-8 becomes U+FFFD; U+2028 breaks a line.
  EXPECT_EQ(LineEdit::oneLine("a\tb\x01"
                              "c\xff"),
            "a bc\xEF\xBF\xBD");
  EXPECT_EQ(LineEdit::oneLine("حلب\u2028حمص"), "حلب حمص");
  // Nothing to insert changes nothing.
  EXPECT_FALSE(mid.insert("\n\n"));
  EXPECT_EQ(mid.text(), "حي الشيخ سعيد");
}

TEST(EditLineText, TrailingSpacesAreShownAsNoBreakSpaces) {
  const EditLineText line("حلب  ");
  EXPECT_EQ(line.display(), "حلب\u00A0\u00A0");
  EXPECT_EQ(line.toDisplay(6), 6u);
  EXPECT_EQ(line.toDisplay(7), 8u);
  EXPECT_EQ(line.toDisplay(8), 10u);
  EXPECT_EQ(line.toLogical(8), 7u);
  EXPECT_EQ(line.toLogical(10), 8u);
  EXPECT_EQ(EditLineText("حي الشيخ").display(), "حي الشيخ");
}

// Geometry of a laid-out edit line at 16 px.
struct Laid {
  LineEdit edit;
  EditLineText line;
  Paragraph p;
  CaretGeometry geometry;
  Laid(TextEngine& engine, std::string_view text)
      : edit(text),
        line(edit.text()),
        p(engine.layout(line.display(), LayoutOptions{16, 0, Align::Left})),
        geometry(p, line, edit.graphemeBoundaries()) {}
};

TEST(CaretGeometry, CaretSitsAfterTheLastTypedCharacterAcrossRuns) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  // حلب(0..6) ' ' Aleppo(7..13): an RTL line, visually [Aleppo][ ][بلح].
  Laid l(*engine, "حلب Aleppo");
  ASSERT_TRUE(l.p.rtl);
  const auto latin = l.p.rangeRects(7, 13);
  const auto space = l.p.rangeRects(6, 7);
  ASSERT_EQ(latin.size(), 1u);
  ASSERT_EQ(space.size(), 1u);
  EXPECT_NEAR(latin[0].x0, 0, 0.01);
  EXPECT_NEAR(l.geometry.caretX(0), l.p.width, 0.01);    // before ح: the right end
  EXPECT_NEAR(l.geometry.caretX(6), space[0].x1, 0.01);  // after ب: left of it, right of the space
  // After the space, before A: the space's left edge (where A appears as it is typed), not the
  // far left; a click there asks for the forward side and gets the far left.
  EXPECT_NEAR(l.geometry.caretX(7), space[0].x0, 0.01);
  EXPECT_NEAR(l.geometry.caretX(7, true), 0, 0.01);
  // After the final o: the right end of the Latin run.
  EXPECT_NEAR(l.geometry.caretX(13), latin[0].x1, 0.01);
  // After A: inside the Latin run, left to right.
  const float afterA = l.geometry.caretX(8);
  EXPECT_GT(afterA, 0);
  EXPECT_LT(afterA, latin[0].x1 / 2);
  // Clicks go to the nearest edge of a grapheme.
  const CaretHit left = l.geometry.hit(-5);
  EXPECT_EQ(left.offset, 7u);
  EXPECT_TRUE(left.forward);
  EXPECT_EQ(l.geometry.hit(l.p.width + 5).offset, 0u);
  EXPECT_EQ(l.geometry.hit(afterA + 0.5f).offset, 8u);
}

TEST(CaretGeometry, ATypedSpaceMovesTheCaret) {
  auto engine = engineFor(kNaskh);
  ASSERT_TRUE(engine);
  Laid word(*engine, "حلب");
  Laid spaced(*engine, "حلب ");
  // RTL: the space goes left of the word and so does the caret, by the space's advance (both
  // measured from the line's right end, where the text starts).
  const float before = word.geometry.caretX(6);
  const float after = spaced.geometry.caretX(7);
  EXPECT_NEAR(before, 0, 0.01);
  EXPECT_GT(spaced.p.width - after, word.p.width - before + 2);
  // The word is where it was relative to the line's right end.
  EXPECT_NEAR(spaced.p.width - spaced.geometry.caretX(6), word.p.width, 0.01);
  // An empty line: the caret at its left.
  Laid empty(*engine, "");
  EXPECT_EQ(empty.geometry.caretX(0), 0);
}

TEST(CaretGeometry, CaretInsideLamAlefSplitsTheLigature) {
  // Noto Sans Arabic has lam-alef as one glyph (bytes 6..10 of السلام).
  auto engine = engineFor(kSans);
  ASSERT_TRUE(engine);
  Laid l(*engine, "السلام");
  const Glyph* lamAlef = nullptr;
  for (const Glyph& g : l.p.glyphs)
    if (g.byteBegin == 6 && g.byteEnd == 10) lamAlef = &g;
  ASSERT_NE(lamAlef, nullptr) << "no lam-alef ligature";
  EXPECT_NEAR(l.geometry.caretX(6), lamAlef->x + lamAlef->advance, 0.01);
  EXPECT_NEAR(l.geometry.caretX(8), lamAlef->x + lamAlef->advance / 2, 0.01);
  EXPECT_NEAR(l.geometry.caretX(10), lamAlef->x, 0.01);
  // Selecting the alef alone highlights the ligature's left half.
  const auto rects = l.geometry.rangeRects(8, 10);
  ASSERT_EQ(rects.size(), 1u);
  EXPECT_NEAR(rects[0].x0, lamAlef->x, 0.01);
  EXPECT_NEAR(rects[0].x1, lamAlef->x + lamAlef->advance / 2, 0.01);
}

}  // namespace
}  // namespace atlas::text::test
