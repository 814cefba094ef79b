#include "core/events.h"

#include <algorithm>
#include <map>

#include "core/arabic_fold.h"
#include "core/arabic_numbers.h"
#include "core/lexicon.h"
#include "core/word_table.h"

namespace atlas {

const char* eventTypeName(EventType t) {
  switch (t) {
    case EventType::Clashes:
      return "clashes";
    case EventType::TerritoryTaken:
      return "territory_taken";
    case EventType::AttackRepelled:
      return "attack_repelled";
    case EventType::AirStrike:
      return "air_strike";
    case EventType::Shelling:
      return "shelling";
    case EventType::Casualties:
      return "casualties";
    case EventType::Other:
      break;
  }
  return "other";
}

const char* acledEventType(EventType t) {
  switch (t) {
    case EventType::Clashes:
    case EventType::AttackRepelled:
    case EventType::TerritoryTaken:
      return "Battles";
    case EventType::AirStrike:
    case EventType::Shelling:
      return "Explosions/Remote violence";
    case EventType::Casualties:
      return "Violence against civilians";
    case EventType::Other:
      break;
  }
  return "Strategic developments";
}

const char* acledSubEventType(EventType t, uint32_t actors) {
  switch (t) {
    case EventType::Clashes:
    case EventType::AttackRepelled:
      return "Armed clash";
    case EventType::TerritoryTaken:
      return actors & kGovernment ? "Government regains territory"
                                  : "Non-state actor overtakes territory";
    case EventType::AirStrike:
      return "Air/drone strike";
    case EventType::Shelling:
      return "Shelling/artillery/missile attack";
    case EventType::Casualties:
      return "Attack";
    case EventType::Other:
      break;
  }
  return "Other";
}

std::string actorNames(uint32_t actors) {
  std::string out;
  const std::pair<Actor, const char*> names[] = {{kGovernment, "government"},
                                                 {kOpposition, "opposition"},
                                                 {kRussianAirForce, "russia"},
                                                 {kKurdish, "kurdish"},
                                                 {kCivilians, "civilians"}};
  for (const auto& [bit, name] : names)
    if (actors & bit) {
      if (!out.empty()) out += '|';
      out += name;
    }
  return out;
}

const char* actorLongName(Actor a) {
  switch (a) {
    case kGovernment:
      return "Military Forces of Syria (2000-) and allied militias";
    case kOpposition:
      return "Syrian armed opposition";
    case kRussianAirForce:
      return "Military Forces of Russia (2000-) Air Force";
    case kKurdish:
      return "YPG/SDF: Kurdish-led forces";
    case kCivilians:
      return "Civilians (Syria)";
  }
  return "";
}

namespace {

// What one word says when analyseSentence meets it (a word may be on several lists: "قتلى" is
// an event and a killing word).
struct TriggerWord {
  std::optional<EventType> event;
  std::optional<Actor> actor;
  bool front = false;  // "جبهة", "محور", ...
  bool kill = false;   // "قتل", "سقوط", ...
  bool strategic = false;  // "تحاصر", "هدنة", "اعتقلت": a strategic development by its subject
  bool rebelWeapon = false;  // "جهنم", "الفيل": a weapon only the opposition fires
  // "استهدفت", "الضربات": an air strike when aircraft are named beside it, else nothing said
  // (a bare "استهدف" is read as shelling, clashes or nothing alike).
  bool airOnly = false;
  // "عربة مفخخة", "عملية انتحارية", "الانغماسيين": a car bomb or a storming party, the opening of
  // an assault (readers call what it hits fighting, not shelling).
  bool carBomb = false;
};

struct Lexicon {
  // The words that make analyseSentence note something about a token: events, actors, front and
  // killing words, and "خطوط" (of "خطوط التماس"). The other lists are only read around those, so
  // common words in them ("من", "على") are left out: a word not in this table (nearly all) is
  // passed over at once, and a word in it costs one look-up per form for all four lists.
  WordTable<TriggerWord> triggers;
  WordTable<bool> air, battles;  // aircraft words; a battle's nouns
  WordTable<bool> syrianAdjective;
  WordTable<bool> stationed;  // "المتمركزة", "المتواجدة": a side stationed in a place  // "سورية":
                              // the government's air force after an aircraft word
  WordTable<bool> areaWords;  // "مناطق", "منطقة": "مناطق الاشتباك" names areas
  WordTable<bool> byFire;     // "النارية", "ناريا": control by fire
  WordTable<bool> groundFire;  // "مدفعي", "الهاون": fire from the ground, not from the air
  WordTable<bool> helicopters;  // helicopters and barrel bombs: the government's, never Russia's
  WordTable<bool> operations, military;  // "عمليات" + "العسكرية": a military operation
  std::vector<std::u32string> russian, relative, partial, facility, casualtyNouns, objectMarkers,
      directions, heads, attempts, adjacent, adjacentLinks, fromSides, similar, movers, journeys;
  WordTable<bool> reports, that;  // speakers' verbs, and the "أن" that ends what they name
  std::u32string min = foldString("من"), lines = foldString("خطوط"), contact = foldString("التماس"),
                 war = foldString("حرب"), streets = foldString("شوارع"),
                 intelligence = foldString("المخابرات"), between = foldString("بين"),
                 with = foldString("مع"), fi = foldString("في"), launch = foldString("انطلاقا"),
                 to = foldString("إلى"), toward = foldString("نحو"), towards = foldString("باتجاه");

