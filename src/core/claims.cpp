#include "core/claims.h"

#include <algorithm>
#include <map>

#include "core/arabic_fold.h"
#include "core/lexicon.h"
#include "core/word_table.h"

namespace atlas {

const char* claimKindName(ClaimKind k) {
  switch (k) {
    case ClaimKind::Captured:
      return "captured";
    case ClaimKind::Held:
      return "held";
    case ClaimKind::Contested:
      return "contested";
    case ClaimKind::Failed:
      return "failed";
    case ClaimKind::Withdrew:
      return "withdrew";
    case ClaimKind::None:
      break;
  }
  return "none";
}

std::optional<ClaimKind> parseClaimKind(const std::string& name) {
  for (ClaimKind k : {ClaimKind::None, ClaimKind::Captured, ClaimKind::Held, ClaimKind::Contested,
                      ClaimKind::Failed, ClaimKind::Withdrew})
    if (name == claimKindName(k)) return k;
  return std::nullopt;
}

namespace {

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

  ClaimLexicon() {
    std::map<std::u32string, WordBits> m;
    auto add = [&](uint32_t bits, std::initializer_list<const char*> ws) {
      for (const char* w : ws) m[foldString(w)].a |= bits;
    };
    auto add2 = [&](uint32_t bits, std::initializer_list<const char*> ws) {
      for (const char* w : ws) m[foldString(w)].b |= bits;
    };
    add(kCapture,
        {"قضم", "لقضم", "بقضم", "تمركزت", "تمركزها", "تمركزه", "تمركزوا", "تحريره", "تحريرها",
         "تأمينه", "تأمينها", "دخوله", "دخولها", "استعادته", "سيطر", "سيطرت", "سيطروا", "سيطرة",
         "السيطرة", "سيطرتها", "سيطرته", "سيطرتهم", "استعاد", "استعادت", "استعادوا", "استعادة",
         "استعادتها", "يستعيد", "تستعيد", "استرجع", "استرجعت", "استرجاع", "استرداد", "استردت",
         "حرر", "حررت", "حرروا", "تحرير", "بسط", "بسطت", "انتزع", "انتزعت", "انتزاع", "دخل", "دخلت",
         "دخلوا", "دخول", "أحكم", "أحكمت", "إحكام", "تأمين", "أمنت", "طرد", "طردت", "طردوا",
         "تطهير", "طهرت", "اجتاح", "اجتاحت", "احتل", "احتلت", "احتلال", "استولى", "استولت",
         "استولوا", "الاستيلاء", "استيلاء", "استعيد", "استعيدت", "حرره", "حررها", "حررته", "حررتها",
         "استعاده", "استعادها", "استعادته", "استعادتها", "باسطا", "سيطرنا", "حررنا", "استعدنا",
         "دخلنا", "اقتحمنا", "باسطة", "باسطين", "مسيطرة", "مسيطرا", "إخضاع", "أخضعت", "أخضع",
         "هيمنة", "الهيمنة", "هيمنت", "هيمن", "استعادتهم", "استعادتهما", "دخولهم", "سيطرتهما",
         "تحريرهم", "هيمنته", "هيمنتها", "هيمنتهم",
         // Duals ("النظام والميليشيات سيطرا على X") and the other verb of retaking.
         "سيطرا", "سيطرتا", "استعادا", "استعادتا", "حررا", "دخلا", "استرد", "استردوا", "استرده",
         "استردها", "استردته", "استردتها",
         // "مد نفوذه إلى X", "بسطت نفوذها على X": influence extended over it.
         "نفوذه", "نفوذها", "نفوذهم"});
    add(kCapture | kPresent,
        {"يحرر",   "يحررون", "تحرر",   "تنتزع",  "ينتزع",    "ينتزعون", "تدخل",
         "يدخل",   "يدخلون", "تستعيد", "يستعيد", "يستعيدون", "تطرد",    "يطرد",
         "تستولي", "يستولي", "تبسط",   "يبسط",   "يسترد",    "تسترد",   "يستردون"});
    add(kFirstPerson,
        {"قمنا", "نفذنا", "تمكنا", "استطعنا", "نجحنا", "سيطرنا", "حررنا", "استعدنا", "دخلنا",
         "اقتحمنا", "أفشلنا", "صددنا", "أحبطنا", "انسحبنا", "تقدمنا", "قتلنا", "كسرنا"});
    add(kLiberate, {"حرر", "حررت", "حرروا", "تحرير", "يحرر", "يحررون", "تحرر", "حرره", "حررها",
                    "حررته", "حررتها", "حررنا"});
    add(kHoldNow, {"تسيطرون", "تتمركز", "يتمركز", "يتمركزون", "تسيطر", "يسيطر", "يسيطرون",
                   "تسيطران", "يسيطران", "المسيطرة", "المسيطر", "تحتفظ", "يحتفظ", "تحكم",
                   // "ما زالت المعارضة تتمسك بالجامع الأموي وأحياء X": still holds on to.
                   "تتمسك", "يتمسك", "يتمسكون", "متمسكة", "متمسكين"});
    add(kPresent, {"تسيطر", "يسيطر", "يسيطرون", "تسيطرون", "تسيطران", "يسيطران", "ينسحب", "تنسحب",
                   "ينسحبون", "يتقدم", "تتقدم", "تقتحم", "يقتحم"});
    add(kHand, {"بيد",  "بأيدي",  "بايدي",   "يد",      "تحت",  "الخاضعة", "الخاضع", "خاضعة",
                "خاضع", "لسيطرة", "الواقعة", "الواقع",  "قبضة", "أيدي",    "ضمن",    "بيدها",
                "بيده", "بيدهم",  "بأيديهم", "بأيديها", "تخضع", "يخضع",    "تخضعان", "يخضعان"});
    add2(kPronounHand, {"بيدها", "بيده", "بيدهم", "بأيديهم", "بأيديها", "سيطرتها", "سيطرته",
                        "سيطرتهم", "قبضتها", "قبضته", "قبضتهم"});
    add(kLiberated, {"المحررة", "المحرر", "محررة"});
    add(kPartial,
        {"نطاق",   "ثلث",     "ثلثي",    "ربع",     "مساحة",    "مساحات",   "أجزاء",   "جزء",
         "معظم",   "أطراف",   "أغلب",    "نصف",     "محيط",     "بعض",      "كتل",     "أبنية",
         "مباني",  "الجزء",   "القسم",   "قسم",     "أكثر",     "الأجزاء",  "الأطراف", "نقاط",
         "النقاط", "نقطة",    "الغربية", "الشرقية", "الشمالية", "الجنوبية", "محيطه",   "محيطها",
         "أطرافه", "أطرافها", "شرق",     "غرب",     "شمال",     "جنوب",     "بأجزاء",  "مواقع",
         "موقع",   "نقاطا",   "نقاطهم",  "نقاطها",  "نقاطه",    "كتلة",     "الكتل",   "مبان",
         "نقطتين", "النقطة",  "المواقع", "الأبنية", "المباني",  "المزيد"});
    add(kTry, {"أهدافه",   "أهدافها",  "هدفه",    "هدفها",    "لأجل",      "بغية",      "لغرض",
               "حاول",     "حاولت",    "حاولوا",  "تحاول",    "يحاول",     "يحاولون",   "محاولة",
               "محاولات",  "محاولتها", "محاولته", "فشل",      "فشلت",      "فشلوا",     "تفشل",
               "يفشل",     "يفشلون",   "فشلها",   "عجز",      "عجزت",      "تهدف",      "يهدف",
               "تستهدف",   "يستهدف",   "بهدف",    "تسعى",     "يسعى",      "سعيا",      "يسعون",
               "يحاولون",  "تحاولان",  "يهدفون",  "يقترب",    "تقترب",     "اقتراب",    "تريد",
               "يريد",     "لمحاولة",  "الفاشلة", "فاشلة",    "فاشل",      "محاولاتهم", "محاولاتها",
               "تعثر",     "تعثرت",    "يتعثر",   "محاولتهم", "محاولتهما", "بمحاولة",   "محاولتنا",
               "محاولاته", "الهادفة",  "الهادف",  "هادفة",    "الرامية",   "الساعية"});
    add(kRepel, {"تتصدى",  "يتصدى", "يتصدون", "تصدوا",  "تصدي",  "لتصدي",  "بصد",   "لصد",
                 "صد",     "صدت",   "صدوا",   "يصد",    "تصد",   "تصدى",   "تصدت",  "التصدي",
                 "أحبط",   "أحبطت", "إحباط",  "إفشال",  "أفشلت", "كسر",    "كسرت",  "دحر",
                 "دحرت",   "إجهاض", "أجهضت",  "أفشلنا", "صددنا", "أحبطنا", "كسرنا", "أفشل",
                 "أفشلوا", "تحبط",  "يحبط",   "يحبطون", "يصدون", "يصدان",  "تصدان"});
    add(kNegation, {"لم", "دون"});
    add(kFuture,
        {"يؤدي",  "تؤدي",  "سيؤدي",   "ستؤدي",   "تخول",  "يخول",    "تتيح",   "يتيح",   "تسمح",
         "يسمح",  "ستتيح", "ادعاءات", "مزاعم",   "ادعاء", "بادعاء",  "لن",     "سوف",    "تستعد",
         "يستعد", "تعتزم", "يعتزم",   "تنوي",    "ينوي",  "تمهيدا",  "قريبا",  "ستسيطر", "سيسيطر",
         "ستدخل", "سيدخل", "ستستعيد", "سيستعيد", "يتوقع", "المتوقع", "متوقع",  "توقع",   "حال",
         "إذا",   "لو",    "هدد",     "هددت",    "يهدد",  "تهدد",    "توعد",   "توعدت",  "ستبدأ",
         "سيبدأ", "ستشن",  "سيشن",    "ستقوم",   "سيقوم", "سينسحب",  "ستنسحب", "سيتم",   "يطالب",
         "تطالب", "طالب",  "طالبت",   "مطالبة",  "سيؤمن", "ستؤمن",   "سيتيح",  "ستتيح",  "سيمكن",
         "ستمكن", "سيسمح", "سيفتح",   "ستفتح",   "سيجعل", "سيكون",   "ستكون",  "سيصبح",  "ستصبح"});
    add(kWas, {"كان", "كانت", "كانوا"});
    add(kDeny, {"نفى", "نفت", "ينفي", "تنفي", "نفي", "نفوا"});
    add(kShare, {"تتقاسم", "يتقاسم", "يتقاسمون", "تقاسم", "تتقاسمان", "مناصفة"});
    add(kArrive, {"وصلت", "وصل", "وصلوا", "الوصول", "وصول"});
    add(kPresence, {"وجود", "تواجد", "انحصر", "انحصار", "يتحصن", "تتحصن", "يتحصنون", "المتحصنين"});
    add2(kLose, {"خسر", "خسرت", "خسروا", "يخسر", "تخسر"});
    add2(kHandOver, {"سلم", "سلمت", "سلموا", "تسليم"});
    add2(kTransfer, {"انتقلت", "انتقل", "انتقال", "آلت"});
    add2(kLeave, {"خرج", "خرجت"});
    add2(kWitness, {"يشهد", "تشهد", "شهد", "شهدت", "شهدا", "شهدتا"});
    add2(kAnaphor,
         {"الحي", "البلدة", "القرية", "التلة", "المخيم", "الحيين", "البلدتين", "القريتين"});
    add2(kApposition, {"أحد", "إحدى", "أحدى", "وهو", "وهي", "آخر", "أبرز", "أكبر"});
    add2(kFacility,
         {"كلية", "مدرسة", "معمل", "معامل", "جامع", "مشفى", "مستشفى", "كتيبة", "دوار", "مستودعات",
          "مبنى", "محطة", "فرع", "أكاديمية", "الكلية", "التسليح", "المدفعية"});
    add2(kDirection, {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"});
    add2(kTerror, {"الإرهاب", "الإرهابيين", "الارهاب", "المسلحين", "الإرهابية"});
    add2(kBut, {"بل"});
    add2(kTo, {"إلى", "الى"});
    add2(kExit, {"الهاربون", "الهاربين", "فرار", "فرارها", "فرارهم", "هروب", "هربوا", "فروا", "فرت",
                 "خروج", "خرجت", "خرج", "خرجوا"});
    add2(kBackRef, {"عليه", "عليها", "فيه", "فيها", "عليهم", "عليهما", "عليهن"});
    add2(kPlaceIn, {"في"});
    add2(kListHead,
         {"أحياء", "الأحياء", "مناطق", "بلدات", "قرى", "حيي", "قريتي", "بلدتي", "هي", "وهي"});
    add2(kOperation, {"معركة", "عمليات", "غرفة", "عملية", "ملحمة"});
    add2(kTime, {"ظهر", "الظهر", "منتصف", "ساعات", "ساعة", "يومين", "أيام", "أسبوع", "ظهيرة"});
    add2(kOn, {"على"});
    add2(kQad, {"قد"});
    add2(kListTo, {"وصولا", "إضافة", "بالإضافة", "اضافة"});
    add2(kTimeWord, {"اليوم",    "أمس",    "مساء",   "صباح",   "ليل",     "ليلة",    "فجر",
                     "ظهر",      "عصر",    "السبت",  "الأحد",  "الاثنين", "الإثنين", "الثلاثاء",
                     "الأربعاء", "الخميس", "الجمعة", "الماضي", "الماضية", "الفائت",  "الجاري",
                     "يناير",    "فبراير", "مارس",   "أبريل",  "نيسان",   "مايو",    "أيار",
                     "يونيو",    "حزيران", "يوليو",  "تموز",   "أغسطس",   "آب",      "سبتمبر",
                     "أيلول",    "أكتوبر", "نوفمبر", "ديسمبر", "كانون",   "تشرين",   "الأول",
                     "الثاني",   "أول",    "منتصف",  "الليلة", "فجرا",    "صباحا",   "مساءا"});
    add2(kFull, {"بالكامل", "كاملا", "كاملة", "بأكمله", "بأكملها", "كليا"});
    add2(kYears, {"سنوات", "سنين", "سنتين", "أعوام", "عامين", "سنة", "أربعة", "أربع"});
    add2(kSiteNoun, {"مناطق", "تلة", "مبنى", "بناء", "حاجز", "مقر", "مقرات", "تلتين",
                     // ("سيطرت على 12 معملا في منطقة الليرمون": factories in it, a part.)
                     "معملا", "معامل", "مصانع", "مصنعا", "منشآت", "مستودعات"});
    add2(kFrontLine, {"جبهة", "جبهات", "الجبهة", "محور", "محاور", "محوري", "خطوط", "خط", "الخطوط",
                      "الخط", "خطي"});
    add2(kTakeIt,
         {"دخلته",     "دخلتها",   "دخلوه",   "تمركزها", "تمركزه",    "تحريره",   "تحريرها",
          "حرره",      "حررها",    "حررته",   "حررتها",  "استعاده",   "استعادها", "استعادته",
          "استعادتها", "تأمينه",   "تأمينها", "دخوله",   "دخولها",    "دخلوه",    "دخلوها",
          "دخلته",     "دخلتها",   "دخلها",   "دخله",    "استعادوها", "استعادوه", "حرروها",
          "حرروه",     "اقتحموها", "اقتحمها", "اقتحمته"});
    add2(kCircumstance, {"بعد", "إثر", "اثر", "عقب", "خلال", "وسط", "جراء", "رغم", "إثرها"});
    add2(kFromSide, {"جهة", "محور", "ناحية", "محاور", "جهتي", "محوري"});
    add2(kLa, {"لا", "ما", "مازال", "مازالت", "هما", "هو", "آمن", "آمنة"});
    add(kWithdraw,
        {"الهاربون", "الهاربين", "فرار",     "فرارها", "فرارهم",  "هروب",     "هربوا",
         "فروا",     "فرت",      "انسحب",    "انسحبت", "انسحبوا", "انسحاب",   "ينسحب",
         "تنسحب",    "انسحابها", "انسحابهم", "أخلت",   "أخلوا",   "أخلى",     "تراجعت",
         "تراجع",    "تراجعوا",  "غادر",     "غادرت",  "غادروا",  "مغادرة",   "خروج",
         "خرجوا",    "انسحبنا",  "خرج",      "خرجت",   "إخراج",   "الانسحاب", "انسحابه"});
    add(kAttack,
        {"يتمدد",   "تتمدد",   "تمدد",    "تمددت",    "التوغل",  "بالتوغل",  "للتوغل",   "توغلها",
         "توغله",   "اجتياح",  "باجتياح", "لاجتياح",  "هجومهم",  "هجماتهم",  "هجماتها",  "هجوم",
         "هجوما",   "هجمات",   "الهجوم",  "هجومها",   "هجومه",   "اقتحام",   "اقتحامها", "اقتحمت",
         "اقتحموا", "باقتحام", "تقدم",    "تقدمت",    "تقدموا",  "التقدم",   "تتقدم",    "يتقدم",
         "توغل",    "توغلت",   "زحف",     "تقدما",    "تسلل",    "التسلل",   "تقدمنا",   "تقدمها",
         "تقدمه",   "تقدمهم",  "تقدمهما", "عملياتها", "عملياته", "عملياتهم", "يخترق",    "تخترق",
         "اخترق",   "اخترقت",  "اختراق",  "تقتحم",    "يقتحم",   "تهاجم",    "يهاجم",    "هاجمت",
         "هاجم",    "هاجموا",  "يهاجمون", "اقتحاما",  "الهجمات", "هجومين",   "الهجومين", "لهجوم",
         "لهجمات"});
    add(kFight, {"المواجهات", "المواجهة", "مواجهة",     "الاشتباك", "عمليات", "العمليات",
                 "اشتباكات",  "اشتباك",   "الاشتباكات", "معارك",    "معركة",  "المعارك",
                 "مواجهات",   "جبهة",     "جبهات",      "محور",     "محاور",  "تماس",
                 "التماس",    "تدور",     "دارت",       "تستمر",    "كر"});
    add(kToward, {"نحو", "باتجاه", "اتجاه", "صوب", "تجاه"});
    add(kBlock,
        {"المشرفة", "المشرف", "المشرفين", "نحو",      "باتجاه",  "اتجاه",    "صوب",     "تجاه",
         "قرب",     "بالقرب", "المتاخم",  "المتاخمة", "المحاذي", "المحاذية", "المجاور", "المجاورة",
         "المطل",   "المطلة", "القريب",   "القريبة",  "يهدد",    "تهدد",     "مما",     "بعد",
         "حيث",     "بينما",  "فيما",     "كما",      "باتت",    "بات",      "أصبحت",   "ليصبح",
         "لتصبح",   "يجعل",   "يضع",      "حتى",      "مرمى",    "تقصف",     "قصف",     "أمام",
         "ضد",      "سقوط",   "غارات",    "براميل",   "نازحين",  "نزوح",     "نزح",     "هربا",
         "عقب",     "إثر",    "تقترب",    "الحصار",   "حصار",    "يقترب",    "اقترب",   "اقتربت",
         "لقطع",    "اثر",    "بسبب",     "ويقع",     "يقع",     "تقع",      "داخل",    "مهددة",
         "مهدد",    "مهددا",  "بالسقوط",  "غدت",      "غدا",     "أضحت",     "أضحى"});
    add(kReport, {"قال",   "قالت", "أفاد",  "أفادت", "ذكر",   "ذكرت",  "أكد",  "أكدت",  "أعلن",
                  "أعلنت", "نقلت", "نقل",   "بحسب",  "حسب",   "وفق",   "وفقا", "أشار",  "أشارت",
                  "زعم",   "زعمت", "ادعى",  "ادعت",  "أوضح",  "أوضحت", "صرح",  "نشر",   "نشرت",
                  "بثت",   "تحدث", "تحدثت", "أضاف",  "أضافت", "نفى",   "نفت",  "اعترف", "اعترفت"});
    add(kHead,
        {"حي",      "حيي",     "أحياء",   "الأحياء",  "منطقة",    "مناطق",  "المنطقة", "بلدة",
         "محلة",    "بلدتي",   "بلدات",   "قرية",     "قريتي",    "قرى",    "مدينة",   "مخيم",
         "مشروع",   "ضاحية",   "كامل",    "كافة",     "جميع",     "كل",     "بالكامل", "الحي",
         "محيطها",  "شرق",     "غرب",     "شمال",     "جنوب",     "الشرقي", "الغربي",  "الشمالي",
         "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية", "مواقع",  "نقاط",    "تلة",
         "تلال",    "كتيبة",   "مدرسة",   "كلية",     "كليات",    "كتلة",   "معمل",    "دوار",
         "مشفى",    "مستشفى",  "جامع",    "أيضا",     "أخرى",     "عدة",    "كرم",     "تل",
         "جسر",     "جبل",     "سوق",     "كراجات",   "مساكن",    "معامل",  "مصانع",   "مستودعات",
         "محطة",    "مبنى",    "مباني",   "ساحة",     "شارع",     "مزارع",  "محيطه",   "ومحيطها",
         "ومحيطه",  "تلتي",    "مدرستي",  "كليتي",    "جبهتي",    "محوري",  "دواري",   "معملي"});
    add(kGlue, {"الآن",  "رسميا", "حاليا", "فعليا", "شمالا", "جنوبا",    "شرقا",  "غربا",
                "أيضا",  "من",    "على",   "في",    "ما",    "ب",        "مثل",   "وهي",
                "هي",    "منها",  "ومنها", "و",     "واسعة", "فيها",     "بينها", "بما",
                "وصولا", "كبيرة", "كبير",  "واسع",  "إضافة", "بالإضافة", "كذلك",  "وكذلك"});
    add(kRelative, {"التي", "الذي", "الذين", "اللذين", "اللتين"});
    add(kBecome, {"باتتا", "أصبحتا", "باتا",  "أصبحا", "بات",  "باتت", "أصبح", "أصبحت",
                  "صار",   "صارت",   "سقط",   "سقطت",  "سقوط", "وقع",  "وقعت", "عاد",
                  "عادت",  "عودة",   "ليصبح", "لتصبح", "أضحى", "أضحت", "غدت",  "غدا"});
    add(kThat, {"إن", "أن", "بأن", "ان", "بان", "إنه", "أنه", "إنها", "أنها"});
    add(kRemain,
        {"المتبقية", "المتبقي", "المتبقيه", "المتبقيين", "تبقى", "تبقي", "بقي", "بقيت", "يتبقى"});
    add(kStill, {"تزال", "زالت", "يزال", "زال", "مازالت", "مازال", "لاتزال", "لايزال", "ماتزال",
                 "مايزال", "ظلت", "تظل", "يظل"});
    // ("إعادة فتح طريق الكاستيلو": reopening a road is retaking it.)
    add(kSecure, {"الأمن", "والأمان", "الأمان", "والاستقرار", "الاستقرار", "فتح"});
    add(kRestore, {"أعادت", "أعاد", "أعادوا", "إعادة", "تعيد", "يعيد", "معيدا", "معيدة", "معيدين"});
    words.addAll(m);
  }

  WordBits lookup(std::u32string_view w) const {
    std::array<char32_t, 32> buffer;
    std::u32string spare;
    return readClaimWord(w, [&](size_t skip, bool alef) {
      const WordBits* b = words.find(spellForm(w, skip, alef, buffer, spare));
      return b ? *b : WordBits{};
    });
  }
};

const ClaimLexicon& lexicon() {
  static const ClaimLexicon l;
  return l;
}

std::optional<Side> sideOf(SideWord w) {
  switch (w) {
    case SideWord::Government:
    case SideWord::Russia:
      return Side::Government;
    case SideWord::Opposition:
      return Side::Opposition;
    case SideWord::Kurdish:
      return Side::Kurdish;
    case SideWord::Civilians:
      break;
  }
  return std::nullopt;
}

std::optional<Side> opponentOf(std::optional<Side> s) {
  if (s == Side::Government) return Side::Opposition;
  if (s == Side::Opposition) return Side::Government;
  return std::nullopt;
}

std::optional<Side> stanceSide(int stance) {
  if (stance > 0) return Side::Government;
  if (stance < 0) return Side::Opposition;
  return std::nullopt;
}

// The sentence, read once: each token's classes, which name (if any) it belongs to, clause
// breaks, and years that place a clause in the past ("منذ عام 2012").
struct Reading {
  const std::u32string& text;
  const std::vector<Token>& tokens;
  const std::vector<SideMention>& sides;
  const std::vector<NameSpan>& names;
  std::vector<uint32_t> bits, bits2;  // the word classes of each token, both sets
  std::vector<int> nameAt;            // index into names, or -1
  std::vector<int> clause;            // clause number of each token ("،" "؛" ":" start a new one)
  std::vector<bool> oldYear;          // a year before 2016 in the token's clause
  std::vector<bool> punctuation;      // a "،", "؛", ";", ":" or "." before the token

  Reading(const std::u32string& t, const std::vector<Token>& k, const std::vector<SideMention>& s,
          const std::vector<NameSpan>& n)
      : text(t), tokens(k), sides(s), names(n) {
    const ClaimLexicon& L = lexicon();
    const size_t count = tokens.size();
    bits.assign(count, 0);
    bits2.assign(count, 0);
    nameAt.assign(count, -1);
    clause.assign(count, 0);
    for (size_t i = 0; i < count; ++i) {
      // (Found by classifyTokens, else looked up now.)
      const WordBits b = tokens[i].lexical != kLexicalUnknown
                             ? WordBits{tokens[i].claim, tokens[i].claim2}
                             : L.lookup(tokenText(text, tokens[i]));
      bits[i] = b.a;
      bits2[i] = b.b;
      // "لتسيطر المعارضة عقبها على X": ل with the present tells what followed, a taking.
      if ((bits[i] & kHoldNow) && !(bits[i] & kCapture)) {
        const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i]));
        if (w.size() > 4 && w[0] == U'\u0644' && (w[1] == U'\u062A' || w[1] == U'\u064A'))
          bits[i] = (bits[i] & ~kHoldNow) | kCapture;
      }
      // "رفع رجال الجيش في X العلم", "رفعت الوحدات العلم الوطني فوق X": the flag raised is a
      // taking.
      if (raisesFlag(i)) {
        static const std::u32string flag[] = {foldString("العلم"), foldString("علم"),
                                              foldString("الأعلام"), foldString("رايتها")};
        for (size_t k = i + 1; k < count && k <= i + 12; ++k)
          if (std::find(std::begin(flag), std::end(flag),
                        withoutConjunction(tokenText(text, tokens[k]))) != std::end(flag))
            bits[i] |= kCapture;
      }
      // "يحاربون للسيطرة على X", "هجوم لاستعادة X": a taking as the aim of the clause.
      if ((bits[i] & kCapture) && !(bits[i] & kHand)) {
        const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i]));
        if (w.size() > 4 && w[0] == U'\u0644' && !(bits[i] & (kPresent | kHoldNow)) &&
            !(i > 0 && has(i - 1, kListTo)) &&  // "إضافة للسيطرة على": in addition
            !L.words.contains(w))  // (not a word of its own that starts with ل: "لسيطرة")
          bits2[i] |= kPurpose;
      }
      // "تحتفظ المعارضة بالسيطرة على X", "حافظت على سيطرتها على X": control kept, held.
      if (i > 0 && (bits[i] & kCapture) && !(bits[i] & kHoldNow)) {
        static const WordTable<bool> keep = [] {
          WordTable<bool> t;
          for (const char* w : {"تحتفظ", "يحتفظ", "احتفظت", "احتفظ", "يحتفظون", "حافظت", "حافظ",
                                "تحافظ", "يحافظ", "حافظوا", "يحافظون", "محافظة"})
            t.add(foldString(w), true);
          return t;
        }();
        for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
          if (keep.contains(withoutConjunction(tokenText(text, tokens[k])))) {
            bits[i] = (bits[i] & ~kCapture) | kHoldNow;
            break;
          }
      }
      // "ما تبقى تحت سيطرة المعارضة": the hand's noun, not a taking.
      if (i > 0 && (bits[i] & kCapture) && (bits[i - 1] & kHand) && !(bits[i - 1] & kCapture) &&
          withoutConjunction(tokenText(text, tokens[i - 1])) == L.under)
        bits[i] = (bits[i] & ~kCapture) | kHand;
      // "مناطق سيطرة قوات النظام في حي X": the areas a side holds, not a taking.
      if (i > 0 && (bits[i] & kCapture) && (bits[i - 1] & kHead) && !(bits[i - 1] & kHand)) {
        const std::u32string_view prev = withoutConjunction(tokenText(text, tokens[i - 1]));
        if (prev == L.areas || prev == L.area) bits[i] = (bits[i] & ~kCapture) | kHand;
      }
    }
    for (size_t j = 0; j < names.size(); ++j)
      for (size_t i = names[j].first; i <= names[j].last && i < count && !names[j].inDate; ++i)
        nameAt[i] = static_cast<int>(j);
    punctuation.assign(count, false);
    for (size_t i = 1; i < count; ++i)
      for (uint32_t k = tokens[i - 1].to; k < tokens[i].from; ++k)
        if (text[k] == U'\u060C' || text[k] == U'\u061B' || text[k] == U';' || text[k] == U':' ||
            text[k] == U'.' || text[k] == U'\u2026') {  // ("…" joins a headline's parts)
          punctuation[i] = true;
          break;
        }
    // "سيطر الجيش، مساء الأحد، على X": a time set off by commas does not end the clause.
    std::vector<bool> transparent(count + 1, false);  // the break before token i does not count
    for (size_t i = 1; i < count; ++i) {
      if (!punctuationBefore(i)) continue;
      size_t j = i;
      while (j < count && j < i + 4 && isTimeToken(j) && (j == i || !punctuationBefore(j))) ++j;
      if (j > i && j < count && punctuationBefore(j)) {
        transparent[i] = transparent[j] = true;
        i = j - 1;
      } else if (j > i && j < count && anyIn2(i, j, kTimeWord)) {
        transparent[i] = true;  // "أعادت وحدات الجيش، اليوم السبت الأمن والاستقرار إلى X"
      }
    }
    // "استعاد الجيش ... أمس، ضاحية الأسد ومنطقة منيان": a time word before the comma, the
    // taking's object right after it.
    for (size_t i = 1; i < count; ++i) {
      if (!punctuationBefore(i) || transparent[i] || !has(i - 1, kTimeWord) ||
          !(nameAt[i] >= 0 || is(i, kHead | kAttack | kCapture)))
        continue;
      // ("حاولت قوات الأسد فجر اليوم، التقدم على X": the attempt's object after the comma.)
      for (size_t k = i - 1; k > 0 && !punctuationBefore(k); --k)
        if ((bits[k - 1] & kCapture) || ((bits[k - 1] & kTry) && is(i, kAttack | kCapture))) {
          transparent[i] = true;
          break;
        }
    }
    // "سيطرت قوات النظام، بعد معارك عنيفة مع الفصائل، على X": a short aside between commas
    // before "على"/"إلى" (which goes on with the clause, below) leaves the verb's reach whole.
    for (size_t i = 1; i < count; ++i) {
      if (!punctuationBefore(i) || transparent[i]) continue;
      size_t j = i + 1;
      while (j < count && j <= i + 10 && !punctuationBefore(j) && nameAt[j] < 0 &&
             !(bits[j] & (kCapture | kHoldNow | kWithdraw)))
        ++j;
      // ("تدور اشتباكات بين قوات النظام من جانب، والفصائل من جانب آخر، في أطراف منطقة X".)
      const bool inPlace = j + 1 < count && has(j, kPlaceIn) &&
                           ((bits[j + 1] & (kHead | kPartial)) || nameAt[j + 1] >= 0);
      if (j < count && j <= i + 10 && punctuationBefore(j) && (has(j, kOn | kTo) || inPlace) &&
          nameAt[i] < 0 && !(bits[i] & (kCapture | kHoldNow | kWithdraw))) {
        transparent[i] = true;
        if (inPlace) transparent[j] = true;  // ("على"/"إلى" go on with the clause by themselves)
      }
    }
    int c = 0;
    for (size_t i = 0; i < count; ++i) {
      // "أحياء: X، Y" and "أحياء، X" open a list; "سيطرت قوات الأسد، على حي X" goes on.
      if (i > 0 && !has(i - 1, kListHead) && !has(i, kOn | kTo) && !transparent[i] &&
          punctuationBefore(i))
        ++c;
      clause[i] = c;
    }
    // A year before 2016 puts its clause in the past, unless after "منذ" in a clause about now:
    // "لأول مرة منذ 2012", "يسيطر عليه الثوار منذ عام 2012" (not "خرج عن سيطرتهم منذ عام 2012").
    static const std::u32string since = foldString("منذ"), before = foldString("قبل"),
                                year = foldString("عام"), time = foldString("مرة"),
                                first = foldString("أول"), theYear = foldString("العام");
    std::vector<size_t> agoFrom;  // a subordinate part in the past starts here
    std::vector<bool> oldClause(static_cast<size_t>(c) + 1, false),
        nowClause(static_cast<size_t>(c) + 1, false);
    for (size_t i = 0; i < count; ++i)
      if ((bits[i] & (kHoldNow | kStill)) || tokenText(text, tokens[i]).ends_with(time) ||
          withoutConjunction(tokenText(text, tokens[i])) == first)  // "أول تقدم منذ 2013"
        nowClause[clause[i]] = true;
    for (size_t i = 0; i < count; ++i) {
      const std::u32string_view w = tokenText(text, tokens[i]);
      if (w.size() == 4 && w[0] == U'2' && w[1] == U'0' && w[2] == U'1' && w[3] >= U'0' &&
          w[3] <= U'5') {
        const bool sinceYear =
            (i >= 1 && withoutConjunction(tokenText(text, tokens[i - 1])) == since) ||
            (i >= 2 &&
             (tokenText(text, tokens[i - 1]) == year ||
              tokenText(text, tokens[i - 1]) == theYear) &&
             withoutConjunction(tokenText(text, tokens[i - 2])) == since);
        if (!(sinceYear && nowClause[clause[i]])) oldClause[clause[i]] = true;
      }
      // "منذ أربع سنوات", "قبل عامين": years ago.
      if (has(i, kYears) && !nowClause[clause[i]])
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
          const std::u32string_view b = withoutConjunction(tokenText(text, tokens[k]));
          if (b != since && b != before) continue;
          // "تمكن الجيش من السيطرة على X بعد ... منذ أربع سنوات": only the part after "بعد".
          size_t from = i;
          while (from > 0 && clause[from - 1] == clause[i] && !has(from - 1, kCircumstance)) --from;
          if (from > 0 && clause[from - 1] == clause[i])
            agoFrom.push_back(from - 1);
          else
            oldClause[clause[i]] = true;
        }
    }
    oldYear.assign(count, false);
    for (size_t i = 0; i < count; ++i) oldYear[i] = oldClause[clause[i]];
    for (size_t from : agoFrom)
      for (size_t i = from; i < count && clause[i] == clause[from]; ++i) oldYear[i] = true;
  }

  // "فشلت", "حاولت", "تحاول": a verb of failing or trying (its subject is the side that tried).
  bool tryVerb(size_t i) const {
    static const std::u32string verbs[] = {
        foldString("فشل"),     foldString("فشلت"),   foldString("فشلوا"), foldString("حاول"),
        foldString("حاولت"),   foldString("حاولوا"), foldString("تحاول"), foldString("يحاول"),
        foldString("يحاولون"), foldString("عجزت"),   foldString("عجز"),   foldString("تفشل")};
    // (Whole or without و/ف: "فشلت" itself begins with ف.)
    const std::u32string_view whole = tokenText(text, tokens[i]), bare = withoutConjunction(whole);
    for (const auto& v : verbs)
      if (whole == v || bare == v) return true;
    return false;
  }

  // "هجوماً بصواريخ غراد", "هجوم بالطيران": an attack made by fire, one or two words after it.
  bool firedWith(size_t i) const {
    static const std::u32string weapons[] = {
        foldString("بصواريخ"),   foldString("بالصواريخ"), foldString("بقذائف"),
        foldString("بالقذائف"),  foldString("بالمدفعية"), foldString("بالطيران"),
        foldString("جوي"),       foldString("صاروخي"),    foldString("مدفعي"),
        foldString("بالبراميل"), foldString("بالهاون")};
    for (size_t k = i + 1; k < tokens.size() && k <= i + 2; ++k)
      for (const auto& w : weapons)
        if (tokenText(text, tokens[k]) == w) return true;
    return false;
  }

  // "رفع", "رفعت", "رفعوا" (the flag): a word no class holds, so told by its letters.
  bool raisesFlag(size_t i) const {
    const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i]));
    if (w.size() < 3 || w.size() > 5 || w[0] != U'\u0631' || w[1] != U'\u0641' || w[2] != U'\u0639')
      return false;
    return w.size() == 3 || w.substr(3) == U"\u062A" || w.substr(3) == U"\u0648\u0627";
  }

  // A "،", "؛", ";", ":" or "." between token i - 1 and token i.
  bool punctuationBefore(size_t i) const { return i < punctuation.size() && punctuation[i]; }

  // A word of a date or a time of day, or a number ("27 تموز").
  bool isTimeToken(size_t i) const {
    if (has(i, kTimeWord)) return true;
    const std::u32string_view w = tokenText(text, tokens[i]);
    return !w.empty() && w[0] >= U'0' && w[0] <= U'9';
  }

  bool is(size_t i, uint32_t b) const { return i < bits.size() && (bits[i] & b); }
  bool has(size_t i, uint32_t b) const { return i < bits2.size() && (bits2[i] & b); }
  // A "،" or "؛" or ":" between tokens a and b (a < b).
  bool breakBetween(size_t a, size_t b) const { return clause[a] != clause[b]; }

  // The side that acts around token `p`: the agent of a passive after it ("من قبل" anywhere
  // in its clause, a hand within eight words), the subject or genitive after it (before the
  // name at `limit`, if the name is after it), else the subject before it in its clause.
  std::optional<Side> agentAround(size_t p, size_t limit) const {
    // "الثوار الذين سيطروا على ...": the side the relative clause is about.
    for (size_t k = p >= 2 ? p - 2 : 0; k < p; ++k)
      if (is(k, kRelative) && k > 0)
        for (const SideMention& s : sides)
          if (s.last + 1 == k && !breakBetween(s.last, p))
            if (auto side = sideOf(s.side)) return side;
    // "بعد أن تمكنت فصائل المعارضة المسلحة من السيطرة على X": the subject of "managed" right
    // before the taking, not the sentence's first side.
    static const WordTable<bool> managed = [] {
      WordTable<bool> t;
      for (const char* w :
           {"تمكن", "تمكنت", "تمكنوا", "استطاع", "استطاعت", "استطاعوا", "نجح", "نجحت", "نجحوا"})
        t.add(foldString(w), true);
      return t;
    }();
    for (const SideMention& s : sides)
      if (s.token > 0 && s.token < p && s.last + 4 >= p && !s.object && !breakBetween(s.token, p) &&
          managed.contains(withoutConjunction(tokenText(text, tokens[s.token - 1]))))
        if (auto side = sideOf(s.side)) return side;
    // "طرد الإرهابيين من حي X": the side after an expelling verb is the one driven out.
    static const WordTable<bool> expel = [] {
      WordTable<bool> t;
      for (const char* w : {"طرد", "طردت", "طردوا", "بطرد", "لطرد", "وطرد", "دحر", "دحرت"})
        t.add(foldString(w), true);
      return t;
    }();
    if (expel.contains(tokenText(text, tokens[p])))
      for (const SideMention& s : sides)
        if (s.token > p && s.token <= p + 2 && !breakBetween(p, s.token) &&
            s.last + 1 < tokens.size() && tokenText(text, tokens[s.last + 1]) == U"\u0645\u0646") {
          // (Only the side right before "من": "طرد الجيش الإرهابيين من" has its subject first.)
          bool subject = false;  // (a subject before it in the clause still acts)
          for (const SideMention& b : sides)
            subject = subject || (b.token < p && !b.object && !breakBetween(b.token, p));
          if (!subject)
            if (auto side = opponentOf(sideOf(s.side))) return side;
        }
    for (const SideMention& s : sides)
      if (s.token > p && s.passiveAgent && !breakBetween(p, s.token))
        if (auto side = sideOf(s.side)) return side;
    // (A hand after the name is its holder before the taking: "سيطر الجيش على حي X الخاضع
    // لسيطرة المعارضة".)
    for (const SideMention& s : sides)
      if (s.token > p && s.token <= p + 8 && s.byMarker && !breakBetween(p, s.token) &&
          !(limit > p && s.token > limit && heldDescription(limit, s.token)))
        if (auto side = sideOf(s.side)) return side;
    // A subject that opens the clause right before the verb ("الفصائل تهاجم قوات النظام"): the
    // side after the verb is then its object.
    for (const SideMention& s : sides)
      if (s.token < p && s.token + 3 >= p && !s.object && !s.byMarker &&
          !breakBetween(s.token, p) &&
          (s.token == 0 || breakBetween(s.token - 1, s.token) ||
           (s.token >= 1 && clause[s.token - 1] != clause[s.token]) || s.token <= 1 ||
           ((is(s.token - 1, kThat) || (s.token >= 2 && is(s.token - 2, kThat))) &&
            !anyIn(s.token + 1, p, kReport))))  // "إن قوات النظام اخترقت خطوط المسلحين"
        if (auto side = sideOf(s.side)) return side;
    for (const SideMention& s : sides)
      if (s.token > p && (s.token < limit || limit <= p) && s.token <= p + 4 && !s.object &&
          !s.byMarker && !breakBetween(p, s.token))
        if (auto side = sideOf(s.side)) return side;
    // "في حين استغلت الوحدات الكردية انسحاب الثوار؛ لتفرض سيطرتها على X": a purpose verb that
    // opens its clause goes on from the clause before, whose subject acts.
    {
      size_t start = p;
      while (start > 0 && clause[start - 1] == clause[p]) --start;
      const std::u32string_view w0 = tokenText(text, tokens[start]);
      // (Its own subject first: "لتعلن قوات النظام السيطرة على X".)
      if (start > 0 && w0.size() >= 4 && w0[0] == U'\u0644' &&
          (w0[1] == U'\u062A' || w0[1] == U'\u064A'))
        for (const SideMention& s : sides)
          if (s.token > start && s.token < p && !s.object && !s.byMarker)
            if (auto side = sideOf(s.side)) return side;
      if (start > 0 && w0.size() >= 4 && w0[0] == U'\u0644' &&
          (w0[1] == U'\u062A' || w0[1] == U'\u064A'))
        for (int c = clause[start - 1]; c >= 0; --c)
          for (const SideMention& s : sides)
            if (clause[s.token] == c && !s.object && !s.byMarker)
              if (auto side = sideOf(s.side)) return side;
    }
    // Before it: the clause's first side (its subject; a later one is mostly an earlier verb's
    // object: "وطرد الإرهابيين منها حيث استطاع تحرير ..."), else the last clause's.
    // (The speaker's side, "أكدت مصادر معارضة ... تمكن الجيش النظامي من السيطرة", only when no
    // other side follows it: "أعلنت قوات النظام سيطرتها" is the speaker's own taking.)
    std::optional<Side> before, earlier, speaker;
    const auto [speakerFrom, speakerTo] = speakerSpan();
    // ("أعلن النظام الهجوم، واستطاع أن يسيطر على X": the "أن" of "managed to" opens no reported
    // statement.)
    size_t thatEnd = p;
    for (size_t k = p >= 3 ? p - 3 : 0; p >= 2 && k + 1 < p; ++k)
      if (is(p - 1, kThat) && managed.contains(withoutConjunction(tokenText(text, tokens[k]))))
        thatEnd = p - 1;
    for (const SideMention& s : sides)
      if (s.token < p && !s.object && !s.byMarker &&
          !(anyIn(s.token + 1, thatEnd, kThat) && anyIn(0, s.token, kReport)))
        if (auto side = sideOf(s.side)) {
          if (s.token >= speakerFrom && s.token < speakerTo) {
            if (!speaker) speaker = side;
          } else if (!breakBetween(s.token, p)) {
            if (!before) before = side;
          } else if (!earlier) {
            earlier = side;  // the sentence's subject: "استعاد الجيش ... الخاضعة لسيطرة
                             // المسلحين، كما استعاد ..." is still the army
          }
        }
    if (!before && !earlier) before = speaker;
    // Arabic drops a known subject: "أسر الثوار ...، واستعادوا السيطرة على ...".
    return before ? before : earlier;
  }

  // The reporting verb's span [from, to): "قالت مصادر المعارضة إن", "بحسب المرصد السوري".
  // (Found once: several rules ask.)
  std::pair<size_t, size_t> speakerSpan() const {
    if (!speakerKnown) speaker = findSpeakerSpan(), speakerKnown = true;
    return speaker;
  }
  mutable std::pair<size_t, size_t> speaker{0, 0};
  mutable bool speakerKnown = false;

  std::pair<size_t, size_t> findSpeakerSpan() const {
    const size_t count = tokens.size();
    for (size_t i = 0; i < count; ++i) {
      if (!is(i, kReport)) continue;
      size_t to = i + 1;
      // The name ends before "إن"/"أن", a claim word, a place, a comma, or the "إلى" of "أشارت
      // الشبكة إلى أن".
      while (to < count && to <= i + 5 && !isTimeToken(to) &&
             !is(to, kThat | kCapture | kHoldNow | kAttack | kFight | kWithdraw) &&
             nameAt[to] < 0 && !has(to, kTo) && !breakBetween(i + 1 == count ? i : i + 1, to) &&
             !(to > i + 1 && (punctuationBefore(to) || is(to, kWas | kHead))) &&
             !(to > i + 1 && isSideToken(to - 1) && !isSideToken(to)))  // "أعلن الثوار تمكنهم"
        ++to;
      return {i + 1, to};
    }
    return {0, 0};
  }

  // "مصدر عسكري", "مصادر ميدانية": a military source names no side by itself.
  bool militarySource() const {
    static const std::u32string words[] = {foldString("عسكري"), foldString("عسكرية"),
                                           foldString("ميداني"), foldString("ميدانية")};
    const auto [from, to] = speakerSpan();
    for (size_t k = from; k < to; ++k)
      for (const auto& w : words)
        if (tokenText(text, tokens[k]) == w) return true;
    return false;
  }

  // The side the speaker belongs to ("قائد ميداني في الجيش الحر: «سيطرنا ...»").
  std::optional<Side> speakerSide() const {
    const auto [from, to] = speakerSpan();
    for (const SideMention& s : sides)
      if (s.token >= from && s.token < to)
        if (auto side = sideOf(s.side)) return side;
    return std::nullopt;
  }

  // "الخاضع لسيطرة", "الواقعة تحت سيطرة" in (from, to): a place described as held.
  bool heldDescription(size_t from, size_t to) const {
    static const std::u32string words[] = {foldString("الخاضع"), foldString("الخاضعة"),
                                           foldString("الواقع"), foldString("الواقعة")};
    for (size_t k = from + 1; k < to; ++k)
      for (const auto& w : words)
        if (tokenText(text, tokens[k]) == w) return true;
    return false;
  }

  // The first side after `from` in the sentence that is a subject: not acted upon, no hand, not
  // the speaker ("وبعد سيطرتها على X، تقدمت قوات النظام").
  // (Only a subject that opens its clause, after at most a verb and one more word: not
  // "، مشيراً إلى انسحاب المقاتلين".)
  std::optional<Side> subjectAfter(size_t from) const {
    const auto [speakerFrom, speakerTo] = speakerSpan();
    for (const SideMention& s : sides) {
      if (s.token <= from || s.object || s.byMarker ||
          (s.token >= speakerFrom && s.token < speakerTo))
        continue;
      size_t start = s.token;
      while (start > 0 && clause[start - 1] == clause[s.token]) --start;
      if (s.token - start > 2) continue;
      if (auto side = sideOf(s.side)) return side;
    }
    return std::nullopt;
  }

  // The first side named in (from, from + within], in from's clause, in any role.
  std::optional<Side> sideAfter(size_t from, size_t within) const {
    for (const SideMention& s : sides)
      if (s.token > from && s.token <= from + within && !breakBetween(from, s.token))
        if (auto side = sideOf(s.side)) return side;
    return std::nullopt;
  }

  bool isSideToken(size_t i) const {
    for (const SideMention& s : sides)
      if (s.token == i) return true;
    return false;
  }

  // "في", or "ب" glued to a head ("بمنطقة الراموسة"): where something named before it is.
  bool placeIn(size_t i) const {
    if (has(i, kPlaceIn)) return true;
    const std::u32string_view w = tokenText(text, tokens[i]);
    if (w.size() <= 3 || w[0] != U'\u0628' || !is(i, kHead) || has(i, kFull)) return false;
    // ("بلدة", "بلدات" are heads themselves, not "ب" before one.)
    const WordBits* whole = lexicon().words.find(withoutConjunction(w));
    return !(whole && (whole->a & kHead));
  }

  // Whether any word in [from, to) is of class `b` (second set).
  bool anyIn2(size_t from, size_t to, uint32_t b) const {
    for (size_t k = from; k < to && k < bits2.size(); ++k)
      if (bits2[k] & b) return true;
    return false;
  }

  // Whether any word in [from, to) is of class `b` (first set).
  bool anyIn(size_t from, size_t to, uint32_t b) const {
    for (size_t k = from; k < to && k < bits.size(); ++k)
      if (bits[k] & b) return true;
    return false;
  }
};

