// How the claim rules read a sentence (Reading), and their steps, each defined in
// claim_predicate.cpp (the verb or noun that governs a name) or claim_name_rules.cpp (phrases
// around a name). Internal to the claim rules.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/claim_words.h"

namespace atlas::claim_rules {

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
        // "تقدمت القوات لتخوض اشتباكات مع المسلحين وتسيطر على X": joined by و to such a verb,
        // the present goes on telling what followed.
        const std::u32string_view raw = tokenText(text, tokens[i]);
        if (raw.size() > 4 && raw[0] == U'\u0648' && (raw[1] == U'\u062A' || raw[1] == U'\u064A'))
          for (size_t k = i >= 8 ? i - 8 : 0; k < i; ++k) {
            const std::u32string_view v = tokenText(text, tokens[k]);
            if (v.size() > 4 && v[0] == U'\u0644' && (v[1] == U'\u062A' || v[1] == U'\u064A') &&
                std::none_of(text.begin() + tokens[k].to, text.begin() + tokens[i].from,
                             [](char32_t c) {
                               return c == U'\u060C' || c == U'\u061B' || c == U'.' || c == U':';
                             }))
              bits[i] = (bits[i] & ~kHoldNow) | kCapture;
          }
      }
      // "قبل أن يسيطر جيش النظام على X", "بعد أن ينسحب": what happened before or after, told
      // in the subjunctive; a holding verb there is a taking.
      if ((bits[i] & kPresent) && narratedAfter(i) && (bits[i] & kHoldNow) && !(bits[i] & kCapture))
        bits[i] = (bits[i] & ~kHoldNow) | kCapture;
      // "دخلت الحافلات إلى حي X", "كاميرا العالم دخلت الكليات": buses, aid, cameras and people
      // that enter a place take nothing.
      if ((bits[i] & kCapture) && enters(i)) bits[i] &= ~kCapture;
      // "واصل الجيش عملياته العسكرية في منطقة X": a military operation is an assault.
      if (militaryOperation(i)) bits[i] |= kAttack;
      // "معارك كر وفر": hit and run, no flight.
      if ((bits[i] & kWithdraw) && i > 0 && tokenText(text, tokens[i - 1]) == U"\u0643\u0631")
        bits[i] &= ~kWithdraw;
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
            // (Some outlets write the Latin comma; not the one inside "1,000".)
            (text[k] == U',' &&
             !(k > 0 && k + 1 < text.size() && text[k - 1] >= U'0' && text[k - 1] <= U'9' &&
               text[k + 1] >= U'0' && text[k + 1] <= U'9')) ||
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

  // "قبل أن", "بعد أن" right before token i: a narrated event, not a wish or an expectation.
  bool narratedAfter(size_t i) const {
    static const std::u32string that = foldString("أن"), before = foldString("قبل"),
                                after = foldString("بعد");
    if (i < 2 || tokenText(text, tokens[i - 1]) != that) return false;
    const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i - 2]));
    return w == before || w == after;
  }

  // "رفع", "رفعت", "رفعوا" (the flag): a word no class holds, so told by its letters.
  bool raisesFlag(size_t i) const {
    const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i]));
    if (w.size() < 3 || w.size() > 5 || w[0] != U'\u0631' || w[1] != U'\u0641' || w[2] != U'\u0639')
      return false;
    return w.size() == 3 || w.substr(3) == U"\u062A" || w.substr(3) == U"\u0648\u0627";
  }

  // A "،" (or ","), "؛", ";", ":" or "." between token i - 1 and token i.
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
  // "أجبر الجيش مجموعات جيش الفتح على الانسحاب من X": the withdrawal at `p` was forced on the
  // side right before "على"/"إلى" (not the subject that forced it). That side, if so.
  std::optional<Side> forcedToWithdraw(size_t p) const {
    static const WordTable<bool> forced = [] {
      WordTable<bool> t;
      for (const char* w : {"أجبر", "أجبرت", "أجبروا", "أرغم", "أرغمت", "أرغموا", "اضطر", "اضطرت",
                            "دفع", "دفعت", "إجبار", "بإجبار", "إرغام"})
        t.add(foldString(w), true);
      return t;
    }();
    if (!is(p, kWithdraw)) return std::nullopt;
    for (const SideMention& s : sides)
      if (s.last + 2 == p && !breakBetween(s.token, p) && has(s.last + 1, kOn | kTo))
        for (size_t k = s.token >= 5 ? s.token - 5 : 0; k < s.token; ++k)
          if (!breakBetween(k, p) &&
              forced.contains(withoutConjunction(tokenText(text, tokens[k]))))
            return sideOf(s.side);
    return std::nullopt;
  }

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
    if (auto side = forcedToWithdraw(p)) return side;
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

  // "عملياته العسكرية", "عمليات هجومية": a military operation (not "عملية إجلاء").
  bool militaryOperation(size_t i) const {
    static const WordTable<bool> operations = [] {
      WordTable<bool> t;
      for (const char* w :
           {"عملية", "عمليات", "العملية", "العمليات", "عملياته", "عملياتها", "عملياتهم"})
        t.add(foldString(w), true);
      return t;
    }();
    static const WordTable<bool> military = [] {
      WordTable<bool> t;
      for (const char* w : {"العسكرية", "عسكرية", "الهجومية", "هجومية", "القتالية"})
        t.add(foldString(w), true);
      return t;
    }();
    if (i + 1 >= tokens.size()) return false;
    const std::u32string_view w = withoutConjunction(tokenText(text, tokens[i]));
    // (Every token passes here: a look at one letter first, "ع" of "عملية" or "العملية".)
    if (w.size() < 5 || (w[0] != U'\u0639' && w[2] != U'\u0639')) return false;
    return operations.contains(w) && military.contains(tokenText(text, tokens[i + 1]));
  }

  // An entering verb ("دخلت") whose subject, right after or before it, is no fighting force.
  bool enters(size_t i) const {
    static const WordTable<bool> verbs = [] {
      WordTable<bool> t;
      for (const char* w : {"دخل", "دخلت", "دخلوا"}) t.add(foldString(w), true);
      return t;
    }();
    static const WordTable<bool> entrants = [] {
      WordTable<bool> t;
      for (const char* w :
           {"الحافلات",  "حافلات",    "الباصات",   "باصات",      "سيارات",  "السيارات",
            "كاميرا",    "الكاميرا",  "عدسة",      "قافلة",      "القافلة", "قوافل",
            "القوافل",   "المساعدات", "مساعدات",   "الصليب",     "الهلال",  "اللجنة",
            "المراقبين", "الصحفيين",  "الصحافيين", "الإعلاميين", "وفد",     "الوفد",
            "المدنيين",  "الأهالي",   "المدنيون",  "مراسل",      "مراسلنا", "فريق"})
        t.add(foldString(w), true);
      return t;
    }();
    if (!verbs.contains(withoutConjunction(tokenText(text, tokens[i])))) return false;
    auto entrant = [&](size_t k) {
      return k < tokens.size() && entrants.contains(withoutConjunction(tokenText(text, tokens[k])));
    };
    return entrant(i + 1) || (i >= 1 && entrant(i - 1)) || (i >= 3 && entrant(i - 3));
  }

  // Whether any word in [from, to) is of class `b` (first set).
  bool anyIn(size_t from, size_t to, uint32_t b) const {
    for (size_t k = from; k < to && k < bits.size(); ++k)
      if (bits[k] & b) return true;
    return false;
  }
};

