#include "core/arabic_numbers.h"

#include <string>
#include <unordered_map>

#include "core/arabic_fold.h"
#include "core/word_table.h"

namespace atlas {

namespace {

struct Entry {
  std::u32string word;
  long value;
  bool ordinal;
};

const std::vector<Entry>& table() {
  static const std::vector<Entry> t = [] {
    std::vector<Entry> e;
    auto add = [&](const char* w, long v, bool ordinal = false) {
      e.push_back({foldString(w), v, ordinal});
    };
    // Cardinals (masculine and feminine, nominative and oblique forms; folded ة→ه, أ→ا).
    for (const char* w : {"واحد", "واحدة", "احد", "إحدى"}) add(w, 1);
    for (const char* w : {"اثنان", "اثنين", "اثنتان", "اثنتين"}) add(w, 2);
    for (const char* w : {"ثلاث", "ثلاثة"}) add(w, 3);
    for (const char* w : {"أربع", "أربعة"}) add(w, 4);
    for (const char* w : {"خمس", "خمسة"}) add(w, 5);
    for (const char* w : {"ست", "ستة"}) add(w, 6);
    for (const char* w : {"سبع", "سبعة"}) add(w, 7);
    for (const char* w : {"ثمان", "ثماني", "ثمانية"}) add(w, 8);
    for (const char* w : {"تسع", "تسعة"}) add(w, 9);
    for (const char* w : {"عشر", "عشرة"}) add(w, 10);
    for (const char* w : {"عشرون", "عشرين"}) add(w, 20);
    for (const char* w : {"ثلاثون", "ثلاثين"}) add(w, 30);
    for (const char* w : {"أربعون", "أربعين"}) add(w, 40);
    for (const char* w : {"خمسون", "خمسين"}) add(w, 50);
    for (const char* w : {"ستون", "ستين"}) add(w, 60);
    for (const char* w : {"سبعون", "سبعين"}) add(w, 70);
    for (const char* w : {"ثمانون", "ثمانين"}) add(w, 80);
    for (const char* w : {"تسعون", "تسعين"}) add(w, 90);
    for (const char* w : {"مئة", "مائة"}) add(w, 100);
    for (const char* w : {"مئتان", "مئتين", "مائتان", "مائتين"}) add(w, 200);
    const char* hundreds[] = {"ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
    for (int i = 0; i < 7; ++i) {
      add((std::string(hundreds[i]) + "مئة").c_str(), (i + 3) * 100);
      add((std::string(hundreds[i]) + "مائة").c_str(), (i + 3) * 100);
    }
    for (const char* w : {"ألف"}) add(w, 1000);
    for (const char* w : {"ألفان", "ألفين"}) add(w, 2000);
    for (const char* w : {"آلاف"}) add(w, 1000);  // "ثلاثة آلاف": multiplier
    // Ordinals (day of the month): "الخامس عشر من نوفمبر".
    add("الأول", 1, true);
    add("الحادي", 1, true);
    add("الثاني", 2, true);
    add("الثالث", 3, true);
    add("الرابع", 4, true);
    add("الخامس", 5, true);
    add("السادس", 6, true);
    add("السابع", 7, true);
    add("الثامن", 8, true);
    add("التاسع", 9, true);
    add("العاشر", 10, true);
    add("عشر", 10, true);
    add("العشرين", 20, true);
    add("والعشرين", 20, true);
    add("الثلاثين", 30, true);
    add("والثلاثين", 30, true);
    return e;
  }();
  return t;
}

}  // namespace

std::optional<long> numberWordValue(std::u32string_view word, bool allowOrdinal) {
  // Cardinal and ordinal readings of the same word ("عشر") are both kept.
  static const WordTable<std::vector<std::pair<long, bool>>> index = [] {
    WordTable<std::vector<std::pair<long, bool>>> t;
    std::unordered_map<std::u32string, std::vector<std::pair<long, bool>>> grouped;
    for (const Entry& e : table()) grouped[e.word].push_back({e.value, e.ordinal});
    for (auto& [w, v] : grouped) t.add(w, v);
    return t;
  }();
  const auto* readings = index.find(word);
  if (!readings) return std::nullopt;
  for (const auto& [value, ordinal] : *readings)
    if (allowOrdinal || !ordinal) return value;
  return std::nullopt;
}

namespace {

// A word that may be several number words run together ("احدعشر"): split greedily.
std::optional<long> compoundWordValue(std::u32string_view w, bool& isThousands) {
  isThousands = false;
  static const std::u32string thousands = foldString("آلاف"), thousand = foldString("ألف"),
                              ten = foldString("عشر");
  if (auto v = numberWordValue(w, false)) {
    isThousands = w == thousands || w == thousand;
    return v;
  }
  // "احدعشر", "ثلاثعشر": a unit glued to عشر → teens.
  if (w.size() > ten.size() && w.substr(w.size() - ten.size()) == ten) {
    std::u32string_view unit = w.substr(0, w.size() - ten.size());
    if (auto u = numberWordValue(unit, false); u && *u < 10) return *u + 10;
    if (unit == U"\u0627\u062d\u062f") return 11;  // احد
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParsedNumber> parseNumberAt(const std::u32string& text,
                                          const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  std::u32string_view first = tokenText(text, tokens[i]);
  // Digits (already ASCII after folding).
  if (first[0] >= U'0' && first[0] <= U'9') {
    long v = 0;
    for (char32_t c : first) {
      if (c < U'0' || c > U'9') return std::nullopt;
      v = v * 10 + (c - U'0');
      if (v > 100000000) return std::nullopt;
    }
    return ParsedNumber{v, 1};
  }
  // Words: a sum of parts joined by و, with "آلاف"/"ألف" multiplying what came before.
  long total = 0, current = 0;
  size_t used = 0;
  for (size_t k = i; k < tokens.size() && k < i + 6; ++k) {
    std::u32string_view w = tokenText(text, tokens[k]);
    if (k > i) w = withoutConjunction(w, 2);
    bool thousands = false;
    auto v = compoundWordValue(w, thousands);
    if (!v) {
      // "عشر" after a unit word: "خمسة عشر".
      break;
    }
    if (thousands) {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else if (*v == 10 && current > 0 && current < 10) {
      current += 10;  // "خمسة عشر"
    } else {
      current += *v;
    }
    used = k - i + 1;
  }
  if (used == 0) return std::nullopt;
  return ParsedNumber{total + current, used};
}

}  // namespace atlas
