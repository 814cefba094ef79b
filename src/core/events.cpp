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
    case EventType::TerritoryRetaken:
      return "territory_retaken";
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
    case EventType::TerritoryRetaken:
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
    case EventType::TerritoryRetaken:
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
    add(EventType::TerritoryRetaken, {"استعاد", "استعادوا", "استعادت", "استعادة", "يستعيد",
                                      "تستعيد", "استرجع", "استرجاع", "استرداد"});
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
            out.keywords.back().type == EventType::TerritoryRetaken)
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

MentionEvent eventForMention(const std::u32string& text, const std::vector<Token>& tokens,
                             const SentenceEvents& events, size_t first, long previousClaim) {
  const Lexicon& L = lexicon();
  MentionEvent m;
  m.fatalities = events.fatalities;
  auto clauseOf = [&](size_t t) {
    return std::upper_bound(events.clauseBreaks.begin(), events.clauseBreaks.end(), t) -
           events.clauseBreaks.begin();
  };
  // The verb or noun that governs the name: the nearest event word before it, else the first
  // after it; killings alone only when nothing else is said.
  const SentenceEvents::Keyword* governing = nullptr;
  for (const auto& k : events.keywords)
    if (k.token < first && k.type != EventType::Casualties) governing = &k;
  if (!governing)
    for (const auto& k : events.keywords)
      if (k.token > first && k.type != EventType::Casualties) {
        governing = &k;
        break;
      }
  if (governing) {
    m.type = governing->type;
  } else {
    for (const auto& k : events.keywords)
      if (k.type == EventType::Casualties) m.type = EventType::Casualties;
  }
  for (const auto& a : events.actors) m.actors |= a.actor;
  // Frontline: a front word earlier in the same clause ("على جبهات حي الشيخ سعيد").
  for (size_t f : events.frontWords)
    if (f < first && clauseOf(f) == clauseOf(first)) m.frontline = true;

  // A claim of control: the name follows a taking verb closely, or continues a list of names
  // that did.
  if (governing && (governing->type == EventType::TerritoryTaken ||
                    governing->type == EventType::TerritoryRetaken)) {
    const bool nearVerb = first > governing->token && first - governing->token <= 8;
    const bool inList = previousClaim >= 0 && static_cast<long>(first) > previousClaim &&
                        static_cast<long>(first) - previousClaim <= 6;
    if (nearVerb || inList) {
      // Who took it: the first fighting force after the verb, else the last one before it.
      std::optional<Actor> taker;
      for (const auto& a : events.actors)
        if (a.token > governing->token && a.token <= governing->token + 6 &&
            (a.actor == kGovernment || a.actor == kOpposition || a.actor == kKurdish)) {
          taker = a.actor;
          break;
        }
      if (!taker)
        for (const auto& a : events.actors)
          if (a.token < governing->token && !a.object &&
              (a.actor == kGovernment || a.actor == kOpposition || a.actor == kKurdish))
            taker = a.actor;
      if (taker) {
        m.actors = *taker;
        // "أجزاء من حي ...", "مشفى العيون في حي ...": part of the place only.
        const size_t from = first >= 4 ? first - 4 : 0;
        for (size_t k = from; k < first; ++k) {
          const std::u32string_view w = withoutConjunction(tokenText(text, tokens[k]));
          if (Lexicon::in(L.partial, w) || Lexicon::in(L.facility, w)) m.partial = true;
        }
        m.taker = *taker == kGovernment   ? Side::Government
                  : *taker == kOpposition ? Side::Opposition
                                          : Side::Kurdish;
        m.claim = m.partial ? Side::Contested : *m.taker;
      }
    }
  }
  return m;
}

}  // namespace atlas
