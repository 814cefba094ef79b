// Claim rules, first part: the verb or noun that governs a name (governingPredicate), what it
// says of the name (claimFromPredicate), and the holding phrases after a name.
#include <algorithm>

#include "core/claim_reading.h"

namespace atlas::claim_rules {

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

// "حي الشيخ سعيد التابع للمعارضة": right after a place, a side it belongs to holds it.
bool affiliatedWord(std::u32string_view w) {
  static const WordTable<bool> words = [] {
    WordTable<bool> t;
    for (const char* x : {"التابع", "التابعة", "التابعين", "تابع", "تابعة"})
      t.add(foldString(x), true);
    return t;
  }();
  return words.contains(w);
}

// Step: the after-name holding phrases: "حي X الخاضع لسيطرة المعارضة", "X التي لا تزال بيد
// الفصائل", "سقط حي X بيد قوات النظام", "X المحررة", "X الذي حرره الجيش" (held), "حي X، أحد
// الأحياء التي لا تزال بيد المعارضة" (apposition), "X لا يزال تحت سيطرتها" (the speaker's).
std::optional<PlaceClaim> holdingAfterName(const Reading& r, size_t first, size_t last, size_t end,
                                           const ClaimContext& context,
                                           std::optional<size_t> listFirst) {
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
    // One comma may open an apposition or a relative clause about the place ("حي الأشرفية،
    // الخاضع لسيطرة النظام" too).
    static const std::u32string subject = foldString("الخاضع");
    if (r.breakBetween(i - 1, i) &&
        (r.breakBetween(last, i - 1) ||
         !(r.is(i, kRelative) || r.has(i, kApposition) ||
           withoutConjunction(tokenText(r.text, r.tokens[i])).starts_with(subject))))
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
    } else if (r.is(i, kHand | kHoldNow) || (r.is(i, kCapture) && r.is(i - 1, kRelative)) ||
               (i == last + 1 && affiliatedWord(tokenText(r.text, r.tokens[i])))) {
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

// "الأحياء التي لا تزال خاضعة لسيطرة المسلحين، وهي حي X وحي Y", "سيطر على عدة نقاط، منها X":
// after the comma that ends the clause at `brk`, a word that spells out what the clause was about,
// then only head words, and the name at `first`. The clause's predicate governs the name.
bool spellsOutTheClauseBefore(const Reading& r, size_t brk, size_t first) {
  if (brk + 1 >= r.tokens.size() || !r.breakBetween(brk, brk + 1)) return false;
  static const WordTable<bool> spellOut = [] {
    WordTable<bool> t;
    for (const char* w :
         {"وهي", "هي", "منها", "ومنها", "مثل", "أبرزها", "وأبرزها", "أهمها", "وأهمها", "بينها",
          "لاسيما", "ولاسيما", "خصوصا", "وخصوصا", "خاصة", "وخاصة"})
      t.add(foldString(w), true);
    return t;
  }();
  size_t k = brk + 1;
  if (k >= first || r.breakBetween(k, first)) return false;
  // ("بما في ذلك X": what the whole includes.)
  static const std::u32string including = foldString("بما"), in = foldString("في"),
                              that = foldString("ذلك");
  if (tokenText(r.text, r.tokens[k]) == including && k + 2 < first &&
      tokenText(r.text, r.tokens[k + 1]) == in && tokenText(r.text, r.tokens[k + 2]) == that) {
    k += 2;
  } else if (!spellOut.contains(tokenText(r.text, r.tokens[k]))) {
    return false;
  }
  for (size_t j = k + 1; j < first; ++j)
    if (!r.is(j, kHead) || r.nameAt[j] >= 0) return false;
  return true;
}

// The predicate that governs a name at token `first`: the nearest claim word before it in reach
// (same clause, no other name or blocking word between). A city after a side word ("ثوار حلب")
// does not stop it; a site before "في" does ("على كلية التسليح في الراموسة": the name is only
// where the site is). Returns its token.
std::optional<size_t> governingPredicate(const Reading& r, size_t first, bool* located) {
  // ("تمكن الثوار من صد قوات النظام خلال الليل في حي X": the repelling verb with no attack word
  // after it governs the place.)
  const uint32_t predicates = kCapture | kHoldNow | kWithdraw | kAttack | kFight | kHand |
                              kRestore | kArrive | kPresence | kRepel;
  bool location = false;
  size_t i = first;
  size_t anchor = first;    // where the clause the predicate must share begins to be checked
  bool spelledOut = false;  // the name is in a list that spells out the clause before it
  for (size_t steps = 0; steps < 20 && i > 0; ++steps) {
    --i;
    if (r.nameAt[i] >= 0) {
      const NameSpan& n = r.names[static_cast<size_t>(r.nameAt[i])];
      // ("سيطرت على عدة أحياء قرب الشيخ مقصود، أبرزها X": a name in the clause a list spells out
      // only says where its places are.)
      if (spelledOut || (!n.claimable && n.first > 0 && r.isSideToken(n.first - 1))) {
        i = n.first;
        continue;
      }
      return std::nullopt;  // another name: the list rule decides
    }
    if (r.breakBetween(i, anchor)) {
      // "تسيطر على أحياء الحلوم، والأصيلة": a neighbourhood the gazetteer lacks, right after
      // the list's head, then a comma and "و" before the name: one list, one predicate.
      const std::u32string_view w = tokenText(r.text, r.tokens[first]);
      // ("على دار العجزة، ومساكن العمالية": two words after "على" too.)
      auto opens = [&](size_t k) { return r.is(k, kHead) || r.has(k, kOn); };
      const bool plain = i >= 2 && !r.bits[i - 1] && !r.bits2[i - 1] && r.nameAt[i - 1] < 0 &&
                         !r.isSideToken(i - 1) && opens(i - 2);
      if (i >= 1 && i + 1 == first && !w.empty() && w[0] == U'\u0648' && unknownMember(r, i) &&
          (opens(i - 1) || plain)) {
        anchor = i;
        continue;
      }
      if (spellsOutTheClauseBefore(r, i, first)) {
        anchor = i;
        spelledOut = true;
        continue;
      }
      return std::nullopt;
    }
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
    // "أطلقوا قذائف وصواريخ على محور الأكاديمية العسكرية": fire on a front, no fighting there.
    if (r.has(i, kFrontLine) && [&] {
          static const WordTable<bool> fire = [] {
            WordTable<bool> t;
            for (const char* w : {"قذائف", "القذائف", "قصف", "قصفت", "قصفوا", "غارات", "الغارات",
                                  "غارة", "أطلقوا", "أطلقت", "أطلق", "اطلقوا", "اطلقت", "اطلق"})
              t.add(foldString(w), true);
            return t;
          }();
          bool fired = false;
          for (size_t k = i; k > 0 && k + 10 > i && !r.breakBetween(k - 1, i); --k) {
            if (r.is(k - 1, kAttack | kFight | kCapture) && !r.has(k - 1, kFrontLine)) return false;
            if (fire.contains(withoutConjunction(tokenText(r.text, r.tokens[k - 1])))) fired = true;
          }
          return fired;
        }())
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
    // ("تحت سيطرة الفصائل": the hand before the noun of control tells it is held.)
    if (r.is(i, predicates))
      return i > 0 && r.is(i, kCapture) && !r.is(i, kHand) && r.is(i - 1, kHand) &&
                     !r.breakBetween(i - 1, i)
                 ? i - 1
                 : i;
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
    // ("سيطروا على عدة أبنية استراتيجية داخل حي X": a part and its adjective, then "داخل".)
    // ("نقل الثوار المعارك إلى داخل حي X": "إلى داخل" is "into"; the predicate before decides.)
    const bool partBefore = r.is(beforeInside, kAttack | kCapture | kPartial) ||
                            r.has(beforeInside, kTo) ||
                            (beforeInside > 0 && r.is(beforeInside - 1, kPartial) &&
                             r.nameAt[beforeInside] < 0 && !r.is(beforeInside, kBlock));
    // ("على عدة أحياء قرب الشيخ مقصود، أبرزها X": the place the spelt-out ones are near.)
    if (spelledOut && r.is(i, kBlock) && i + 1 < first &&
        (r.nameAt[i + 1] >= 0 || (r.is(i + 1, kHead) && i + 2 < first && r.nameAt[i + 2] >= 0)))
      continue;
    // ("تدور معارك بين النظام والمعارضة داخل ضاحية الأسد": the fighting is inside it.)
    const bool fightBefore = [&] {
      for (size_t k = i; k > 0 && k + 8 > i && !r.breakBetween(k - 1, i); --k)
        if (r.is(k - 1, kFight) && !r.has(k - 1, kFrontLine)) return true;
      return false;
    }();
    if (r.is(i, kBlock) && !r.is(i, kToward) && !r.has(i + 1, kTime) &&
        !(i > 0 && (partBefore || fightBefore) &&
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
  // ("والمتمثلة بمدرسة الحكمة": "ب" on the name's first word.)
  const bool namelyIn = first >= 3 && tokenText(r.text, r.tokens[first - 1]) == in &&
                        namely.contains(withoutConjunction(tokenText(r.text, r.tokens[first - 2])));
  const bool namelyWith =
      first >= 2 && !namelyIn && tokenText(r.text, r.tokens[first]).starts_with(U"\u0628") &&
      namely.contains(withoutConjunction(tokenText(r.text, r.tokens[first - 1])));
  if (namelyIn || namelyWith) {
    const size_t noun = namelyIn ? first - 3 : first - 2;
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
namespace {

// "السيطرة", "بالسيطرة", "والتحرير": the definite noun, a concept as often as an event.
bool definiteWord(std::u32string_view w) {
  w = withoutConjunction(w);
  if (w.size() > 3 && w[0] == U'\u0644' && w[1] == U'\u0644') return true;  // "للسيطرة"
  if (w.size() > 3 && (w[0] == U'\u0628' || w[0] == U'\u0644' || w[0] == U'\u0643'))
    w.remove_prefix(1);
  return w.size() > 2 && w[0] == U'\u0627' && w[1] == U'\u0644';
}

}  // namespace

PlaceClaim claimFromPredicate(const Reading& r, size_t p, size_t first, const ClaimContext& context,
                              bool ignorePartial) {
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
  // ("بعد عملية سيطرة الثوار على X": after the operation, so done; a taking, below.)
  const size_t operation = p > 0 && r.has(p - 1, kOperation) ? p - 1 : p > 1 ? p - 2 : p;
  static const WordTable<bool> afterIt = [] {
    WordTable<bool> t;
    for (const char* w : {"بعد", "إثر", "اثر", "عقب"}) t.add(foldString(w), true);
    return t;
  }();
  if (p > 0 &&
      (r.has(p - 1, kOperation) || (p > 1 && r.has(p - 2, kOperation) && r.is(p - 1, kCapture))) &&
      !r.is(p, kAttack) &&
      !(operation > 0 && r.is(p, kCapture) &&
        afterIt.contains(withoutConjunction(tokenText(r.text, r.tokens[operation - 1]))))) {
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
    // ("ويحاول النظام التقدم إلى أحياء جديدة بعد سيطرته على X": "بعد" and the taking's noun.)
    if (kw == afterThat ||
        (kw == after && k + 1 < p && tokenText(r.text, r.tokens[k + 1]) == that) ||
        (kw == after && k + 1 == p && r.is(p, kCapture))) {
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
  // ("عجز الهجوم عن تحقيق خرق على جبهة X أو الدخول إلى Y": "أو" gives the second aim the
  // first one's failure.)
  static const std::u32string either = foldString("أو");
  const bool alternative = p > 0 && tokenText(r.text, r.tokens[p - 1]) == either;
  if (r.is(p, kAttack | kCapture))
    for (size_t k = p >= 14 ? p - 14 : 0; k + 8 < p; ++k) {
      const bool repel = !repelled && r.is(k, kRepel) && r.is(p, kAttack) && !brokeThrough(r, k);
      const bool attempt = !tried && r.is(k, kTry) && (r.tryVerb(k) || alternative);
      if (!(repel || attempt) || r.breakBetween(k, p)) continue;
      size_t gap = 0;
      for (size_t m = k + 1; m < p; ++m)
        if (!r.isTimeToken(m) && !r.has(m, kTimeWord) && !r.isSideToken(m)) ++gap;
      if (repel && gap <= 7 && k + 12 >= p) repelled = true, repelAt = k;
      if (attempt && (gap <= 6 || (alternative && gap <= 12)) && (k + 12 >= p || alternative))
        tried = true, tryAt = k;
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
      tokenText(r.text, r.tokens[p - 1]).size() == 2 && !managedBefore(p - 1) &&
      !r.narratedAfter(p) && !(tried && tryAt + 4 >= p))  // ("حاولت الجماعات أن تدخل X")
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
        side = sideOf(s.side), at = s.last;
    if (!side) return c;
    // ("الأحياء التي كانت تحت سيطرة المعارضة": an earlier state.)
    for (size_t k = p >= 2 ? p - 2 : 0; k < p; ++k)
      if (r.is(k, kWas)) return c;
    bool on = false;  // "لسيطرة الوحدات الكردية على X": the noun of a taking
    for (size_t k = at + 1; k < first; ++k) {
      // ("أحياء تحت سيطرة الفصائل، هي X وY": the list spells out the held ones.)
      if (r.breakBetween(k - 1, k) && spellsOutTheClauseBefore(r, k - 1, first)) break;
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
      // "لتسقط بيد المعارضة مناطق X", "باتت تحت سيطرة الجيش أحياء X": fell into its hands.
      static const WordTable<bool> fell = [] {
        WordTable<bool> t;
        for (const char* w : {"تسقط", "يسقط", "لتسقط", "ليسقط", "سقطت", "سقط", "سقوط"})
          t.add(foldString(w), true);
        return t;
      }();
      const size_t verb = p > 1 && r.is(p - 1, kHand) ? p - 2 : p - 1;  // (past "تحت")
      if (!part && p > 0 && !r.breakBetween(verb, p) && !future && !negated &&
          (fell.contains(withoutConjunction(tokenText(r.text, r.tokens[verb]))) ||
           (r.is(verb, kBecome) && !r.is(verb, kStill))))
        c.kind = ClaimKind::Captured;
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
  // "انتهت المعارك داخل حي X باستعادته من قبل قوات النظام": the passive's agent right after
  // the noun took it (not a side in a later clause, "بينما انسحب الثوار نحو ...").
  if (!agent && (b & kCapture))
    for (const SideMention& s : r.sides)
      if (s.passiveAgent && s.token > p && s.token <= p + 5 && !r.breakBetween(p, s.token))
        if (auto side = sideOf(s.side)) {
          agent = side;
          break;
        }
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
  // (Once a side has acted in the article, "وسيطرت على X" at a sentence's head is that side's:
  // the clause-head rule below.)
  if (!agent && (b & kCapture) && !(b & kPresent) && p <= 1 && !r.speakerSpan().second &&
      !context.lastAgent)
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
  // "وأعادت الأمن والاستقرار إلى X" with no side named: the idiom is only the state's.
  if (!agent && restore) agent = Side::Government;

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
    // "تمكنت قوات النظام من اقتحام X": managed to storm it, so in it; a taking. (Not an advance,
    // "تمكنوا من التوغل في X", which is fighting inside it.)
    static const std::u32string storm = foldString("اقتحام");
    const bool managed = [&] {  // ("تمكنت قوات الأخير من اقتحام": its subject between)
      for (size_t k = p >= 5 ? p - 5 : 0; k < p; ++k)
        if (!r.breakBetween(k, p) && managedBefore(k + 1) && k + 1 < p) return true;
      return false;
    }();
    if (agent && !partial && managed &&
        withoutConjunction(tokenText(r.text, r.tokens[p])).starts_with(storm)) {
      c.kind = ClaimKind::Captured;
      c.actor = c.holder = agent;
      return c;
    }
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
    // ("بدأ السكان بالفرار من حي X": people fleeing, not a side withdrawing.)
    for (const SideMention& s : r.sides)
      if (s.side == SideWord::Civilians && s.last + 3 >= p && s.token <= p + 3) return c;
    // "فلول الإرهابيين الفارين من X": a participle's side is the one it describes, right before.
    for (const SideMention& s : r.sides)
      if (s.last + 1 == p && r.tokens[p].from > 0 &&
          withoutConjunction(tokenText(r.text, r.tokens[p])).starts_with(U"\u0627\u0644"))
        if (auto side = sideOf(s.side)) agent = side;
    if (!agent) return c;  // "انسحاب عناصر تنظيم داعش": no side of this battle
    c.kind = ClaimKind::Withdrew;
    c.actor = agent;
    c.forced = r.forcedToWithdraw(p).has_value();
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
  // "اقترب الجيش من السيطرة على X": near to taking it, so the front is at it (not a failure).
  if (tried && !negated && !repelled && [&] {
        static const std::u32string approach[] = {foldString("اقترب"), foldString("يقترب"),
                                                  foldString("تقترب"), foldString("اقتراب")};
        const std::u32string_view w = withoutConjunction(tokenText(r.text, r.tokens[tryAt]));
        return std::any_of(std::begin(approach), std::end(approach),
                           [&](const std::u32string& a) { return w.starts_with(a); });
      }()) {
    c.kind = ClaimKind::Contested;
    c.actor = agent;
    c.holder = Side::Contested;
    return c;
  }
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
  // ("تواصل الوحدات تطهير X": still going on.)
  static const std::u32string began[] = {
      foldString("بدأ"),   foldString("بدأت"),  foldString("بدأوا"),  foldString("تبدأ"),
      foldString("يبدأ"),  foldString("تواصل"), foldString("يواصل"),  foldString("يواصلون"),
      foldString("تتابع"), foldString("يتابع"), foldString("تستكمل"), foldString("يستكمل")};
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
  // "أن مقاتلي الرضوان سيطروا على X", "انتهاء المرحلة الأولى بتحرير X": a verb or event noun of
  // taking whose side the sentence never names continues the side last acting in the article.
  // (Not the concept "السيطرة على X" in "أهمية السيطرة على", "سوى السيطرة على": no event told.)
  if (!agent && !definiteWord(tokenText(r.text, r.tokens[p]))) agent = context.lastAgent;
  if (!agent) return c;
  c.actor = agent;
  c.kind = ClaimKind::Captured;
  c.holder = agent;
  return c;
}

}  // namespace atlas::claim_rules