// Which words stand between a verb and its place, or between two members of a list, without
// ending the verb's reach: head words, prepositions, "كامل", and partial words.
bool mayStandBetween(const Reading& r, size_t i) {
  return r.is(i, kHead | kGlue | kPartial | kRemain) || r.has(i, kFull);  // "X كاملاً وY"
}

// The side a possessive pronoun refers to ("لا يزال بيدها", "تحت سيطرتها"): the speaker's, else
// the last acting side before the name.
std::optional<Side> pronounSide(const Reading& r, size_t first) {
  if (auto side = r.speakerSide()) return side;
  std::optional<Side> side;
  for (const SideMention& s : r.sides)
    if (s.token < first && !s.object)
      if (auto x = sideOf(s.side)) side = x;
  return side;
}

// The outlet's side for "المحرر", "المحررة": the state's after "من الإرهاب"; the opposition's in
// neutral copy (wires quote the opposition's word).
Side liberatedSide(const Reading& r, size_t i, const ClaimContext& context) {
  if (i + 2 < r.tokens.size() && r.has(i + 2, kTerror)) return Side::Government;
  if (auto side = stanceSide(context.stance())) return *side;
  return Side::Opposition;
}

// Step: the after-name holding phrases: "حي X الخاضع لسيطرة المعارضة", "X التي لا تزال بيد
// الفصائل", "سقط حي X بيد قوات النظام", "X المحررة", "X الذي حرره الجيش" (held), "حي X، أحد
// الأحياء التي لا تزال بيد المعارضة" (apposition), "X لا يزال تحت سيطرتها" (the speaker's).
std::optional<PlaceClaim> holdingAfterName(const Reading& r, size_t first, size_t last, size_t end,
                                           const ClaimContext& context,
                                           std::optional<size_t> listFirst = std::nullopt) {
  const size_t count = r.tokens.size();
  bool was = false;
  static const WordTable<bool> parts = [] {
    WordTable<bool> t;
    for (const char* w : {"الجزء", "القسم", "الشطر", "المناطق", "الأحياء", "المنطقة"})
      t.add(foldString(w), true);
    return t;
  }();
  for (size_t i = last + 1; i < count && i <= last + 8 && i < end; ++i) {
    // "أحياء X وY في الجزء الخاضع لسيطرة المعارضة": in the part a side holds.
    if (i == last + 1 && r.has(i, kPlaceIn) && i + 2 < count &&
        parts.contains(tokenText(r.text, r.tokens[i + 1])) && r.is(i + 2, kHand)) {
      ++i;
      continue;
    }
    // "حي X الذي كانت القوات الحكومية دخلته": a taking told in a relative clause about it.
    if (r.is(i, kRelative) && i == last + 1)
      for (size_t k = i + 1; k < count && k <= i + 5 && !r.breakBetween(i, k); ++k)
        if (r.has(k, kTakeIt)) {
          std::optional<Side> side;
          // (The doer before the verb, "التي كانت القوات دخلته", or right after a verb of
          // entering, "التي دخلها جيش الفتح"; "الذي حرره الجيش" describes a place as liberated,
          // held, below.)
          static const std::u32string entered = foldString("دخل"), stormed = foldString("اقتحم");
          const std::u32string_view verb = tokenText(r.text, r.tokens[k]);
          const bool entering = verb.starts_with(entered) || verb.starts_with(stormed);
          for (const SideMention& s : r.sides)
            if (s.token > i &&
                (s.token < k || (entering && s.token <= k + 2 && !r.breakBetween(k, s.token))) &&
                !s.object)
              if ((side = sideOf(s.side))) break;
          if (side) return PlaceClaim{ClaimKind::Captured, side, side, 0, 0};
        }
    // "أحياء X وY التي تشكل أبرز خطوط المواجهات": a front runs through them.
    if (r.is(i, kRelative) && i == last + 1)
      for (size_t k = i + 1; k < count && k <= i + 5 && !r.breakBetween(i, k); ++k)
        if (r.is(k, kFight) && r.has(k - 1, kFrontLine))
          return PlaceClaim{ClaimKind::Contested, std::nullopt, Side::Contested, 0, 0};
    // "الكلية الفنية التي يحاولون اقتحامها": the assault of the relative clause only tried.
    if (r.is(i, kRelative) && i == last + 1 && r.is(i + 1, kTry) &&
        r.is(i + 2, kAttack | kCapture) && !r.breakBetween(last, i + 2)) {
      std::optional<Side> side;  // the last side named before it, in any role
      for (const SideMention& s : r.sides)
        if (s.token < first)
          if (auto x = sideOf(s.side)) side = x;
      if (!side) side = pronounSide(r, first);
      if (!side) return std::nullopt;
      return PlaceClaim{ClaimKind::Failed, side, opponentOf(side), 0, 0};
    }
    // One comma may open an apposition or a relative clause about the place.
    if (r.breakBetween(i - 1, i) &&
        (r.breakBetween(last, i - 1) || !(r.is(i, kRelative) || r.has(i, kApposition))))
      break;
    if (r.is(i, kBlock) && !r.is(i, kBecome)) break;
    if (r.is(i, kThat | kReport) || r.has(i, kTo | kAnaphor)) break;  // "X إن مقاتليها ...", "إلى"
    if (r.is(i, kWas)) was = true;
    // ("X المحررة", "حي X هو من الأحياء المحررة")
    if (r.is(i, kLiberated) &&
        (i <= last + 2 || (i <= last + 5 && [&] {
           for (size_t k = last + 1; k < i; ++k)
             if (!(r.is(k, kGlue | kHead) || r.has(k, kLa | kApposition | kListHead))) return false;
           return true;
         }()))) {
      const Side side = liberatedSide(r, i, context);
      return PlaceClaim{ClaimKind::Held, side, side, 0, 0};
    }
    std::optional<Side> side;
    if (r.has(i, kPronounHand)) {
      side = pronounSide(r, first);
    } else if (r.is(i, kHand | kHoldNow) || (r.is(i, kCapture) && r.is(i - 1, kRelative))) {
      // The side: the hand's owner, or the subject of the relative clause.
      for (const SideMention& s : r.sides)
        if (s.token > i && s.token <= i + 4 && !s.object)
          if ((side = sideOf(s.side))) break;
      // "وباتت أحياء X وY تحت السيطرة": the control of the side the report is about.
      if (!side && r.is(i, kHand) && i + 1 < count && r.is(i + 1, kCapture | kHand) &&
          (i + 2 >= count || r.breakBetween(i + 1, i + 2) || r.nameAt[i + 2] >= 0 ||
           !r.is(i + 2, kGlue | kHead))) {
        side = pronounSide(r, first);
        if (!side) side = context.lastAgent;
        if (!side) side = stanceSide(context.stance());
      }
    } else {
      // Only the words of a phrase about the place stand before its hand: "التي لا تزال",
      // "الذي كان", "أحد الأحياء", "في"; any other word ends the reach ("... وأيضا من تقسيم
      // المناطق التي تسيطر عليها ...").
      // ("مشروع 3000 شقة في حلب ما زال تحت سيطرة": the city or a region where the place is;
      // "الخاضع بمعظمه لسيطرة": how much of it.)
      static const WordTable<bool> howMuch = [] {
        WordTable<bool> t;
        for (const char* w : {"بمعظمه", "بمعظمها", "بأغلبه", "بأغلبها", "بالكامل", "بكامله",
                              "بكاملها", "حاليا", "الآن", "رسميا", "اليوم"})
          t.add(foldString(w), true);
        return t;
      }();
      const bool whereItIs =
          r.nameAt[i] >= 0 && !r.names[static_cast<size_t>(r.nameAt[i])].claimable;
      if (!(r.is(i, kRelative | kStill | kBecome | kWas | kGlue | kHead | kRemain) ||
            r.has(i, kApposition | kLa) || r.isSideToken(i) || whereItIs ||
            howMuch.contains(tokenText(r.text, r.tokens[i]))))
        break;
      continue;
    }
    if (!side) continue;
    if (was) return PlaceClaim{};  // "الذي كان تحت سيطرة الفصائل": an earlier state
    // "ضاحية الأسد، التي سيطرت عليها الفصائل أمس": a dated taking in the relative clause.
    if (r.is(i, kCapture) && !r.is(i, kPresent | kHoldNow) && r.is(i - 1, kRelative))
      for (size_t k = i + 1; k < count && k <= i + 6 && !r.breakBetween(i, k); ++k)
        if (r.has(k, kTimeWord)) return PlaceClaim{ClaimKind::Captured, side, side, 0, 0};
    // "نفى ... سقوط حي X بيد قوات النظام": denied.
    for (size_t b = first >= 9 ? first - 9 : 0; b < first; ++b)
      if (r.is(b, kDeny) && !r.breakBetween(b, first)) return PlaceClaim{};
    // "سقط حي X بيد ...", "X بات تحت سيطرة ...": the place changed hands.
    bool change = false;
    const size_t from = std::min(first, listFirst.value_or(first));
    for (size_t b = from >= 3 ? from - 3 : 0; b < i; ++b)
      if (r.is(b, kBecome) && !r.is(b, kStill) && r.nameAt[b] < 0 && (b < from || b > last))
        change = true;
    const ClaimKind kind = change ? ClaimKind::Captured : ClaimKind::Held;
    return PlaceClaim{kind, side, side, 0, 0};
  }
  return std::nullopt;
}

