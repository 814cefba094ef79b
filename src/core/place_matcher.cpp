#include "core/place_matcher.h"

#include <algorithm>
#include <array>

namespace atlas {

namespace {

uint64_t prefixKey(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

constexpr char32_t kAlef = U'\u0627', kLam = U'\u0644', kWaw = U'\u0648';
constexpr char32_t kArabicComma = U'\u060C';

// Names shorter than this many letters are never looked for inside a word.
constexpr int kRunTogetherMinLetters = 6;

// Words that name a kind of place, never one place: a gazetteer form equal to one of them is
// dropped ("الباب"/"باب" are kept for the town al-Bab, after a town head only).
constexpr const char* kGenericWords[] = {
    "باب",    "الباب",  "كلية",   "الكلية",   "الكليات", "مشروع",  "المشروع", "مدرسة",  "المدرسة",
    "مشفى",   "المشفى", "مستشفى", "المستشفى", "جسر",     "الجسر",  "دوار",    "الدوار", "تلة",
    "التلة",  "قلعة",   "معبر",   "المعبر",   "مخيم",    "المخيم", "طريق",    "الطريق", "مطار",
    "المطار", "جامع",   "الجامع", "سوق",      "السوق",   "ساحة",   "الساحة",  "مدينة",  "المدينة",
    "حي",     "الحي",   "منطقة",  "المنطقة",  "جبل",     "الجبل"};
constexpr const char* kTownHeadOnlyWords[] = {"باب", "الباب"};

bool isQuote(char32_t c) {
  return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB';
}

// Only white space, quotes and commas in text[from, to) (and a colon, if `colon`: "أحياء:
// الجلوم، والكلاسة"); the commas are counted.
bool separatorGap(const std::u32string& text, uint32_t from, uint32_t to, int& commas,
                  bool colon = false) {
  commas = 0;
  for (uint32_t i = from; i < to; ++i) {
    const char32_t c = text[i];
    if (c == U',' || c == kArabicComma)
      ++commas;
    else if (!isSpaceChar(c) && !isQuote(c) && !(colon && c == U':'))
      return false;
  }
  return true;
}

// A definite word ("الحلوم", "والحلوم") followed by a comma, or by "و" ("والأصيلة", "و
// الأنصاري"): where a list of neighbourhoods names one the gazetteer lacks.
bool unknownListMember(std::u32string_view text, const Token& tok, const Token* next) {
  std::u32string_view w = text.substr(tok.from, tok.to - tok.from);
  if (w.size() > 4 && w[0] == kWaw) w.remove_prefix(1);
  if (w.size() < 4 || w[0] != U'\u0627' || w[1] != U'\u0644') return false;
  uint32_t i = tok.to;
  while (i < text.size() && isSpaceChar(text[i])) ++i;
  if (i < text.size() && (text[i] == U'\u060C' || text[i] == U',')) return true;
  return next && next->from == i && text[next->from] == kWaw;
}

// An opening bracket, quote or colon in text[from, to): a list may start after it.
bool opensList(const std::u32string& text, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i)
    if (text[i] == U'(' || text[i] == U':' || isQuote(text[i])) return true;
  return false;
}

bool spacesOnly(const std::u32string& text, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i)
    if (!isSpaceChar(text[i])) return false;
  return true;
}

}  // namespace

