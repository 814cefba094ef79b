#include "core/claims.h"

#include <algorithm>

#include "core/claim_reading.h"

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

using namespace claim_rules;

namespace {

// Step: state media tell the other side's takings only as its claims ("ما رددته وسائل إعلام
// المعارضة عن سيطرتهم على X") or as infiltrations, never in their own voice. In their own voice,
// a taking read as the opposition's while the army acts in the sentence is the army's: the
// opposition's word there names whom it was taken from or whose stronghold the place was ("تابعوا
// التقدم باتجاه حي X الذي يعتبر مركز ثقل المجموعات المسلحة واستطاعوا السيطرة عليه").
void stateMediaTaker(const Reading& r, PlaceClaim& c, const ClaimContext& context) {
  if (c.kind != ClaimKind::Captured || c.actor != Side::Opposition || c.saidByFrom != c.saidByTo)
    return;
  const bool armyActs = std::any_of(r.sides.begin(), r.sides.end(), [](const SideMention& s) {
    return s.side == SideWord::Government && (!s.object || s.passiveAgent);
  });
  if (!armyActs || context.stance() <= 0) return;
  c.actor = Side::Government;
  c.holder = Side::Government;
}

// "X بقسمها الجنوبي", "X بجزئه الشرقي": the part of the place named right after it.
bool partNamedAfter(const Reading& r, size_t last) {
  static const WordTable<bool> parts = [] {
    WordTable<bool> t;
    for (const char* w : {"بقسمها", "بقسمه", "بجزئها", "بجزئه", "بشطرها", "بشطره", "بطرفها",
                          "بطرفه", "بقسميها", "بقسميه"})
      t.add(foldString(w), true);
    return t;
  }();
  return last + 1 < r.tokens.size() && parts.contains(tokenText(r.text, r.tokens[last + 1]));
}

// Step: "سيطرت على مبنى البلدية في منطقة X": a site taken in a place is a part of it taken,
// the place contested (the side that took the part acted in it).
// ("سيطروا على مبنى البريد في حي X": a building, so already read as a part: fought over too.)
PlaceClaim partTakenIn(const PlaceClaim& site) {
  if (site.kind != ClaimKind::Captured && site.kind != ClaimKind::Contested) return PlaceClaim{};
  PlaceClaim c = site;
  c.kind = ClaimKind::Contested;
  c.holder = Side::Contested;
  return c;
}

// "وشنت الفصائل هجوماً على X" with no taking told: the side that acts in it is still the one a
// later "وتمكنت من السيطرة على ..." continues; so is one acting in a sentence that names no place
// ("وشنت قوات النظام هجوماً عنيفاً فجراً. وتمت السيطرة على X بعد ساعات").
void noteActingSide(const Reading& r, ClaimContext& context) {
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

}  // namespace

void noteActingSide(const std::u32string& text, const std::vector<Token>& tokens,
                    const std::vector<SideMention>& sides, ClaimContext& context) {
  if (sides.empty()) return;
  static const std::vector<NameSpan> none;
  noteActingSide(Reading(text, tokens, sides, none), context);
}

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
        out[j] = partTakenIn(c);
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
        // ("X، Y، كفرحمرة (خاضعة لسيطرة المعارضة)": a bracket keeps it to the last member.)
        const bool bracketed =
            n.last + 1 < tokens.size() &&
            std::any_of(text.begin() + tokens[n.last].to, text.begin() + tokens[n.last + 1].from,
                        [](char32_t ch) { return ch == U'(' || ch == U'\uFD3E'; });
        for (size_t b = j; !bracketed && b > 0 && continuesList(r, names[b - 1], names[b], true);
             --b)
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
    if (c.kind == ClaimKind::None)
      if (auto held = strongholdOf(r, n.last)) c = *held;
    if (c.kind == ClaimKind::Captured && partNamedAfter(r, n.last)) {
      c.kind = ClaimKind::Contested;  // "كامل مزارع الملاح بقسمها الجنوبي": a part of it taken
      c.holder = Side::Contested;
    }
    if (c.kind != ClaimKind::None || carry[j].kind == ClaimKind::None) carry[j] = c;
    out[j] = c;
  }
  // "الحي", "البلدة" after the names: the place last named.
  // ("في أحياء X وY وZ بعد سيطرتها على تلك الأحياء": the whole list named before.)
  static const WordTable<bool> these = [] {
    WordTable<bool> t;
    for (const char* w : {"تلك", "هذه"}) t.add(foldString(w), true);
    return t;
  }();
  static const WordTable<bool> plurals = [] {
    WordTable<bool> t;
    for (const char* w : {"الأحياء", "المناطق", "البلدات", "القرى", "المواقع"})
      t.add(foldString(w), true);
    return t;
  }();
  for (size_t a = 0; a < tokens.size(); ++a) {
    const bool list = a > 0 && plurals.contains(tokenText(r.text, r.tokens[a])) &&
                      these.contains(withoutConjunction(tokenText(r.text, r.tokens[a - 1])));
    if ((!r.has(a, kAnaphor) && !list) || r.nameAt[a] >= 0 ||
        (a + 1 < tokens.size() && r.nameAt[a + 1] >= 0))
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
    // (After a withdrawal, "هذه الأحياء" are the ones left: enteredAfterWithdrawal.)
    if (list && std::any_of(out.begin(), out.end(),
                            [](const PlaceClaim& c) { return c.kind == ClaimKind::Withdrew; }))
      continue;
    if (list)  // the rest of the list the last name ends
      for (size_t k = meant.back();
           k > 0 && names[k - 1].claimable && continuesList(r, names[k - 1], names[k], true); --k)
        meant.push_back(k - 1);
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
    stateMediaTaker(r, c, context);
    if (c.actor && c.kind != ClaimKind::Contested) context.lastAgent = c.actor, agentSet = true;
  }
  if (!agentSet) noteActingSide(r, context);
}

}  // namespace atlas