// The predicate that governs a name at token `first`: the nearest claim word before it in reach
// (same clause, no other name or blocking word between). A city after a side word ("ثوار حلب")
// does not stop it; a site before "في" does ("على كلية التسليح في الراموسة": the name is only
// where the site is). Returns its token.
std::optional<size_t> governingPredicate(const Reading& r, size_t first, bool* located = nullptr) {
  // ("تمكن الثوار من صد قوات النظام خلال الليل في حي X": the repelling verb with no attack word
  // after it governs the place.)
  const uint32_t predicates = kCapture | kHoldNow | kWithdraw | kAttack | kFight | kHand |
                              kRestore | kArrive | kPresence | kRepel;
  bool location = false;
  size_t i = first;
  for (size_t steps = 0; steps < 20 && i > 0; ++steps) {
    --i;
    if (r.nameAt[i] >= 0) {
      const NameSpan& n = r.names[static_cast<size_t>(r.nameAt[i])];
      if (!n.claimable && n.first > 0 && r.isSideToken(n.first - 1)) {
        i = n.first;
        continue;
      }
      return std::nullopt;  // another name: the list rule decides
    }
    if (r.breakBetween(i, first)) return std::nullopt;
    // "استعادة السيطرة على النقاط التي سيطرت عليها قوات الأسد في حي X": a relative clause
    // describes the points; the main verb before it governs the place.
    // ("التي كان المسلحون قد سيطروا عليها": the pronoun may stand a few words before the verb;
    // "الثوار الذين سيطروا على X": after a side, the clause is the side's own taking.)
    if (r.is(i, predicates)) {
      size_t rel = i;
      for (size_t k = i; k > 0 && k + 4 > i && !r.breakBetween(k - 1, i); --k)
        if (r.is(k - 1, kRelative)) {
          rel = k - 1;
          break;
        }
      if (rel < i && rel >= 2 && !r.isSideToken(rel - 1)) {
        bool mainBefore = false;
        for (size_t k = rel; k > 0 && k + 6 > rel && !r.breakBetween(k - 1, rel); --k)
          if (r.is(k - 1, kCapture | kAttack | kFight | kWithdraw)) mainBefore = true;
        if (mainBefore) {
          i = rel;  // on to the clause before the relative pronoun
          continue;
        }
      }
    }
    // "سيطرت قوات النظام، بعد معارك عنيفة مع الفصائل، على X": the fighting before the taking
    // is its circumstance, not its predicate.
    if (r.is(i, kFight) && !r.is(i, kAttack) && i > 0 && r.has(i - 1, kCircumstance) &&
        [&] {  // (only with a taking before it: "خلال المعارك على أطراف X" is the fighting)
          for (size_t k = i - 1; k > 0 && !r.breakBetween(k - 1, i); --k)
            if (r.is(k - 1, kCapture | kHoldNow | kWithdraw)) return true;
          return false;
        }()) {
      --i;
      continue;
    }
    // "شنت الطائرات غارات على مناطق الاشتباك ومدن X": the fighting names areas, no predicate;
    // "هجوماً بصواريخ غراد على X": fire, not an assault.
    if (r.is(i, kFight | kAttack) && i > 0 && r.nameAt[i - 1] < 0) {
      const std::u32string_view h = withoutConjunction(tokenText(r.text, r.tokens[i - 1]));
      // (Not "خطوط التماس": the front line itself runs there.)
      if (h == lexicon().areas || h == lexicon().area ||
          (r.has(i - 1, kFrontLine) && r.is(i - 1, kFight))) {
        --i;  // ("محاور الاشتباك": the front word names the areas too)
        continue;
      }
    }
    if (r.is(i, kAttack) && r.firedWith(i)) continue;
    // ("سيطرت بهجومها على X": the attack is how the taking was done.)
    if (r.is(i, kAttack) && !r.is(i, kCapture) && i > 0 && r.is(i - 1, kCapture) &&
        tokenText(r.text, r.tokens[i]).starts_with(U"\u0628"))
      continue;
    // "انطلاقاً من محور قرية X ومن محور Y": the front an attack set out from.
    static const std::u32string from = foldString("من");
    if (r.has(i, kFrontLine) && i > 0 &&
        withoutConjunction(tokenText(r.text, r.tokens[i - 1])) == from)
      return std::nullopt;
    // "لمحاولة تقدم للقوات الحكومية على جبهة حي X": a front word before the name is where the
    // assault before it went, when one is told; alone it is the predicate ("على جبهة حي X").
    if (r.has(i, kFrontLine) && [&] {
          for (size_t k = i; k > 0 && k + 10 > i && !r.breakBetween(k - 1, i); --k)
            if (r.is(k - 1, kAttack | kCapture | kWithdraw) && !r.has(k - 1, kFrontLine))
              return true;
          return false;
        }())
      continue;
    if (r.is(i, predicates)) return i;
    // "أعادت وحدات من الجيش ... الأمن والاستقرار إلى X": the verb of the phrase.
    if (r.is(i, kSecure))
      for (size_t k = i; k > 0 && !r.breakBetween(k - 1, i); --k)
        if (r.is(k - 1, kRestore)) return k - 1;
    if (r.placeIn(i)) location = true;
    if (location && r.has(i, kFacility)) {
      if (!located) return std::nullopt;
      *located = true;  // the predicate (if any) is the site's; a list may go on after the name
    }
    // ("التقدم داخل حي X", "توغلت داخل X": "داخل" right after the verb is "into".)
    // ("في محيط وداخل حي X": inside, beside the surroundings.)
    static const std::u32string inside = foldString("داخل");
    // ("لتعلن السيطرة فيما بعد على X": "فيما بعد" is "later", no second clause.)
    static const std::u32string whereas = foldString("فيما"), after = foldString("بعد");
    if (tokenText(r.text, r.tokens[i]) == after && i > 0 &&
        tokenText(r.text, r.tokens[i - 1]) == whereas) {
      --i;
      continue;
    }
    // ("حقق مزيداً من التقدم أمس داخل ضاحية الأسد": a day between the advance and "داخل".)
    const size_t beforeInside = i > 1 && r.isTimeToken(i - 1) ? i - 2 : i - 1;
    if (r.is(i, kBlock) && !r.is(i, kToward) && !r.has(i + 1, kTime) &&
        !(i > 0 && r.is(beforeInside, kAttack | kCapture | kPartial) &&
          withoutConjunction(tokenText(r.text, r.tokens[i])) == inside))
      return std::nullopt;
  }
  return std::nullopt;
}