PlaceMatcher::PlaceMatcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  std::unordered_map<std::u32string, int> formIndex;
  std::vector<std::u32string> generic, townOnly;
  for (const char* w : kGenericWords) generic.push_back(foldString(w));
  for (const char* w : kTownHeadOnlyWords) townOnly.push_back(foldString(w));
  auto addForm = [&](const std::string& name, int place, bool contextOnly) {
    std::u32string f = foldString(name);
    // Collapse spaces: one space in a form matches any run of white space.
    f.erase(std::unique(f.begin(), f.end(),
                        [](char32_t a, char32_t b) { return a == U' ' && b == U' '; }),
            f.end());
    if (f.size() < 2) return;
    bool townHeadOnly = false;
    if (std::find(generic.begin(), generic.end(), f) != generic.end()) {
      if (std::find(townOnly.begin(), townOnly.end(), f) == townOnly.end()) return;
      townHeadOnly = contextOnly = true;
    }
    auto [it, inserted] = formIndex.try_emplace(f, static_cast<int>(forms_.size()));
    if (inserted) {
      Form form;
      form.text = f;
      form.letters = static_cast<int>(std::count_if(f.begin(), f.end(), isWordChar));
      form.townHeadOnly = townHeadOnly;
      forms_.push_back(std::move(form));
    }
    auto& list = contextOnly ? forms_[it->second].contextOnly : forms_[it->second].free;
    if (std::find(list.begin(), list.end(), place) == list.end()) list.push_back(place);
  };
  for (int i = 0; i < static_cast<int>(gazetteer.places.size()); ++i) {
    const Place& p = gazetteer.places[i];
    for (const auto& a : p.aliases) addForm(a, i, p.needsContext);
    for (const auto& a : p.contextAliases) addForm(a, i, true);
  }
  // "مبنى الضباط في الراموسة", "مبنى الضباط بالراموسة": a name that needs context but carries
  // it, the place it is in.
  const std::u32string in = foldString("في "), withArticle = foldString("بال"),
                       withHead = foldString("بحي ");
  const std::u32string containerHeads[] = {foldString("حي "), foldString("منطقة "),
                                           foldString("بلدة "), foldString("قرية ")};
  for (Form& f : forms_) {
    if (!f.free.empty() || f.contextOnly.empty() || f.townHeadOnly) continue;
    for (size_t i = f.text.find(U' '); i != std::u32string::npos; i = f.text.find(U' ', i + 1)) {
      std::u32string rest = f.text.substr(i + 1);
      if (rest.compare(0, in.size(), in) == 0)
        rest.erase(0, in.size());
      else if (rest.compare(0, withArticle.size(), withArticle) == 0)
        rest.erase(0, 1);
      else if (rest.compare(0, withHead.size(), withHead) == 0)  // "بحي الشهباء"
        rest.erase(0, 1);
      else
        continue;
      // ("المدرسة الوطنية في حي الشهباء": the container's head gives the container context.)
      bool headed = false;
      for (const std::u32string& h : containerHeads)
        if (rest.compare(0, h.size(), h) == 0) {
          rest.erase(0, h.size());
          headed = true;
          break;
        }
      const auto container = formIndex.find(rest);
      if (container != formIndex.end() &&
          (!forms_[container->second].free.empty() ||
           (headed && !forms_[container->second].contextOnly.empty()))) {
        f.free = std::move(f.contextOnly);
        f.contextOnly.clear();
        break;
      }
    }
  }
  arabicPairSlot_.assign(65536, -1);
  runTogetherPair_.assign(65536, false);
  for (int i = 0; i < static_cast<int>(forms_.size()); ++i) {
    const char32_t a = forms_[i].text[0], b = forms_[i].text[1];
    int* slot = nullptr;
    int other = -1;
    if ((a >> 8) == 0x06 && (b >> 8) == 0x06) {
      slot = &arabicPairSlot_[((a & 0xFF) << 8) | (b & 0xFF)];
      if (forms_[i].letters >= kRunTogetherMinLetters && !forms_[i].free.empty())
        runTogetherPair_[((a & 0xFF) << 8) | (b & 0xFF)] = true;
    } else {
      auto [it, inserted] = otherPairs_.try_emplace(prefixKey(a, b), -1);
      slot = &it->second;
      (void)inserted;
      (void)other;
    }
    if (*slot < 0) {
      *slot = static_cast<int>(pairLists_.size());
      pairLists_.emplace_back();
    }
    PairBucket& bucket = pairLists_[*slot];
    if (forms_[i].text.size() == 2) {
      bucket.twoLetter.push_back(i);
    } else {
      const char32_t third = forms_[i].text[2];
      auto it = std::find_if(bucket.byThird.begin(), bucket.byThird.end(),
                             [&](const auto& e) { return e.first == third; });
      if (it == bucket.byThird.end()) it = bucket.byThird.insert(bucket.byThird.end(), {third, {}});
      ThirdEntry e;
      e.form = i;
      const std::u32string& f = forms_[i].text;
      // Up to the first space only: one space in a form stands for any run of white space.
      const size_t end = std::min<size_t>({f.size(), 7, f.find(U' ')});
      for (size_t k = 3; k < end; ++k) {
        e.next |= static_cast<uint64_t>(f[k] & 0xFFFF) << (16 * (k - 3));
        e.mask |= uint64_t{0xFFFF} << (16 * (k - 3));
      }
      it->second.push_back(e);
    }
  }
  for (auto& bucket : pairLists_) {
    bucket.arabicThird.fill(-1);
    for (size_t k = 0; k < bucket.byThird.size(); ++k) {
      auto& [third, list] = bucket.byThird[k];
      std::sort(list.begin(), list.end(), [&](const ThirdEntry& a, const ThirdEntry& b) {
        return forms_[a.form].text.size() > forms_[b.form].text.size();
      });
      if (third >= 0x0620 && third < 0x0660)
        bucket.arabicThird[third - 0x0620] = static_cast<int16_t>(k);
    }
  }

  // Head words, folded. A head makes a following name count and says what kind of place it is.
  for (const char* w : {"حي", "حيي", "حيا", "احياء", "الاحياء", "حارة", "حارات", "محلة", "محلات"})
    words_.add(foldString(w), Word::HeadNeighbourhood);
  for (const char* w : {"بلدة", "بلدتي", "بلدات", "مدينة", "مدينتي", "قرية", "قرى", "قريتي"})
    words_.add(foldString(w), Word::HeadTown);
  for (const char* w : {"منطقة", "مناطق", "منطقتي", "جبهة", "جبهات", "محور",  "محاور", "محوري",
                        "جبهتي", "دوار",  "معبر",   "مخيم", "تلة",   "معامل", "مشفى",  "مستشفى",
                        "مشافي", "محيط",  "اطراف",  "حافة", "حافات", "تخوم"})
    words_.add(foldString(w), Word::HeadAny);
  // Plural and dual heads of compound names: heads of any place, and their singular is tried in
  // front of each member.
  const std::pair<const char*, std::vector<const char*>> compounds[] = {
      {"تلة", {"تلتي", "تلال", "تلتا"}},        {"كلية", {"كليتي", "كليات", "كليتا"}},
      {"مدرسة", {"مدرستي", "مدارس", "مدرستا"}}, {"معمل", {"معملي", "معملا", "معامل"}},
      {"مشفى", {"مشفيي", "مشفيا", "مشافي"}},    {"مستشفى", {"مستشفيي", "مستشفيات", "مستشفيا"}},
      {"جسر", {"جسري", "جسور", "جسرا"}},        {"دوار", {"دواري", "دوارات", "دوارا"}},
      {"مخيم", {"مخيمي", "مخيمات", "مخيما"}},   {"جامع", {"جامعي", "جوامع"}},
      {"حاجز", {"حاجزي", "حواجز", "حاجزا"}},    {"مطار", {"مطاري", "مطارات"}},
      {"مستديرة", {"مستديرتي", "مستديرات"}},    {"كتيبة", {"كتيبتي", "كتيبتا"}},
  };
  for (const auto& [singular, forms] : compounds) {
    compounds_.push_back(foldString(singular) + U" ");
    for (const char* w : forms) {
      if (!words_.find(foldString(w))) words_.add(foldString(w), Word::HeadAny);
      compoundHeads_.add(foldString(w), static_cast<int>(compounds_.size()) - 1);
    }
  }
  // Armed groups and parties: "لواء صلاح الدين", "كتائب الفرقان", "جيش الفتح" are no places.
  for (const char* w : {"لواء", "اللواء", "الوية", "كتائب", "كتيبة", "حركة", "جيش", "فيلق", "تجمع",
                        "فرقة", "الفرقة", "سرايا", "سرية", "تنظيم", "فصيل", "حزب"})
    words_.add(foldString(w), Word::Organisation);
  for (const char* w : {"هي", "هما"}) words_.add(foldString(w), Word::Copula);
  for (const char* w :
       {"من", "على", "الى", "عن", "بين", "حتى", "نحو", "داخل", "قرب", "عند", "مع", "باتجاه",
        // "أحياء عدة بينها المعادي والأنصاري": a list may start after these too.
        "بينها", "منها", "أبرزها", "أهمها",
        // "ماعدا الزبدية والأنصاري": the places left out of a whole.
        "ماعدا", "عدا", "باستثناء", "سوى",
        // "أحياء حلب الغربية مثل الحمدانية وحلب الجديدة": examples of a plural.
        "مثل", "كأحياء",
        // "بما فيها الشعار والمرجة", "بما في ذلك الأصيلة": the places a whole includes.
        "فيها", "فيه", "ذلك"})
    words_.add(foldString(w), Word::Preposition);
  words_.add(foldString("في"), Word::In);
  for (const char* w : {"في", "على", "الى", "نحو", "باتجاه", "داخل"})
    locatives_.add(foldString(w), true);

  // Proclitics, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
  for (const char* c : {"وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "وب", "ول",
                        "وك",   "فب",   "فل",   "فك",   "ال",  "و",   "ف",   "ب",   "ل",  "ك"})
    clitics_.push_back(foldString(c));
  clitics_.push_back(U"");

  // What a look-up can find where it starts (see candidates): the forms; after "لل", a form
  // that starts with "ال" without its alef; after a compound's plural head, the rest of a form
  // that starts with its singular. Only long, freely counting forms are looked for inside words;
  // every other match must end at a word end.
  std::vector<NamePrefilter::Pattern> patterns;
  const std::u32string article = U"\u0627\u0644";
  for (const Form& f : forms_) {
    patterns.push_back({f.text, f.letters >= kRunTogetherMinLetters && !f.free.empty()});
    if (f.text.size() > article.size() && f.text.compare(0, article.size(), article) == 0)
      patterns.push_back({f.text.substr(1), false});
    for (const std::u32string& prefix : compounds_)
      if (f.text.size() > prefix.size() && f.text.compare(0, prefix.size(), prefix) == 0)
        patterns.push_back({f.text.substr(prefix.size()), false});
  }
  prefilter_ = std::make_unique<NamePrefilter>(patterns, clitics_);
}

