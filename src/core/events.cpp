#include "core/events.h"

#include <algorithm>
#include <map>

#include "core/arabic_fold.h"
#include "core/arabic_numbers.h"
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
                                                 {kRussianAirForce, "russian_air_force"},
                                                 {kKurdish, "kurdish_forces"},
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
};

struct Lexicon {
  // The words that make analyseSentence note something about a token: events, actors, front and
  // killing words, and "خطوط" (of "خطوط التماس"). The other lists are only read around those, so
  // common words in them ("من", "على") are left out: a word not in this table (nearly all) is
  // passed over at once, and a word in it costs one look-up per form for all four lists.
  WordTable<TriggerWord> triggers;
  std::vector<std::u32string> air, relative, partial, facility, casualtyNouns, objectMarkers;
  std::u32string min = foldString("من"), lines = foldString("خطوط"), contact = foldString("التماس");

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
        {"سيطر", "سيطرت", "سيطروا", "سيطرة", "السيطرة", "لسيطرة", "تسيطر", "يسيطر", "يسيطرون",
         "تأمين", "تأمينها", "انتزاع", "انتزعت", "بسط"});
    add(EventType::AttackRepelled,
        {"صد", "صدت", "صدوا", "صددنا", "تصدى", "تصدي", "تصدت", "أحبط", "أحبطت", "إحباط", "إفشال"});
    add(EventType::AirStrike, {"غارة", "غارات", "الغارات", "غاراتها", "الطيران", "طائرات",
                               "الطائرات", "المقاتلات", "طائراته", "مروحية", "المروحية"});
    add(EventType::Shelling, {"قصف", "القصف", "قذائف", "صواريخ", "بصواريخ", "بصاروخ", "صاروخ",
                              "مدفعي", "المدفعية", "براميل", "قذيفة"});
    add(EventType::Clashes, {"اشتباكات", "اشتباك", "الاشتباكات", "معارك", "معركة", "مواجهات",
                             "هجوم", "هجوما", "هجمات", "الهجوم", "اقتحمت", "اقتحام"});
    add(EventType::Casualties,
        {"قتل", "قتلوا", "مقتل", "قتلى", "شهداء", "شهيد", "جرحى", "إصابة", "إصابات"});
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
    for (const char* w : {"الطيران", "طائرات", "الطائرات", "المقاتلات", "جوي", "جوية", "الجوية",
                          "غارات", "الغارات", "الحربية", "المروحية"})
      air.push_back(foldString(w));
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
    for (auto& [w, t] : words) triggers.add(w, t);
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

// What the word says in any of its forms: itself, then without a leading و / ف, then without a
// ب / ل after that (clitics on verbs and nouns). The event type and the actor are those of the
// first form that has one.
TriggerWord triggerWord(const Lexicon& L, std::u32string_view w) {
  TriggerWord out;
  auto merge = [&](std::u32string_view form) {
    const TriggerWord* t = L.triggers.find(form);
    if (!t) return;
    if (!out.event) out.event = t->event;
    if (!out.actor) out.actor = t->actor;
    out.front = out.front || t->front;
    out.kill = out.kill || t->kill;
  };
  merge(w);
  if (w.size() > 3 && (w[0] == U'\u0648' || w[0] == U'\u0641')) {
    w.remove_prefix(1);
    merge(w);
  }
  if (w.size() > 3 && (w[0] == U'\u0628' || w[0] == U'\u0644')) {
    w.remove_prefix(1);
    merge(w);
  }
  return out;
}

}  // namespace