// claim_predicate.cpp (each documented at its definition)
bool mayStandBetween(const Reading& r, size_t i);
std::optional<Side> pronounSide(const Reading& r, size_t first);
Side liberatedSide(const Reading& r, size_t i, const ClaimContext& context);
std::optional<PlaceClaim> holdingAfterName(const Reading& r, size_t first, size_t last, size_t end,
                                           const ClaimContext& context,
                                           std::optional<size_t> listFirst = std::nullopt);
std::optional<size_t> governingPredicate(const Reading& r, size_t first, bool* located = nullptr);
// "، وهي"/"، أبرزها" after the clause that ends at token `brk`, then only head words up to the
// name at `first`: the list spells out what that clause was about.
bool spellsOutTheClauseBefore(const Reading& r, size_t brk, size_t first);
bool brokeThrough(const Reading& r, size_t k);
bool yearAgo(const Reading& r, size_t p);
std::optional<Side> failedAttacker(const Reading& r, size_t p, size_t first,
                                   std::optional<size_t> tryAt, std::optional<size_t> repelAt);
bool doerPronounBefore(const Reading& r, size_t p);
std::optional<std::pair<size_t, size_t>> takingBeforeCopulaList(const Reading& r, size_t first);
bool isAimWord(const Reading& r, size_t k);
bool unconfirmedNews(const Reading& r, size_t negation);
PlaceClaim claimFromPredicate(const Reading& r, size_t p, size_t first, const ClaimContext& context,
                              bool ignorePartial = false);

// claim_name_rules.cpp
bool unknownMember(const Reading& r, size_t k, bool second = false);
bool continuesList(const Reading& r, const NameSpan& previous, const NameSpan& name,
                   bool throughIn = false);
bool referenceOnly(const Reading& r, const NameSpan& name);
std::optional<PlaceClaim> attemptAfterNames(const Reading& r, size_t last,
                                            std::optional<Side> fallback);
std::optional<PlaceClaim> attemptOnItAfter(const Reading& r, size_t last);
std::optional<PlaceClaim> openedRoad(const Reading& r, const NameSpan& name);
std::optional<PlaceClaim> outsideControlAfterName(const Reading& r, size_t last);
std::optional<PlaceClaim> strongholdOf(const Reading& r, size_t last);
bool namedAsFront(const Reading& r, size_t first, size_t last);
std::optional<PlaceClaim> leftControlOf(const Reading& r, size_t first, size_t last);
std::optional<PlaceClaim> handedOver(const Reading& r, size_t first, size_t last);
std::optional<PlaceClaim> lostTo(const Reading& r, size_t first, size_t last);
std::optional<PlaceClaim> fellPlace(const Reading& r, size_t first, size_t last,
                                    const ClaimContext& context);
void enteredAfterWithdrawal(const Reading& r, std::vector<PlaceClaim>& out);
bool atOutskirts(const Reading& r, size_t first);
std::optional<PlaceClaim> backToTheState(const Reading& r, size_t last);
std::optional<PlaceClaim> lastPocketsIn(const Reading& r, size_t first,
                                        const ClaimContext& context);
std::optional<PlaceClaim> exceptedFromTaking(const Reading& r, size_t first,
                                             const ClaimContext& context);
bool witnessesFighting(const Reading& r, size_t first, size_t last);
std::optional<PlaceClaim> liberatedAreasIn(const Reading& r, size_t first,
                                           const ClaimContext& context);
std::optional<PlaceClaim> laterVerbWithPronoun(const Reading& r, size_t last,
                                               const ClaimContext& context);
std::optional<PlaceClaim> anaphorClaim(const Reading& r, size_t a, const ClaimContext& context);
bool partOfPlace(const Reading& r, size_t first);
void findSpeaker(const Reading& r, PlaceClaim& c);

}  // namespace atlas::claim_rules