uint32_t PlaceMatcher::matchAt(std::u32string_view text, uint32_t pos, const std::u32string& form,
                               bool allowWordEnd) const {
  uint32_t i = pos;
  for (char32_t f : form) {
    if (f == U' ') {  // white space, or quotes around a part of the name
      const uint32_t after = skipNameSpace(text, i);
      if (after == i) return 0;
      i = after;
      continue;
    }
    if (i >= text.size() || text[i] != f) return 0;
    ++i;
  }
  if (!allowWordEnd && i < text.size() && isWordChar(text[i])) return 0;
  return i - pos;
}

const PlaceMatcher::PairBucket* PlaceMatcher::formsStartingWith(char32_t a, char32_t b) const {
  if ((a >> 8) == 0x06 && (b >> 8) == 0x06) {
    const int slot = arabicPairSlot_[((a & 0xFF) << 8) | (b & 0xFF)];
    return slot < 0 ? nullptr : &pairLists_[slot];
  }
  if (otherPairs_.empty()) return nullptr;
  auto it = otherPairs_.find(prefixKey(a, b));
  return it == otherPairs_.end() ? nullptr : &pairLists_[it->second];
}

int PlaceMatcher::lookup(std::u32string_view text, uint32_t pos, uint32_t& length,
                         bool insideWord) const {
  length = 0;
  if (pos + 1 >= text.size()) return -1;
  if (insideWord) {
    const char32_t a = text[pos], b = text[pos + 1];
    if ((a >> 8) != 0x06 || (b >> 8) != 0x06 || !runTogetherPair_[((a & 0xFF) << 8) | (b & 0xFF)])
      return -1;
  }
  const PairBucket* bucket = formsStartingWith(text[pos], text[pos + 1]);
  if (!bucket) return -1;
  int best = -1;
  // Two forms that both match at `pos` agree up to the end of the shorter one, so the longer form
  // covers more text: in a list sorted longest first the first match is the best.
  auto tryForm = [&](int f) {
    const Form& form = forms_[f];
    if (insideWord && (form.letters < kRunTogetherMinLetters || form.free.empty())) return false;
    const uint32_t len = matchAt(text, pos, form.text, insideWord);
    if (len == 0) return false;
    length = len;
    best = f;
    return true;
  };
  if (pos + 2 < text.size()) {
    // Any white space in the text stands for the single space of the forms.
    const char32_t third = isSpaceChar(text[pos + 2]) ? U' ' : text[pos + 2];
    const std::vector<ThirdEntry>* list = nullptr;
    if (third >= 0x0620 && third < 0x0660) {
      const int k = bucket->arabicThird[third - 0x0620];
      if (k >= 0) list = &bucket->byThird[k].second;
    } else {
      for (const auto& [c, forms] : bucket->byThird)
        if (c == third) {
          list = &forms;
          break;
        }
    }
    if (list) {
      uint64_t next = 0;  // the text's 4th to 7th characters, packed as in ThirdEntry
      for (size_t k = 0; k < 4; ++k) {
        const size_t i = pos + 3 + k;
        next |= static_cast<uint64_t>(i < text.size() ? text[i] & 0xFFFF : 0xFFFF) << (16 * k);
      }
      for (const ThirdEntry& e : *list)
        if ((next & e.mask) == e.next && tryForm(e.form)) return best;
    }
  }
  for (int f : bucket->twoLetter)
    if (tryForm(f)) return best;
  return best;
}

