// Claim rules, second part: phrases around a name that make or undo a claim on their own: lists,
// roads opened, places that fell, were handed over or lost, last pockets, exceptions, anaphora.
#include <algorithm>

#include "core/claim_reading.h"

namespace atlas::claim_rules {

// A name the gazetteer lacks, standing in a list: an unknown definite word ("والشحادين",
// "الإسكان" of "ومنطقة الإسكان"), or an unknown word right before the list's comma ("وأحد،").
bool unknownMember(const Reading& r, size_t k, bool second) {
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
                   bool throughIn) {
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
    // "إلى جانب Y" (alongside): the list goes on.
    static const std::u32string side = foldString("جانب");
    if (r.has(k, kTo) && k + 1 < name.first && tokenText(r.text, r.tokens[k + 1]) == side) {
      ++k;
      continue;
    }
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
    // "وعلى مساحات واسعة في منطقة Y": a part's adjective.
    if (k > previous.last + 1 && r.is(k - 1, kPartial) && !r.bits[k] && !r.bits2[k] &&
        r.nameAt[k] < 0 && !r.isSideToken(k))
      continue;
    // "حيي أقيول أغير وباب الحديد": a second spelling right after a name, then "و" and the next
    // ("أحياء أقيول (أغير)، وباب الحديد": in brackets, and a comma before "و").
    if (k == previous.last + 1 && k + 1 == name.first && !r.bits[k] && !r.bits2[k] &&
        !r.isSideToken(k) && !r.punctuationBefore(k) && r.text[r.tokens[k + 1].from] == U'\u0648')
      continue;
    if (!mayStandBetween(r, k)) return false;
    if (r.is(k, kBlock)) return false;
    if (!throughIn && r.placeIn(k) && !r.is(k - 1, kPartial) &&
        !(k >= 2 && r.is(k - 2, kPartial) &&
          (r.is(k - 1, kGlue) || (!r.bits[k - 1] && !r.bits2[k - 1]))))
      return false;  // "مواقع في X" ("مساحات واسعة في X")
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
  // "التقدم من مواقعها في بلدة X": where the side set out from, not where it attacked.
  size_t h = first;
  if (h > 0 && r.is(h - 1, kHead)) --h;
  if (h >= 3 && withoutConjunction(tokenText(r.text, r.tokens[h - 1])) == U"\u0641\u064A" &&
      withoutConjunction(tokenText(r.text, r.tokens[h - 3])) == U"\u0645\u0646" &&
      tokenText(r.text, r.tokens[h - 2]).starts_with(U"\u0645\u0648\u0627\u0642\u0639") &&
      !r.anyIn(h >= 7 ? h - 7 : 0, h - 3, kWithdraw))  // (not "تراجعت من مواقعها في X")
    return true;
  // ("تلة الصنوبرات، جنوب شرق منطقة الكليات": a head word may stand between.)
  size_t i = first, named = first;
  if (i > 1 && r.is(i - 1, kHead) && r.has(i - 2, kDirection)) named = --i;
  while (i > 0 && r.has(i - 1, kDirection)) --i;
  return i < named && i > 0 && r.nameAt[i - 1] >= 0;
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

// Step: "حي الفرافرة، وهو أحد معاقل جبهة النصرة", "منطقة العامرية التي تعتبر مركز ثقل الزنكي",
// "المعمل أحد أهم الحصون العسكرية التي يتخذها جيش النظام": a side's stronghold is held by it.
std::optional<PlaceClaim> strongholdOf(const Reading& r, size_t last) {
  static const WordTable<bool> stronghold = [] {
    WordTable<bool> t;
    for (const char* w :
         {"معقل", "معاقل", "المعقل", "معقلا", "حصون", "الحصون", "حصن", "قلاع", "ثقل"})
      t.add(foldString(w), true);
    return t;
  }();
  static const WordTable<bool> linking = [] {
    WordTable<bool> t;
    for (const char* w :
         {"أحد",     "إحدى", "احد",  "أبرز",  "أهم",   "اهم",      "أكبر",  "اكبر",
          "آخر",     "ثاني", "ثالث", "الذي",  "التي",  "يعتبر",    "تعتبر", "يعد",
          "تعد",     "وهو",  "وهي",  "هو",    "هي",    "الأبرز",   "الأهم", "الأكبر",
          "الرئيسي", "مركز", "وأهم", "وأكبر", "وأبرز", "العسكرية", "الأخير"})
      t.add(foldString(w), true);
    return t;
  }();
  const size_t count = r.tokens.size();
  for (size_t i = last + 1; i < count && i <= last + 6; ++i) {
    if (r.nameAt[i] >= 0 || r.isSideToken(i)) return std::nullopt;
    const std::u32string_view w = tokenText(r.text, r.tokens[i]);
    if (!stronghold.contains(w)) {
      if (!linking.contains(w)) return std::nullopt;
      continue;
    }
    for (const SideMention& s : r.sides)
      if (s.token > i && s.token <= i + 5 && !r.breakBetween(i, s.token))
        if (auto side = sideOf(s.side)) return PlaceClaim{ClaimKind::Held, side, side, 0, 0};
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
// ("خسرت الفصائل مناطق عدة في شمال المدينة، أبرزها X": the list spells out what was lost.)
std::optional<PlaceClaim> lostTo(const Reading& r, size_t first, size_t last) {
  size_t end = first, reach = 5;
  for (size_t brk = first >= 2 ? first - 2 : first; brk + 1 < first; ++brk)
    if (spellsOutTheClauseBefore(r, brk, first)) end = brk + 1, reach = 12;
  size_t verb = end;
  for (size_t k = end >= reach ? end - reach : 0; k < end; ++k)
    if (r.has(k, kLose) && !r.breakBetween(k, end - 1)) verb = k;
  if (verb == end) return std::nullopt;
  // ("على وشك خسارة حي X", "قد تخسر": not lost yet.)
  static const std::u32string verge = foldString("وشك");
  for (size_t k = verb >= 2 ? verb - 2 : 0; k < verb; ++k) {
    if (r.is(k, kFuture | kNegation)) return std::nullopt;
    if (tokenText(r.text, r.tokens[k]) == verge)  // (the front is in it)
      return PlaceClaim{ClaimKind::Contested, std::nullopt, Side::Contested, 0, 0};
  }
  std::optional<Side> loser, taker = r.sideAfter(last, 5);
  for (const SideMention& s : r.sides)
    if (s.token < first && !s.object && s.token + 3 >= verb) loser = sideOf(s.side);
  // ("وتراجعت الفصائل إلى ... بعد خسارتها X": the pronoun on the noun is the side before it.)
  static const std::u32string loss = foldString("خسارت");
  if (!loser && withoutConjunction(tokenText(r.text, r.tokens[verb])).starts_with(loss))
    for (const SideMention& s : r.sides)
      if (s.token < verb && !s.object && !r.breakBetween(s.token, verb)) loser = sideOf(s.side);
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
    // ("حي X الذي يشهد اشتباكات", "حي X، والذي يشهد تقدماً لقوات النظام": a relative clause.)
    // ("منطقة ضاحية الأسد السكنية تشهد اشتباكات": an adjective right after the name.)
    const bool adjective = k == last + 1 && !r.bits[k] && !r.bits2[k] &&
                           tokenText(r.text, r.tokens[k]).starts_with(U"\u0627\u0644");
    if (r.nameAt[k] < 0 && !mayStandBetween(r, k) && !r.has(k, kWitness) && !r.is(k, kRelative) &&
        !adjective && tokenText(r.text, r.tokens[k]).front() != U'\u0648')
      return false;
    // ("يشهد تقدماً لقوات النظام": an advance through it too.)
    if (r.has(k, kWitness))
      return k + 1 < r.tokens.size() &&
             (r.is(k + 1, kFight | kAttack) || r.is(k + 2, kFight | kAttack));
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
    // ("اقتحام حي X وطرد الإرهابيين منه": driving the enemy out of it is its taking.)
    static const WordTable<bool> expel = [] {
      WordTable<bool> t;
      for (const char* w : {"طرد", "طردت", "طردوا", "دحر", "دحرت", "دحروا"})
        t.add(foldString(w), true);
      return t;
    }();
    static const WordTable<bool> fromIt = [] {
      WordTable<bool> t;
      for (const char* w : {"منه", "منها", "منهما"}) t.add(foldString(w), true);
      return t;
    }();
    const bool expels = expel.contains(withoutConjunction(tokenText(r.text, r.tokens[v])));
    for (size_t k = v + 1; k < r.tokens.size() && k <= v + 3; ++k)
      if (r.has(k, kBackRef) || (expels && fromIt.contains(tokenText(r.text, r.tokens[k])))) {
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

}  // namespace atlas::claim_rules
