#include "core/side_words.h"

#include <algorithm>
#include <map>

#include "core/arabic_fold.h"
#include "core/lexicon.h"
#include "core/word_table.h"

namespace atlas {

namespace {

// What a word means next to a side's name.
enum WordRole : uint8_t {
  kNone = 0,
  kSide = 1,    // names a side by itself ("النظام", "الثوار")
  kFiller = 2,  // stands between a marker and the side's name ("قوات", "عناصر")
  kObject = 4,  // what follows is acted upon ("من", "على", "مقتل")
  kBy = 8,      // what follows acts or holds ("قبل" of "من قبل", "بيد", "سيطرة")
};

struct SideEntry {
  uint8_t role = kNone;
  SideWord side = SideWord::Government;
};

// An entry as a number (Token::side): 0 for none.
uint16_t encode(const SideEntry& e) {
  return static_cast<uint16_t>(0x8000u | e.role | static_cast<unsigned>(e.side) << 8);
}
SideEntry decode(uint16_t code) {
  if (!code) return {};
  return {static_cast<uint8_t>(code & 0xFF), static_cast<SideWord>((code >> 8) & 0x7F)};
}

// How the list reads a word: itself, else without و/ف, else "لل" as "ال" ("للفصائل",
// "للميليشيات": ل before the article, which drops its alif), else without ب/ل; the first form
// in the list. `entry(skip, alef)` gives the code of the form ("ا" if alef) + word[skip:].
template <typename Entry>
uint16_t readSideWord(std::u32string_view w, Entry entry) {
  if (const uint16_t e = entry(0, false)) return e;
  size_t skip = 0;
  if (w.size() > 3 && (w[0] == U'\u0648' || w[0] == U'\u0641')) {
    skip = 1;
    if (const uint16_t e = entry(1, false)) return e;
  }
  const std::u32string_view rest = w.substr(skip);
  if (rest.size() > 4 && rest[0] == U'\u0644' && rest[1] == U'\u0644')
    if (const uint16_t e = entry(skip + 1, true)) return e;
  if (rest.size() > 3 && (rest[0] == U'\u0628' || rest[0] == U'\u0644'))
    if (const uint16_t e = entry(skip + 1, false)) return e;
  return 0;
}

struct SideLexicon {
  WordTable<SideEntry> words;
  WordTable<bool> numberWords;  // counts: "عشرات", "سبعة", "25" is checked apart
  WordTable<bool> fighters;  // "المقاتلين": whose they are may follow ("المقاتلين الأكراد")
  WordTable<bool> holding;  // "تحت", "الخاضعة": "تحت سيطرة X" is X's hand
  std::u32string control = foldString("سيطرة"), assad = foldString("الأسد"),
                 regime = foldString("النظام");
  std::u32string jaish = foldString("جيش"), theArmy = foldString("الجيش"),
                 free = foldString("الحر"), syrian = foldString("السوري"),
                 syrianF = foldString("السورية"), forces = foldString("القوات"),
                 armed = foldString("المسلحة"), min = foldString("من"), qabl = foldString("قبل"),
                 ala = foldString("على"), fi = foldString("في"), yad = foldString("يد"),
                 allah = foldString("الله"), hizb = foldString("حزب"), guard = foldString("الحرس"),
                 front = foldString("جبهة"), protection = foldString("حماية"),
                 people = foldString("الشعب"), resistance = foldString("المقاومة"),
                 ourForces = foldString("قواتنا");
  std::vector<std::u32string> frontGroups, subjectVerbs;

