// Who a sentence names as a fighting side, in both sides' vocabularies: "قوات النظام", "الجيش
// العربي السوري", "الميليشيات الإيرانية" and "حزب الله" are the government; "الثوار",
// "الفصائل", "المسلحين" and "الإرهابيين" the opposition; "وحدات حماية الشعب" the Kurdish forces;
// "الطيران الروسي" Russia. Each naming carries its role: the one that acts, or the one acted upon
// ("مقتل عناصر من قوات النظام", "على مواقع الفصائل").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokens.h"

namespace atlas {

enum class SideWord : uint8_t { Government, Opposition, Kurdish, Russia, Civilians };

struct SideMention {
  size_t token = 0;  // the word that names the side
  size_t last = 0;  // the phrase's last word that names it ("مسلحو جبهة النصرة": "جبهة")
  SideWord side = SideWord::Government;
  // Acted upon: after "من" / "على" / "ضد" / "مع" / "عناصر" / "مواقع" / "مقتل" ..., or continuing a
  // noun phrase that is ("من عناصر الأسد والميليشيات الإيرانية").
  bool object = false;
  // The agent of a passive or a hand: after "من قبل", "على يد", "بيد", "تحت سيطرة", "لسيطرة".
  bool byMarker = false;
  // The agent of a passive proper: "من قبل", "على يد" (not a hand that holds).
  bool passiveAgent = false;
};

// Every side named in the sentence, in token order.
void findSideMentions(const std::u32string& text, const std::vector<Token>& tokens,
                      std::vector<SideMention>& out);

class WordLookup;

// What the side list says of a word (Token::side), from its forms in the shared table
// (classifyTokens); and every word of the list with what it says of it (to build the table).
uint16_t sideWordCode(const WordLookup& forms);
void forEachSideWord(const std::function<void(const std::u32string&, uint16_t)>& f);

// The outlet's own side, read from its vocabulary ("الإرهابيين" and "الجيش العربي السوري" are
// the state media's words, "الثوار" and "قوات الأسد" the opposition's): +1 government, -1
// opposition, 0 neither clearly. On the original UTF-8 text, once per article.
int outletStance(std::string_view articleText);

}  // namespace atlas