// "كسر خطوط دفاع النظام", "كسر الحصار": broke through, an advance, not a repelled attack.
bool brokeThrough(const Reading& r, size_t k) {
  const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[k]));
  if (w.size() < 3 || w.substr(0, 3) != U"\u0643\u0633\u0631") return false;  // كسر...
  return !(r.is(k + 1, kAttack | kTry) || r.is(k + 2, kAttack | kTry));
}

// "العام الماضي", "قبل سنوات", "منذ سنتين": the clause tells of another year.
bool yearAgo(const Reading& r, size_t p) {
  static const std::u32string years[] = {foldString("العام"), foldString("عام"),
                                         foldString("سنوات"), foldString("سنتين"),
                                         foldString("أعوام"), foldString("السنة")};
  for (size_t k = 0; k < r.tokens.size(); ++k) {
    if (r.clause[k] != r.clause[p]) continue;
    const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[k]));
    for (const auto& y : years)
      if (w == y) return true;
  }
  return false;
}

// Step: whose assault failed: the side named right after the attempt ("محاولة قوات الأسد"),
// after the attack word ("هجوماً لقوات النظام"), or as the object of the repelling verb when its
// subject comes first ("الفصائل تصد قوات النظام"); else the repeller's enemy ("صد الثوار هجوماً").
std::optional<Side> failedAttacker(const Reading& r, size_t p, size_t first,
                                   std::optional<size_t> tryAt, std::optional<size_t> repelAt) {
  // "قتل الثوار عناصر من الميليشيات أثناء محاولتها اقتحام X": the pronoun on the attempt is the
  // side named nearest before it, in any role.
  // ("في محاولة منها الوصول إلى X": the pronoun after it, over a comma too.)
  if (tryAt) {
    static const WordTable<bool> fromIt = [] {
      WordTable<bool> t;
      for (const char* w : {"منها", "منه", "منهم", "منهما"}) t.add(foldString(w), true);
      return t;
    }();
    const std::u32string_view w = tokenText(r.text, r.tokens[*tryAt]);
    const bool after =
        *tryAt + 1 < r.tokens.size() && fromIt.contains(tokenText(r.text, r.tokens[*tryAt + 1]));
    if (after || (w.size() > 5 && (w.ends_with(U"\u0647\u0627") || w.ends_with(U"\u0647\u0645")))) {
      std::optional<Side> nearest;
      for (const SideMention& s : r.sides)
        if (s.token < *tryAt && (after || !r.breakBetween(s.token, *tryAt)))
          if (auto side = sideOf(s.side)) nearest = side;
      if (nearest) return nearest;
    }
  }
  // "إن «الفتح» فشلت في فتح جبهة للجيش في X": a failing or trying verb's subject before it.
  if (tryAt && !r.is(*tryAt, kPresent | kCapture) && r.tryVerb(*tryAt))
    for (size_t k = *tryAt; k > 0 && k + 6 > *tryAt && !r.breakBetween(k - 1, *tryAt); --k)
      for (const SideMention& s : r.sides)
        if (s.last + 1 == k || s.last + 2 == k)
          if (!s.object)
            if (auto side = sideOf(s.side)) return side;
  if (tryAt)
    for (const SideMention& s : r.sides)
      if (s.token > *tryAt && s.token <= *tryAt + 4 && s.token < first)
        if (auto side = sideOf(s.side)) return side;
  // ("لمحاولة تقدم جديدة قامت بها قوات الأسد على X": the side that made the attempt.)
  if (tryAt) {
    static const WordTable<bool> madeIt = [] {
      WordTable<bool> t;
      for (const char* w : {"بها", "شنتها", "نفذتها", "شنها", "نفذها"}) t.add(foldString(w), true);
      return t;
    }();
    for (size_t k = *tryAt + 1; k < first && k <= *tryAt + 5; ++k)
      if (madeIt.contains(tokenText(r.text, r.tokens[k])))
        for (const SideMention& s : r.sides)
          if ((s.token == k + 1 || s.token == k + 2) && s.token < first)
            if (auto side = sideOf(s.side)) return side;
  }
  if (!r.is(p, kCapture))  // (after a capture word the side is the taker: see agentAround)
    for (const SideMention& s : r.sides)
      if (s.token > p && s.token <= p + 4 && s.token < first)
        if (auto side = sideOf(s.side)) return side;
  if (repelAt) {
    std::optional<Side> before, after;
    for (const SideMention& s : r.sides) {
      if (r.breakBetween(s.token, *repelAt)) continue;
      if (s.token < *repelAt && s.token + 4 >= *repelAt && !s.object) before = sideOf(s.side);
      if (s.token > *repelAt && s.token <= *repelAt + 3 && s.token < first && !after)
        after = sideOf(s.side);
    }
    if (r.is(*repelAt, kFirstPerson)) before = r.speakerSide();
    if (before && after && before != after) return after;  // subject first: the object attacked
    std::optional<Side> repeller = before ? before : after;
    if (!repeller) repeller = r.speakerSide();  // "قال مقاتل ...: إن المقاتلين صدوا"
    if (auto attacker = opponentOf(repeller)) return attacker;
  }
  // The side nearest before the attempt ("قوات الأسد التي حاولت"), else the one its pronoun
  // stands for ("قتل عناصر من قوات النظام خلال محاولتهم التسلل").
  std::optional<Side> subject, object;
  if (tryAt)
    for (const SideMention& s : r.sides)
      if (s.token < first && s.token < *tryAt + 1)
        if (auto side = sideOf(s.side)) {
          if (!s.object && !r.breakBetween(s.token, *tryAt)) subject = side;
          if (s.object && s.token + 8 >= *tryAt) object = side;
        }
  return subject ? subject : object;
}