  SideLexicon() {
    std::map<std::u32string, SideEntry> m;
    auto side = [&](SideWord s, std::initializer_list<const char*> ws) {
      for (const char* w : ws) {
        SideEntry& e = m[foldString(w)];
        e.role |= kSide;
        e.side = s;
      }
    };
    auto role = [&](WordRole r, std::initializer_list<const char*> ws) {
      for (const char* w : ws) m[foldString(w)].role |= r;
    };
    side(SideWord::Government,
         {"النظام", "نظام", "الأسد", "الحكومية", "الحكومي", "الحكومة", "الموالية", "الموالي",
          "الموالين", "الميليشيات", "ميليشيات", "ميليشيا", "الميليشيا", "الميلشيات", "ميلشيات",
          "مليشيات", "المليشيات", "الشبيحة", "شبيحة", "النجباء", "الإيرانية", "الإيراني", "إيرانية",
          "قواته", "فاطميون", "زينبيون", "المرتزقة", "النمر", "الجيش", "جيشه", "حزب", "الحرس",
          "الأفغانية", "الأفغان", "الشيعية", "العراقية", "المقاومة", "الرديفة", "الحليفة",
          "النظامية", "قواتنا", "القوات", "النظامي",
          // Allied militias by name: Hezbollah's Radwan force, the Afghan and Pakistani brigades,
          // Iraqi groups, Liwa al-Baqir.
          "الرضوان", "الفاطميون", "الفاطميين", "فاطميين", "الزينبيون", "الزينبيين", "زينبيين",
          "الحشد", "عصائب", "الإيرانيين", "العراقيين", "الباقر"});
    side(SideWord::Opposition,
         {"الثوار", "ثوار", "الثائرين", "المعارضة", "معارضة", "المعارضين", "المعارض", "الفصائل",
          "فصائل", "الفصيل", "المسلحين", "المسلحون", "مسلحين", "مسلحون", "إرهابي", "مسلحو", "مسلحي",
          "المسلحة", "الإرهابيين", "الإرهابيون", "إرهابيين", "الإرهابية", "الإرهابي", "إرهابية",
          "التكفيرية", "التكفيريين", "النصرة", "الزنكي", "زنكي", "أحرار", "فيلق", "الشامية",
          "فاستقم", "الفتح", "المجاهدين", "الجهاديين", "الجهادية", "جيش", "جبهة", "المقاتلين",
          "المقاتلون",
          // The assault fighters ("مجموعات الانغماسيين").
          "الانغماسيين", "الانغماسيون", "انغماسيين"});
    side(SideWord::Kurdish, {"الكردية", "الكردي", "الأكراد", "الكرد", "كردية", "الأسايش", "قسد",
                             "الديمقراطية", "الديموقراطية", "حماية"});
    side(SideWord::Russia, {"الروسي", "الروسية", "روسية", "روسي", "الروس", "روسيا", "موسكو"});
    side(SideWord::Government, {"السوري", "السورية"});  // only after an army or aircraft word
    side(SideWord::Civilians, {"مدنيين", "المدنيين", "مدنيا", "مدني", "المدني", "أطفال", "الأطفال",
                               "طفلا", "المواطنين", "مواطنين", "الأهالي", "أهالي", "السكان"});
    role(kFiller,
         {"أعداد",     "عدد",     "العشرات",   "عشرات",   "مئات",      "المئات",    "آلاف",
          "كبيرة",     "كبير",    "فلول",      "قوات",    "القوات",    "عناصر",     "مقاتلي",
          "مقاتلو",    "وحدات",   "الوحدات",   "مجموعات", "المجموعات", "التنظيمات", "الطيران",
          "طيران",     "كتائب",   "مسلحي",     "جنود",    "الجيش",     "جيش",       "العربي",
          "السوري",    "صفوف",    "الجوية",    "الحربي",  "الحربية",   "طائرات",    "الطائرات",
          "المقاتلات", "مروحيات", "المروحيات", "سلاح",    "مقاتلين",   "ثلاثة",     "أربعة",
          "خمسة",      "ستة",     "سبعة",      "ثمانية",  "تسعة",      "عشرة",      "عشرين",
          "ثلاثين",    "أربعين",  "خمسين",     "حوالي",   "قرابة",     "أكثر",      "عنصرا",
          "عنصر",      "جنديا",   "مقاتلا",    "وحدة",    "مجموعة",    "كتيبة",     "فرقة",
          "تشكيلات"});
    role(kObject,
         {"من",    "ضد",   "على", "مع",   "أمام",  "مواقع", "معاقل",   "تجمعات", "تحصينات", "مقرات",
          "نقاط",  "مقتل", "قتل", "قتلى", "إصابة", "أسر",   "استهداف", "استهدف", "استهدفت", "قصف",
          "لصالح", "بين",  "طرد", "بطرد", "لطرد",  "طردت",  "إخراج",   "لإخراج", "بإخراج"});
    role(kBy, {"قبل", "بيد", "بأيدي", "يد", "أيدي", "سيطرة", "لسيطرة", "سيطرته", "لسيطرته", "نفوذ",
               "لنفوذ", "قبضة"});
    words.addAll(m);
    for (const char* w :
         {"أعداد", "عدد",    "العشرات", "عشرات", "مئات",   "المئات", "آلاف", "ثلاثة",
          "أربعة", "خمسة",   "ستة",     "سبعة",  "ثمانية", "تسعة",   "عشرة", "عشرين",
          "عشرون", "ثلاثين", "أربعين",  "خمسين", "حوالي",  "قرابة",  "نحو"})
      numberWords.add(foldString(w), true);
    for (const char* w : {"المقاتلين", "المقاتلون"}) fighters.add(foldString(w), true);
    for (const char* w : {"تحت", "الخاضعة", "الخاضع", "خاضعة", "خاضع", "ضمن", "مناطق", "منطقة"})
      holding.add(foldString(w), true);
    for (const char* w : {"فتح", "النصرة", "أنصار", "الشامية", "ثوار"})
      frontGroups.push_back(foldString(w));
    for (const char* w :
         {"استهدف", "استهدفت", "قصف", "أسر", "أسرت", "قتل", "قتلت", "استهدفوا", "طرد", "طردت"})
      subjectVerbs.push_back(foldString(w));
  }

