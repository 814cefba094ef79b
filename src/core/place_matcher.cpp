#include "core/place_matcher.h"

#include <algorithm>

namespace atlas {

namespace {

uint64_t prefixKey(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

constexpr char32_t kAlef = U'\u0627', kLam = U'\u0644';

// Names shorter than this many letters are never looked for inside a word.
constexpr int kRunTogetherMinLetters = 6;

}  // namespace

PlaceMatcher::PlaceMatcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  std::unordered_map<std::u32string, int> formIndex;
  auto addForm = [&](const std::string& name, int place, bool contextOnly) {
    std::u32string f = foldString(name);
    // Collapse spaces: one space in a form matches any run of white space.
    f.erase(std::unique(f.begin(), f.end(),
                        [](char32_t a, char32_t b) { return a == U' ' && b == U' '; }),
            f.end());
    if (f.size() < 2) return;
    auto [it, inserted] = formIndex.try_emplace(f, static_cast<int>(forms_.size()));
    if (inserted) {
      Form form;
      form.text = f;
      form.letters = static_cast<int>(std::count_if(f.begin(), f.end(), isWordChar));
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
      it->second.push_back(i);
    }
  }
  for (auto& bucket : pairLists_)
    for (auto& [third, list] : bucket.byThird)
      std::sort(list.begin(), list.end(),
                [&](int a, int b) { return forms_[a].text.size() > forms_[b].text.size(); });

  // Head words, folded. A head makes a following name count and says what kind of place it is.
  for (const char* w : {"حي", "حيي", "احياء", "حارة", "حارات"})
    heads_.emplace_back(foldString(w), HeadKind::Neighbourhood);
  for (const char* w : {"بلدة", "بلدتي", "بلدات", "مدينة", "مدينتي", "قرية", "قرى", "قريتي"})
    heads_.emplace_back(foldString(w), HeadKind::Town);
  for (const char* w :
       {"منطقة", "مناطق", "منطقتي", "جبهة",   "جبهات", "محور", "محاور", "دوار", "معبر",  "مخيم",
        "تلة",   "معامل", "مشفى",   "مستشفى", "مشافي", "محيط", "اطراف", "حافة", "حافات", "تخوم"})
    heads_.emplace_back(foldString(w), HeadKind::Any);

  headFirstChar_.assign(256, false);
  for (const auto& [head, kind] : heads_) {
    headFirstChar_[head[0] & 0xFF] = true;
    headFirstChar_[U'\u0648' & 0xFF] = true;  // و + head
    headFirstChar_[U'\u0641' & 0xFF] = true;  // ف + head
  }

