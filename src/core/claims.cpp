#include "core/claims.h"

#include <algorithm>
#include <map>

#include "core/arabic_fold.h"
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
};

struct ClaimLexicon {
  WordTable<uint32_t> words;

  ClaimLexicon() {
    std::map<std::u32string, uint32_t> m;
    auto add = [&](uint32_t bits, std::initializer_list<const char*> ws) {
      for (const char* w : ws) m[foldString(w)] |= bits;
    };
    add(kCapture,
        {"سيطر",    "سيطرت",   "سيطروا",   "سيطرة",   "السيطرة",   "سيطرتها", "سيطرته", "سيطرتهم",
         "استعاد",  "استعادت", "استعادوا", "استعادة", "استعادتها", "يستعيد",  "تستعيد", "استرجع",
         "استرجعت", "استرجاع", "استرداد",  "استردت",  "حرر",       "حررت",    "حرروا",  "تحرير",
         "بسط",     "بسطت",    "انتزع",    "انتزعت",  "انتزاع",    "دخل",     "دخلت",   "دخلوا",
         "دخول",    "أحكم",    "أحكمت",    "إحكام",   "تأمين",     "أمنت",    "طرد",    "طردت",
         "طردوا",   "تطهير",   "طهرت",     "اجتاح",   "اجتاحت",    "احتل",    "احتلت",  "احتلال"});
    add(kLiberate, {"حرر", "حررت", "حرروا", "تحرير"});
    add(kHoldNow,
        {"تسيطر", "يسيطر", "يسيطرون", "تسيطران", "المسيطرة", "المسيطر", "تحتفظ", "يحتفظ", "تحكم"});
    add(kHand, {"بيد", "بأيدي", "بايدي", "يد", "تحت", "الخاضعة", "الخاضع", "خاضعة", "خاضع",
                "لسيطرة", "الواقعة", "الواقع"});
    add(kLiberated, {"المحررة", "المحرر", "محررة"});
    add(kPartial, {"أجزاء", "جزء", "معظم", "أطراف", "أغلب", "نصف", "محيط", "بعض", "كتل", "أبنية",
                   "مباني", "الجزء", "القسم", "قسم", "أكثر"});
    add(kTry, {"حاول",     "حاولت",   "حاولوا",  "تحاول",   "يحاول", "يحاولون", "محاولة", "محاولات",
               "محاولتها", "محاولته", "فشل",     "فشلت",    "فشلوا", "تفشل",    "يفشل",   "فشلها",
               "عجز",      "عجزت",    "تهدف",    "يهدف",    "بهدف",  "تسعى",    "يسعى",   "سعيا",
               "تريد",     "يريد",    "لمحاولة", "الفاشلة", "فاشلة", "فاشل"});
    add(kRepel, {"صد", "صدت", "صدوا", "يصد", "تصد", "تصدى", "تصدت", "التصدي", "أحبط", "أحبطت",
                 "إحباط", "إفشال", "أفشلت", "كسر", "كسرت", "دحر", "دحرت", "إجهاض", "أجهضت"});
    add(kNegation, {"لم", "دون"});
    add(kFuture, {"لن", "سوف", "تستعد", "يستعد", "تعتزم", "يعتزم", "تنوي", "ينوي", "تمهيدا",
                  "قريبا", "ستسيطر", "سيسيطر", "ستدخل", "سيدخل", "ستستعيد", "سيستعيد"});
    add(kWithdraw, {"انسحب", "انسحبت", "انسحبوا", "انسحاب", "ينسحب", "تنسحب", "انسحابها",
                    "انسحابهم", "أخلت", "أخلوا"});
    add(kAttack,
        {"هجوم",   "هجوما",   "هجمات",   "الهجوم", "هجومها", "هجومه",  "اقتحام", "اقتحامها",
         "اقتحمت", "اقتحموا", "باقتحام", "تقدم",   "تقدمت",  "تقدموا", "التقدم", "تتقدم",
         "يتقدم",  "توغل",    "توغلت",   "زحف",    "تقدما",  "عملية",  "تسلل",   "التسلل"});
    add(kFight, {"اشتباكات", "اشتباك", "الاشتباكات", "معارك", "معركة", "المعارك", "مواجهات", "جبهة",
                 "جبهات", "محور", "محاور", "تماس", "التماس", "تدور", "دارت", "تستمر"});
    add(kToward, {"نحو", "باتجاه", "اتجاه", "صوب", "تجاه"});
    add(kBlock,
        {"نحو",      "باتجاه",  "اتجاه",    "صوب",     "تجاه",     "قرب",   "بالقرب", "المتاخم",
         "المتاخمة", "المحاذي", "المحاذية", "المجاور", "المجاورة", "المطل", "المطلة", "القريب",
         "القريبة",  "يهدد",    "تهدد",     "مما",     "بعد",      "حيث",   "بينما",  "فيما",
         "كما",      "باتت",    "بات",      "أصبحت",   "ليصبح",    "لتصبح", "يجعل",   "يضع",
         "وصولا",    "حتى",     "مرمى",     "تقصف",    "قصف",      "أمام",  "ضد",     "سقوط",
         "غارات",    "براميل",  "نازحين",   "نزوح",    "نزح",      "هربا",  "عقب",    "إثر",
         "اثر",      "بسبب",    "فرار",     "ويقع",    "يقع",      "تقع",   "داخل"});
    add(kReport, {"قال",   "قالت", "أفاد",  "أفادت", "ذكر",   "ذكرت",  "أكد",  "أكدت", "أعلن",
                  "أعلنت", "نقلت", "نقل",   "بحسب",  "حسب",   "وفق",   "وفقا", "أشار", "أشارت",
                  "زعم",   "زعمت", "ادعى",  "ادعت",  "أوضح",  "أوضحت", "صرح",  "نشر",  "نشرت",
                  "بثت",   "تحدث", "تحدثت", "أضاف",  "أضافت", "نفى",   "نفت"});
    add(kHead,
        {"حي",      "حيي",     "أحياء",    "الأحياء",  "منطقة",  "مناطق",   "المنطقة", "بلدة",
         "بلدتي",   "بلدات",   "قرية",     "قريتي",    "قرى",    "مدينة",   "مخيم",    "مشروع",
         "ضاحية",   "كامل",    "كافة",     "جميع",     "كل",     "بالكامل", "الحي",    "محيطها",
         "شرق",     "غرب",     "شمال",     "جنوب",     "الشرقي", "الغربي",  "الشمالي", "الجنوبي",
         "الشرقية", "الغربية", "الشمالية", "الجنوبية", "مواقع",  "نقاط",    "تلة",     "تلال",
         "كتيبة",   "مدرسة",   "كلية",     "كليات",    "معمل",   "دوار",    "مشفى",    "مستشفى",
         "جامع",    "أيضا",    "أخرى",     "عدة"});
    add(kGlue, {"من", "على", "في", "ما", "ب", "مثل", "وهي", "هي", "منها", "ومنها"});
    add(kRelative, {"التي", "الذي", "الذين", "اللذين", "اللتين"});
    add(kBecome, {"بات", "باتت", "أصبح", "أصبحت", "صار", "صارت", "سقط", "سقطت", "سقوط", "وقع",
                  "وقعت", "عاد", "عادت", "عودة", "ليصبح", "لتصبح", "أضحى", "أضحت"});
    add(kThat, {"إن", "أن", "بأن", "ان", "بان", "إنه", "أنه", "إنها", "أنها"});
    add(kRemain, {"تبقى", "تبقي", "بقي", "بقيت", "يتبقى"});
    add(kStill, {"تزال", "زالت", "يزال", "زال", "مازالت", "مازال", "لاتزال", "لايزال", "ظلت", "تظل",
                 "يظل"});
    add(kSecure, {"الأمن", "والأمان", "الأمان", "والاستقرار", "الاستقرار"});
    add(kRestore, {"أعادت", "أعاد", "أعادوا", "إعادة", "تعيد", "يعيد"});
    for (auto& [w, bits] : m) words.add(w, bits);
  }