bool PlaceMatcher::isHead(Word w) {
  return w == Word::HeadNeighbourhood || w == Word::HeadTown || w == Word::HeadAny;
}

PlaceMatcher::Word PlaceMatcher::wordKind(const std::u32string& text, const Token& t) const {
  const std::u32string_view whole = tokenText(text, t);
  // (A word of up to eight Arabic letters is packed once; its forms without the first letters
  // are the key shifted.)
  const uint64_t key = WordTable<Word>::packedKey(whole);
  auto find = [&](size_t skip) {
    return key ? words_.findPacked(key >> (8 * skip)) : words_.find(whole.substr(skip));
  };
  if (const Word* w = find(0)) return *w;
  size_t skip = 0;
  if (whole.size() > 2 && (whole[0] == kWaw || whole[0] == U'\u0641')) {  // "وحي", "فحي", "وهي"
    if (const Word* w = find(1)) return *w;
    skip = 1;
  }
  // "بحي الصاخور", "التابع لحي الحمدانية", "وبمنطقة": a head word with its preposition.
  const std::u32string_view word = whole.substr(skip);
  if (word.size() > 2 && (word[0] == U'\u0628' || word[0] == U'\u0644'))
    if (const Word* w = find(skip + 1); w && isHead(*w)) return *w;
  return Word::Other;
}