  static bool in(const std::vector<std::u32string>& list, std::u32string_view w) {
    for (const auto& x : list)
      if (x == w) return true;
    return false;
  }

  // The word's entry, itself or without its proclitics (see readSideWord).
  SideEntry lookup(std::u32string_view w) const {
    std::array<char32_t, 32> buffer;
    std::u32string spare;
    return decode(readSideWord(w, [&](size_t skip, bool alef) -> uint16_t {
      const SideEntry* e = words.find(spellForm(w, skip, alef, buffer, spare));
      return e ? encode(*e) : 0;
    }));
  }
};

const SideLexicon& lexicon() {
  static const SideLexicon l;
  return l;
}

// The entry of a whole token: found by classifyTokens, else looked up now.
SideEntry entryOf(const std::u32string& text, const Token& t) {
  return t.lexical != kLexicalUnknown ? decode(t.side) : lexicon().lookup(tokenText(text, t));
}

std::u32string_view word(const std::u32string& text, const std::vector<Token>& tokens, size_t i) {
  return i < tokens.size() ? withoutConjunction(tokenText(text, tokens[i])) : std::u32string_view{};
}

// Whether token i starts its clause: the sentence's first word, or the first after "،" "؛" ":".
bool startsClause(const std::u32string& text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  for (uint32_t k = tokens[i - 1].to; k < tokens[i].from; ++k)
    if (text[k] == U'\u060C' || text[k] == U'\u061B' || text[k] == U':' || text[k] == U'.')
      return true;
  // "بينما استهدف الثوار", "فيما قصفت الفصائل", "حيث استهدف": a clause opens after these too.
  static const WordTable<bool> openers = [] {
    WordTable<bool> t;
    for (const char* w : {"بينما", "فيما", "حيث", "وقد", "فقد", "ثم"}) t.add(foldString(w), true);
    return t;
  }();
  return openers.contains(tokenText(text, tokens[i - 1]));
}

// Words whose side depends on their neighbours. Returns false when the word names no side here.
bool sideInContext(const SideLexicon& L, const std::u32string& text,
                   const std::vector<Token>& tokens, size_t i, SideWord& side) {
  const std::u32string_view w = word(text, tokens, i);
  const std::u32string_view next = word(text, tokens, i + 1);
  if (w == L.theArmy || w == L.jaish) {
    // "الجيش الحر", "الجيش السوري الحر": the opposition; "جيش الفتح", "جيش الإسلام": an
    // opposition group; "الجيش" otherwise the state's army.
    if (next == L.free || (next == L.syrian && word(text, tokens, i + 2) == L.free)) {
      side = SideWord::Opposition;
      return true;
    }
    if (w == L.jaish) {
      // "جيش الرئيس بشار الأسد", "جيش النظام السوري": the state's army.
      // (Not past a preposition or another side: "جيش الفتح على ضاحية الأسد".)
      for (size_t k = i + 1; k < tokens.size() && k <= i + 4; ++k) {
        const std::u32string_view x = word(text, tokens, k);
        if (x == L.assad || x == L.regime) {
          side = SideWord::Government;
          return true;
        }
        const bool sideWord = tokens[k].lexical != kLexicalUnknown
                                  ? tokens[k].side != 0
                                  : lexicon().lookup(x).role != kNone;
        if (x == L.ala || x == L.fi || x == L.min || sideWord) break;
      }
      side = SideWord::Opposition;
      return !next.empty() && lexicon().lookup(next).role == kNone;
    }
    side = SideWord::Government;
    return true;
  }
  if (w == L.free) return false;  // taken with "الجيش" above
  // "السوري" / "السورية" name the state's side only after its army or aircraft ("الطائرات
  // الروسية والسورية"), not in "المعارضة السورية".
  if (w == L.syrian || w == L.syrianF) {
    if (i == 0) return false;
    const std::u32string_view prev = word(text, tokens, i - 1);
    const SideEntry p = entryOf(text, tokens[i - 1]);
    side = SideWord::Government;
    return prev != L.theArmy &&
           ((p.role & kFiller) || (p.role & kSide && p.side == SideWord::Russia));
  }
  if (w == L.hizb) {
    side = SideWord::Government;
    return next == L.allah;
  }
  if (w == L.guard) return (side = SideWord::Government, true);
  // "جبهة فتح الشام", "جبهة النصرة": an opposition group, not a front.
  if (w == L.front) {
    side = SideWord::Opposition;
    return i + 1 < tokens.size() && SideLexicon::in(L.frontGroups, tokenText(text, tokens[i + 1]));
  }
  // "وحدات حماية الشعب": the Kurdish YPG.
  if (w == L.protection) {
    side = SideWord::Kurdish;
    return next == L.people;
  }
  // "المقاومة" is the allied militias in Iranian and Hezbollah outlets; "المقاومة السورية" the
  // opposition.
  if (w == L.resistance) {
    side = next == L.syrianF ? SideWord::Opposition : SideWord::Government;
    return true;
  }
  // "القوات" alone ("أن القوات سيطرت على الحي") is the state's; "القوات الكردية" is named by
  // the word after it.
  if (w == L.forces) {
    side = SideWord::Government;
    return !(L.lookup(next).role & (kSide | kFiller));
  }
  // "القوات المسلحة" is the state's; "الفصائل المسلحة" the opposition's.
  if (w == L.armed && i > 0 &&
      (word(text, tokens, i - 1) == L.forces || word(text, tokens, i - 1) == L.ourForces)) {
    side = SideWord::Government;
    return true;
  }
  return true;
}

}  // namespace

uint16_t sideWordCode(const WordLookup& forms) {
  return readSideWord(forms.word(), [&](size_t skip, bool alef) -> uint16_t {
    const LexiconEntry* e = forms.form(skip, alef);
    return e ? e->side : 0;
  });
}

void forEachSideWord(const std::function<void(const std::u32string&, uint16_t)>& f) {
  lexicon().words.forEachEntry(
      [&](const std::u32string& w, const SideEntry& e) { f(w, encode(e)); });
}

// "الأخير", "والأخيرة", "للأخير": six to nine letters ending in ر or ه (folded ة); a cheap
// test before the word is looked up.
bool mayBeLatter(const std::u32string& text, const Token& t) {
  const uint32_t length = t.to - t.from;
  if (length < 6 || length > 9) return false;
  const uint32_t end = text[t.to - 1] == U'\u0647' ? t.to - 1 : t.to;  // "...خيره" / "...خير"
  return text[end - 1] == U'\u0631' && text[end - 2] == U'\u064A' && text[end - 3] == U'\u062E';
}

void findSideMentions(const std::u32string& text, const std::vector<Token>& tokens,
                      std::vector<SideMention>& out) {
  const SideLexicon& L = lexicon();
  out.clear();
  // "في محاولة من الأخيرة اقتحام الحي", "في محاولة للأخير التقدم": "the latter" is the side
  // named last (only after "من", "قبل" or an attempt, or glued to "لل": elsewhere "الأخيرة" is
  // mostly "the last" of something, "الأيام الأخيرة").
  static const WordTable<int> latter = [] {
    WordTable<int> t;
    for (const char* w : {"للأخير", "للأخيرة"}) t.add(foldString(w), 2);
    for (const char* w : {"الأخير", "الأخيرة"}) t.add(foldString(w), 1);
    for (const char* w : {"من", "قبل", "محاولة", "محاولات"}) t.add(foldString(w), 3);
    return t;
  }();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const SideEntry e = entryOf(text, tokens[i]);
    SideWord side;
    if (e.role & kSide) {
      side = e.side;
      if (!sideInContext(L, text, tokens, i, side)) continue;
    } else if (const int* kind = !out.empty() && mayBeLatter(text, tokens[i])
                                     ? latter.find(word(text, tokens, i))
                                     : nullptr;  // (cheap test first: nearly no word is it)
               kind && *kind != 3 && (*kind == 2 || (i > 0 && [&] {
                 const int* b = latter.find(word(text, tokens, i - 1));
                 return b && *b == 3;
               }()))) {
      side = out.back().side;
    } else {
      continue;
    }
    // One naming per phrase: "الجيش العربي السوري", "قوات النظام السوري" name one side once.
    if (!out.empty() && out.back().last + 1 == i && out.back().side == side) {
      out.back().last = i;
      continue;
    }
    // "المقاتلين الأكراد": the word after the fighters says whose they are (alone, in wire copy,
    // "المقاتلين" are the rebels).
    if (!out.empty() && out.back().last + 1 == i && out.back().token == out.back().last &&
        L.fighters.contains(withoutConjunction(tokenText(text, tokens[out.back().token])))) {
      out.back().side = side;
      out.back().last = i;
      continue;
    }
    // "ميليشيا وحدات الحماية الكردية", "ميليشيات جيش الفتح": "militia" is one side's word for
    // another's force; the name after it says whose.
    static const WordTable<bool> militia = [] {
      WordTable<bool> t;
      for (const char* w : {"ميليشيا", "الميليشيا", "ميليشيات", "الميليشيات", "مليشيا", "مليشيات",
                            "المليشيات", "الميلشيات"})
        t.add(foldString(w), true);
      return t;
    }();
    if (!out.empty() && out.back().last + 3 >= i && out.back().token == out.back().last &&
        side != SideWord::Government && side != SideWord::Russia &&
        militia.contains(withoutConjunction(tokenText(text, tokens[out.back().token])))) {
      out.back().side = side;
      out.back().last = i;
      continue;
    }
    SideMention m{i, i, side, false, false};
    // The role from the words before the phrase: skip up to seven fillers ("قوات", "عناصر",
    // "أكثر من 30 عنصراً من").
    size_t b = i, skipped = 0;
    bool counted = false;  // a number stood before the side's name
    while (b > 0 && skipped < 7) {
      --b;
      const SideEntry before = entryOf(text, tokens[b]);
      const std::u32string_view bw = word(text, tokens, b);
      // "بعد سيطرة الجيش على X": the taking's agent, not a holder's hand ("تحت سيطرة الجيش").
      if ((bw == L.control || (bw.size() > 1 && bw[0] == U'\u0628' && bw.substr(1) == L.control)) &&
          !(b > 0 && L.holding.contains(word(text, tokens, b - 1))) && [&] {
            for (size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k)
              if (word(text, tokens, k) == L.ala) return true;
            return false;
          }())
        break;
      // "انتزاع الكليات من أيدي المعارضة": taken from them, the side lost it.
      if ((before.role & kBy) && bw != L.qabl && b > 0 && word(text, tokens, b - 1) == L.min) {
        m.object = true;
        break;
      }
      if (bw == L.qabl || before.role & kBy) {
        m.byMarker = true;
        m.passiveAgent =
            bw == L.qabl || (b > 0 && word(text, tokens, b - 1) == L.ala && bw == L.yad);
        break;
      }
      // "على يد", "في يد": the hand's owner.
      if ((bw == L.ala || bw == L.fi) && word(text, tokens, b + 1) == L.yad) {
        m.byMarker = true;
        m.passiveAgent = bw == L.ala;
        break;
      }
      // "استهدف الثوار ...", "قصفت الفصائل ...": a verb opening its clause has the side as its
      // subject, not its object.
      // (Unless a count stands between: "قتل 20 عنصراً من قوات النظام" are the dead.)
      if (SideLexicon::in(L.subjectVerbs, bw) && startsClause(text, tokens, b)) {
        m.object = counted;
        break;
      }
      // "وحدات من الجيش", "عناصر من الفصائل": a part of the side, not acted upon.
      if (bw == L.min && b > 0 && (entryOf(text, tokens[b - 1]).role & kFiller)) {
        ++skipped;
        continue;
      }
      if (before.role & kObject) {
        m.object = true;
        break;
      }
      // A count ("مقتل 25 عنصراً من ..."): part of the phrase.
      const bool digits = !bw.empty() && std::all_of(bw.begin(), bw.end(), [](char32_t c) {
        return c >= U'0' && c <= U'9';
      });
      if (!(before.role & kFiller) && !digits) break;
      counted = counted || digits || L.numberWords.contains(bw);
      ++skipped;
    }
    // "من عناصر الأسد والميليشيات": a conjoined phrase shares the role.
    // (Only a phrase that opens with "و" in the same clause: "، سيطر الجيش" is a new subject.)
    const size_t start = i >= skipped ? i - skipped : 0;
    if (!m.object && !m.byMarker && !out.empty() && out.back().object && out.back().last + 3 >= i &&
        text[tokens[start].from] == U'\u0648' && !startsClause(text, tokens, start))
      m.object = true;
    out.push_back(m);
  }
}

}  // namespace atlas