  uint32_t lookup(std::u32string_view w) const {
    uint32_t bits = 0;
    if (const uint32_t* b = words.find(w)) bits |= *b;
    if (w.size() > 2 && (w[0] == U'\u0648' || w[0] == U'\u0641')) {
      w.remove_prefix(1);
      if (const uint32_t* b = words.find(w)) bits |= *b;
    }
    if (w.size() > 3 && (w[0] == U'\u0628' || w[0] == U'\u0644')) {
      w.remove_prefix(1);
      if (const uint32_t* b = words.find(w)) bits |= *b;
    }
    return bits;
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
  std::vector<uint32_t> bits;
  std::vector<int> nameAt;    // index into names, or -1
  std::vector<int> clause;    // clause number of each token ("،" "؛" ":" start a new one)
  std::vector<bool> oldYear;  // a year before 2016 in the token's clause

  Reading(const std::u32string& t, const std::vector<Token>& k, const std::vector<SideMention>& s,
          const std::vector<NameSpan>& n)
      : text(t), tokens(k), sides(s), names(n) {
    const ClaimLexicon& L = lexicon();
    const size_t count = tokens.size();
    bits.assign(count, 0);
    nameAt.assign(count, -1);
    clause.assign(count, 0);
    for (size_t i = 0; i < count; ++i) bits[i] = L.lookup(tokenText(text, tokens[i]));
    for (size_t j = 0; j < names.size(); ++j)
      for (size_t i = names[j].first; i <= names[j].last && i < count; ++i)
        nameAt[i] = static_cast<int>(j);
    int c = 0;
    for (size_t i = 0; i < count; ++i) {
      if (i > 0)
        for (uint32_t k = tokens[i - 1].to; k < tokens[i].from; ++k)
          if (text[k] == U'\u060C' || text[k] == U'\u061B' || text[k] == U';' || text[k] == U':' ||
              text[k] == U'.') {
            ++c;
            break;
          }
      clause[i] = c;
    }
    std::vector<bool> oldClause(static_cast<size_t>(c) + 1, false);
    for (size_t i = 0; i < count; ++i) {
      const std::u32string_view w = tokenText(text, tokens[i]);
      if (w.size() == 4 && w[0] == U'2' && w[1] == U'0' && w[2] == U'1' && w[3] >= U'0' &&
          w[3] <= U'5')
        oldClause[clause[i]] = true;
    }
    oldYear.assign(count, false);
    for (size_t i = 0; i < count; ++i) oldYear[i] = oldClause[clause[i]];
  }

  bool is(size_t i, uint32_t b) const { return i < bits.size() && (bits[i] & b); }
  bool startsWithConjunction(size_t i) const {
    const std::u32string_view w = tokenText(text, tokens[i]);
    return w.size() > 2 && (w[0] == U'\u0648' || w[0] == U'\u0641');
  }
  // A "،" or "؛" or ":" between tokens a and b (a < b).
  bool breakBetween(size_t a, size_t b) const { return clause[a] != clause[b]; }

  // The side that acts around token `p`: the agent of a passive after it ("من قبل"), the
  // subject or genitive after it (before the name at `limit`), else the subject before it in
  // its clause.
  std::optional<Side> agentAround(size_t p, size_t limit) const {
    for (const SideMention& s : sides)
      if (s.token > p && s.token <= p + 8 && s.byMarker && !breakBetween(p, s.token))
        if (auto side = sideOf(s.side)) return side;
    for (const SideMention& s : sides)
      if (s.token > p && s.token < limit && s.token <= p + 4 && !s.object && !s.byMarker)
        if (auto side = sideOf(s.side)) return side;
    std::optional<Side> before, earlier;
    for (const SideMention& s : sides)
      if (s.token < p && !s.object && !s.byMarker)
        if (auto side = sideOf(s.side)) (breakBetween(s.token, p) ? earlier : before) = side;
    // Arabic drops a known subject: "أسر الثوار ...، واستعادوا السيطرة على ...".
    return before ? before : earlier;
  }
};

// Which words stand between a verb and its place, or between two members of a list, without
// ending the verb's reach: head words, prepositions, "كامل", and partial words.
bool mayStandBetween(const Reading& r, size_t i) {
  return r.is(i, kHead | kGlue | kPartial | kRemain);
}

// Step: the after-name holding phrases: "حي X الخاضع لسيطرة المعارضة", "X التي لا تزال بيد
// الفصائل", "سقط حي X بيد قوات النظام", "X المحررة", "X الذي سيطرت عليه قوات النظام".
std::optional<PlaceClaim> holdingAfterName(const Reading& r, size_t first, size_t last, size_t end,
                                           const ClaimContext& context) {
  const size_t count = r.tokens.size();
  for (size_t i = last + 1; i < count && i <= last + 7 && i < end; ++i) {
    if (r.breakBetween(last, i) && !r.is(i, kRelative)) break;
    if (r.is(i, kBlock) && !r.is(i, kBecome)) break;
    if (r.is(i, kLiberated) && i <= last + 2) {
      if (auto side = stanceSide(context.stance))
        return PlaceClaim{ClaimKind::Held, side, side, 0, 0};
      return std::nullopt;
    }
    if (r.is(i, kHand | kHoldNow) || (r.is(i, kCapture) && i > 0 && r.is(i - 1, kRelative))) {
      // The side: the hand's owner, or the subject of the relative clause.
      std::optional<Side> side;
      for (const SideMention& s : r.sides)
        if (s.token > i && s.token <= i + 4 && !s.object)
          if ((side = sideOf(s.side))) break;
      if (!side) continue;
      // "سقط حي X بيد ...", "X بات تحت سيطرة ...": the place changed hands.
      bool change = r.is(i, kCapture);
      for (size_t b = first >= 3 ? first - 3 : 0; b < i; ++b)
        if (r.is(b, kBecome) && !r.is(b, kStill) && r.nameAt[b] < 0) change = true;
      const ClaimKind kind = change ? ClaimKind::Captured : ClaimKind::Held;
      return PlaceClaim{kind, side, side, 0, 0};
    }
  }
  return std::nullopt;
}

// The predicate that governs a name at token `first`: the nearest claim word before it in reach
// (same clause, no other name or blocking word between). Returns its token.
std::optional<size_t> governingPredicate(const Reading& r, size_t first) {
  const uint32_t predicates = kCapture | kHoldNow | kWithdraw | kAttack | kFight | kHand | kRestore;
  for (size_t k = 0; k < 12 && k < first; ++k) {
    const size_t i = first - 1 - k;
    if (r.nameAt[i] >= 0) return std::nullopt;  // another name: the list rule decides
    if (r.breakBetween(i, first)) return std::nullopt;
    if (r.is(i, predicates)) return i;
    if (r.is(i, kBlock) && !r.is(i, kToward)) return std::nullopt;
  }
  return std::nullopt;
}

// Step: a claim from a predicate before the name, with its modifiers: an attempt or a failure
// before it ("تفشل باقتحام", "تهدف إلى السيطرة على"), a negation, the future, partial words
// between it and the name ("أجزاء من"), an advance "نحو" a place.
PlaceClaim claimFromPredicate(const Reading& r, size_t p, size_t first,
                              const ClaimContext& context) {
  PlaceClaim c;
  if (r.oldYear[p]) return c;  // background: "منذ عام 2012"
  const uint32_t b = r.bits[p];
  // Modifiers in the four words before the predicate, in its clause.
  bool tried = false, repelled = false, negated = false, future = false, restore = false;
  size_t repelAt = 0, tryAt = 0;
  for (size_t k = p >= 5 ? p - 5 : 0; k < p; ++k) {
    if (r.breakBetween(k, p)) continue;
    if (r.is(k, kTry)) tried = true, tryAt = k;
    if (r.is(k, kRepel)) repelled = true, repelAt = k;
    if (r.is(k, kNegation)) negated = true;
    if (r.is(k, kFuture)) future = true;
  }
  if (r.is(p, kTry)) tried = true;
  bool partial = false, toward = false, secure = false;
  for (size_t k = p + 1; k < first; ++k) {
    if (r.is(k, kPartial | kRemain)) partial = true;
    if (r.is(k, kToward)) toward = true;
    if (r.is(k, kSecure)) secure = true;
  }
  // "أعادت الأمن والاستقرار إلى": SANA's word for a taking.
  if (r.is(p, kRestore) || (p > 0 && r.is(p - 1, kRestore))) restore = true;
  if (future) return c;

  if (b & kHand) {
    // "الأحياء الخاضعة لسيطرة المعارضة: X ..." (the hand before the list)
    std::optional<Side> side;
    for (const SideMention& s : r.sides)
      if (s.token > p && s.token <= p + 4 && s.token < first && !s.object) side = sideOf(s.side);
    if (!side) return c;
    c.kind = ClaimKind::Held;
    c.actor = c.holder = side;
    return c;
  }
  std::optional<Side> agent = r.agentAround(p, first);
  if (!agent && (b & kLiberate)) agent = stanceSide(context.stance);
  // "وتمكنت من السيطرة على ...": a verb at the head of its clause continues the last agent.
  if (!agent && (p == 0 || r.clause[p - 1] != r.clause[p] || (p < 4 && r.clause[0] == r.clause[p])))
    agent = context.lastAgent;

  if (b & (kAttack | kFight)) {
    if (repelled || tried || negated) {
      c.kind = ClaimKind::Failed;
      // "صد الثوار هجوماً لقوات النظام": the attacker is named after the attack, else it is
      // the repeller's enemy.
      std::optional<Side> attacker;
      for (const SideMention& s : r.sides)
        if (s.token > p && s.token <= p + 4 && s.token < first) attacker = sideOf(s.side);
      if (!attacker && repelled) {
        std::optional<Side> repeller;
        for (const SideMention& s : r.sides)
          if (!s.object && s.token + 4 >= repelAt && s.token <= repelAt + 3 && s.token < p)
            repeller = sideOf(s.side);
        attacker = opponentOf(repeller);
      }
      if (!attacker && tried) {
        for (const SideMention& s : r.sides)
          if (!s.object && s.token + 4 >= tryAt && s.token < first) attacker = sideOf(s.side);
      }
      c.actor = attacker ? attacker : agent;
      c.holder = opponentOf(c.actor);
      return c;
    }
    if (toward) return c;  // an advance towards a place that has not reached it
    c.kind = ClaimKind::Contested;
    c.holder = Side::Contested;
    return c;
  }
  if (restore && !secure) return c;  // "أعادت" of anything else
  if (b & kWithdraw) {
    c.kind = ClaimKind::Withdrew;
    c.actor = agent;
    c.holder = opponentOf(agent);
    return c;
  }
  if (b & kHoldNow) {
    c.kind = tried ? ClaimKind::Failed : ClaimKind::Held;
    c.actor = agent;
    c.holder = c.kind == ClaimKind::Held ? agent : opponentOf(agent);
    if (!agent) c.kind = ClaimKind::None;
    return c;
  }
  // A taking.
  if (toward) return c;
  if (tried || negated || repelled) {
    c.kind = ClaimKind::Failed;
    c.actor = agent;
    c.holder = opponentOf(agent);
    if (!agent) c.kind = ClaimKind::None;
    return c;
  }
  if (!agent) return c;
  c.actor = agent;
  if (partial) {
    c.kind = ClaimKind::Contested;
    c.holder = Side::Contested;
    return c;
  }
  c.kind = ClaimKind::Captured;
  c.holder = agent;
  return c;
}

// Step: a list member takes the claim of the member before it when only list words stand
// between them ("على أحياء الصاخور والحيدرية والشيخ خضر"); "أجزاء من" before a member makes it
// and the members after it contested.
bool continuesList(const Reading& r, const NameSpan& previous, const NameSpan& name) {
  if (name.first <= previous.last) return false;
  if (name.first - previous.last > 6) return false;
  for (size_t k = previous.last + 1; k < name.first; ++k)
    if (!mayStandBetween(r, k) && !r.startsWithConjunction(k)) return false;
  // A list goes on with "و" or "،": "حي X ومنه إلى Y" is not a list.
  for (size_t k = previous.last + 1; k < name.first; ++k)
    if (r.is(k, kBlock)) return false;
  return true;
}

// Step: the speaker a reporting verb names: "قالت مصادر المعارضة إن", "بحسب المرصد السوري".
void findSpeaker(const Reading& r, PlaceClaim& c) {
  const size_t count = r.tokens.size();
  for (size_t i = 0; i < count; ++i) {
    if (!r.is(i, kReport)) continue;
    size_t to = i + 1;
    while (to < count && to <= i + 6 && !r.is(to, kThat | kCapture | kHoldNow) &&
           r.nameAt[to] < 0 && !r.breakBetween(i + 1 == count ? i : i + 1, to))
      ++to;
    if (to > i + 1) {
      c.saidByFrom = i + 1;
      c.saidByTo = to;
    }
    return;
  }
}

}  // namespace

