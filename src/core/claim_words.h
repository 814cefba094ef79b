// The claim rules' word classes and their lexicon. Internal to the claim rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/arabic_fold.h"
#include "core/claims.h"
#include "core/lexicon.h"
#include "core/word_table.h"

namespace atlas::claim_rules {

// Word classes, as bits (a word may be in several).
enum : uint32_t {
  kCapture = 1 << 0,  // "سيطرت", "استعاد", "حررت", "دخلت", "السيطرة"
  kHoldNow = 1 << 1,  // present tense: "تسيطر", "يسيطر"
  kHand = 1 << 2,  // "بيد", "تحت سيطرة", "الخاضعة لسيطرة": the side after it holds
  kLiberated = 1 << 3,  // "المحررة": held by the outlet's side
  kPartial = 1 << 4,    // "أجزاء", "معظم", "أطراف"
  kTry = 1 << 5,        // "حاول", "محاولة", "فشل", "تهدف", "تسعى"
  kRepel = 1 << 6,      // "صد", "تصدى", "أحبط": the attack after it failed
  kNegation = 1 << 7,   // "لم"
  kFuture = 1 << 8,     // "لن", "سوف", "تستعد"
  kWithdraw = 1 << 9,   // "انسحب"
  kAttack = 1 << 10,    // "هجوم", "اقتحام", "تقدم"
  kFight = 1 << 11,     // "اشتباكات", "معارك", "جبهة"
  kBlock = 1 << 12,  // "نحو", "قرب", "المتاخم", "بعد", "ما يهدد": the verb stops here
  kReport = 1 << 13,  // "قال", "أفاد", "بحسب"
  kHead = 1 << 14,    // "حي", "أحياء", "منطقة", "بلدة"
  kGlue = 1 << 15,  // "كامل", "كافة", "جميع", "من", "على", "في": may stand in a list
  kRelative = 1 << 16,  // "التي", "الذي"
  kBecome = 1 << 17,    // "بات", "أصبح", "سقط", "وقع": with a hand, a change of hands
  kThat = 1 << 18,      // "إن", "أن": ends a speaker's name
  kRemain = 1 << 19,    // "تبقى" of "ما تبقى من"
  kStill = 1 << 20,     // "تزال" of "لا تزال"
  kSecure = 1 << 21,    // "الأمن" of "أعادت الأمن والاستقرار إلى"
  kRestore = 1 << 22,   // "أعادت"
  kToward = 1 << 23,    // "نحو", "باتجاه": an advance that has not arrived
  kLiberate = 1 << 24,  // "حرر", "تحرير": the outlet's side when no agent is named
  kPresent = 1 << 25,  // present tense: "تسيطر", "يحررون", "ينسحب" (a headline's event)
  kWas = 1 << 26,      // "كان", "كانت": an earlier state
  kDeny = 1 << 27,         // "نفى", "نفت": the claim after it is denied
  kFirstPerson = 1 << 28,  // "سيطرنا", "صددنا": the speaker's side acts
  kShare = 1 << 29,        // "تتقاسم": shared control
  kArrive = 1 << 30,       // "وصلت": the front has reached the place
  kPresence = 1u << 31,    // "وجود", "يتحصن": the side is there
};

// Word classes of the second set (rarer roles).
enum : uint32_t {
  kLose = 1 << 0,         // "خسر": the subject lost the place
  kHandOver = 1 << 1,     // "سلمت": the place given to the side after it
  kTransfer = 1 << 2,     // "انتقلت": control passed to the side after "إلى"
  kLeave = 1 << 3,        // "خرج" of "خرج X عن سيطرة"
  kWitness = 1 << 4,      // "يشهد", "تشهد": the place sees fighting
  kPronounHand = 1 << 5,  // "بيدها", "تحت سيطرتها": the side the pronoun refers to
  kAnaphor = 1 << 6,      // "الحي", "البلدة": the place last named
  kApposition = 1 << 7,   // "أحد", "إحدى": an apposition after a comma
  kFacility = 1 << 8,     // "كلية", "مدرسة": a site whose "في X" is only its location
  kDirection = 1 << 9,    // "شمال", "جنوبي": the name after it is a reference point
  kTerror = 1 << 10,    // "الإرهاب": "المحرر من الإرهاب" is the state's word
  kBut = 1 << 11,       // "بل": a correction after a negation
  kTo = 1 << 12,        // "إلى": a destination
  kExit = 1 << 13,      // "خروج": a leaving that needs a fighting side
  kBackRef = 1 << 14,   // "عليه", "فيه": the place named before
  kPlaceIn = 1 << 15,   // "في", "بمنطقة": where something else is
  kLa = 1 << 16,        // "لا" of "لا يزال"
  kListHead = 1 << 17,  // "أحياء:", "أحياء،": a list follows its punctuation
  kOperation = 1 << 18,  // "معركة", "غرفة عمليات": "معركة تحرير حلب" names an operation
  kTime = 1 << 19,    // "ظهر" of "بعد ظهر أمس": "بعد" of a time, not of an event
  kOn = 1 << 20,      // "على": "سيطرة الوحدات الكردية على X" is a taking
  kQad = 1 << 21,     // "قد" of "كانت ... قد سيطرت": the pluperfect
  kListTo = 1 << 22,  // "وصولاً", "إضافة": "إلى" after it goes on with the list
  kTimeWord = 1 << 23,  // "مساء", "الأحد", "أمس": a parenthetical time ("، مساء الأحد،")
  kFull = 1 << 24,     // "بالكامل", "كاملا": the whole of the place named before it
  kPurpose = 1 << 25,  // "للسيطرة", "لاستعادة": a taking as an aim (set by Reading)
  kFromSide = 1 << 26,  // "جهة", "محور", "ناحية": "من جهة X" is where an advance started
  kCircumstance = 1 << 27,  // "بعد", "إثر", "وسط": "بعد معارك" tells the circumstance
  kYears = 1u << 31,        // "سنوات", "عامين": "منذ أربع سنوات" is years ago
  kSiteNoun = 1 << 30,      // "تلة", "مبنى": "على تلة في X" is a part of X
  kFrontLine = 1 << 29,  // "خطوط", "جبهة", "محور": a front ("خطوط المواجهة", "على جبهة حي X")
  kTakeIt = 1 << 28,     // "تحريره", "استعادتها": a taking with its object's pronoun
};

struct WordBits {
  uint32_t a = 0, b = 0;  // the first and second sets of classes
};

// How the rules read a word: the classes of the word itself, without و/ف, and then either "لل"
// as "ال" ("للسيطرة": ل before the article, which drops its alif) or the word without ب/ل, all
// together. `entry(skip, alef)` gives the classes of the form ("ا" if alef) + word[skip:].
template <typename Entry>
WordBits readClaimWord(std::u32string_view w, Entry entry) {
  WordBits bits;
  auto merge = [&](size_t skip, bool alef) {
    const WordBits b = entry(skip, alef);
    bits.a |= b.a;
    bits.b |= b.b;
  };
  merge(0, false);
  size_t skip = 0;
  if (w.size() > 2 && (w[0] == U'\u0648' || w[0] == U'\u0641')) {
    skip = 1;
    merge(1, false);
  }
  const std::u32string_view rest = w.substr(skip);
  if (rest.size() > 4 && rest[0] == U'\u0644' && rest[1] == U'\u0644') {
    merge(skip + 1, true);
    return bits;
  }
  if (rest.size() > 3 && (rest[0] == U'\u0628' || rest[0] == U'\u0644')) merge(skip + 1, false);
  return bits;
}

struct ClaimLexicon {
  WordTable<WordBits> words;
  std::u32string areas = foldString("مناطق"), area = foldString("منطقة"), under = foldString("تحت");

  ClaimLexicon();

  WordBits lookup(std::u32string_view w) const {
    std::array<char32_t, 32> buffer;
    std::u32string spare;
    return readClaimWord(w, [&](size_t skip, bool alef) {
      const WordBits* b = words.find(spellForm(w, skip, alef, buffer, spare));
      return b ? *b : WordBits{};
    });
  }
};

const ClaimLexicon& lexicon();

std::optional<Side> sideOf(SideWord w);
std::optional<Side> opponentOf(std::optional<Side> s);
std::optional<Side> stanceSide(int stance);

}  // namespace atlas::claim_rules