void forEachEventWord(const std::function<void(const std::u32string&)>& f) {
  lexicon().triggers.forEach(f);
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
  bool killed = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::u32string_view w = tokenText(text, tokens[i]);
    // Clause breaks: a "،" or "؛" between this token and the previous one.
    if (i > 0)
      for (uint32_t k = tokens[i - 1].to; k < tokens[i].from; ++k)
        if (text[k] == U'\u060C' || text[k] == U'\u061B' || text[k] == U';') {
          out.clauseBreaks.push_back(i);
          break;
        }
    // Classified once by the pipeline: nearly every word is on none of the lists.
    if (tokens[i].lexical != kLexicalUnknown && !(tokens[i].lexical & kMayBeEventWord)) continue;
    const TriggerWord said = triggerWord(L, w);
    if (said.event) {
      EventType type = *said.event;
      bool keep = true;
      if (type == EventType::TerritoryTaken) {
        // "التي سيطرت عليها قوات الأسد": a relative clause about an earlier state.
        for (size_t b = i >= 2 ? i - 2 : 0; b < i; ++b)
          if (Lexicon::in(L.relative, tokenText(text, tokens[b]))) keep = false;
        // "استعادوا السيطرة": one event, the retaking.
        if (!out.keywords.empty() && out.keywords.back().token + 1 == i &&
            out.keywords.back().type == EventType::TerritoryTaken)
          keep = false;
      }
      if (type == EventType::Shelling) {
        // Bombing from the air: "قصف الطيران الروسي", "قصف جوي".
        for (size_t b = i >= 3 ? i - 3 : 0; b < std::min(tokens.size(), i + 4); ++b)
          if (Lexicon::in(L.air, tokenText(text, tokens[b]))) type = EventType::AirStrike;
      }
      if (keep) out.keywords.push_back({i, type});
    }
    if (said.actor) {
      const Actor actor = *said.actor;
      bool keep = true;
      if (actor == kRussianAirForce) {  // Russian: an actor only when it flies
        keep = false;
        for (size_t b = i >= 4 ? i - 4 : 0; b < std::min(tokens.size(), i + 3); ++b)
          if (Lexicon::in(L.air, tokenText(text, tokens[b]))) keep = true;
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
  for (const auto& k : events.keywords) {
    if (!usable(k)) continue;
    if (k.token < first) {
      anyBefore = &k;
      if (clauseOf(k.token) == clauseOf(first)) before = &k;
    } else if (!after && k.token > first && clauseOf(k.token) == clauseOf(first)) {
      after = &k;
    }
  }
  if (before) return before;
  if (after) return after;
  return anyBefore;
}

// Who fired: a side that acts near the shelling word (the subject of "قصفت قوات النظام", the
// agent of "قذائف أطلقها الإرهابيون"), else the enemy of the place's holder, else the enemy of
// the outlet (each side's media report the other's shells).
uint32_t shellingActor(const std::vector<SideMention>& sides, size_t keyword, size_t first,
                       const PlaceClaim& claim, int stance) {
  const size_t from = std::min(keyword, first) >= 6 ? std::min(keyword, first) - 6 : 0;
  for (const SideMention& s : sides)
    if (!s.object && s.token >= from && s.token <= std::max(keyword, first) + 5 &&
        s.side != SideWord::Civilians && s.side != SideWord::Russia)
      return actorBit(s.side);
  if (claim.kind == ClaimKind::Held && claim.holder == Side::Government) return kOpposition;
  if (claim.kind == ClaimKind::Held && claim.holder == Side::Opposition) return kGovernment;
  if (stance > 0) return kOpposition;
  return kGovernment;
}

}  // namespace

MentionEvent eventForMention(const std::u32string& /*text*/, const std::vector<Token>& /*tokens*/,
                             const SentenceEvents& events, const std::vector<SideMention>& sides,
                             size_t first, const PlaceClaim& claim, int stance) {
  MentionEvent m;
  m.fatalities = events.fatalities;
  for (const SideMention& s : sides) m.actors |= actorBit(s.side);
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
      m.type = EventType::AttackRepelled;
      m.actor1 = actorBit(claim.actor);
      return m;
    case ClaimKind::Contested:
      m.type = EventType::Clashes;
      break;
    default:
      break;
  }
  const SentenceEvents::Keyword* k = governingKeyword(events, first);
  if (k && claim.kind != ClaimKind::Contested) m.type = k->type;
  if (!k && claim.kind != ClaimKind::Contested)
    for (const auto& kw : events.keywords)
      if (kw.type == EventType::Casualties) m.type = EventType::Casualties;
  const size_t at = k ? k->token : first;
  switch (m.type) {
    case EventType::AirStrike: {
      // Aircraft are the government's, or Russia's when the sentence says so.
      bool russian = false, syrian = false;
      for (const SideMention& s : sides) {
        if (s.side == SideWord::Russia) russian = true;
        if (s.side == SideWord::Government && !s.object) syrian = true;
      }
      m.actor1 = russian && !syrian ? kRussianAirForce : kGovernment;
      break;
    }
    case EventType::Shelling:
      m.actor1 = shellingActor(sides, at, first, claim, stance);
      break;
    case EventType::Clashes:
      for (const SideMention& s : sides)
        if (!s.object && s.side != SideWord::Civilians && s.side != SideWord::Russia) {
          m.actor1 = actorBit(s.side);
          break;
        }
      break;
    case EventType::Casualties:
      for (const SideMention& s : sides)
        if (s.byMarker && s.side != SideWord::Civilians) {
          m.actor1 = actorBit(s.side);
          break;
        }
      break;
    default:
      break;
  }
  if (claim.kind == ClaimKind::Withdrew && !m.actor1) m.actor1 = actorBit(claim.actor);
  return m;
}

}  // namespace atlas