void findClaims(const std::u32string& text, const std::vector<Token>& tokens,
                const std::vector<SideMention>& sides, const std::vector<NameSpan>& names,
                ClaimContext& context, std::vector<PlaceClaim>& out) {
  out.assign(names.size(), PlaceClaim{});
  if (names.empty()) return;
  const Reading r(text, tokens, sides, names);
  std::vector<bool> fromPredicate(names.size(), false);
  std::vector<bool> partialSeen(names.size(), false);
  for (size_t j = 0; j < names.size(); ++j) {
    const NameSpan& n = names[j];
    const size_t next = j + 1 < names.size() ? names[j + 1].first : tokens.size();
    PlaceClaim c;
    if (auto p = governingPredicate(r, n.first)) {
      c = claimFromPredicate(r, *p, n.first, context);
      fromPredicate[j] = c.kind != ClaimKind::None;
      for (size_t k = *p + 1; k < n.first; ++k)
        if (r.is(k, kPartial | kRemain)) partialSeen[j] = true;
    } else if (j > 0 && fromPredicate[j - 1] && continuesList(r, names[j - 1], n)) {
      c = out[j - 1];
      partialSeen[j] = partialSeen[j - 1];
      for (size_t k = names[j - 1].last + 1; k < n.first; ++k)
        if (r.is(k, kPartial | kRemain)) partialSeen[j] = true;
      if (partialSeen[j] && c.kind == ClaimKind::Captured) {
        c.kind = ClaimKind::Contested;
        c.holder = Side::Contested;
      }
      fromPredicate[j] = true;
    }
    // A holding phrase after the name outranks a fight or a verb before it ("معارك في X الذي لا
    // يزال بيد الثوار": held), and reaches back over the list it ends.
    if (auto held = holdingAfterName(r, n.first, n.last, next, context)) {
      bool remain = false;  // "ما تبقى من أحياء ... بيد المعارضة": still held
      for (size_t k = n.first >= 4 ? n.first - 4 : 0; k < n.first; ++k)
        if (r.is(k, kRemain)) remain = true;
      if (c.kind == ClaimKind::None || c.kind == ClaimKind::Contested || remain) {
        c = *held;
        for (size_t b = j; b > 0 && continuesList(r, names[b - 1], names[b]); --b)
          if (out[b - 1].kind == ClaimKind::None) out[b - 1] = *held;
      }
    }
    out[j] = c;
  }
  for (size_t j = 0; j < names.size(); ++j) {
    PlaceClaim& c = out[j];
    if (!names[j].claimable) c = PlaceClaim{};
    if (c.kind == ClaimKind::None) continue;
    findSpeaker(r, c);
    if (c.actor && c.kind != ClaimKind::Contested) context.lastAgent = c.actor;
  }
}

}  // namespace atlas