  Lexicon() {
    // Built in a map first: a word met again keeps its first event type and actor.
    std::map<std::u32string, TriggerWord> words;
    auto add = [&](EventType t, std::initializer_list<const char*> ws) {
      for (const char* w : ws) {
        TriggerWord& word = words[foldString(w)];
        if (!word.event) word.event = t;
      }
    };
    add(EventType::TerritoryTaken, {"استعاد", "استعادوا", "استعادت", "استعادة", "يستعيد", "تستعيد",
                                    "استرجع", "استرجاع", "استرداد"});
    add(EventType::TerritoryTaken,
        {"سيطرتها", "سيطرته", "سيطرتهم", "سيطر", "سيطرت", "سيطروا", "سيطرة", "السيطرة", "لسيطرة",
         "تسيطر", "يسيطر", "يسيطرون", "تأمين", "تأمينها", "انتزاع", "انتزعت", "بسط"});
    add(EventType::AttackRepelled,
        {"صد", "لصد", "بصد", "صدت", "صدوا", "يصدون", "يصد", "تصد", "صددنا", "تصدى", "تصدي", "تصدت",
         "أحبط", "أحبطت", "إحباط", "إفشال"});
    add(EventType::AirStrike,
        {"غارة",      "غارات",    "الغارات",  "غاراتها",   "الطيران",    "طائرات",    "الطائرات",
         "المقاتلات", "طائراته",  "مروحية",   "المروحية",  "مروحيات",    "المروحيات", "طائراتها",
         "طائراتنا",  "براميل",   "برميل",    "برميلين",   "برميلا",     "البراميل",  "عنقودية",
         "العنقودية", "الجو",     "فراغية",   "الفراغية",  "الارتجاجية", "ارتجاجية",  "العنقودية",
         "عنقودية",   "النابالم", "الفوسفور", "الفوسفورية"});
    add(EventType::Shelling,
        {"قصف",      "القصف",    "قذائف",     "صواريخ",    "بصواريخ",  "بصاروخ",  "صاروخ",
         "مدفعي",    "المدفعي",  "المدفعية",  "قذيفة",     "قصفت",     "قصفوا",   "يقصف",
         "تقصف",     "دكت",      "دك",        "مدفعية",    "مدفع",     "القذائف", "ضربات",
         "راجمات",   "هاون",     "الهاون",    "بالمدفعية", "بالقذائف", "بقذائف",  "بالدبابات",
         "قصفا",     "لقصف",     "قصفه",      "قصفها",     "قصفهم",    "بقصف",    "قصفته",
         "قصفتها",   "الصواريخ", "بالصواريخ", "الصاروخية", "صاروخية",  "رمايات",  "رماية",
         "الرمايات", "برمايات",  "الرماية"});
    add(EventType::Clashes,
        {"تقدم",    "تقدمت",  "تقدموا",   "التقدم", "يتقدم",      "تتقدم",  "تقدمه",
         "تقدمها",  "تقدمهم", "اشتباكات", "اشتباك", "الاشتباكات", "معارك",  "معركة",
         "مواجهات", "هجوم",   "هجوما",    "هجمات",  "الهجوم",     "اقتحمت", "اقتحام",
         "اشتبكت",  "اشتبك",  "اشتبكوا",  "قطع",    "قطعت",       "بقطع",   "قطعوا",
         "لقطع",    "تسلل",   "تسللت",    "التسلل", "توغلت",      "توغل"});
    add(EventType::Casualties,
        {"قتل",    "قتلوا",  "مقتل",  "قتلى",  "شهداء",   "شهيد",    "جرحى", "إصابة",
         "إصابات", "ضحايا",  "قتيلا", "قتيل",  "استشهد",  "استشهدت", "قناص", "جثث",
         "أعدم",   "أعدموا", "أعدمت", "إعدام", "شهيدان",  "ارتقى",   "أصيب", "أصيبوا",
         "قضى",    "جرح",    "مجزرة", "مجازر", "المجزرة", "ضحيتها"});
    for (const char* w : {"تحاصر", "يحاصر", "حصار", "الحصار", "طوقا", "طوق", "ممرا", "ممر", "هدنة",
                          "الهدنة", "مفاوضات", "اعتقلت", "اعتقل", "اعتقال", "سلمت"})
      words[foldString(w)].strategic = true;
    auto actor = [&](Actor a, std::initializer_list<const char*> ws) {
      for (const char* w : ws) {
        TriggerWord& word = words[foldString(w)];
        if (!word.actor) word.actor = a;
      }
    };
    actor(kGovernment, {"الأسد", "النظام", "الحكومية", "الجيش", "الميليشيات", "ميليشيات", "الشبيحة",
                        "شبيحة", "النجباء", "الموالية", "قواته", "الإيرانية"});
    actor(kOpposition, {"الثوار", "ثوار", "المعارضة", "الفصائل", "فصائل", "المعارضين", "المسلحة",
                        "فيلق", "الزنكي", "زنكي", "مقاتلي"});
    actor(kKurdish, {"الكردية", "الكردي", "الأكراد"});
    actor(kCivilians, {"مدنيين", "المدنيين", "مدنيا", "مدني", "أطفال", "الأطفال", "طفلا"});
    actor(kRussianAirForce, {"الروسي", "الروسية", "روسية", "روسي", "الروس"});
    for (const char* w :
         {"الطيران",  "طائرات",    "الطائرات", "المقاتلات", "جوي",      "جوية",      "الجوية",
          "الجوي",    "جويا",      "غارات",    "الغارات",   "الحربية",  "المروحية",  "المروحيات",
          "مروحيات",  "الجو",      "طائراتها", "المروحي",   "طيران",    "وطيران",    "الطائرة",
          "طائرة",    "الحربي",    "الحوامات", "حوامات",    "والطيران", "والطائرات", "براميل",
          "البراميل", "بالبراميل", "برميل",    "ببراميل",   "فراغية",   "الفراغية",  "الارتجاجية",
          "ارتجاجية", "العنقودية", "عنقودية"})
      air.add(foldString(w), true);
    for (const char* w : {"الروسي", "الروسية", "روسي", "روسية"}) russian.push_back(foldString(w));
    for (const char* w : {"السورية", "سورية", "السوري", "سوري"})
      syrianAdjective.add(foldString(w), true);
    for (const char* w :
         {"المتمركزة", "المتمركزين", "المتمركز", "المتمركزون", "المتواجدة", "المتواجدين",
          "الموجودة", "الموجودين", "المنتشرة", "المنتشرين", "المرابطة", "المرابطين"})
      stationed.add(foldString(w), true);
    for (const char* w : {"جهة", "محور", "ناحية", "محاور", "جهتي", "محوري"})
      fromSides.push_back(foldString(w));
    for (const char* w : {"تقدمت", "تقدم", "تقدموا", "تقدمه", "تقدمها", "تقدمهم", "تسللت", "تسللوا",
                          "متسللة", "متسللين", "القادمة", "القادمين", "قادمة", "قادمين", "زحفت",
                          "انطلقت", "انطلق", "انطلقوا"})
      movers.push_back(foldString(w));
    // People or vehicles going somewhere: flight, evacuation, transfer.
    for (const char* w :
         {"فروا",    "فر",       "فرت",      "هربوا", "هرب",      "هربت",     "هربا",
          "فرار",    "هروب",     "نزحوا",    "نزح",   "نزحت",     "نزوح",     "فارين",
          "الفارين", "الهاربين", "نقل",      "نقلهم", "نقلت",     "نقلوا",    "تتوافد",
          "توافد",   "يتوافدون", "توافدوا",  "إجلاء", "إخلاء",    "ستتوجه",   "تتوجه",
          "توجهت",   "يتوجه",    "المهجرين", "تهجير", "الانسحاب", "انسحابهم", "انسحابها"})
      journeys.push_back(foldString(w));
    for (const char* w :
         {"اشتباكات", "اشتباك", "الاشتباكات", "معارك", "معركة", "مواجهات", "المعارك"})
      battles.add(foldString(w), true);
    for (const char* w : {"مماثل", "مماثلة", "مشابه", "مشابهة"}) similar.push_back(foldString(w));
    for (const char* w : {"مناطق", "منطقة", "المناطق", "خطوط", "محاور", "محور", "جبهات"})
      areaWords.add(foldString(w), true);
    for (const char* w : {"النارية", "ناريا", "نارية", "بالنار"}) byFire.add(foldString(w), true);
    for (const char* w : {"مدفعي", "المدفعي", "مدفعية", "المدفعية", "بالمدفعية", "مدفعيا", "هاون",
                          "الهاون", "بالهاون", "راجمات", "صاروخي", "الصاروخي"})
      groundFire.add(foldString(w), true);
    for (const char* w :
         {"المروحي", "مروحي", "المروحية", "مروحية", "مروحيات", "المروحيات", "الحوامات", "حوامات",
          "براميل", "برميل", "البراميل", "ببرميل", "ببراميل", "بالبراميل", "بالمروحيات"})
      helicopters.add(foldString(w), true);
    for (const char* w :
         {"قال",    "قالت", "أفاد",  "أفادت", "ذكر",   "ذكرت",  "أكد",   "أكدت",  "اعترف",
          "اعترفت", "بحسب", "حسب",   "وفق",   "أشار",  "أشارت", "لافتا", "مشيرا", "نقلت",
          "نقل",    "أوضح", "أوضحت", "أضاف",  "أضافت", "نشطاء", "ناشطون"})
      reports.add(foldString(w), true);
    for (const char* w : {"إن", "أن", "بأن", "ان", "بان", "إنه", "أنه", "إلى"})
      that.add(foldString(w), true);
    for (const char* w : {"جهنم", "الفيل", "محلية"}) words[foldString(w)].rebelWeapon = true;
    // Looked at (no event alone): "عمليات" is fighting only with "العسكرية", "الهجومية" after it.
    for (const char* w :
         {"عملية", "عمليات", "العملية", "العمليات", "عملياته", "عملياتها", "عملياتهم"}) {
      words[foldString(w)];
      operations.add(foldString(w), true);
    }
    for (const char* w : {"العسكرية", "عسكرية", "الهجومية", "هجومية", "القتالية"})
      military.add(foldString(w), true);
    for (const char* w :
         {"مفخخة",      "المفخخة",    "مفخختين",     "المفخختين",   "مفخخات",      "المفخخات",
          "ملغومة",     "الملغومة",   "مفخخه",       "انتحاري",     "انتحارية",    "الانتحارية",
          "انتحاريين",  "انتحاريتين", "انغماسي",     "انغماسيين",   "الانغماسيين", "انغماسية",
          "الانغماسية", "استشهادية",  "الاستشهادية", "استشهاديتين", "استشهاديتان"})
      words[foldString(w)].carBomb = true;
    for (const char* w : {"استهدف", "استهدفت", "استهدفوا", "يستهدف", "تستهدف", "استهداف", "الضربات",
                          "ضربة", "الضربة", "ضرباتها", "الاستهداف"})
      words[foldString(w)].airOnly = true;
    words.try_emplace(war);
    for (const char* w : {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
      directions.push_back(foldString(w));
    for (const char* w : {"حي", "منطقة", "بلدة", "قرية", "مدينة", "حيي", "أحياء", "مناطق"})
      heads.push_back(foldString(w));
    for (const char* w :
         {"المحاذي",  "المحاذية", "المتاخم",  "المتاخمة", "المجاور", "المجاورة", "المقابل",
          "المقابلة", "الملاصق",  "الملاصقة", "القريب",   "القريبة", "المطل",    "المطلة",
          "المشرف",   "المشرفة",  "الواقع",   "الواقعة",  "امتداد",  "امتدادا"})
      adjacent.push_back(foldString(w));
    for (const char* w : {"على", "من", "في", "عند"}) adjacentLinks.push_back(foldString(w));
    for (const char* w : {"محاولة", "محاولات", "هجوم", "هجوما", "هجمات", "لمحاولة"})
      attempts.push_back(foldString(w));
    for (const char* w : {"من", "ضد", "على", "عناصر", "مع", "أمام", "صفوف", "مواقع", "معاقل"})
      objectMarkers.push_back(foldString(w));
    for (const char* w : {"التي", "الذي", "اللتي", "الذين", "اللواتي"})
      relative.push_back(foldString(w));
    for (const char* w :
         {"جبهة", "جبهات", "الجبهة", "الجبهات", "محور", "محاور", "حافات", "حافة", "خط"})
      words[foldString(w)].front = true;
    for (const char* w : {"أجزاء", "جزء", "أطراف", "نقاط", "محيط", "أجزاء"})
      partial.push_back(foldString(w));
    for (const char* w :
         {"مشفى", "مستشفى", "محطة", "مبنى", "المبنى", "مدرسة", "معمل", "دوار", "جامع", "مسجد"})
      facility.push_back(foldString(w));
    for (const char* w :
         {"قتل", "قتلوا", "قتلت", "وقتلت", "مقتل", "قتلى", "شهداء", "سقوط", "لقي", "قتيل", "قتلنا"})
      words[foldString(w)].kill = true;
    for (const char* w : {"عنصرا",  "عنصر",   "عناصر",   "شخصا",   "شخص",  "أشخاص", "مدنيا",
                          "مدنيين", "شهيدا",  "شهداء",   "قتيلا",  "قتلى", "جنديا", "جنود",
                          "الجنود", "مقاتلا", "مقاتلين", "مقاتلي", "طفلا", "أطفال", "عنصراً"})
      casualtyNouns.push_back(foldString(w));
    words.try_emplace(lines);
    triggers.addAll(words);
  }

  static bool in(const std::vector<std::u32string>& list, std::u32string_view w) {
    for (const auto& x : list)
      if (x.size() == w.size() && x == w) return true;
    return false;
  }
};

const Lexicon& lexicon() {
  static const Lexicon l;
  return l;
}

// A trigger word as a number (Token::trigger): 0 for one that says nothing.
uint16_t encode(const TriggerWord& t) {
  unsigned code = 0;
  if (t.event) code |= 0x8u | static_cast<unsigned>(*t.event);
  if (t.actor) code |= (0x8u | static_cast<unsigned>(__builtin_ctz(*t.actor))) << 4;
  code |= (t.front ? 1u : 0u) << 8 | (t.kill ? 1u : 0u) << 9 | (t.strategic ? 1u : 0u) << 10 |
          (t.rebelWeapon ? 1u : 0u) << 11 | (t.airOnly ? 1u : 0u) << 12 |
          (t.carBomb ? 1u : 0u) << 13;
  return static_cast<uint16_t>(code);
}
TriggerWord decode(uint16_t code) {
  TriggerWord t;
  if (code & 0x8) t.event = static_cast<EventType>(code & 0x7);
  if (code & 0x80) t.actor = static_cast<Actor>(1u << ((code >> 4) & 0x7));
  t.front = code & 0x100;
  t.kill = code & 0x200;
  t.strategic = code & 0x400;
  t.rebelWeapon = code & 0x800;
  t.airOnly = code & 0x1000;
  t.carBomb = code & 0x2000;
  return t;
}

// What the word says in any of its forms: itself, then without a leading و / ف, then without a
// ب / ل after that (clitics on verbs and nouns). The event type and the actor are those of the
// first form that has one. `entry(skip)` gives the code of what word[skip:] says alone; merged
// as codes (a TriggerWord built and read back per form stalls on its optionals).
template <typename Entry>
uint16_t readTriggerWord(std::u32string_view w, Entry entry) {
  unsigned out = 0;
  auto merge = [&](size_t skip) {
    const unsigned t = entry(skip);
    if (!(out & 0x8)) out |= t & 0xF;    // the event, if none yet
    if (!(out & 0x80)) out |= t & 0xF0;  // the actor, if none yet
    out |= t & 0x1F00;                   // the flags
  };
  merge(0);
  size_t skip = 0;
  if (w.size() > 3 && (w[0] == U'\u0648' || w[0] == U'\u0641')) merge(++skip);
  const std::u32string_view rest = w.substr(skip);
  if (rest.size() > 3 && (rest[0] == U'\u0628' || rest[0] == U'\u0644')) merge(++skip);
  return static_cast<uint16_t>(out);
}

TriggerWord triggerWord(const Lexicon& L, std::u32string_view w) {
  return decode(readTriggerWord(w, [&](size_t skip) -> uint16_t {
    const TriggerWord* t = L.triggers.find(w.substr(skip));
    return t ? encode(*t) : 0;
  }));
}

}  // namespace

void forEachEventWord(const std::function<void(const std::u32string&)>& f) {
  lexicon().triggers.forEach(f);
}

uint16_t triggerWordCode(const WordLookup& forms) {
  return readTriggerWord(forms.word(), [&](size_t skip) -> uint16_t {
    const LexiconEntry* e = forms.form(skip, false);
    return e ? e->trigger : 0;
  });
}

void forEachTriggerWord(const std::function<void(const std::u32string&, uint16_t)>& f) {
  lexicon().triggers.forEachEntry(
      [&](const std::u32string& w, const TriggerWord& t) { f(w, encode(t)); });
}

SentenceEvents analyseSentence(const std::u32string& text, const std::vector<Token>& tokens) {
  SentenceEvents out;
  analyseSentence(text, tokens, out);
  return out;
}

void analyseSentence(const std::u32string& text, const std::vector<Token>& tokens,
                     SentenceEvents& out) {
  const Lexicon& L = lexicon();
  out.keywords.clear();
  out.actors.clear();
  out.frontWords.clear();
  out.clauseBreaks.clear();
  out.fatalities.reset();
  out.strategic = false;
  out.rebelWeapon = false;
  out.carBombs.clear();
  bool killed = false;
  size_t targeted = tokens.size();  // a bare "استهدفت" with no aircraft beside it
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::u32string_view w = tokenText(text, tokens[i]);
    // Clause breaks: a "،" or "؛" between this token and the previous one.
    if (i > 0)
      for (uint32_t k = tokens[i - 1].to; k < tokens[i].from; ++k)
        if (text[k] == U'\u060C' || text[k] == U'\u061B' || text[k] == U';' ||
            text[k] == U'\u2026') {
          out.clauseBreaks.push_back(i);
          break;
        }
    // Classified once by the pipeline: nearly every word is on none of the lists.
    if (tokens[i].lexical != kLexicalUnknown && !(tokens[i].lexical & kMayBeEventWord)) continue;
    // (What the lists say of it: found by classifyTokens, else looked up now.)
    const TriggerWord said =
        tokens[i].lexical != kLexicalUnknown ? decode(tokens[i].trigger) : triggerWord(L, w);
    if (said.strategic) out.strategic = true;
    // "مدفع جهنم", "صواريخ الفيل", "محلية الصنع": weapons only the opposition fires.
    if (said.rebelWeapon) out.rebelWeapon = true;
    if (said.carBomb) out.carBombs.push_back(i);
    // "حرب شوارع": street fighting.
    if (w == L.war && i + 1 < tokens.size() && tokenText(text, tokens[i + 1]) == L.streets)
      out.keywords.push_back({i, EventType::Clashes});
    // "واصل الجيش عملياته العسكرية في حي X": a military operation is fighting there.
    if (i + 1 < tokens.size() && L.operations.contains(withoutConjunction(w)) &&
        L.military.contains(tokenText(text, tokens[i + 1])))
      out.keywords.push_back({i, EventType::Clashes});
    if (said.airOnly && !said.event) {
      bool air = false;
      for (size_t b = i >= 5 ? i - 5 : 0; b < std::min(tokens.size(), i + 6); ++b)
        if (b != i && L.air.contains(tokenText(text, tokens[b])) &&
            !(b > 0 && tokenText(text, tokens[b - 1]) == L.intelligence)) {
          out.keywords.push_back({i, EventType::AirStrike, false, true, false});
          air = true;
          break;
        }
      if (!air && targeted == tokens.size()) targeted = i;
    }
    if (said.event) {
      EventType type = *said.event;
      bool keep = true;
      // "فرض السيطرة النارية على الطريق", "سيطروا نارياً": fire over a place is fighting for it.
      if (type == EventType::TerritoryTaken)
        for (size_t b = i + 1; b < tokens.size() && b <= i + 2; ++b)
          if (L.byFire.contains(tokenText(text, tokens[b]))) type = EventType::Clashes;
      if (type == EventType::TerritoryTaken) {
        // "التي سيطرت عليها قوات الأسد": a relative clause about an earlier state.
        for (size_t b = i >= 2 ? i - 2 : 0; b < i; ++b)
          if (Lexicon::in(L.relative, tokenText(text, tokens[b]))) keep = false;
        // "استعادوا السيطرة": one event, the retaking.
        if (!out.keywords.empty() && out.keywords.back().token + 1 == i &&
            out.keywords.back().type == EventType::TerritoryTaken)
          keep = false;
      }
      bool byNeighbour = false, shelling = type == EventType::Shelling;
      if (type == EventType::Shelling) {
        // Bombing from the air: "قصف الطيران الروسي", "قصف جوي".
        // ("المخابرات الجوية" is a security branch, not aircraft.)
        // ("وكان طيران نظام الأسد قد قصف": the aircraft a few words before the verb.)
        // Not across a clause ("قصف بالقنابل العنقودية على X، وقصف مدفعي على Y"), and for fire
        // said to come from the ground ("قصف مدفعي", "قذائف الهاون") only an aircraft word right
        // beside it ("قصف جوي ومدفعي").
        const bool ground =
            L.groundFire.contains(withoutConjunction(w)) ||
            (i + 1 < tokens.size() && L.groundFire.contains(tokenText(text, tokens[i + 1])));
        const size_t reach = ground ? 1 : 5;
        auto clauseBetween = [&](size_t a, size_t b) {
          for (uint32_t c = tokens[std::min(a, b)].to; c < tokens[std::max(a, b)].from; ++c)
            if (text[c] == U'\u060C' || text[c] == U'\u061B' || text[c] == U';') return true;
          return false;
        };
        for (size_t b = i >= reach ? i - reach : 0; b < std::min(tokens.size(), i + reach + 1); ++b)
          if (!clauseBetween(b, i) &&
              ((L.air.contains(tokenText(text, tokens[b])) ||
                (b == i + 1 &&
                 Lexicon::in(L.russian, tokenText(text, tokens[b])))) &&  // "القصف الروسي"
               !(b > 0 && tokenText(text, tokens[b - 1]) == L.intelligence))) {
            type = EventType::AirStrike;
            byNeighbour = byNeighbour || L.air.contains(tokenText(text, tokens[b]));
          }
      }
      // "على مناطق الاشتباك": the fighting names the areas, it is not told as happening there.
      if (type == EventType::Clashes && i > 0 &&
          L.areaWords.contains(withoutConjunction(tokenText(text, tokens[i - 1]))))
        keep = false;
      // "كما أوقع قصف مماثل على أحياء X": the same kind as the strike before it.
      if (type == EventType::Shelling && i + 1 < tokens.size() &&
          Lexicon::in(L.similar, tokenText(text, tokens[i + 1])))
        for (const auto& earlier : out.keywords)
          if (earlier.type == EventType::AirStrike) type = EventType::AirStrike;
      if (keep)
        out.keywords.push_back(
            {i, type, type == EventType::Clashes && L.battles.contains(withoutConjunction(w)),
             byNeighbour && type == EventType::AirStrike, shelling});
    }
    if (said.actor) {
      const Actor actor = *said.actor;
      bool keep = true;
      if (actor == kRussianAirForce) {  // Russian: an actor only when it flies
        keep = false;
        for (size_t b = i >= 4 ? i - 4 : 0; b < std::min(tokens.size(), i + 3); ++b)
          if (L.air.contains(tokenText(text, tokens[b]))) keep = true;
      }
      if (keep) {
        // An object when a preposition or "عناصر" stands just before it, or when it continues
        // a noun phrase that is one ("من عناصر الأسد والميليشيات الإيرانية").
        bool object = false;
        for (size_t b = i >= 2 ? i - 2 : 0; b < i; ++b)
          if (Lexicon::in(L.objectMarkers, withoutConjunction(tokenText(text, tokens[b]))))
            object = true;
        if (!out.actors.empty() && out.actors.back().object && out.actors.back().token + 2 >= i)
          object = true;
        out.actors.push_back({i, actor, object});
      }
    }
    if (said.front) out.frontWords.push_back(i);
    if (w == L.lines && i + 1 < tokens.size() && tokenText(text, tokens[i + 1]) == L.contact)
      out.frontWords.push_back(i);
    if (said.kill) killed = true;
  }
  // "قوات النظام استهدفت مناطق في أحياء X": targeting with no weapon or fight named anywhere in
  // the sentence is fire from afar, shelling.
  if (targeted < tokens.size() && out.keywords.empty())
    out.keywords.push_back({targeted, EventType::Shelling});
  // Fatalities: a number followed (within two words, "من" allowed) by people who were killed.
  if (killed)
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto n = parseNumberAt(text, tokens, i);
      if (!n || n->value <= 0) continue;
      for (size_t k = i + n->tokens; k < std::min(tokens.size(), i + n->tokens + 3); ++k) {
        const std::u32string_view w = tokenText(text, tokens[k]);
        if (Lexicon::in(L.casualtyNouns, withoutConjunction(w))) {
          out.fatalities = std::max(out.fatalities.value_or(0), n->value);
          break;
        }
        if (w != L.min) break;
      }
      i += n->tokens - 1;
    }
}

namespace {

uint32_t actorBit(std::optional<Side> side) {
  if (side == Side::Government) return kGovernment;
  if (side == Side::Opposition) return kOpposition;
  if (side == Side::Kurdish) return kKurdish;
  return 0;
}

uint32_t actorBit(SideWord w) {
  switch (w) {
    case SideWord::Government:
      return kGovernment;
    case SideWord::Opposition:
      return kOpposition;
    case SideWord::Kurdish:
      return kKurdish;
    case SideWord::Russia:
      return kRussianAirForce;
    case SideWord::Civilians:
      return kCivilians;
  }
  return 0;
}

// The keyword that says what happened at a name at token `first`: the nearest event word before
// it in its clause, else the nearest after it in its clause, else the nearest before it in the
// sentence; killings only when nothing else is said. Takings and repelled attacks come from the
// place's claim, not from a word elsewhere in the sentence.
const SentenceEvents::Keyword* governingKeyword(const SentenceEvents& events, size_t first) {
  auto clauseOf = [&](size_t t) {
    return std::upper_bound(events.clauseBreaks.begin(), events.clauseBreaks.end(), t) -
           events.clauseBreaks.begin();
  };
  auto usable = [](const SentenceEvents::Keyword& k) {
    return k.type != EventType::Casualties && k.type != EventType::TerritoryTaken &&
           k.type != EventType::AttackRepelled;
  };
  const SentenceEvents::Keyword* before = nullptr;
  const SentenceEvents::Keyword* after = nullptr;
  const SentenceEvents::Keyword* anyBefore = nullptr;
  const SentenceEvents::Keyword* anyAfter = nullptr;
  for (const auto& k : events.keywords) {
    if (!usable(k)) continue;
    if (k.token < first) {
      anyBefore = &k;
      if (clauseOf(k.token) == clauseOf(first)) before = &k;
    } else if (k.token > first) {
      if (!after && clauseOf(k.token) == clauseOf(first)) after = &k;
      if (!anyAfter) anyAfter = &k;
    }
  }
  if (before) return before;
  if (after) return after;
  // "وكان نصيب حي المرجة الأكبر من الشهداء، حيث قامت الطائرات الحربية باستهداف الحي": the
  // sentence's own attack explains its dead, in whichever clause it is told. (Fire only: an
  // advance in another clause, "وعقب التقدم الأخير، غدت أحياء X"، is no fighting at X.)
  auto fire = [](const SentenceEvents::Keyword* k) {
    return k && (k->type == EventType::Shelling || k->type == EventType::AirStrike || k->battle);
  };
  if (fire(anyBefore)) return anyBefore;
  return fire(anyAfter) ? anyAfter : nullptr;
}

// Who fired: a side that acts near the shelling word (the subject of "قصفت قوات النظام", the
// agent of "قذائف أطلقها الإرهابيون"), else the enemy of the place's holder, else the enemy of
// the outlet (each side's media report the other's shells).
uint32_t shellingActor(const SentenceEvents& events, const std::vector<SideMention>& sides,
                       size_t keyword, size_t first, const PlaceClaim& claim,
                       const ClaimContext& context) {
  const size_t from = std::min(keyword, first) >= 6 ? std::min(keyword, first) - 6 : 0;
  // (Not the holder of "الخاضع لسيطرة المعارضة": the side whose district was hit.)
  for (const SideMention& s : sides)
    if (!s.object && !(s.byMarker && !s.passiveAgent) && s.token >= from &&
        s.token <= std::max(keyword, first) + 5 && s.side != SideWord::Civilians &&
        s.side != SideWord::Russia)
      return actorBit(s.side);
  if (events.rebelWeapon) return kOpposition;
  if (claim.kind == ClaimKind::Held && claim.holder == Side::Government) return kOpposition;
  if (claim.kind == ClaimKind::Held && claim.holder == Side::Opposition) return kGovernment;
  const int stance = context.stance();  // (scanned only now: most shells name their firer)
  if (stance > 0) return kOpposition;
  if (stance < 0) return kGovernment;
  return 0;  // "تعرض حي X لقصف": nobody said who fired
}

// Whether the side at token `at` follows one of `words` within two tokens ("بين الثوار",
// "مع قوات النظام").
bool sideAfterWord(const std::u32string& text, const std::vector<Token>& tokens, size_t at,
                   const std::u32string& word) {
  for (size_t b = at >= 2 ? at - 2 : 0; b < at; ++b)
    if (withoutConjunction(tokenText(text, tokens[b])) == word) return true;
  return false;
}

// The first acting side (not acted upon, not civilians), else the first named after "بين" (the
// side a clash is "between" first), else after "مع" (the side fighting the dead of "قتل عناصر من
// قوات النظام في اشتباكات مع الثوار").
// A side that only speaks: named right after a reporting verb ("لافتاً المرصد المعارض إلى",
// "وقال نشطاء في المعارضة إن"), before the "إن" of what it says.
bool speaker(const std::u32string& text, const std::vector<Token>& tokens, const SideMention& s) {
  const Lexicon& L = lexicon();
  bool said = false;
  for (size_t k = s.token >= 4 ? s.token - 4 : 0; k < s.token; ++k) {
    const std::u32string_view w = withoutConjunction(tokenText(text, tokens[k]));
    if (L.reports.contains(w)) said = true;
    if (said && L.that.contains(w)) said = false;  // "أفاد ناشطون بأن قوات النظام ..."
  }
  return said;
}

uint32_t firstActor(const std::u32string& text, const std::vector<Token>& tokens,
                    const std::vector<SideMention>& sides) {
  for (const SideMention& s : sides)
    if (!s.object && s.side != SideWord::Civilians && !speaker(text, tokens, s))
      return actorBit(s.side);
  const Lexicon& L = lexicon();
  for (const std::u32string* marker : {&L.between, &L.with})
    for (const SideMention& s : sides)
      if (s.side != SideWord::Civilians && sideAfterWord(text, tokens, s.token, *marker))
        return actorBit(s.side);
  return 0;
}

// A name that is only a reference: a direction from it ("شمال غربي حلب"), or the place fire
// came from ("من مواقعه في جبل عزان", "انطلاقاً من حي الراشدين").
// "قوات النظام المتمركزة في تلة الشيخ يوسف قصفت حي الصاخور": where the acting side is stationed,
// not where anything happened (not "استهدف الثوار مواقع قوات الأسد المتمركزة في X", whose side
// is acted upon).
bool stationedAt(const std::u32string& text, const std::vector<Token>& tokens,
                 const std::vector<SideMention>& sides, size_t first) {
  const Lexicon& L = lexicon();
  size_t k = first;
  if (k >= 1 && Lexicon::in(L.heads, withoutConjunction(tokenText(text, tokens[k - 1])))) --k;
  if (k < 3 || withoutConjunction(tokenText(text, tokens[k - 1])) != L.fi ||
      !L.stationed.contains(tokenText(text, tokens[k - 2])))
    return false;
  for (const SideMention& s : sides)
    if (s.last + 1 == k - 2 || s.last + 2 == k - 2) return !s.object;
  return false;
}

bool referencePlace(const std::u32string& text, const std::vector<Token>& tokens, size_t first) {
  const Lexicon& L = lexicon();
  auto word = [&](size_t i) { return withoutConjunction(tokenText(text, tokens[i])); };
  if (first >= 1 && Lexicon::in(L.heads, word(first - 1))) --first;  // "من حي الراشدين"
  // "والمحاذي لحي العقبة": a neighbour named to locate another place ("قرب" is not: strikes
  // "قرب بلدة منيان" are at Minyan).
  if (first >= 1) {
    std::u32string_view w = word(first - 1);
    size_t at = first - 1;
    if (w.size() > 3 && w[0] == U'\u0644' && Lexicon::in(L.heads, w.substr(1)) && first >= 2)
      w = word(--at);  // "لحي"
    // ("المطلة على X", "القريبة من منطقة X", "الواقعة في X": the place another one is beside,
    // above or in.)
    if (Lexicon::in(L.adjacentLinks, w) && at >= 1) w = word(at - 1);
    if (Lexicon::in(L.adjacent, w)) return true;
  }
  if (first >= 1 && Lexicon::in(L.directions, word(first - 1))) return true;
  if (first >= 3 && word(first - 1) == L.fi && word(first - 3) == L.min &&
      word(first - 2).substr(0, 5) == std::u32string_view(U"\u0645\u0648\u0627\u0642\u0639"))
    return true;
  if (first >= 2 && word(first - 1) == L.min && word(first - 2) == L.launch) return true;
  // "من جهة حي الميدان", "من محور جمعية الزهراء": the side an advance came from.
  if (first >= 2 && Lexicon::in(L.fromSides, word(first - 1)) && word(first - 2) == L.min)
    return true;
  // "فروا من أحياء X وY", "تتوافد إلى حي X هرباً", "الانسحاب نحو حي X": people on their way
  // from or to the place, nothing happening at it.
  if (first >= 2 && (word(first - 1) == L.min || word(first - 1) == L.to ||
                     word(first - 1) == L.toward || word(first - 1) == L.towards))
    for (size_t k = first - 2; k + 5 > first; --k) {
      // (The word itself too: "فروا" is no "و" + "روا".)
      if (Lexicon::in(L.journeys, word(k)) || Lexicon::in(L.journeys, tokenText(text, tokens[k])))
        return true;
      if (k == 0) break;
    }
  // "تقدمت من منطقة الشقيف إلى تخوم حي الهلك", "تابع تقدمه من الجزماتي باتجاه": where a move
  // started (up to one word, "باتجاهها", between the move and "من").
  if (first >= 1 && Lexicon::in(L.fromSides, word(first - 1)) && first >= 2) --first;
  if (first >= 2 && word(first - 1) == L.min)
    for (size_t k = first - 2; k + 6 > first; --k) {  // ("تقدمت قوات النظام من منطقة X")
      // (Not "تسللت إلى مبان من منيان": buildings of the place the move went to.)
      if (word(k) == L.to || word(k) == L.toward) break;
      if (Lexicon::in(L.movers, word(k))) return true;
      if (k == 0) break;
    }
  return false;
}

}  // namespace

void findSyrianAircraft(const std::u32string& text, const std::vector<Token>& tokens,
                        SentenceEvents& events) {
  events.syrianAircraft.clear();
  if (std::none_of(events.keywords.begin(), events.keywords.end(),
                   [](const SentenceEvents::Keyword& k) { return k.type == EventType::AirStrike; }))
    return;
  for (size_t t = 1; t < tokens.size(); ++t)
    if (syrianAircraftAt(text, tokens, t)) events.syrianAircraft.push_back(t);
}

bool isAircraftWord(std::u32string_view word) { return lexicon().air.contains(word); }

bool syrianAircraftAt(const std::u32string& text, const std::vector<Token>& tokens, size_t t) {
  const Lexicon& L = lexicon();
  const size_t length = tokens[t].to - tokens[t].from;  // (cheap test first: "سوري" .. "والسورية")
  if (length < 4 || length > 8) return false;
  const char32_t last = text[tokens[t].to - 1];
  if (last != U'\u064A' && last != U'\u0647') return false;  // ي or ه (folded ة)
  if (!L.syrianAdjective.contains(withoutConjunction(tokenText(text, tokens[t])))) return false;
  for (size_t b = t >= 3 ? t - 3 : 0; b < t; ++b)
    if (L.air.contains(withoutConjunction(tokenText(text, tokens[b])))) return true;
  return false;
}

MentionEvent eventForMention(const std::u32string& text, const std::vector<Token>& tokens,
                             const SentenceEvents& events, const std::vector<SideMention>& sides,
                             size_t first, const PlaceClaim& claim, const ClaimContext& context,
                             const PlaceClaim* reachedBy) {
  const Lexicon& L = lexicon();
  MentionEvent m;
  m.fatalities = events.fatalities;
  for (const SideMention& s : sides) m.actors |= actorBit(s.side);
  // "أعادت الأمن إلى حي X وصولاً إلى طريق هنانو": where the advance reached, fought at.
  if (claim.kind == ClaimKind::None && reachedBy) {
    m.type = EventType::Clashes;
    m.actor1 = actorBit(reachedBy->actor);
    return m;
  }
  if (claim.kind == ClaimKind::None &&
      (referencePlace(text, tokens, first) || stationedAt(text, tokens, sides, first)))
    return m;
  auto clauseOf = [&](size_t t) {
    return std::upper_bound(events.clauseBreaks.begin(), events.clauseBreaks.end(), t) -
           events.clauseBreaks.begin();
  };
  // Frontline: a front word earlier in the same clause ("على جبهات حي الشيخ سعيد").
  for (size_t f : events.frontWords)
    if (f < first && clauseOf(f) == clauseOf(first)) m.frontline = true;

  switch (claim.kind) {
    case ClaimKind::Captured:
      m.type = EventType::TerritoryTaken;
      m.actor1 = actorBit(claim.actor);
      return m;
    case ClaimKind::Failed:
      // An aim ("تهدف إلى السيطرة على X") is no assault: the fighting the sentence tells of, if
      // any, else nothing happened at the place.
      if (claim.aim) {
        const bool fighting = std::any_of(
            events.keywords.begin(), events.keywords.end(),
            [](const SentenceEvents::Keyword& k) { return k.type == EventType::Clashes; });
        m.type = fighting ? EventType::Clashes : EventType::Other;
        m.actor1 = actorBit(claim.actor);  // (the side that aims at it, as readers give it)
        return m;
      }
      m.type = EventType::AttackRepelled;
      m.actor1 = actorBit(claim.actor);
      return m;
    case ClaimKind::Contested:
      m.type = EventType::Clashes;
      break;
    case ClaimKind::Withdrew:
      if (claim.forced && claim.holder) {  // the side that forced it out took it
        m.type = EventType::TerritoryTaken;
        m.actor1 = actorBit(claim.holder);
        return m;
      }
      break;
    default:
      break;
  }
  const SentenceEvents::Keyword* k = governingKeyword(events, first);
  // A place said to be held is the scene of fire or fighting only in its own clause ("ما يزال
  // الثوار يسيطرون على أحياء (X، Y)، في الوقت الذي تشهد بعضها اشتباكات": held, no event).
  if (k && claim.kind == ClaimKind::Held && clauseOf(k->token) != clauseOf(first)) k = nullptr;
  // A place fought over is a clash, unless the sentence says it was shelled or bombed ("تتعرض
  // الأجزاء الخاضعة لسيطرة المعارضة في حي صلاح الدين لقصف عنيف").
  // (Fire named in another clause does not make a fought-over place a shelling: "جاءت هذه
  // السيطرة بعد قصف عنيف، وسيطرت على أجزاء من حي X".)
  // A withdrawal is a move, not fire ("انسحبت الفصائل من حي X بعد قصف عنيف"); a fought-over place
  // is shelled only when the fire comes before it in its clause ("قصف ... على أجزاء من حي X", not
  // "تتقدم في حي X وسط قصف عنيف").
  if (k && claim.kind != ClaimKind::Withdrew &&
      (claim.kind != ClaimKind::Contested ||
       ((k->type == EventType::Shelling || k->type == EventType::AirStrike) && k->token < first &&
        clauseOf(k->token) == clauseOf(first))))
    m.type = k->type;
  // (Dead or wounded with no kind of attack told: not when the sentence tells of a taking,
  // "قتل عدد من المسلحين وسيطر الجيش على X": the others it names are no casualties event.)
  if (!k && claim.kind != ClaimKind::Contested && claim.kind != ClaimKind::Withdrew &&
      std::none_of(events.keywords.begin(), events.keywords.end(),
                   [](const auto& kw) { return kw.type == EventType::TerritoryTaken; }))
    for (const auto& kw : events.keywords)
      if (kw.type == EventType::Casualties) m.type = EventType::Casualties;
  // "استهدف جيش الفتح تجمعات قوات الأسد في X بسيارتين مفخختين": a car bomb in the place's clause
  // opens an assault; what it hits is fought over, whatever verb of fire or death tells it.
  if ((m.type == EventType::Shelling || m.type == EventType::Other ||
       m.type == EventType::Casualties) &&
      claim.kind != ClaimKind::Held && claim.kind != ClaimKind::Withdrew &&
      std::any_of(events.carBombs.begin(), events.carBombs.end(),
                  [&](size_t t) { return clauseOf(t) == clauseOf(first); }))
    m.type = EventType::Clashes;
  const size_t at = k ? k->token : first;
  switch (m.type) {
    case EventType::AirStrike: {
      // Aircraft are the government's, or Russia's when the sentence says so. When it names
      // both ("مروحيات الأسد ... كما استهدفت غارات روسية حي السكري"), the one nearest before the
      // strike's word, else nearest after it.
      bool russian = false, syrian = false;
      // Both in one phrase ("الطائرات السورية والروسية", "طائرات الأسد وروسيا"): the first named.
      const SideMention* nearestBefore = nullptr;
      const SideMention* nearestAfter = nullptr;
      const SideMention* pairedWith = nullptr;  // the air force named just before nearestBefore
      const SideMention* previous = nullptr;
      // "طائرات سورية وروسية": "Syrian" after an aircraft word (or after the other air force's
      // adjective) names the government's air force, which "السورية" alone does not.
      std::vector<SideMention> forces = sides;
      for (size_t t : events.syrianAircraft) {
        if (std::none_of(sides.begin(), sides.end(),
                         [&](const SideMention& x) { return x.token <= t && x.last >= t; }))
          forces.insert(
              std::upper_bound(forces.begin(), forces.end(), t,
                               [](size_t v, const SideMention& x) { return v < x.token; }),
              SideMention{t, t, SideWord::Government, false, false});
      }
      for (const SideMention& s : forces) {
        if (s.side == SideWord::Russia) russian = true;
        if (s.side == SideWord::Government && !s.object) syrian = true;
        if (s.side != SideWord::Russia && !(s.side == SideWord::Government && !s.object)) continue;
        if (s.token <= at + 2) {
          nearestBefore = &s;
          // ("مروحيات النظام وطائرات الاحتلال الروسي": up to three words apart.)
          pairedWith = previous && previous->last + 3 >= s.token ? previous : nullptr;
        }
        if (s.token > at + 2 && !nearestAfter) nearestAfter = &s;
        previous = &s;
      }
      m.actor1 = russian && !syrian ? kRussianAirForce : kGovernment;
      // "قصف للطيران المروحي بحي X", "استهداف المروحيات حي X ببرميل": helicopters and barrel
      // bombs are the government's, whatever else the sentence names.
      bool helicopter = false;
      // (Words after the place only in its clause: not "فيما ألقت المروحيات براميل على حي Y".)
      // ("غارات للطائرات الروسية والمروحيات السورية": Russian aircraft named first in the same
      // phrase are the strike's, by the first-named rule.)
      for (size_t t = at >= 2 ? at - 2 : 0; t < tokens.size() && t <= std::max(at + 3, first + 5);
           ++t)
        if ((t <= std::max(at + 3, first) || clauseOf(t) == clauseOf(first)) &&
            L.helicopters.contains(withoutConjunction(tokenText(text, tokens[t]))) &&
            std::none_of(sides.begin(), sides.end(), [&](const SideMention& s) {
              return s.side == SideWord::Russia && s.token < t && s.token + 3 >= t;
            }))
          helicopter = true;
      if (helicopter) {
        m.actor1 = kGovernment;
        break;
      }
      if (russian && syrian) {
        const SideMention* near = nearestBefore ? nearestBefore : nearestAfter;
        if (near == nearestBefore && pairedWith) near = pairedWith;
        if (near && near->side == SideWord::Russia) m.actor1 = kRussianAirForce;
      }
      break;
    }
    case EventType::Shelling:
      m.actor1 = shellingActor(events, sides, at, first, claim, context);
      break;
    case EventType::Clashes:
      // A partial taking or an advance: the side the claim says acted ("سيطرت قوات النظام على
      // أجزاء من حي ...", "بدأ الجيش اقتحاماً لحي X وسط أنباء عن هجوم مضاد للفصائل").
      if (claim.kind == ClaimKind::Contested) m.actor1 = actorBit(claim.actor);
      // The attacker of "محاولات متكررة للقوات النظامية السيطرة على الحي", else the first side.
      // ("في محاولة من قوات الأسد": "من" right after the attempt names who tried.)
      for (const SideMention& s : sides)
        for (size_t b = s.token >= 3 ? s.token - 3 : 0; b < s.token && !m.actor1; ++b)
          if (Lexicon::in(L.attempts, withoutConjunction(tokenText(text, tokens[b]))) &&
              (!s.object || (b + 1 < s.token && tokenText(text, tokens[b + 1]) == L.min)) &&
              s.side != SideWord::Civilians && s.side != SideWord::Russia)
            m.actor1 = actorBit(s.side);
      // Only victims named ("مقتل 7 من قوات النظام على جبهة الراموسة"): their enemy fought.
      if (!m.actor1) {
        std::optional<SideWord> victim;
        bool agent = false;
        for (const SideMention& s : sides) {
          if (s.side == SideWord::Civilians || s.side == SideWord::Russia) continue;
          if (!s.object)
            agent = true;
          else if (!victim)
            victim = s.side;  // the first: the dead of "قتل 20 من قوات النظام في اشتباكات مع ..."
        }
        if (victim && !agent && events.fatalities) {
          if (*victim == SideWord::Government) m.actor1 = kOpposition;
          if (*victim == SideWord::Opposition) m.actor1 = kGovernment;
        }
      }
      // Fighting at a place the sentence says one side holds ("على جبهات حي جمعية الزهراء
      // الخاضعة لسيطرة القوات النظامية"): the other side attacks it.
      if (!m.actor1 && claim.kind == ClaimKind::Held) {
        if (claim.holder == Side::Government) m.actor1 = kOpposition;
        if (claim.holder == Side::Opposition) m.actor1 = kGovernment;
      }
      if (!m.actor1) m.actor1 = firstActor(text, tokens, sides);
      // "وتتابع تقدمها في ضاحية الأسد": the side the article last told of acting.
      if (!m.actor1) m.actor1 = actorBit(context.lastAgent);
      if (m.actor1 == kRussianAirForce) m.actor1 = 0;
      break;
    case EventType::Casualties:
      // The killer: "على يد", "برصاص قناص لقوات النظام", the subject of "أعدمت".
      for (const SideMention& s : sides)
        if (s.byMarker && s.side != SideWord::Civilians) {
          m.actor1 = actorBit(s.side);
          break;
        }
      // (Only a subject: before the killing word, or just after a verb: "أعدمت قوات النظام".)
      if (!m.actor1)
        for (const SideMention& s : sides) {
          if (s.object || s.side == SideWord::Civilians || s.side == SideWord::Russia) continue;
          bool subject = false;
          for (const auto& kw : events.keywords)
            if (kw.type == EventType::Casualties && s.token <= kw.token + 2) subject = true;
          if (subject) {
            m.actor1 = actorBit(s.side);
            break;
          }
        }
      break;
    case EventType::Other:
      // A siege, a truce, arrests, a corridor: the side that does it.
      if (events.strategic) m.actor1 = firstActor(text, tokens, sides);
      // A place named beside fighting or fire told in its sentence ("وتقدمت قوات النظام في حي
      // الشعار، بينما يشهد حي الصاخور حركة نزوح"): the side acting in the sentence, as readers
      // give it. (Not a place said to be held, whose side is its holder, nor "ثوار حلب".)
      else if (!events.keywords.empty() && claim.kind == ClaimKind::None &&
               std::none_of(sides.begin(), sides.end(), [&](const SideMention& s) {
                 return s.token <= first && first <= s.last + 1;
               }))
        m.actor1 = firstActor(text, tokens, sides);
      break;
    default:
      break;
  }
  if (claim.kind == ClaimKind::Withdrew && !m.actor1) m.actor1 = actorBit(claim.actor);
  return m;
}

}  // namespace atlas