  // Proclitics, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
  for (const char* c : {"وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "وب", "ول",
                        "وك",   "فب",   "فل",   "فك",   "ال",  "و",   "ف",   "ب",   "ل",  "ك"})
    clitics_.push_back(foldString(c));
  clitics_.push_back(U"");
}

uint32_t PlaceMatcher::matchAt(const std::u32string& text, uint32_t pos, const std::u32string& form,
                               bool allowWordEnd) const {
  uint32_t i = pos;
  for (char32_t f : form) {
    if (f == U' ') {
      if (i >= text.size() || !isSpaceChar(text[i])) return 0;
      while (i < text.size() && isSpaceChar(text[i])) ++i;
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

int PlaceMatcher::lookup(const std::u32string& text, uint32_t pos, uint32_t& length,
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
  auto tryForm = [&](int f) {
    const Form& form = forms_[f];
    if (insideWord && (form.letters < kRunTogetherMinLetters || form.free.empty())) return;
    const uint32_t len = matchAt(text, pos, form.text, insideWord);
    if (len > length) {
      length = len;
      best = f;
    }
  };
  if (pos + 2 < text.size()) {
    // Any white space in the text stands for the single space of the forms.
    const char32_t third = isSpaceChar(text[pos + 2]) ? U' ' : text[pos + 2];
    for (const auto& [c, list] : bucket->byThird)
      if (c == third) {
        for (int f : list) tryForm(f);
        break;
      }
  }
  for (int f : bucket->twoLetter) tryForm(f);
  return best;
}

PlaceMatcher::HeadKind PlaceMatcher::headKind(const std::u32string& text, const Token& t) const {
  std::u32string_view word(text.data() + t.from, t.to - t.from);
  if (word.size() < 2 || word.size() > 7 || (word[0] >> 8) != 0x06 ||
      !headFirstChar_[word[0] & 0xFF])
    return HeadKind::None;
  for (int peel = 0; peel < 2; ++peel) {  // "حي", "وحي", "فحي"
    for (const auto& [head, kind] : heads_)
      if (word == head) return kind;
    if (word.size() > 2 && (word[0] == U'\u0648' || word[0] == U'\u0641'))
      word.remove_prefix(1);
    else
      break;
  }
  return HeadKind::None;
}

bool PlaceMatcher::resolve(const Form& form, HeadKind head, PlaceMatch& m) const {
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
  std::vector<int> candidates;
  if (head != HeadKind::None) {
    for (int p : form.free)
      if (fits(p)) candidates.push_back(p);
    for (int p : form.contextOnly)
      if (fits(p) && std::find(candidates.begin(), candidates.end(), p) == candidates.end())
        candidates.push_back(p);
    if (candidates.empty()) candidates = form.free;  // a head of the wrong kind: name still counts
  } else {
    candidates = form.free;
    if (candidates.empty()) {
      // Only context names: ordinary words unless the name is a known ambiguous one, which is
      // then reported as ambiguous rather than dropped or guessed.
      for (int p : form.contextOnly)
        if (!gazetteer_.places[p].ambiguousGroup.empty()) candidates.push_back(p);
      if (candidates.empty()) return false;
      m.candidates = candidates;
      m.ambiguous = true;
      return true;
    }
  }
  if (candidates.empty()) return false;
  m.candidates = candidates;
  m.ambiguous = candidates.size() > 1;
  return true;
}

void PlaceMatcher::match(const FoldedText& folded, std::vector<PlaceMatch>& out) const {
  tokenize(folded.chars, scratch_);
  match(folded, scratch_, out);
}

void PlaceMatcher::match(const FoldedText& folded, const std::vector<Token>& tokens_,
                         std::vector<PlaceMatch>& out) const {
  out.clear();
  const std::u32string& text = folded.chars;
  const uint32_t n = static_cast<uint32_t>(text.size());

  HeadKind head = HeadKind::None;
  int headToken = -1;
  for (size_t t = 0; t < tokens_.size(); ++t) {
    const Token tok = tokens_[t];
    // 1. A name at the start of the word, after the clitics that leave a name.
    uint32_t bestLen = 0, bestStart = 0;
    int bestForm = -1;
    for (const std::u32string& clitic : clitics_) {
      if (clitic.size() >= tok.to - tok.from) continue;
      if (!clitic.empty() && clitic[0] != text[tok.from]) continue;
      if (text.compare(tok.from, clitic.size(), clitic) != 0) continue;
      const uint32_t start = tok.from + static_cast<uint32_t>(clitic.size());
      uint32_t len = 0;
      int form = lookup(text, start, len, false);
      // "لل" = ل + ال: "للشيخ سعيد" is ل + "الشيخ سعيد" with the article's alef elided.
      if (!clitic.empty() && clitic.back() == kLam && start < n && text[start] == kLam) {
        std::u32string probe;
        probe.reserve(48);
        probe.push_back(kAlef);
        probe.append(text, start, std::min<uint32_t>(n - start, 64));
        uint32_t l2 = 0;
        const int f2 = lookup(probe, 0, l2, false);
        if (f2 >= 0 && l2 - 1 > len && forms_[f2].text.rfind(U"\u0627\u0644", 0) == 0) {
          form = f2;
          len = l2 - 1;
        }
      }
      if (form >= 0 && len > bestLen) {
        bestLen = len;
        bestForm = form;
        bestStart = start;
      }
    }
    PlaceMatch m;
    bool found = false;
    if (bestForm < 0) {
      // A long name at the start of the word with the next word glued to it.
      uint32_t len = 0;
      const int form = lookup(text, tok.from, len, true);
      if (form >= 0) {
        bestForm = form;
        bestStart = tok.from;
        bestLen = len;
        m.runTogether = true;
      }
    }
    if (bestForm >= 0) {
      m.from = bestStart;
      m.to = bestStart + bestLen;
      found = resolve(forms_[bestForm], head, m);
    } else {
      // 2. Words run together by scraping ("الأممالمتحدة"): a long name inside the word.
      for (uint32_t p = tok.from + 2; p + 2 < tok.to && !found; ++p) {
        uint32_t len = 0;
        const int form = lookup(text, p, len, true);
        if (form >= 0) {
          m.from = p;
          m.to = p + len;
          m.runTogether = true;
          found = resolve(forms_[form], head, m);
        }
      }
    }
    if (found) {
      if (head != HeadKind::None && headToken >= 0) {
        m.headFrom = static_cast<int>(tokens_[headToken].from);
        m.headTo = static_cast<int>(tokens_[headToken].to);
      }
      out.push_back(std::move(m));
      // Skip the words the name covered; the head stays alive along a list of names
      // ("أحياء بستان القصر والعامرية والإذاعة").
      while (t + 1 < tokens_.size() && tokens_[t + 1].from < out.back().to) ++t;
      continue;
    }
    // 3. A head word opens context for the names that follow; any other word closes it.
    const HeadKind h = headKind(text, tok);
    if (h != HeadKind::None) {
      head = h;
      headToken = static_cast<int>(t);
    } else {
      head = HeadKind::None;
      headToken = -1;
    }
  }
}

}  // namespace atlas