bool PlaceMatcher::resolve(const Form& form, HeadKind head, PlaceMatch& m, bool direct) const {
  if (form.townHeadOnly && head != HeadKind::Town) return false;
  auto fits = [&](int place) {
    const PlaceKind k = gazetteer_.places[place].kind;
    switch (head) {
      case HeadKind::Neighbourhood:
        return k == PlaceKind::Neighbourhood || k == PlaceKind::Site;
      case HeadKind::Town:
        return k == PlaceKind::Town || k == PlaceKind::City;
      default:
        return true;
    }
  };
  std::vector<int>& candidates = m.candidates;
  candidates.clear();
  if (head != HeadKind::None) {
    for (int p : form.free)
      if (fits(p)) candidates.push_back(p);
    // (A head of any kind, "محور حندرات", picks no other place over one the name names
    // freely; "بلدة حندرات" does pick the village.)
    if (head != HeadKind::Any || candidates.empty())
      for (int p : form.contextOnly)
        if (fits(p) && std::find(candidates.begin(), candidates.end(), p) == candidates.end())
          candidates.push_back(p);
    // A head of the wrong kind: the name still counts, and one that needs context has it from
    // a head right before it ("قرية العامرية" is the neighbourhood when the gazetteer knows no
    // village of that name; not "بلدتي نبل والسكري").
    if (candidates.empty())
      candidates =
          !direct || !form.free.empty() || form.townHeadOnly || form.contextOnly.size() != 1
              ? form.free
              : form.contextOnly;
  } else {
    candidates = form.free;
    if (candidates.empty()) {
      // Only context names: ordinary words unless the name is a known ambiguous one, which is
      // then reported as ambiguous rather than dropped or guessed.
      for (int p : form.contextOnly)
        if (!gazetteer_.places[p].ambiguousGroup.empty()) candidates.push_back(p);
      if (candidates.empty()) return false;
      m.ambiguous = true;
      return true;
    }
  }
  if (candidates.empty()) return false;
  m.ambiguous = candidates.size() > 1;
  return true;
}

bool PlaceMatcher::confident(const Form& form, const PlaceMatch& m) const {
  if (m.ambiguous || m.runTogether || form.free.size() != 1 || !form.contextOnly.empty() ||
      m.candidates.size() != 1 || m.candidates[0] != form.free[0])
    return false;
  const PlaceKind k = gazetteer_.places[m.candidates[0]].kind;
  return k == PlaceKind::Neighbourhood || k == PlaceKind::Site || k == PlaceKind::Town;
}

void PlaceMatcher::match(const FoldedText& folded, std::vector<PlaceMatch>& out) const {
  tokenize(folded.chars, scratch_);
  match(folded, scratch_, out);
}