// A taking told by a noun that carries its doer as a pronoun, at `p` or just before it
// ("سيطرتها على", "تمكنه من السيطرة على"); not a holding ("تحت سيطرتها").
bool doerPronounBefore(const Reading& r, size_t p) {
  static const WordTable<bool> nouns = [] {
    WordTable<bool> t;
    for (const char* w :
         {"سيطرتها",   "سيطرته",   "سيطرتهم",    "سيطرتهما",  "استعادتها", "استعادته",
          "استعادتهم", "تمكنه",    "تمكنها",     "تمكنهم",    "تمكنهما",   "دخوله",
          "دخولها",    "دخولهم",   "تقدمه",      "تقدمها",    "تقدمهم",    "بسيطرتها",
          "بسيطرته",   "بسيطرتهم", "باستعادتها", "باستعادته", "باستعادتهم"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string under = foldString("تحت");
  for (size_t k = p >= 3 ? p - 3 : 0; k <= p; ++k) {
    if (k < p && r.breakBetween(k, p)) continue;
    if (!nouns.find(withoutConjunction(tokenText(r.text, r.tokens[k])))) continue;
    if (k > 0 && tokenText(r.text, r.tokens[k - 1]) == under) continue;
    return true;
  }
  return false;
}

// Step: "استعادت القوات كافة المناطق التي خسرتها، وهي X وY", "سيطروا على ثلاث قرى، هي X":
// the names after "هي" are the places a taking of a plural before it counted. Returns the
// taking's token and the plural's (what stands between the plural and the list tells where the
// plural is, not how much of each place was taken).
std::optional<std::pair<size_t, size_t>> takingBeforeCopulaList(const Reading& r, size_t first) {
  static const WordTable<bool> copula = [] {
    WordTable<bool> t;
    for (const char* w : {"هي", "وهي", "هما", "وهما"}) t.add(foldString(w), true);
    return t;
  }();
  // ("بعد إخضاع 13 حياً إلى سيطرتها، بدءاً من X، وصولاً إلى Y": the span opens the list.)
  static const WordTable<bool> startingAt = [] {
    WordTable<bool> t;
    for (const char* w : {"بدءا", "ابتداء", "بدء"}) t.add(foldString(w), true);
    return t;
  }();
  static const WordTable<bool> plurals = [] {
    WordTable<bool> t;
    for (const char* w : {"المناطق", "مناطق",   "الأحياء", "أحياء",  "التلال",  "تلال",    "القرى",
                          "قرى",     "البلدات", "بلدات",   "النقاط", "نقاط",    "المواقع", "مواقع",
                          "التلات",  "تلات",    "الحواجز", "حواجز",  "الكليات", "كليات",   "حيا",
                          "موقعا",   "نقطة",    "قرية",    "بلدة"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string from = foldString("من"), in = foldString("في");
  // ("السيطرة على الكتلة العسكرية للنظام المتمثلة في كلية التسليح والمدفعية": the list names
  // what the taken thing is, of any number.)
  static const WordTable<bool> namely = [] {
    WordTable<bool> t;
    for (const char* w : {"المتمثلة", "المتمثل", "المتمثلين", "المتمثلتين", "متمثلة"})
      t.add(foldString(w), true);
    return t;
  }();
  if (first >= 3 && tokenText(r.text, r.tokens[first - 1]) == in &&
      namely.contains(withoutConjunction(tokenText(r.text, r.tokens[first - 2])))) {
    const size_t noun = first - 3;
    for (size_t m = noun; m > 0 && m + 10 > noun; --m) {
      if (r.nameAt[m - 1] >= 0 && r.names[static_cast<size_t>(r.nameAt[m - 1])].claimable)
        return std::nullopt;
      if (r.is(m - 1, kCapture) && !r.is(m - 1, kPresent) && !r.breakBetween(m - 1, noun))
        return std::pair{m - 1, noun};
    }
    return std::nullopt;
  }
  size_t opener = first;  // the list's first word: "هي", or "بدءاً" of "بدءاً من"
  if (first >= 1 && copula.contains(tokenText(r.text, r.tokens[first - 1])))
    opener = first - 1;
  else if (first >= 2 && tokenText(r.text, r.tokens[first - 1]) == from &&
           startingAt.contains(tokenText(r.text, r.tokens[first - 2])))
    opener = first - 2;
  if (opener == first || opener == 0 || !r.breakBetween(opener - 1, opener)) return std::nullopt;
  first = opener + 1;
  int breaks = 0;
  for (size_t k = first - 1; k > 0 && k + 30 > first; --k) {
    // (A city or region on the way is where the plural is: "في الأطراف الغربية لمدينة حلب".)
    if (r.nameAt[k - 1] >= 0 && r.names[static_cast<size_t>(r.nameAt[k - 1])].claimable)
      return std::nullopt;
    if (r.breakBetween(k - 1, k) && ++breaks > 3) return std::nullopt;
    if (!plurals.contains(withoutConjunction(tokenText(r.text, r.tokens[k - 1])))) continue;
    // The taking up to four words before the plural, in its clause ("السيطرة على عدد من التلال").
    for (size_t m = k - 1; m > 0 && m + 5 > k; --m) {
      if (r.breakBetween(m - 1, k - 1)) break;
      if (r.is(m - 1, kCapture) && !r.is(m - 1, kPresent)) return std::pair{m - 1, k - 1};
    }
    // ("استعادت كافة المناطق التي خسرتها في معركة ... ومناطق أخرى خسرتها ...، وهي X": a second
    // plural joined to the first; the taking is the first's.)
  }
  return std::nullopt;
}

// "تهدف", "يسعى", "بهدف", "بغية": an aim, as against an attempt ("حاول", "محاولة", "فشل").
bool isAimWord(const Reading& r, size_t k) {
  static const WordTable<bool> aims = [] {
    WordTable<bool> t;
    for (const char* w :
         {"أهدافه", "أهدافها", "هدفه", "هدفها",   "تهدف",   "يهدف",  "يهدفون",  "تستهدف",
          "يستهدف", "بهدف",    "تسعى", "يسعى",    "يسعون",  "سعيا",  "لأجل",    "بغية",
          "لغرض",   "تريد",    "يريد", "الهادفة", "الهادف", "هادفة", "الرامية", "الساعية"})
      t.add(foldString(w), true);
    return t;
  }();
  return k < r.tokens.size() && aims.contains(withoutConjunction(tokenText(r.text, r.tokens[k])));
}

// "لم تتأكد", "لم يتم التأكد": a negation of the news's confirmation, not of what it tells.
bool unconfirmedNews(const Reading& r, size_t negation) {
  static const WordTable<bool> confirmed = [] {
    WordTable<bool> t;
    for (const char* w :
         {"تتأكد", "يتأكد", "تؤكد", "يؤكد", "تتضح", "يتضح", "يتسن", "يتسنى", "تتسن"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string done = foldString("يتم"), confirming = foldString("التأكد");
  if (negation + 1 >= r.tokens.size()) return false;
  const std::u32string_view next = tokenText(r.text, r.tokens[negation + 1]);
  if (next == done)  // "لم يتم التأكد من ..."
    return negation + 2 < r.tokens.size() &&
           tokenText(r.text, r.tokens[negation + 2]).starts_with(confirming);
  return confirmed.contains(next);
}

// Step: a claim from a predicate before the name, with its modifiers: an attempt or a failure
// before it ("تفشل باقتحام", "تهدف إلى السيطرة على"), a negation, the future, a denial ("نفت
// ... سيطرة"), an earlier state ("كانت ... قد سيطرت"), shared control ("تتقاسم ... السيطرة"),
// partial words between it and the name ("أجزاء من", "نصف"), an advance "نحو" a place.
PlaceClaim claimFromPredicate(const Reading& r, size_t p, size_t first, const ClaimContext& context,
                              bool ignorePartial = false) {
  PlaceClaim c;
  if (r.oldYear[p]) return c;  // background: "منذ عام 2012"
  // "انطلاقاً من محور قرية X ومن محور Y": where an attack set out from, no claim on it.
  static const std::u32string setOut = foldString("انطلاقا");
  for (size_t k = p + 1; k < first; ++k)
    if (withoutConjunction(tokenText(r.text, r.tokens[k])) == setOut) return c;
  // "وصول 4 حافلات تقل جرحى إلى معبر الراموسة": people or vehicles arriving, no front.
  static const WordTable<bool> carried = [] {
    WordTable<bool> t;
    for (const char* w :
         {"حافلات", "حافلة", "باصات", "الحافلات", "الباصات", "سيارات", "إسعاف", "قافلة", "مساعدات",
          "جرحى", "مرضى", "المدنيين", "مدنيين", "نازحين", "عائلات", "نساء", "أطفال"})
      t.add(foldString(w), true);
    return t;
  }();
  if (r.bits[p] & kArrive)
    for (size_t k = p + 1; k < first; ++k)
      if (carried.contains(withoutConjunction(tokenText(r.text, r.tokens[k])))) return c;
  // "السيطرة النارية على الطريق", "سيطروا نارياً على الدوار": in range of fire, not held.
  static const std::u32string fire[] = {foldString("النارية"), foldString("ناريا"),
                                        foldString("بالنار"), foldString("نارية")};
  for (size_t k = p + 1; k < first && k <= p + 2; ++k)
    for (const auto& f : fire)
      if (tokenText(r.text, r.tokens[k]) == f) return c;
  // "معركة تحرير حلب": an operation's name ("عملية اقتحام لحي X" is a storming, though).
  // ("في معركة استعادة السيطرة على حي X": the battle for X, fought over.)
  if (p > 0 &&
      (r.has(p - 1, kOperation) || (p > 1 && r.has(p - 2, kOperation) && r.is(p - 1, kCapture))) &&
      !r.is(p, kAttack)) {
    c.kind = ClaimKind::Contested;
    c.holder = Side::Contested;
    return c;
  }
  const uint32_t b = r.bits[p];
  bool tried = false, repelled = false, negated = false, future = false, restore = false;
  bool shared = r.is(p, kShare);
  size_t repelAt = 0, tryAt = 0;
  static const std::u32string afterThat = foldString("بعدما"), after = foldString("بعد"),
                              that = foldString("أن");
  for (size_t k = p >= 8 ? p - 8 : 0; k < p; ++k) {
    if (r.breakBetween(k, p)) continue;
    const bool near = k + 5 >= p;
    // "وتسعى قوات الأسد لاستكمال تقدمها في الحي بعدما أمنت منطقة الراموسة": what came before
    // "بعدما" / "بعد أن" is another clause's.
    const std::u32string_view kw = withoutConjunction(tokenText(r.text, r.tokens[k]));
    if (kw == afterThat ||
        (kw == after && k + 1 < p && tokenText(r.text, r.tokens[k + 1]) == that)) {
      tried = repelled = negated = false;
      continue;
    }
    if (r.is(k, kTry)) tried = true, tryAt = k;
    // ("تصدى الجيش ... لهجوم شنته مجموعة مسلحة في X": the attack noun brings the verb near.)
    if (r.is(k, kRepel) && (near || (k + 8 >= p && r.anyIn(k + 1, p + 1, kAttack))) &&
        !brokeThrough(r, k))
      repelled = true, repelAt = k;
    // ("أنباء لم تتأكد عن سيطرة ...": what is not confirmed is the news, not the taking.)
    if (r.is(k, kNegation) && near && !unconfirmedNews(r, k)) negated = true;
    // ("وفي حال تمكنت قوات المعارضة السورية من السيطرة على X": a condition reaches further.)
    static const std::u32string conditions[] = {foldString("حال"), foldString("إذا"),
                                                foldString("لو")};
    if (r.is(k, kFuture) && (near || std::find(std::begin(conditions), std::end(conditions),
                                               withoutConjunction(tokenText(
                                                   r.text, r.tokens[k]))) != std::end(conditions)))
      future = true;
    if (r.is(k, kShare) && near) shared = true;
    // "نفت ... سيطرة": denied. ("وكانت قوات النظام قد سيطرت على X" reports a taking, dated by
    // its own time words; one years ago is background, see oldYear.)
    if (r.is(k, kDeny) && k + 6 >= p) return c;
    if (r.is(k, kWas) && k + 6 >= p && r.anyIn2(k + 1, p, kQad) && yearAgo(r, p)) return c;
  }
  // "وأحبطت وحدات من الجيش بعد ظهر أمس السبت هجوماً على X": the repelling verb further back,
  // when only its subject and a time stand between it and the attack noun.
  // ("حاولت قوات الأسد والميليشيات المساندة لها فجر اليوم، التقدم على X": the attempt too.)
  if (r.is(p, kAttack | kCapture))
    for (size_t k = p >= 12 ? p - 12 : 0; k + 8 < p; ++k) {
      const bool repel = !repelled && r.is(k, kRepel) && r.is(p, kAttack) && !brokeThrough(r, k);
      const bool attempt = !tried && r.is(k, kTry) && r.tryVerb(k);
      if (!(repel || attempt) || r.breakBetween(k, p)) continue;
      size_t gap = 0;
      for (size_t m = k + 1; m < p; ++m)
        if (!r.isTimeToken(m) && !r.has(m, kTimeWord) && !r.isSideToken(m)) ++gap;
      if (repel && gap <= 7) repelled = true, repelAt = k;
      if (attempt && gap <= 6) tried = true, tryAt = k;
    }
  if (r.is(p, kTry)) tried = true, tryAt = p;
  if (r.is(p, kRepel) && !brokeThrough(r, p)) repelled = true, repelAt = p;
  // "في هجوم فاشل على منطقة الراموسة": the attack itself said to have failed.
  static const std::u32string failedWords[] = {foldString("فاشل"), foldString("فاشلة"),
                                               foldString("الفاشل"), foldString("الفاشلة"),
                                               foldString("فاشلا")};
  if (r.is(p, kAttack) && p + 1 < r.tokens.size() &&
      std::find(std::begin(failedWords), std::end(failedWords),
                tokenText(r.text, r.tokens[p + 1])) != std::end(failedWords))
    tried = true, tryAt = p + 1;
  // "أن تسيطر", "أن ينسحب": a subjunctive (expected, wanted), not a report. ("إن" is followed by
  // its subject, never by the verb.)
  // ("استطاع أن يسيطر", "تمكنت من أن تسيطر", "نجحت في أن": managed to, so a report.)
  static const std::u32string managed[] = {
      foldString("استطاع"), foldString("استطاعت"), foldString("استطاعوا"), foldString("تمكن"),
      foldString("تمكنت"),  foldString("تمكنوا"),  foldString("نجح"),      foldString("نجحت")};
  const auto managedBefore = [&](size_t at) {
    for (size_t k = at >= 3 ? at - 3 : 0; k < at; ++k)
      for (const auto& m : managed)
        if (withoutConjunction(tokenText(r.text, r.tokens[k])) == m) return true;
    return false;
  };
  if (p > 0 && r.is(p, kPresent) && r.is(p - 1, kThat) &&
      tokenText(r.text, r.tokens[p - 1]).size() == 2 && !managedBefore(p - 1))
    return c;
  // "وسع الجيش نطاق سيطرته في X": a widening of control, a part of the place.
  // ("وسعت نطاق سيطرتها وصولاً إلى X" reaches X: the whole of it.)
  bool partial = p > 0 && r.is(p - 1, kPartial) && !ignorePartial && r.nameAt[p - 1] < 0 && [&] {
    for (size_t k = p + 1; k < first; ++k)
      if (r.placeIn(k)) return true;
    return false;
  }();
  bool toward = false, secure = false, destination = false;
  static const std::u32string among[] = {foldString("بينها"), foldString("منها"),
                                         foldString("أبرزها"), foldString("أهمها")};
  for (size_t k = p + 1; k < first; ++k) {
    // "على عدة أحياء جنوب شرقي المدينة من بينها حي X": X is one of them, taken whole.
    for (const auto& a : among)
      if (withoutConjunction(tokenText(r.text, r.tokens[k])) == a) partial = false;
    // ("آخر نقاط المسلحين في X": the last of them, so the whole place.)
    static const std::u32string last = foldString("آخر");
    if (r.is(k, kPartial) && !ignorePartial &&
        !(k > 0 && tokenText(r.text, r.tokens[k - 1]) == last))
      partial = true;
    // "على تلة في منطقة الشيخ سعيد": a site in the place, so only a part of it.
    if (r.has(k, kSiteNoun) && !ignorePartial &&
        ((k + 1 < first && r.placeIn(k + 1)) || (k + 2 < first && r.placeIn(k + 2))))
      partial = true;  // ("على مناطق واسعة في الحي")
    if (r.is(k, kToward)) toward = true;
    if (r.is(k, kSecure)) secure = true;
    if (r.has(k, kTo)) destination = true;
  }
  // "أعادت الأمن والاستقرار إلى": SANA's word for a taking.
  // ("إعادة تأمين الطريق", "أعادت السيطرة على": the taking word after it is a retaking.)
  if (r.is(p, kRestore) || (p > 0 && r.is(p - 1, kRestore) && !r.is(p, kCapture))) restore = true;
  if (future) return c;
  if (shared) {
    c.kind = ClaimKind::Contested;
    c.holder = Side::Contested;
    return c;
  }

  if (b & kHand) {
    // "الأحياء الخاضعة لسيطرة المعارضة: X ..." (the hand before the list; only the side and
    // list words between them)
    std::optional<Side> side;
    size_t at = 0;
    for (const SideMention& s : r.sides)
      if (s.token > p && s.token <= p + 4 && s.token < first && !s.object)
        side = sideOf(s.side), at = s.token;
    if (!side) return c;
    bool on = false;  // "لسيطرة الوحدات الكردية على X": the noun of a taking
    for (size_t k = at + 1; k < first; ++k) {
      if (!mayStandBetween(r, k) && !r.isSideToken(k)) return c;
      if (r.has(k, kOn)) on = true;
    }
    if (!on || !(b & kCapture)) {
      // "الأجزاء الخاضعة لسيطرة المسلحين في حيي X وY": only parts of them are held.
      bool part = false;
      for (size_t k = p >= 2 ? p - 2 : 0; k < p; ++k) part = part || r.is(k, kPartial);
      c.kind = part ? ClaimKind::Contested : ClaimKind::Held;
      c.actor = side;
      c.holder = part ? Side::Contested : *side;
      return c;
    }
  }
  std::optional<Side> agent;
  // "انتقلت السيطرة على X إلى القوات الموالية": the side after the place takes it.
  for (size_t k = p >= 3 ? p - 3 : 0; k < p; ++k)
    if (r.has(k, kTransfer) && !r.breakBetween(k, p)) agent = r.sideAfter(first, 6);
  // "قمنا اليوم بالسيطرة على X": the speaker's side (else, a military source of the outlet's).
  bool firstPerson = (b & kFirstPerson) != 0;
  for (size_t k = p >= 6 ? p - 6 : 0; k < p && !firstPerson; ++k)
    firstPerson = r.is(k, kFirstPerson) && !r.breakBetween(k, p);
  if (firstPerson) agent = r.speakerSide();
  if (firstPerson && !agent && r.speakerSpan().second) agent = stanceSide(context.stance());
  // "أعلن مصدر عسكري استعادة السيطرة على X": a military source speaks for the outlet's side.
  if (!agent && (b & kCapture) && !(b & kPresent) && r.militarySource())
    agent = stanceSide(context.stance());
  // "وبعد سيطرتها على X، تقدمت قوات النظام", "بعد تمكنه أمس من السيطرة على X، ضيق الجيش": a
  // noun whose pronoun is the doer, named as the subject after it, else the side last acting.
  if (!agent && (b & kCapture) && doerPronounBefore(r, p) &&
      std::none_of(r.sides.begin(), r.sides.end(),
                   [&](const SideMention& s) { return s.token < p && !s.object; })) {
    agent = r.subjectAfter(first);
    if (!agent) agent = context.lastAgent;
  }
  // "ومساندتها لقوات النظام في سيطرتها على X": the doer's pronoun points to the side named just
  // before the noun, in any role.
  // (Not a holder's hand: "التي كانت بيد الثوار بعد أن سيطرتها على ...".)
  if (!agent && (b & kCapture) && doerPronounBefore(r, p) && !(p > 0 && r.is(p - 1, kHand)))
    for (const SideMention& s : r.sides)
      if (s.last < p && s.last + 3 >= p && !s.byMarker && !s.object && !r.breakBetween(s.last, p))
        if (auto side = sideOf(s.side)) agent = side;
  // "معارك بين الجيش وإرهابيي جيش الفتح، أسفرت عن تحرير X": "liberating" with no side in its own
  // clause is the outlet's side's word.
  if (!agent && (b & kLiberate) && !(b & kPresent) && context.stance() != 0 &&
      std::none_of(r.sides.begin(), r.sides.end(), [&](const SideMention& s) {
        return !s.object && r.clause[s.token] == r.clause[p];
      }))
    agent = stanceSide(context.stance());
  if (!agent) agent = r.agentAround(p, first > p + 1 ? first : p + 6);
  if (!agent && (b & kLiberate)) agent = stanceSide(context.stance());
  // "استعادة السيطرة على مشفى الكندي" (a headline's noun): the outlet's side's taking.
  if (!agent && (b & kCapture) && !(b & kPresent) && p <= 1 && !r.speakerSpan().second)
    agent = stanceSide(context.stance());
  // "وتمكنت من السيطرة على ...": a verb at the head of its clause continues the last agent.
  // ("فإن السيطرة على X جاءت ...": after "إن" too.)
  if (!agent && (p == 0 || r.clause[p - 1] != r.clause[p] || r.is(p - 1, kThat) ||
                 (p < 4 && r.clause[0] == r.clause[p]) ||
                 (r.is(p - 1, kCapture) && (p == 1 || r.clause[p - 2] != r.clause[p]))))
    agent = context.lastAgent;
  // ("وذلك بعد أن استعادت في اليومين الماضيين السيطرة على X": a verb of taking after "أن",
  // then its time, then the taking noun: the verb's subject is the last agent too.)
  if (!agent && (b & kCapture) &&
      std::none_of(r.sides.begin(), r.sides.end(),
                   [&](const SideMention& s) { return s.token < first; })) {
    size_t k = p;
    while (k > 0 && p - k < 6 && !r.breakBetween(k - 1, p) && r.nameAt[k - 1] < 0 &&
           !r.isSideToken(k - 1) &&
           (r.isTimeToken(k - 1) || r.has(k - 1, kTimeWord | kPlaceIn) || r.is(k - 1, kCapture) ||
            (!r.bits[k - 1] && !r.bits2[k - 1])))
      --k;
    if (k < p && r.is(k, kCapture) && k > 0 && r.is(k - 1, kThat)) agent = context.lastAgent;
  }
  // "وتمكنت وحدات الاقتحام من انتزاع السيطرة على الحي": a taking with no side named anywhere
  // in the sentence is the outlet's own side's, when its words tell which that is.
  if (!agent && (b & kCapture) && !(b & kPresent) && r.sides.empty() && context.stance() != 0)
    agent = stanceSide(context.stance());

  // "يحاربون الآن للسيطرة على X": only aimed at (failed); "شنت هجوماً لاستعادة X": a battle for it.
  if (r.has(p, kPurpose) && !tried && !repelled && !negated) {
    const bool battle = r.anyIn(p >= 4 ? p - 4 : 0, p, kAttack | kFight);
    c.kind = battle ? ClaimKind::Contested : ClaimKind::Failed;
    c.aim = !battle;
    c.actor = agent;
    c.holder = battle ? Side::Contested : opponentOf(agent);
    if (!agent && !battle) c.kind = ClaimKind::None;
    return c;
  }
  if (b & (kAttack | kFight)) {
    // "تقوم بعمليات تمشيط بأحياء X": combing a place already taken is no battle for it.
    static const std::u32string combing[] = {foldString("تمشيط"), foldString("التمشيط"),
                                             foldString("تفتيش"), foldString("البحث")};
    if (p + 1 < first && std::find(std::begin(combing), std::end(combing),
                                   tokenText(r.text, r.tokens[p + 1])) != std::end(combing))
      return c;
    // "حاولت مجموعة التقدم من حي الميدان", "تقدمت من محور X": where the advance started.
    size_t before = first;
    if (before > p + 1 && r.is(before - 1, kHead) && r.nameAt[before - 1] < 0) --before;
    if (before > p + 1 && r.has(before - 1, kFromSide)) --before;  // "من جهة حيي X وY"
    // (Nor "في القسم الشرقي من حي X", "الجزء الكبير من": a part with its adjective.)
    // (Nor "في كل من حيي X وY": "each of".)
    static const std::u32string each = foldString("كل"), eachMisspelt = foldString("كلا");
    if (before >= p + 2 && tokenText(r.text, r.tokens[before - 1]) == U"\u0645\u0646" &&
        !r.is(before - 2, kRemain | kPartial | kBlock) &&
        withoutConjunction(tokenText(r.text, r.tokens[before - 2])) != each &&
        withoutConjunction(tokenText(r.text, r.tokens[before - 2])) != eachMisspelt &&
        !(before >= p + 3 && r.is(before - 3, kPartial) && r.nameAt[before - 2] < 0))
      return c;
    if (repelled || tried || negated) {
      c.kind = ClaimKind::Failed;
      c.actor = failedAttacker(r, p, first, tried ? std::optional(tryAt) : std::nullopt,
                               repelled ? std::optional(repelAt) : std::nullopt);
      if (!c.actor) c.actor = agent;
      c.holder = opponentOf(c.actor);
      return c;
    }
    if (toward) return c;  // an advance towards a place that has not reached it
    c.kind = ClaimKind::Contested;
    c.actor = agent;  // who attacks or advances (the event's actor1), not a holder
    c.holder = Side::Contested;
    return c;
  }
  if (b & kArrive) {  // "وصلت القوات إلى أطراف حي X": the front is there
    // "في محاولة منها الوصول إلى طريق الكاستيلو": an attempt to reach it.
    if (tried && !negated) {
      c.kind = ClaimKind::Failed;
      c.actor = failedAttacker(r, p, first, tryAt, std::nullopt);
      if (!c.actor) c.actor = agent;
      c.holder = opponentOf(c.actor);
      if (!c.actor) c.kind = ClaimKind::None;
      return c;
    }
    if (negated || toward || !r.agentAround(p, first)) return c;
    c.kind = ClaimKind::Contested;
    c.actor = r.agentAround(p, first);
    c.holder = Side::Contested;
    return c;
  }
  if (restore && !secure) return c;  // "أعادت" of anything else
  if (b & kWithdraw) {
    // "انسحبت من X إلى Y", "انسحاب ... باتجاه Y": Y is where they went.
    if (destination || toward) return c;
    // "خروج المدنيين", "خرج 8 آلاف مدني": only a fighting side's leaving is a withdrawal.
    if (r.has(p, kExit)) {
      for (const SideMention& s : r.sides)
        if (s.side == SideWord::Civilians && s.token > p && s.token <= p + 6) return c;
      if (!r.agentAround(p, first)) return c;
    }
    if (!agent) return c;  // "انسحاب عناصر تنظيم داعش": no side of this battle
    c.kind = ClaimKind::Withdrew;
    c.actor = agent;
    c.holder = opponentOf(agent);
    return c;
  }
  if (b & kPresence) {  // "انحصر وجود الفصائل في ما تبقى من X"
    if (!agent) return c;
    c.kind = ClaimKind::Held;
    c.actor = c.holder = agent;
    return c;
  }
  // "لم تسيطر على X بل على محيطه": only the surroundings, so fought over.
  if (negated && (b & (kHoldNow | kCapture))) {
    for (size_t k = first + 1; k < r.tokens.size() && k <= first + 8; ++k)
      if (r.has(k, kBut) && !r.breakBetween(first, k) && r.anyIn(k + 1, k + 4, kPartial)) {
        c.kind = ClaimKind::Contested;
        c.holder = Side::Contested;
        return c;
      }
  }
  if (b & kHoldNow) {
    if (negated) return c;
    if (partial) {  // "يسيطر الثوار على الجزء الغربي من", "باتوا يسيطرون على نصف"
      c.kind = ClaimKind::Contested;
      c.actor = agent;
      c.holder = Side::Contested;
      return c;
    }
    c.kind = tried ? ClaimKind::Failed : ClaimKind::Held;
    c.actor = agent;
    c.holder = c.kind == ClaimKind::Held ? agent : opponentOf(agent);
    if (!agent) c.kind = ClaimKind::None;
    // "بات الجيش يسيطر على X", "أصبحت الفصائل تسيطر على X": it has come to hold it, a taking.
    if (c.kind == ClaimKind::Held)
      for (size_t k = p >= 4 ? p - 4 : 0; k < p; ++k)
        if (r.is(k, kBecome) && !r.is(k, kStill) && !r.breakBetween(k, p) && r.nameAt[k] < 0 &&
            !r.has(k, kTo))
          c.kind = ClaimKind::Captured;
    // "واستطاع أن يسيطر على X": managed to take it.
    if (c.kind == ClaimKind::Held && p > 0 && r.is(p - 1, kThat) && managedBefore(p - 1))
      c.kind = ClaimKind::Captured;
    // "قوات الأسد تسيطر على حي X": a headline's present tense with its subject first is news.
    // (A headline's parts are joined by "..": "مواصلاً تقدمه بحلب.. جيش النظام يسيطر على X".)
    // (Only a verb: "تحتفظ المعارضة بالسيطرة على X" keeps it.)
    if (c.kind == ClaimKind::Held && r.is(p, kPresent)) {
      auto partStart = [&](size_t t) {
        for (; t > 0; --t)
          for (uint32_t k = r.tokens[t - 1].to; k < r.tokens[t].from; ++k)
            if ((r.text[k] == U'.' && r.text[k + 1] == U'.') || r.text[k] == U'\u2026') return t;
        return size_t{0};
      };
      // ("الثوار يبدأون معركة فك الحصار.. ويسيطرون على ضاحية الأسد": the verb opens the part,
      // its subject the headline's.)
      if (p > 0 && partStart(p) == p && !r.anyIn(0, p, kStill | kBecome | kRemain))
        c.kind = ClaimKind::Captured;
      for (const SideMention& s : r.sides) {
        if (c.kind != ClaimKind::Held) break;
        const size_t start = partStart(s.token);
        if (s.object || s.token > start + 2 || s.token >= p || p - s.token > 5 ||
            r.breakBetween(s.token, p))
          continue;
        if (!r.anyIn(start, p, kStill | kBecome | kThat | kReport | kRelative | kWas | kRemain))
          c.kind = ClaimKind::Captured;
        break;
      }
    }
    return c;
  }
  // A taking.
  if (toward) return c;
  if (tried || negated || repelled) {
    c.kind = ClaimKind::Failed;
    c.aim = tried && !negated && !repelled && isAimWord(r, tryAt);
    // "تصدى مقاتلو المعارضة لمحاولة قوات الأسد السيطرة على X": the side that tried.
    if (tried || repelled)
      if (auto attacker = failedAttacker(r, p, first, tried ? std::optional(tryAt) : std::nullopt,
                                         repelled ? std::optional(repelAt) : std::nullopt))
        agent = attacker;
    c.actor = agent;
    c.holder = opponentOf(agent);
    if (!agent) c.kind = ClaimKind::None;
    return c;
  }
  // "بدأت القوات بتحرير محلة الأصيلة": only begun, so fought over.
  static const std::u32string began[] = {foldString("بدأ"), foldString("بدأت"), foldString("بدأوا"),
                                         foldString("تبدأ"), foldString("يبدأ")};
  for (size_t k = p >= 3 ? p - 3 : 0; k < p && !partial; ++k)
    if (std::find(std::begin(began), std::end(began),
                  withoutConjunction(tokenText(r.text, r.tokens[k]))) != std::end(began) &&
        !r.breakBetween(k, p))
      partial = true;
  if (partial) {
    c.kind = ClaimKind::Contested;
    c.actor = agent;
    c.holder = Side::Contested;
    return c;
  }
  if (!agent) return c;
  c.actor = agent;
  c.kind = ClaimKind::Captured;
  c.holder = agent;
  return c;
}

// A name the gazetteer lacks, standing in a list: an unknown definite word ("والشحادين",
// "الإسكان" of "ومنطقة الإسكان"), or an unknown word right before the list's comma ("وأحد،").
bool unknownMember(const Reading& r, size_t k, bool second = false) {
  if (r.bits[k] || r.bits2[k] || r.isSideToken(k) || r.nameAt[k] >= 0) return false;
  std::u32string_view w = tokenText(r.text, r.tokens[k]);
  const bool conjunction = w.size() > 2 && w[0] == U'\u0648';
  if (conjunction) w.remove_prefix(1);
  if (w.size() > 3 && w[0] == U'\u0627' && w[1] == U'\u0644') return true;
  // "للذخيرة" (ل + ال)
  if (w.size() > 4 && w[0] == U'\u0644' && w[1] == U'\u0644') return true;
  if (conjunction && k + 1 < r.tokens.size() && r.breakBetween(k, k + 1)) return true;
  // "ومقالع الشرفة"، "ومستودع للذخيرة": a two-word name the gazetteer lacks.
  return conjunction && !second && k + 1 < r.tokens.size() && !r.breakBetween(k, k + 1) &&
         (unknownMember(r, k + 1, true) || r.nameAt[k + 1] >= 0);
}

// Step: a list member takes the claim of the member before it when only list words stand
// between them ("على أحياء الصاخور والحيدرية والشيخ خضر"); "أجزاء من" before a member makes it
// and the members after it contested. "في" ends a list of takings ("على X في Y": Y is where X
// is) unless `throughIn` (a holding reaches the place X is in).
bool continuesList(const Reading& r, const NameSpan& previous, const NameSpan& name,
                   bool throughIn = false) {
  if (name.first <= previous.last) return false;
  // "قلعة حلب بحلب القديمة": a name right after another with "ب" on it is where the first is.
  if (name.first == previous.last + 1 && !throughIn && !r.punctuationBefore(name.first)) {
    const std::u32string_view w = tokenText(r.text, r.tokens[name.first]);
    if (w.size() > 3 && w[0] == U'\u0628' &&
        ((w[1] == U'\u0627' && w[2] == U'\u0644') || w.substr(1) == U"\u062D\u0644\u0628"))
      return false;  // "بالراموسة", "بحلب القديمة"
  }
  if (name.first - previous.last > 8) return false;
  for (size_t k = previous.last + 1; k < name.first; ++k) {
    if (r.has(k, kTo) && k > 0 && r.has(k - 1, kListTo)) {  // "وصولاً إلى", "إضافة إلى"
      static const std::u32string reaching = foldString("وصولا");
      if (name.endpoint && tokenText(r.text, r.tokens[k - 1]) == reaching) return false;
      continue;
    }
    // "أعادت الأمن إلى X وإلى Y", "تقدم في X وعلى جبهة Y": the preposition said again.
    // ("... ومحطة سليمان الحلبي ومحيطها وإلى جزء كبير من حي X": after "ومحيطها" too.)
    if (r.has(k, kOn | kTo) && r.tokens[k].to - r.tokens[k].from > 2 &&
        r.text[r.tokens[k].from] == U'\u0648' && [&] {
          for (size_t m = previous.last + 1; m < k; ++m)
            if (!mayStandBetween(r, m)) return false;
          return true;
        }())
      continue;
    // ("وعلى جبهة حي Y": a front, so Y is fought over; see frontBetween.)
    if (r.has(k, kFrontLine) && k > previous.last + 1 && r.has(k - 1, kOn | kTo)) continue;
    if (unknownMember(r, k)) continue;
    // "حيي أقيول أغير وباب الحديد": a second spelling right after a name, then "و" and the next
    // ("أحياء أقيول (أغير)، وباب الحديد": in brackets, and a comma before "و").
    if (k == previous.last + 1 && k + 1 == name.first && !r.bits[k] && !r.bits2[k] &&
        !r.isSideToken(k) && !r.punctuationBefore(k) && r.text[r.tokens[k + 1].from] == U'\u0648')
      continue;
    if (!mayStandBetween(r, k)) return false;
    if (r.is(k, kBlock)) return false;
    if (!throughIn && r.placeIn(k) && !r.is(k - 1, kPartial)) return false;  // "مواقع في X"
  }
  return true;
}

// Step: a name right after a side's word ("ثوار حلب") or after a direction from another name
// ("قرية الحويز جنوب حلب", "شمال شرقي حلب") is part of a name or a reference point, not a place
// the sentence claims.
bool referenceOnly(const Reading& r, const NameSpan& name) {
  const size_t first = name.first;
  if (first == 0) return false;
  if (!name.claimable && r.isSideToken(first - 1)) return true;
  // "إلى الجنوب من مساكن هنانو": a direction from the place, not the place.
  static const std::u32string directions[] = {foldString("الجنوب"), foldString("الشمال"),
                                              foldString("الشرق"), foldString("الغرب")};
  if (first >= 2 && withoutConjunction(tokenText(r.text, r.tokens[first - 1])) == U"\u0645\u0646")
    for (const auto& d : directions)
      if (tokenText(r.text, r.tokens[first - 2]) == d) return true;
  size_t i = first;
  while (i > 0 && r.has(i - 1, kDirection)) --i;
  return i < first && i > 0 && r.nameAt[i - 1] >= 0;
}

// Step: "تدور اشتباكات في حيي X وY في محاولة للميليشيات التقدم": fighting at the places that
// the sentence calls an attempt is an assault that has not succeeded. Returns who tried: the
// side right after the attempt word, else `fallback` (the side the fighting's claim named).
std::optional<PlaceClaim> attemptAfterNames(const Reading& r, size_t last,
                                            std::optional<Side> fallback) {
  static const WordTable<bool> attempts = [] {
    WordTable<bool> t;
    for (const char* w : {"محاولة", "محاولات", "محاولتها", "محاولتهم", "محاولته"})
      t.add(foldString(w), true);
    return t;
  }();
  size_t k = last + 1;
  // Over the rest of the list: names and their glue ("وبستان الباشا").
  while (k < r.tokens.size() && k <= last + 8 && (r.nameAt[k] >= 0 || mayStandBetween(r, k)) &&
         !r.has(k, kPlaceIn))
    ++k;
  // (Not after a comma: "اشتباكات في حي X، في محاولة من قوات الأسد التقدم" is read both ways,
  // fighting at X or an attempt on it; the development readers split, so it stays fighting.)
  if (k + 1 >= r.tokens.size() || !r.has(k, kPlaceIn) ||
      !attempts.contains(tokenText(r.text, r.tokens[k + 1])) || r.breakBetween(last, k + 1))
    return std::nullopt;
  // ("في منطقة الملاح، في محاولة منها الوصول إلى طريق الكاستيلو": the attempt is on the place
  // named after it.)
  for (size_t m = k + 2; m < r.tokens.size() && m <= k + 10; ++m)
    if (r.nameAt[m] >= 0 && r.names[static_cast<size_t>(r.nameAt[m])].claimable)
      return std::nullopt;
  std::optional<Side> side = fallback;
  for (const SideMention& s : r.sides)  // ("في محاولة من قوات الأسد", "في محاولة للميليشيات")
    if (s.token >= k + 2 && s.token <= k + 4)
      if (auto x = sideOf(s.side)) {
        side = x;
        break;
      }
  if (!side) return std::nullopt;
  return PlaceClaim{ClaimKind::Failed, side, opponentOf(side), 0, 0};
}

// Step: "حي الراشدين، إذ تسعى قوات الأسد لاقتحامه", "بلدة X التي تحاول الفصائل السيطرة عليها":
// a clause after the name that tries or aims at it through a pronoun: failed, by the side that
// tries.
std::optional<PlaceClaim> attemptOnItAfter(const Reading& r, size_t last) {
  static const WordTable<bool> trying = [] {
    WordTable<bool> t;
    for (const char* w : {"تسعى", "يسعى", "يسعون", "تحاول", "يحاول", "يحاولون", "حاولت", "حاول",
                          "حاولوا", "تهدف", "يهدف"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string stems[] = {foldString("اقتحام"), foldString("تحرير"),
                                         foldString("استعاد"), foldString("دخول")};
  const size_t count = r.tokens.size();
  for (size_t v = last + 1; v < count && v <= last + 6; ++v) {
    // ("حي الراشدين غرب حلب، إذ تسعى ...": past a reference point.)
    if ((r.nameAt[v] >= 0 && r.names[static_cast<size_t>(r.nameAt[v])].claimable) ||
        r.clause[v] > r.clause[last] + 1)
      return std::nullopt;
    if (!trying.contains(withoutConjunction(tokenText(r.text, r.tokens[v])))) continue;
    bool onIt = false;
    for (size_t k = v + 1; k < count && k <= v + 5 && !onIt; ++k) {
      std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[k]));
      if (w.size() > 2 && (w[0] == U'\u0644' || w[0] == U'\u0628')) w.remove_prefix(1);
      const bool pronoun = w.ends_with(U"\u0647") || w.ends_with(U"\u0647\u0627");
      for (const auto& stem : stems)
        onIt = onIt || (pronoun && w.starts_with(stem) && w.size() <= stem.size() + 2);
      onIt = onIt || (r.is(k, kCapture) && k + 1 < count && r.has(k + 1, kBackRef));
    }
    if (!onIt) return std::nullopt;
    for (const SideMention& s : r.sides)
      if (s.token > v && s.token <= v + 3 && !s.object)
        if (auto side = sideOf(s.side)) {
          PlaceClaim c{ClaimKind::Failed, side, opponentOf(side), 0, 0};
          c.aim = isAimWord(r, v);
          return c;
        }
    return std::nullopt;
  }
  return std::nullopt;
}

// Step: "أعلن النظام عن فتح طريق الراموسة": a side opening a road holds it again (the road is
// named after the verb, maybe after its head word "طريق").
std::optional<PlaceClaim> openedRoad(const Reading& r, const NameSpan& name) {
  static const WordTable<bool> opening = [] {
    WordTable<bool> t;
    for (const char* w : {"فتح", "فتحت", "فتحوا", "افتتاح", "افتتحت"}) t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string road = foldString("طريق");
  if (!name.endpoint || name.first == 0) return std::nullopt;
  size_t k = name.first - 1;
  if (k > 0 && (r.is(k, kHead) || withoutConjunction(tokenText(r.text, r.tokens[k])) == road)) --k;
  // ("وفتح الجيش طريق X": the verb before its subject.)
  for (const SideMention& s : r.sides)
    if (s.last == k && s.token > 0 && !r.breakBetween(s.token - 1, k)) k = s.token - 1;
  // (The word whole too: "فتح" is no "ف" + "تح".)
  const std::u32string_view whole = tokenText(r.text, r.tokens[k]);
  std::u32string_view w = withoutConjunction(whole);
  if (w.size() > 3 && (w[0] == U'\u0628' || w[0] == U'\u0644')) w.remove_prefix(1);  // "بفتح"
  if (!opening.contains(w) && !opening.contains(whole)) return std::nullopt;
  if (auto side = r.agentAround(k, name.first))
    return PlaceClaim{ClaimKind::Captured, side, side, 0, 0};
  return std::nullopt;
}

// Step: "حي صلاح الدين، وهو أحد الأحياء الخارجة عن سيطرة النظام", "X الخارج عن سيطرة النظام":
// outside one side's control is held by its enemy.
std::optional<PlaceClaim> outsideControlAfterName(const Reading& r, size_t last) {
  static const WordTable<bool> outside = [] {
    WordTable<bool> t;
    for (const char* w : {"الخارجة", "الخارج", "الخارجين", "خارج", "خارجة"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string control = foldString("سيطرة"), from = foldString("عن");
  const size_t count = r.tokens.size();
  for (size_t i = last + 1; i < count && i <= last + 7; ++i) {
    if (r.nameAt[i] >= 0) return std::nullopt;
    if (!outside.contains(tokenText(r.text, r.tokens[i]))) continue;
    size_t k = i + 1;
    if (k < count && tokenText(r.text, r.tokens[k]) == from) ++k;
    if (k >= count || tokenText(r.text, r.tokens[k]) != control) return std::nullopt;
    for (const SideMention& s : r.sides)
      if (s.token > k && s.token <= k + 3)
        if (auto enemy = opponentOf(sideOf(s.side)))
          return PlaceClaim{ClaimKind::Held, enemy, enemy, 0, 0};
    return std::nullopt;
  }
  return std::nullopt;
}

// Step: "أما المحور الثالث فهو حي بستان الباشا", "ويمثل معمل الإسمنت خط المواجهة الأول": a
// place said to be a front is fought over.
bool namedAsFront(const Reading& r, size_t first, size_t last) {
  static const WordTable<bool> copula = [] {
    WordTable<bool> t;
    for (const char* w : {"هو", "هي", "فهو", "فهي", "وهو", "وهي", "يمثل", "تمثل", "ويمثل", "وتمثل",
                          "يشكل", "تشكل", "ويشكل", "وتشكل"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string line = foldString("خط"), confrontation = foldString("المواجهة"),
                              contact = foldString("التماس"), front = foldString("الجبهة"),
                              axis = foldString("المحور");
  const auto word = [&](size_t k) { return withoutConjunction(tokenText(r.text, r.tokens[k])); };
  // Before: "المحور ... فهو [حي] X" (a front word, then the copula right before the name).
  size_t k = first;
  if (k > 0 && r.is(k - 1, kHead)) --k;
  if (k >= 2 && copula.contains(tokenText(r.text, r.tokens[k - 1])))
    for (size_t m = k - 1; m > 0 && m + 9 > k; --m) {  // ("المحور الثالث الذي تضغط عليه ...")
      if (r.breakBetween(m - 1, k - 1)) break;
      if (word(m - 1) == axis || word(m - 1) == front) return true;
    }
  // After: "X خط المواجهة", "X خط التماس" (with "يمثل/يشكل" before the name).
  if (last + 2 < r.tokens.size() && word(last + 1) == line &&
      (word(last + 2) == confrontation || word(last + 2) == contact))
    return true;
  return false;
}

// Step: "خرج حي X عن سيطرة النظام" (X lost it): taken by the other side the sentence names,
// else by the loser's enemy.
std::optional<PlaceClaim> leftControlOf(const Reading& r, size_t first, size_t last) {
  bool leave = false;
  for (size_t k = first >= 3 ? first - 3 : 0; k < first; ++k)
    if (r.has(k, kLeave) && !r.breakBetween(k, first)) leave = true;
  if (!leave || r.oldYear[first]) return std::nullopt;
  for (const SideMention& s : r.sides) {
    if (s.token <= last || s.token > last + 4 || !s.byMarker) continue;
    const std::optional<Side> loser = sideOf(s.side);
    if (!loser) continue;
    std::optional<Side> taker;
    for (const SideMention& o : r.sides)
      if (auto x = sideOf(o.side); x && x != loser && !taker) taker = x;
    if (!taker) taker = opponentOf(loser);
    if (!taker) return std::nullopt;
    return PlaceClaim{ClaimKind::Captured, taker, taker, 0, 0};
  }
  return std::nullopt;
}

// Step: "سلمت الفصائل حي العامرية لقوات النظام": handed over to the side after the name.
// ("تم تسليم أحياء “بعيدين، بستان الباشا، عين التل” للوحدات الكردية": over a list, its words
// and commas, on both sides.)
std::optional<PlaceClaim> handedOver(const Reading& r, size_t first, size_t last) {
  const auto inList = [&](size_t k) { return r.nameAt[k] >= 0 || mayStandBetween(r, k); };
  size_t a = first, z = last;
  while (a > 0 && first - a < 30 && inList(a - 1)) --a;
  while (z + 1 < r.tokens.size() && z - last < 30 && inList(z + 1)) ++z;
  bool handOver = false;
  for (size_t k = a >= 4 ? a - 4 : 0; k < a; ++k)
    if (r.has(k, kHandOver) && !r.breakBetween(k, a)) handOver = true;
  if (!handOver) return std::nullopt;
  for (const SideMention& s : r.sides)
    if (s.token > z && s.token <= z + 2 && !r.breakBetween(z, s.token))
      if (auto side = sideOf(s.side)) return PlaceClaim{ClaimKind::Captured, side, side, 0, 0};
  return std::nullopt;
}

// Step: "خسر الثوار حي الحيدرية لصالح قوات النظام", "خسرت قوات الأسد تلة المحروقات أمام هجوم
// جيش الفتح": taken by the side named after the place, else by the loser's enemy.
std::optional<PlaceClaim> lostTo(const Reading& r, size_t first, size_t last) {
  size_t verb = first;
  for (size_t k = first >= 5 ? first - 5 : 0; k < first; ++k)
    if (r.has(k, kLose) && !r.breakBetween(k, first)) verb = k;
  if (verb == first) return std::nullopt;
  std::optional<Side> loser, taker = r.sideAfter(last, 5);
  for (const SideMention& s : r.sides)
    if (s.token < first && !s.object && s.token + 3 >= verb) loser = sideOf(s.side);
  if (!taker) taker = opponentOf(loser);
  if (!taker || taker == loser) return std::nullopt;
  return PlaceClaim{ClaimKind::Captured, taker, taker, 0, 0};
}

// Step: "ما إن سقط حي الصاخور حتى ...", "بعد سقوط حي X": the place fell, to the side the
// article last told of acting, else (in an opposition outlet) to the government. With a hand
// after it ("سقط حي X بيد ...") holdingAfterName decides.
std::optional<PlaceClaim> fellPlace(const Reading& r, size_t first, size_t last,
                                    const ClaimContext& context) {
  static const std::u32string fell[] = {foldString("سقط"), foldString("سقطت"), foldString("سقوط")};
  size_t k = first;
  if (k > 0 && r.is(k - 1, kHead) && r.nameAt[k - 1] < 0) --k;
  if (k == 0 || r.breakBetween(k - 1, first)) return std::nullopt;
  const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[k - 1]));
  if (std::find(std::begin(fell), std::end(fell), w) == std::end(fell)) return std::nullopt;
  if (r.oldYear[first]) return std::nullopt;
  for (size_t b = k >= 4 ? k - 4 : 0; b + 1 < k; ++b)  // "مهددة بالسقوط", "قد يسقط", "لن"
    if (r.is(b, kFuture | kNegation | kTry | kBlock) && !r.is(b, kBecome)) return std::nullopt;
  for (size_t a = last + 1; a < r.tokens.size() && a <= last + 4; ++a)
    if (r.is(a, kHand)) return std::nullopt;
  std::optional<Side> taker = context.lastAgent;
  if (!taker && context.stance() < 0) taker = Side::Government;  // (an opposition outlet)
  if (!taker) return std::nullopt;
  return PlaceClaim{ClaimKind::Captured, taker, taker, 0, 0};
}

// Step: "انسحبت المجموعات من X وY، فيما دخلت وحدات الجيش هذه الأحياء": the places left are
// taken by the side that entered them after, in a later clause that points back to them.
void enteredAfterWithdrawal(const Reading& r, std::vector<PlaceClaim>& out) {
  static const std::u32string these[] = {foldString("هذه"), foldString("تلك")};
  size_t lastWithdrawn = r.names.size();
  for (size_t j = 0; j < r.names.size(); ++j)
    if (out[j].kind == ClaimKind::Withdrew && r.names[j].claimable) lastWithdrawn = j;
  if (lastWithdrawn == r.names.size()) return;
  const Side leaver = out[lastWithdrawn].actor.value_or(Side::Contested);
  for (size_t v = r.names[lastWithdrawn].last + 1; v < r.tokens.size(); ++v) {
    if (!r.is(v, kCapture) || r.breakBetween(r.names[lastWithdrawn].last, v) == false) continue;
    bool back = false;  // "هذه الأحياء", "عليها", "دخلها"
    for (size_t k = v + 1; k < r.tokens.size() && k <= v + 5; ++k) {
      const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[k]));
      if (r.has(k, kBackRef) || std::find(std::begin(these), std::end(these), w) != std::end(these))
        back = true;
    }
    const std::u32string_view verb = tokenText(r.text, r.tokens[v]);
    if (verb.size() > 3 && verb.substr(verb.size() - 2) == U"\u0647\u0627") back = true;  // "دخلها"
    if (!back) continue;
    std::optional<Side> taker = r.agentAround(v, v + 6);
    if (!taker || taker == leaver) continue;
    for (size_t j = 0; j <= lastWithdrawn; ++j)
      if (out[j].kind == ClaimKind::Withdrew && out[j].actor == leaver)
        out[j] = PlaceClaim{ClaimKind::Captured, taker, taker, 0, 0};
    return;
  }
}

// Step: "عودة الطراب والجزماتي إلى حضن الدولة", "إلى كنف الدولة": the state's idiom for a taking.
// Step: "باتت الفصائل على مشارف الأكاديمية", "وضعت وحداته في نقاط على مشارف خان طومان": at a
// place's outskirts, so fighting for it.
// ("يطرقون أبواب الأكاديمية", "على عتبات X", "على أعتاب X": at its doors, the same.)
bool atOutskirts(const Reading& r, size_t first) {
  static const WordTable<bool> outskirts = [] {
    WordTable<bool> t;
    for (const char* w : {"مشارف", "أبواب", "عتبات", "أعتاب", "بوابات"}) t.add(foldString(w), true);
    return t;
  }();
  size_t k = first;
  while (k > 0 && r.is(k - 1, kHead) && r.nameAt[k - 1] < 0) --k;  // "مشارف منطقة X"
  return k > 0 && outskirts.contains(withoutConjunction(tokenText(r.text, r.tokens[k - 1])));
}

std::optional<PlaceClaim> backToTheState(const Reading& r, size_t last) {
  static const std::u32string embrace[] = {foldString("حضن"), foldString("كنف")};
  for (size_t k = last + 1; k + 1 < r.tokens.size() && k <= last + 8; ++k) {
    if (r.breakBetween(last, k)) return std::nullopt;
    if (r.nameAt[k] >= 0 || mayStandBetween(r, k)) continue;
    if (r.has(k, kTo) && std::find(std::begin(embrace), std::end(embrace),
                                   tokenText(r.text, r.tokens[k + 1])) != std::end(embrace))
      return PlaceClaim{ClaimKind::Captured, Side::Government, Side::Government, 0, 0};
    return std::nullopt;
  }
  return std::nullopt;
}

// Step: "قضت وحدات الجيش على آخر تجمعات الإرهابيين في حي X", "بعد القضاء على آخر المسلحين
// في X": the last fighters in a place were killed, so the side that did it holds it now. The
// side: the subject before the verb, else the outlet's side (the idiom is the state media's).
std::optional<PlaceClaim> lastPocketsIn(const Reading& r, size_t first,
                                        const ClaimContext& context) {
  static const WordTable<bool> finished = [] {
    WordTable<bool> t;
    for (const char* w : {"قضت", "قضى", "القضاء", "تقضي", "يقضي", "قضاء", "بالقضاء", "للقضاء"})
      t.add(foldString(w), true);
    return t;
  }();
  static const std::u32string lastOf = foldString("آخر");
  size_t k = first;
  while (k > 0 && (r.is(k - 1, kHead) || r.has(k - 1, kPlaceIn)) && r.nameAt[k - 1] < 0) --k;
  if (k == first) return std::nullopt;  // ("... في حي X": the place follows "في" or a head)
  for (size_t a = k; a > 0 && a + 5 > k; --a) {
    if (r.breakBetween(a - 1, first) || r.nameAt[a - 1] >= 0) return std::nullopt;
    if (tokenText(r.text, r.tokens[a - 1]) != lastOf) continue;
    for (size_t v = a - 1; v > 0 && v + 7 > a; --v) {  // ("قضت وحدات الجيش على آخر")
      if (!finished.contains(withoutConjunction(tokenText(r.text, r.tokens[v - 1])))) continue;
      if (r.breakBetween(v - 1, first)) return std::nullopt;
      std::optional<Side> side;
      for (const SideMention& s : r.sides)
        if (s.last < v - 1 && !s.object && !r.breakBetween(s.last, v - 1)) side = sideOf(s.side);
      if (!side) side = stanceSide(context.stance());
      if (!side) return std::nullopt;
      return PlaceClaim{ClaimKind::Captured, side, side, 0, 0};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// Step: "سيطرت قوات النظام على كامل الأحياء الشرقية باستثناء حي X": a place left out of a
// side's taking or holding is still the other side's.
std::optional<PlaceClaim> exceptedFromTaking(const Reading& r, size_t first,
                                             const ClaimContext& context) {
  static const WordTable<bool> except = [] {
    WordTable<bool> t;
    for (const char* w : {"باستثناء", "ماعدا", "عدا", "سوى", "بإستثناء"})
      t.add(foldString(w), true);
    return t;
  }();
  size_t k = first;
  if (k > 0 && r.is(k - 1, kHead) && r.nameAt[k - 1] < 0) --k;  // "باستثناء حي X"
  if (k == 0 || !except.contains(withoutConjunction(tokenText(r.text, r.tokens[k - 1]))))
    return std::nullopt;
  const size_t at = k - 1;
  // ("ماعدا الزبدية والأنصاري التي سقطت هي الأخرى": they fell too, later in the sentence.)
  static const std::u32string too = foldString("الأخرى"), fell = foldString("سقط");
  for (size_t m = first; m < r.tokens.size() && m < first + 12 && !r.breakBetween(first, m); ++m) {
    const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[m]));
    if (w == too || w.starts_with(fell) || (r.is(m, kCapture) && r.nameAt[m] < 0))
      return std::nullopt;
  }
  for (size_t p = at; p > 0 && p + 16 > at; --p) {
    if (!r.is(p - 1, kCapture | kHoldNow)) continue;
    const PlaceClaim c = claimFromPredicate(r, p - 1, at, context, true);
    if ((c.kind != ClaimKind::Captured && c.kind != ClaimKind::Held) || !c.actor)
      return std::nullopt;
    const std::optional<Side> other = opponentOf(c.actor);
    if (!other) return std::nullopt;
    return PlaceClaim{ClaimKind::Held, other, other, 0, 0};
  }
  return std::nullopt;
}

// Step: "يشهد حي الشيخ سعيد معارك كر وفر": the place sees fighting.
bool witnessesFighting(const Reading& r, size_t first, size_t last) {
  bool witness = false;
  for (size_t k = first >= 3 ? first - 3 : 0; k < first; ++k)
    if (r.has(k, kWitness) && !r.breakBetween(k, first)) witness = true;
  if (witness) {
    for (size_t k = last + 1; k < r.tokens.size() && k <= last + 3; ++k)
      if (r.is(k, kFight) && !r.breakBetween(last, k)) return true;
    return false;
  }
  // "طريق الكاستيلو وحي الخالدية، شهدا معارك": the verb after the names (over the list).
  for (size_t k = last + 1; k < r.tokens.size() && k <= last + 8; ++k) {
    if (r.nameAt[k] < 0 && !mayStandBetween(r, k) && !r.has(k, kWitness) &&
        tokenText(r.text, r.tokens[k]).front() != U'\u0648')
      return false;
    if (r.has(k, kWitness))
      return k + 1 < r.tokens.size() && (r.is(k + 1, kFight) || r.is(k + 2, kFight));
  }
  return false;
}

// Step: "تستقبل المناطق المحررة في ريف حلب": the liberated areas in a place.
std::optional<PlaceClaim> liberatedAreasIn(const Reading& r, size_t first,
                                           const ClaimContext& context) {
  if (first < 2 || !r.placeIn(first - 1) || !r.is(first - 2, kLiberated)) return std::nullopt;
  const Side side = liberatedSide(r, first - 2, context);
  return PlaceClaim{ClaimKind::Held, side, side, 0, 0};
}

// Step: "مني الإرهابيون بهزيمة في حي الصاخور وسيطر الجيش عليه": a taking after the name that
// points back to it.
std::optional<PlaceClaim> laterVerbWithPronoun(const Reading& r, size_t last,
                                               const ClaimContext& context) {
  // (Over the rest of a list and a direction: "باتجاه أحياء (X وY) شرقي حلب والسيطرة عليها".)
  for (size_t v = last + 1; v < r.tokens.size() && v <= last + 12; ++v) {
    // (A participle after one comma still speaks of the list: "X وY، باسطة عليهم سيطرتها".)
    const bool participle =
        r.is(v, kCapture) && r.clause[v] == r.clause[last] + 1 && r.clause[v - 1] == r.clause[last];
    if ((r.breakBetween(last, v) && !participle) || (r.is(v, kBlock) && !r.is(v, kCapture))) break;
    if (v > last + 4 && r.nameAt[v] < 0 && !mayStandBetween(r, v) && !r.is(v, kCapture) &&
        !r.has(v, kDirection))
      continue;
    if (!r.is(v, kCapture)) continue;
    // "باختراق حي الكلاسة وتحريره بالكامل": the pronoun on the word itself.
    if (r.has(v, kTakeIt) && r.nameAt[v] < 0) {
      PlaceClaim c = claimFromPredicate(r, v, v + 1, context);
      if (c.kind != ClaimKind::None) return c;
    }
    for (size_t k = v + 1; k < r.tokens.size() && k <= v + 3; ++k)
      if (r.has(k, kBackRef)) {
        PlaceClaim c = claimFromPredicate(r, v, v + 1, context);
        if (c.kind != ClaimKind::None) return c;
      }
  }
  return std::nullopt;
}

// Step: "نفت ... سيطرة قوات النظام على X، مؤكدة أن الحي لا يزال بيد الثوار", "استسلم ... في X
// للجيش الذي سيطر على الحي": "الحي", "البلدة" stand for the place last named.
std::optional<PlaceClaim> anaphorClaim(const Reading& r, size_t a, const ClaimContext& context) {
  if (auto held = holdingAfterName(r, a, a, r.tokens.size(), context)) return held;
  if (auto p = governingPredicate(r, a)) {
    PlaceClaim c = claimFromPredicate(r, *p, a, context);
    if (c.kind != ClaimKind::None) return c;
  }
  return std::nullopt;
}

// Step: "الأحياء الغربية من حلب الخاضعة لسيطرة النظام": a part of the place is held.
bool partOfPlace(const Reading& r, size_t first) {
  return first >= 2 && r.text.compare(r.tokens[first - 1].from, 2, U"\u0645\u0646") == 0 &&
         r.tokens[first - 1].to - r.tokens[first - 1].from == 2 && r.is(first - 2, kPartial);
}

// Step: the speaker a reporting verb names: "قالت مصادر المعارضة إن", "بحسب المرصد السوري".
void findSpeaker(const Reading& r, PlaceClaim& c) {
  const auto [from, to] = r.speakerSpan();
  if (to > from) {
    c.saidByFrom = from;
    c.saidByTo = to;
  }
}

}  // namespace

std::pair<uint32_t, uint32_t> claimWordCode(const WordLookup& forms) {
  const WordBits bits = readClaimWord(forms.word(), [&](size_t skip, bool alef) {
    const LexiconEntry* e = forms.form(skip, alef);
    return e ? WordBits{e->claim, e->claim2} : WordBits{};
  });
  return {bits.a, bits.b};
}

void forEachClaimWord(const std::function<void(const std::u32string&, uint32_t, uint32_t)>& f) {
  lexicon().words.forEachEntry([&](const std::u32string& w, const WordBits& b) { f(w, b.a, b.b); });
}

void findClaims(const std::u32string& text, const std::vector<Token>& tokens,
                const std::vector<SideMention>& sides, const std::vector<NameSpan>& names,
                ClaimContext& context, std::vector<PlaceClaim>& out) {
  out.assign(names.size(), PlaceClaim{});
  if (names.empty()) return;
  // Side words inside a place's name ("ضاحية الأسد") name no side.
  std::vector<SideMention> outside;
  outside.reserve(sides.size());
  for (const SideMention& s : sides) {
    bool inName = false;
    for (const NameSpan& n : names)
      if (s.token >= n.first && s.token <= n.last) inName = true;
    if (!inName) outside.push_back(s);
  }
  Reading r(text, tokens, outside, names);
  // A side's own word is no front or head: "جبهة فتح الشام" is a group.
  for (const SideMention& s : outside)
    for (size_t k = s.token; k <= s.last && k < r.bits.size(); ++k)
      r.bits[k] &= ~(kFight | kHead | kAttack);
  std::vector<bool> fromPredicate(names.size(), false);
  std::vector<bool> partialSeen(names.size(), false);
  std::vector<PlaceClaim> carry(names.size());  // the claim a list carries past each name
  // The list's claim before "أجزاء من" made one member contested: the next member with its own
  // head word ("وأجزاء من الهلك ومنطقة الإنذارات") or "بالكامل" is taken whole.
  std::vector<PlaceClaim> whole(names.size());
  for (size_t j = 0; j < names.size(); ++j) {
    const NameSpan& n = names[j];
    const size_t next = j + 1 < names.size() ? names[j + 1].first : tokens.size();
    PlaceClaim c;
    if (n.inDate) {
      if (j > 0)
        carry[j] = carry[j - 1], whole[j] = whole[j - 1], partialSeen[j] = partialSeen[j - 1],
        fromPredicate[j] = fromPredicate[j - 1];
      out[j] = c;
      continue;
    }
    if (referenceOnly(r, n)) {
      // ("أعاد الأمن إلى حي باب النيرب جنوب قلعة حلب وصولاً إلى حي جب القبة": the list goes on
      // past a reference point.)
      if (j > 0) {
        carry[j] = carry[j - 1];
        whole[j] = whole[j - 1];
        partialSeen[j] = partialSeen[j - 1];
        fromPredicate[j] = fromPredicate[j - 1];
      }
      out[j] = c;
      continue;
    }
    std::optional<PlaceClaim> special = liberatedAreasIn(r, n.first, context);
    if (!n.claimable) {
      // A city, region or countryside holds no claim itself: the map has no area for it, and
      // what a report says of "the eastern districts" it tells again of each district that
      // changed hands. It passes its predicate's claim on to a list after it ("أحياء خاضعة
      // لسيطرة المعارضة في مدينة حلب وهي: X، Y").
      if (auto p = governingPredicate(r, n.first)) {
        carry[j] = claimFromPredicate(r, *p, n.first, context);
        fromPredicate[j] = carry[j].kind != ClaimKind::None;
      } else if (j > 0 && fromPredicate[j - 1] && continuesList(r, names[j - 1], n, true)) {
        carry[j] = carry[j - 1];  // the list goes on past it
        fromPredicate[j] = true;
      }
      out[j] = PlaceClaim{};
      continue;
    }
    if (!special) special = leftControlOf(r, n.first, n.last);
    if (!special) special = handedOver(r, n.first, n.last);
    if (!special) special = lostTo(r, n.first, n.last);
    if (!special) special = fellPlace(r, n.first, n.last, context);
    if (!special) special = backToTheState(r, n.last);
    if (!special) special = lastPocketsIn(r, n.first, context);
    if (!special) special = exceptedFromTaking(r, n.first, context);
    if (!special) special = openedRoad(r, n);
    if (!special && (witnessesFighting(r, n.first, n.last) || atOutskirts(r, n.first) ||
                     namedAsFront(r, n.first, n.last)))
      special = PlaceClaim{ClaimKind::Contested, std::nullopt, Side::Contested, 0, 0};
    if (special) {
      c = *special;
      fromPredicate[j] = true;
    } else if (auto taking = takingBeforeCopulaList(r, n.first)) {
      c = claimFromPredicate(r, taking->first, taking->second, context);
      fromPredicate[j] = c.kind != ClaimKind::None;
    } else if (bool located = false; auto p = governingPredicate(r, n.first, &located)) {
      c = claimFromPredicate(r, *p, n.first, context);
      if (located) {
        carry[j] = c;
        fromPredicate[j] = c.kind != ClaimKind::None;
        out[j] = PlaceClaim{};
        continue;
      }
      fromPredicate[j] = c.kind != ClaimKind::None;
      for (size_t k = *p + 1; k < n.first; ++k)
        if (r.is(k, kPartial)) partialSeen[j] = true;
      whole[j] = partialSeen[j] ? claimFromPredicate(r, *p, n.first, context, true) : c;
      if (partialSeen[j] && r.has(n.last + 1, kFull)) c = whole[j], partialSeen[j] = false;
    } else if (j > 0 && fromPredicate[j - 1] && carry[j - 1].kind == ClaimKind::Contested &&
               [&] {  // "تتواصل المعارك في حي X وفي منطقة Y": the fighting is in both
                 static const std::u32string andIn = foldString("وفي");
                 const size_t k = names[j - 1].last + 1;
                 if (k >= n.first || tokenText(r.text, r.tokens[k]) != andIn) return false;
                 for (size_t m = k + 1; m < n.first; ++m)
                   if (!r.is(m, kHead)) return false;
                 return true;
               }()) {
      c = carry[j - 1];
      fromPredicate[j] = true;
    } else if (j > 0 && fromPredicate[j - 1] && !continuesList(r, names[j - 1], n) &&
               continuesList(r, names[j - 1], n, true)) {
      // Step: "على مشفى العيون في حي قاضي عسكر، ومحطة ضخ ...": the name after "في" is where
      // the member is; the list goes on after it.
      carry[j] = carry[j - 1];
      whole[j] = whole[j - 1];
      partialSeen[j] = partialSeen[j - 1];
      fromPredicate[j] = true;
    } else if (j > 0 && fromPredicate[j - 1] && continuesList(r, names[j - 1], n)) {
      whole[j] = whole[j - 1];
      c = whole[j].kind != ClaimKind::None ? whole[j] : carry[j - 1];
      // "أجزاء من الصاخور وجبل بدرو بالكامل ومساكن هنانو": a partial word reaches the bare
      // members after it, not one with its own head word or one taken "بالكامل".
      const bool ownHead = (r.is(n.first - 1, kHead) && !r.is(n.first - 1, kPartial | kGlue)) ||
                           (r.is(n.first, kHead) && !r.is(n.first, kPartial | kGlue));
      partialSeen[j] = partialSeen[j - 1] && !ownHead && !r.has(names[j - 1].last + 1, kFull);
      for (size_t k = names[j - 1].last + 1; k < n.first; ++k)
        if (r.is(k, kPartial)) partialSeen[j] = true;
      if (r.has(n.last + 1, kFull)) partialSeen[j] = false;
      bool frontBetween = false;  // "سيطر على X وعلى جبهة Y": Y is a front
      for (size_t k = names[j - 1].last + 1; k < n.first; ++k)
        frontBetween = frontBetween || r.has(k, kFrontLine);
      if ((partialSeen[j] || frontBetween) && c.kind == ClaimKind::Captured) {
        c.kind = ClaimKind::Contested;  // (the side that advanced stays the one that acted)
        c.holder = Side::Contested;
      }
      fromPredicate[j] = true;
    }
    // "سيطرت على عدد من المواقع في حي X، منها معهد الإعداد الرياضي": the places named after
    // "منها" are among the points taken, each taken whole.
    if (j > 0 && fromPredicate[j - 1] && whole[j - 1].kind == ClaimKind::Captured &&
        (c.kind == ClaimKind::None || c.kind == ClaimKind::Contested) && [&] {
          static const WordTable<bool> among = [] {
            WordTable<bool> t;
            for (const char* w : {"منها", "بينها", "أبرزها", "أهمها"}) t.add(foldString(w), true);
            return t;
          }();
          // (Right after the place the points are in: not "قبل أن ينسحبوا منها ويركزوا ...".)
          const size_t k = names[j - 1].last + 1;
          return k < n.first && k + 2 >= n.first &&
                 among.contains(withoutConjunction(tokenText(r.text, r.tokens[k])));
        }()) {
      c = whole[j - 1];
      whole[j] = whole[j - 1];
      fromPredicate[j] = true;
    }
    // A holding phrase after the name outranks a fight or a verb before it ("معارك في X الذي لا
    // يزال بيد الثوار": held), and reaches back over the list it ends.
    size_t listFirst = j;
    while (listFirst > 0 && continuesList(r, names[listFirst - 1], names[listFirst], true))
      --listFirst;
    // ("مشروع 3000 شقة في حلب ما زال تحت سيطرة ...": past a city or region after the name.)
    const size_t holdEnd = j + 1 < names.size() && !names[j + 1].claimable
                               ? (j + 2 < names.size() ? names[j + 2].first : tokens.size())
                               : next;
    if (auto held =
            holdingAfterName(r, n.first, n.last, holdEnd, context, names[listFirst].first)) {
      bool remain = false;  // "ما تبقى من أحياء ... بيد المعارضة": still held
      for (size_t k = n.first >= 4 ? n.first - 4 : 0; k < n.first; ++k)
        if (r.is(k, kRemain)) remain = true;
      if (held->kind == ClaimKind::Held && partOfPlace(r, n.first)) {
        held->kind = ClaimKind::Contested;
        held->actor.reset();
        held->holder = Side::Contested;
      }
      if (c.kind == ClaimKind::None || c.kind == ClaimKind::Contested || remain) {
        c = *held;
        for (size_t b = j; b > 0 && continuesList(r, names[b - 1], names[b], true); --b)
          if (out[b - 1].kind == ClaimKind::None) out[b - 1] = *held;
      }
    }
    if (c.kind == ClaimKind::Contested)
      if (auto tried = attemptAfterNames(r, n.last, c.actor)) c = *tried;
    if (c.kind == ClaimKind::None || c.kind == ClaimKind::Contested)
      if (auto tried = attemptOnItAfter(r, n.last)) c = *tried;
    if (c.kind == ClaimKind::None)
      if (auto held = outsideControlAfterName(r, n.last)) c = *held;
    // ("تابعت القوات تقدمها لتصل إلى X وY، باسطة عليهم سيطرتها": the taking outranks the advance.)
    if (c.kind == ClaimKind::None || c.kind == ClaimKind::Contested)
      if (auto later = laterVerbWithPronoun(r, n.last, context))
        if (c.kind == ClaimKind::None || later->kind == ClaimKind::Captured) c = *later;
    if (c.kind != ClaimKind::None || carry[j].kind == ClaimKind::None) carry[j] = c;
    out[j] = c;
  }
  // "الحي", "البلدة" after the names: the place last named.
  for (size_t a = 0; a < tokens.size(); ++a) {
    if (!r.has(a, kAnaphor) || r.nameAt[a] >= 0 || (a + 1 < tokens.size() && r.nameAt[a + 1] >= 0))
      continue;
    // (The last place that may hold a claim: "داخل حي الصاخور شرق حلب ... سيطرة الجيش على
    // الحي" is al-Sakhour, not the region after it.)
    // ("الحيين", "البلدتين": the last two.)
    static const std::u32string duals[] = {foldString("الحيين"), foldString("البلدتين"),
                                           foldString("القريتين")};
    const std::u32string_view word = withoutConjunction(tokenText(r.text, r.tokens[a]));
    const int wanted =
        std::find(std::begin(duals), std::end(duals), word) != std::end(duals) ? 2 : 1;
    // ("الحي" is a neighbourhood: "حي العامرية المطل على مستديرة الراموسة ... تطهير الحي".)
    static const std::u32string district = foldString("الحي");
    const bool wantsDistrict = word.starts_with(district);
    std::vector<size_t> meant;
    for (size_t k = names.size(); k-- > 0 && static_cast<int>(meant.size()) < wanted;)
      if (names[k].last < a && names[k].claimable && !referenceOnly(r, names[k]) &&
          (!wantsDistrict || names[k].district))
        meant.push_back(k);
    if (static_cast<int>(meant.size()) < wanted) continue;
    const auto c = anaphorClaim(r, a, context);
    if (!c) continue;
    for (size_t j : meant) {
      // ("اقتحمت الوحدات حي X وسيطرت على كامل الحي": the taking outranks the assault.)
      if (out[j].kind != ClaimKind::None && out[j].kind != ClaimKind::Contested) continue;
      // (A fight there, then "حيث تحاول قوات الأسد التقدم في المخيم": an assault that failed.)
      // (Only aimed at, "الهادفة إلى تطهير الحي", it leaves the fighting told before it.)
      if (out[j].kind == ClaimKind::None || c->kind == ClaimKind::Captured ||
          (c->kind == ClaimKind::Failed && !c->aim))
        out[j] = *c;
    }
  }
  enteredAfterWithdrawal(r, out);
  bool agentSet = false;
  for (size_t j = 0; j < names.size(); ++j) {
    PlaceClaim& c = out[j];
    if (c.kind == ClaimKind::None) continue;
    findSpeaker(r, c);
    if (c.actor && c.kind != ClaimKind::Contested) context.lastAgent = c.actor, agentSet = true;
  }
  // "وشنت الفصائل هجوماً على X" with no taking told: the side that acts in it is still the one
  // a later "وتمكنت من السيطرة على ..." continues.
  if (!agentSet)
    for (const SideMention& s : r.sides) {
      if (s.object || s.byMarker) continue;
      if (auto side = sideOf(s.side)) {
        bool acts = false;
        for (size_t k = s.token; k < r.tokens.size() && k <= s.last + 4; ++k)
          if (r.is(k, kCapture | kAttack | kFight)) acts = true;
        for (size_t k = s.token >= 3 ? s.token - 3 : 0; k < s.token; ++k)
          if (r.is(k, kCapture | kAttack | kFight)) acts = true;
        if (acts) context.lastAgent = side;
        break;
      }
    }
}

}  // namespace atlas