void PlaceMatcher::match(const FoldedText& folded, const std::vector<Token>& tokens_,
                         std::vector<PlaceMatch>& out, bool keepUnconfirmed,
                         const std::vector<uint32_t>* starts) const {
  out.clear();
  const std::u32string& text = folded.chars;
  const uint32_t n = static_cast<uint32_t>(text.size());
  // With the candidates: the first one at or after the current word, and whether a look-up at
  // `p` (in the current word) can succeed.
  size_t candidate = 0;
  auto mayStartAt = [&](uint32_t p) {
    if (!starts) return true;
    for (size_t k = candidate; k < starts->size() && (*starts)[k] <= p; ++k)
      if ((*starts)[k] == p) return true;
    return false;
  };

  // The open list, if any. It ends at `listEnd`: after its head word, its last member, or a
  // detached "و" that follows the last member.
  bool open = false, afterHead = false, conj = false;
  uint32_t listEnd = 0;
  HeadKind context = HeadKind::None;
  int contextFrom = -1, contextTo = -1;  // the head word or confident member that gave it
  int compound = -1;                     // the list's head is a compound's plural (compounds_)
  int lastConfident = -1;  // index in `out` of the list's last member, if it was confident
  // Context-only members met before the list had context, kept in case a confident member
  // follows; only when the list starts the sentence or follows a preposition or "هي:".
  struct Pending {
    uint32_t from, to;
    int form;
  };
  std::array<Pending, 8> pending;
  int pendingCount = 0;
  bool mayReachBack = false;
  bool afterMark = false;  // the previous word was a preposition or "هي:" (list may start)
  uint32_t markEnd = 0;
  // An organisation word makes the names in its next words part of the organisation's name.
  int organisationWords = 0;
  uint32_t organisationEnd = 0;

  // Names that waited for context when "في" followed them: a sure place right after the "في"
  // (or after its head word) gives it.
  std::array<Pending, 8> inside;
  int insideCount = 0;
  uint32_t insideEnd = 0;
  // Resolves waiting names with the context a later head or member gave, in text order.
  auto reachBack = [&](const std::array<Pending, 8>& waiting, int count, HeadKind ctx, int from,
                       int to) {
    for (int i = 0; i < count; ++i) {
      PlaceMatch back;
      back.from = waiting[i].from;
      back.to = waiting[i].to;
      if (!resolve(forms_[waiting[i].form], ctx, back)) continue;
      back.headFrom = from;
      back.headTo = to;
      auto at = std::lower_bound(out.begin(), out.end(), back.from,
                                 [](const PlaceMatch& x, uint32_t f) { return x.from < f; });
      if (at != out.end() && at->from == back.from) {
        if (at->unconfirmed) *at = std::move(back);  // kept unconfirmed: now it has context
      } else {
        out.insert(at, std::move(back));
      }
    }
  };
  // "انسحاب المسلحين من صلاح الدين والأنصاري والمشهد": two or more names that each need context,
  // listed together after a preposition or at the start, confirm each other as neighbourhoods
  // (not "قال أحمد الأنصاري وصلاح الدين الحلبي": no preposition before the list).
  auto confirmEachOther = [&] {
    if (mayReachBack && context == HeadKind::None && pendingCount >= 2)
      reachBack(pending, pendingCount, HeadKind::Neighbourhood, -1, -1);
  };

  auto closeList = [&] {
    confirmEachOther();
    open = afterHead = conj = false;
    context = HeadKind::None;
    contextFrom = contextTo = -1;
    compound = -1;
    lastConfident = -1;
    pendingCount = 0;
    mayReachBack = false;
  };

  for (size_t t = 0; t < tokens_.size(); ++t) {
    const Token tok = tokens_[t];
    // How the word is joined to the open list: only white space after a head; after a member,
    // one comma and/or a conjunction (detached here, attached checked below).
    int commas = 0;
    bool gapOk = open && separatorGap(text, listEnd, tok.from, commas, afterHead);
    if (commas > 1 || (commas > 0 && (afterHead || conj))) gapOk = false;
    const bool separated = gapOk && (afterHead || conj || commas > 0);
    const bool afterPreposition = afterMark && spacesOnly(text, markEnd, tok.from);
    const bool listStart =
        t == 0 || afterPreposition || opensList(text, tokens_[t - 1].to, tok.from);
    const bool afterLocative =
        afterPreposition && t > 0 && locatives_.find(tokenText(text, tokens_[t - 1]));
    afterMark = false;
    if (insideCount > 0 && !spacesOnly(text, insideEnd, tok.from)) insideCount = 0;
    if (organisationWords > 0 && !spacesOnly(text, organisationEnd, tok.from))
      organisationWords = 0;

    // A detached "و" ("الكلاسة و السكري") joins the next word to the list.
    if (tok.to - tok.from == 1 && text[tok.from] == kWaw) {
      organisationWords = 0;
      if (gapOk && !afterHead && !conj) {
        conj = true;
        listEnd = tok.to;
      } else {
        closeList();
      }
      continue;
    }

    // No candidate in the word: no look-up in it can succeed.
    bool mayName = true;
    if (starts) {
      while (candidate < starts->size() && (*starts)[candidate] < tok.from) ++candidate;
      mayName = candidate < starts->size() && (*starts)[candidate] < tok.to;
    }

    // 1. A name at the start of the word, after the clitics that leave a name.
    uint32_t bestLen = 0, bestStart = 0;
    int bestForm = -1;
    for (const std::u32string& clitic : clitics_) {
      if (!mayName) break;
      if (clitic.size() >= tok.to - tok.from) continue;
      if (!clitic.empty() && clitic[0] != text[tok.from]) continue;
      if (text.compare(tok.from, clitic.size(), clitic) != 0) continue;
      const uint32_t start = tok.from + static_cast<uint32_t>(clitic.size());
      if (!mayStartAt(start)) continue;  // (the probes below start there too)
      uint32_t len = 0;
      int form = lookup(text, start, len, false);
      // "لل" = ل + ال: "للشيخ سعيد" is ل + "الشيخ سعيد" with the article's alef elided.
      if (!clitic.empty() && clitic.back() == kLam && start < n && text[start] == kLam) {
        probe_.assign(1, kAlef);
        probe_.append(text, start, std::min<uint32_t>(n - start, 64));
        uint32_t l2 = 0;
        const int f2 = lookup(probe_, 0, l2, false);
        if (f2 >= 0 && l2 - 1 > len && forms_[f2].text.rfind(U"\u0627\u0644", 0) == 0) {
          form = f2;
          len = l2 - 1;
        }
      }
      // "تلتي الرخم والمؤتة": each member after a compound's plural head, as "تلة X".
      if (compound >= 0 && (separated || (gapOk && clitic.size() == 1 && clitic[0] == kWaw))) {
        const std::u32string& prefix = compounds_[compound];
        probe_.assign(prefix);
        probe_.append(text, start, std::min<uint32_t>(n - start, 64));
        uint32_t l2 = 0;
        const int f2 = lookup(probe_, 0, l2, false);
        // (At equal length the compound wins: "دواري الجزماتي والحلوانية" are roundabouts.)
        if (f2 >= 0 && l2 >= prefix.size() + len &&
            forms_[f2].text.compare(0, prefix.size(), prefix) == 0) {
          form = f2;
          len = l2 - static_cast<uint32_t>(prefix.size());
        }
      }
      if (form >= 0 && len > bestLen) {
        bestLen = len;
        bestForm = form;
        bestStart = start;
      }
    }
    PlaceMatch m;
    if (bestForm >= 0) {
      m.from = bestStart;
      m.to = bestStart + bestLen;
    } else if (mayName) {
      // A long name at the start of the word with the next word glued to it. Most positions
      // start no such name: rejected here without a call.
      auto mayRunTogether = [&](uint32_t p) {
        const char32_t a = text[p], b = text[p + 1];
        return (a >> 8) == 0x06 && (b >> 8) == 0x06 &&
               runTogetherPair_[((a & 0xFF) << 8) | (b & 0xFF)] && mayStartAt(p);
      };
      uint32_t len = 0;
      if (mayRunTogether(tok.from)) bestForm = lookup(text, tok.from, len, true);
      if (bestForm >= 0) {
        m.from = tok.from;
        m.to = tok.from + len;
        m.runTogether = true;
      }
      // 2. Words run together by scraping ("الأممالمتحدة"): a long name inside the word.
      for (uint32_t p = tok.from + 2; bestForm < 0 && p + 2 < tok.to; ++p) {
        if (!mayRunTogether(p)) continue;
        bestForm = lookup(text, p, len, true);
        if (bestForm >= 0) {
          m.from = p;
          m.to = p + len;
          m.runTogether = true;
        }
      }
    }

    if (bestForm >= 0) {
      const Form& form = forms_[bestForm];
      // The name covers the words up to its end.
      auto skipCovered = [&](uint32_t end) {
        while (t + 1 < tokens_.size() && tokens_[t + 1].from < end) ++t;
      };
      if (organisationWords > 0) {  // "لواء صلاح الدين", "كتائب الفرقان": not a place
        closeList();
        --organisationWords;
        organisationEnd = m.to;
        skipCovered(m.to);
        continue;
      }
      const bool attachedWaw = m.from > tok.from && text[tok.from] == kWaw;
      const bool joined = separated || (gapOk && attachedWaw);
      // "مشروع 3000 شقة بالحمدانية": "ب" on a name right after a confident site is "في", and
      // the site gives the district or town it is in its context ("بالمدفعية" after a site is
      // "with artillery", no container).
      int site = !joined && m.from > tok.from && text[tok.from] == U'\u0628' &&
                         lastConfident >= 0 && spacesOnly(text, out[lastConfident].to, tok.from) &&
                         gazetteer_.places[out[lastConfident].candidates[0]].kind == PlaceKind::Site
                     ? lastConfident
                     : -1;
      if (site >= 0) {
        PlaceMatch within = m;
        const PlaceKind k = resolve(form, HeadKind::Any, within)
                                ? gazetteer_.places[within.candidates[0]].kind
                                : PlaceKind::City;
        if (within.ambiguous || (k != PlaceKind::Neighbourhood && k != PlaceKind::Town) ||
            !form.free.empty())
          site = -1;
      }
      const int siteFrom = site >= 0 ? static_cast<int>(out[site].from) : -1;
      const int siteTo = site >= 0 ? static_cast<int>(out[site].to) : -1;
      if (!joined) {  // a new list starts with this name
        closeList();
        mayReachBack = listStart;
      }
      const HeadKind head = joined ? context : site >= 0 ? HeadKind::Any : HeadKind::None;
      const uint32_t end = m.to;
      lastConfident = -1;
      if (resolve(form, head, m, joined && afterHead)) {
        if (site >= 0) {
          m.headFrom = siteFrom;
          m.headTo = siteTo;
        } else if (head != HeadKind::None) {
          m.headFrom = contextFrom;
          m.headTo = contextTo;
        }
        out.push_back(std::move(m));
        const bool sure = confident(form, out.back());
        if (sure) lastConfident = static_cast<int>(out.size()) - 1;
        if (context == HeadKind::None && sure) {
          const PlaceKind k = gazetteer_.places[out.back().candidates[0]].kind;
          context = k == PlaceKind::Town ? HeadKind::Any : HeadKind::Neighbourhood;
          contextFrom = static_cast<int>(out.back().from);
          contextTo = static_cast<int>(out.back().to);
          // Members before it that waited for context ("في السكري والكلاسة").
          if (mayReachBack) reachBack(pending, pendingCount, context, contextFrom, contextTo);
          pendingCount = 0;
        }
        // "مبنى الضباط في الراموسة": names that waited for context, then "في" and a sure place
        // they are in.
        if (sure && insideCount > 0) {
          const int from = static_cast<int>(out.back().from), to = static_cast<int>(out.back().to);
          reachBack(inside, insideCount, HeadKind::Any, from, to);
        }
      } else if (m.from == tok.from && wordKind(text, tok) == Word::HeadAny && !joined &&
                 resolve(form, HeadKind::Any, m)) {
        // "مشفى العيون", "معبر الراموسة": a facility's name that needs context starts with its
        // own head word, which gives the context (and opens a list, as a head does).
        m.headFrom = static_cast<int>(tok.from);
        m.headTo = static_cast<int>(tok.to);
        out.push_back(std::move(m));
        context = HeadKind::Any;
        contextFrom = static_cast<int>(tok.from);
        contextTo = static_cast<int>(tok.to);
      } else if (m.from == tok.from && isHead(wordKind(text, tok))) {
        // "حي الراشدين" is a name that needs context, but its first word is itself a head:
        // read it as the head, and the rest as the name it introduces.
        bestForm = -1;
      } else {
        if (context == HeadKind::None && pendingCount < static_cast<int>(pending.size()))
          pending[pendingCount++] = {m.from, m.to, bestForm};
        if (keepUnconfirmed && !form.townHeadOnly && form.free.empty() &&
            form.contextOnly.size() == 1 &&
            gazetteer_.places[form.contextOnly[0]].ambiguousGroup.empty()) {
          m.unconfirmed = true;
          m.afterLocative = afterLocative && m.from == tok.from;
          m.candidates.assign(1, form.contextOnly[0]);
          out.push_back(std::move(m));
        }
      }
      if (bestForm >= 0) {
        insideCount = 0;
        open = true;
        afterHead = conj = false;
        listEnd = end;
        skipCovered(end);
        continue;
      }
    }

    // 3. A word that is not a name: a head word opens a list; any other word closes it.
    const Word w = wordKind(text, tok);
    // "أحياء الحلوم، والأصيلة، والمعادي": a neighbourhood the gazetteer lacks (one definite word,
    // then a comma or "و") stands in the list a head opened, which goes on after it.
    if (w == Word::Other && open && separated && context == HeadKind::Neighbourhood &&
        unknownListMember(text, tok, t + 1 < tokens_.size() ? &tokens_[t + 1] : nullptr)) {
      listEnd = tok.to;
      afterHead = conj = false;
      continue;
    }
    // "أكاديمية الأسد العسكرية في الحمدانية": a confident name, then "في", then the place it is in.
    const int container = w == Word::In && gapOk && !conj && commas == 0 ? lastConfident : -1;
    // ("مشفى العيون بحي قاضي عسكر": "ب" on a head is "في" and the head.)
    const bool inHead = isHead(w) && text[tok.from] == U'\u0628';
    if ((w == Word::In || inHead) && container < 0 && gapOk && !conj && commas == 0 &&
        mayReachBack && pendingCount > 0) {
      std::copy(pending.begin(), pending.begin() + pendingCount, inside.begin());
      insideCount = pendingCount;
      insideEnd = tok.to;
    } else if (insideCount > 0 && isHead(w)) {
      insideEnd = tok.to;  // "في منطقة الراموسة"
    } else {
      insideCount = 0;
    }
    closeList();
    switch (w) {
      case Word::HeadNeighbourhood:
      case Word::HeadTown:
      case Word::HeadAny:
        open = afterHead = true;
        context = w == Word::HeadNeighbourhood ? HeadKind::Neighbourhood
                  : w == Word::HeadTown        ? HeadKind::Town
                                               : HeadKind::Any;
        contextFrom = static_cast<int>(tok.from);
        contextTo = static_cast<int>(tok.to);
        listEnd = tok.to;
        organisationWords = 0;
        if (std::u32string_view word = tokenText(text, tok); !word.empty()) {
          if (word.size() > 2 && (word[0] == kWaw || word[0] == U'\u0641')) {  // "ومدرستي"
            if (!compoundHeads_.find(word)) word.remove_prefix(1);
          }
          if (const int* c = compoundHeads_.find(word)) compound = *c;
        }
        break;
      case Word::Organisation:
        organisationWords = 2;
        organisationEnd = tok.to;
        break;
      case Word::Copula: {  // "هي: الكلاسة، السكري"
        organisationWords = 0;
        uint32_t i = tok.to;
        while (i < n && isSpaceChar(text[i])) ++i;
        if (i < n && (text[i] == U':' || isQuote(text[i]))) {
          afterMark = true;
          markEnd = i + 1;
        }
        break;
      }
      case Word::In:
        if (container >= 0) {
          open = afterHead = true;
          context = HeadKind::Any;
          contextFrom = static_cast<int>(out[container].from);
          contextTo = static_cast<int>(out[container].to);
          listEnd = tok.to;
          organisationWords = 0;
          break;
        }
        [[fallthrough]];
      case Word::Preposition:
        organisationWords = 0;
        afterMark = true;
        markEnd = tok.to;
        break;
      case Word::Other:
        if (organisationWords > 0) {
          --organisationWords;
          organisationEnd = tok.to;
        }
        break;
    }
  }
  confirmEachOther();  // (a list that ends the sentence)
}

}  // namespace atlas
