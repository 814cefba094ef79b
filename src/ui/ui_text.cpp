#include "ui/ui_text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/arabic_date_format.h"
#include "ui/arabic_text.h"

namespace atlas::ui {

namespace {

bool gArabic = false;

struct Words {
  const char* en;
  const char* ar;
};

// In the order of Str.
constexpr Words kWords[] = {
    {"File", "ملف"},
    {"Open corpus...", "فتح مجموعة مقالات..."},
    {"Open sample corpus", "فتح المجموعة النموذجية"},
    {"Quit", "خروج"},
    {"Filters", "المرشحات"},
    {"View", "عرض"},
    {"العربية / English", "العربية / English"},
    {"Help", "مساعدة"},
    {"About Aleppo Atlas", "حول أطلس حلب"},
    {"Open corpus", "فتح مجموعة مقالات"},
    {"A folder of .txt articles with MANIFEST.tsv, or a .jsonl file:",
     "مجلد مقالات txt مع ملف MANIFEST.tsv، أو ملف jsonl:"},
    {"Open", "فتح"},
    {"Cancel", "إلغاء"},
    {"Event type", "نوع الحدث"},
    {"Actor", "الطرف"},
    {"Outlet", "المصدر"},
    {"Date precision", "دقة التاريخ"},
    {"Clear all filters", "إلغاء كل المرشحات"},
    {"All", "الكل"},
    {"None", "لا شيء"},
    {"Any actor", "أي طرف"},
    {"Mentions naming any of:", "الإشارات التي تذكر أيا من:"},
    {"Any actor (tick to narrow)", "أي طرف (اختر للتضييق)"},
    {"(outlet unknown)", "(مصدر غير معروف)"},
    {"Fit city", "ملاءمة المدينة"},
    {"Fit selection", "ملاءمة التحديد"},
    {"Legend", "مفتاح الخريطة"},
    {"Held by (at the date)", "يسيطر عليها (في التاريخ)"},
    {"Government", "الحكومة"},
    {"Opposition", "المعارضة"},
    {"Kurdish", "القوات الكردية"},
    {"Contested", "متنازع عليها"},
    {"Unknown", "غير معروف"},
    {"Front", "خط الجبهة"},
    {"Fighting", "اشتباكات"},
    {"Places by kind", "الأماكن حسب النوع"},
    {"Neighbourhood", "أحياء"},
    {"Site", "مواقع"},
    {"Town", "بلدات"},
    {"Mentions", "الإشارات"},
    {"Old City", "المدينة القديمة"},
    {"Queiq", "نهر قويق"},
    {"East Aleppo (outline)", "شرق حلب (الحدود)"},
    {"Not mentioned", "غير مذكور"},
    {"N", "ش"},
    {"km", "كم"},
    {"m", "م"},
    {"No evidence after", "لا أدلة بعد"},
    {"No evidence before", "لا أدلة قبل"},
    {"after the last article,", "بعد آخر مقال،"},
    {"before the first article,", "قبل أول مقال،"},
    {"Loading the corpus...", "جار تحميل مجموعة المقالات..."},
    {"No base map (assets/basemap.geojson is missing or unreadable)",
     "لا توجد خريطة أساس (الملف assets/basemap.geojson مفقود أو لا يمكن قراءته)"},
    {"No corpus loaded: File > Open corpus...",
     "لم تحمل أي مجموعة مقالات: ملف > فتح مجموعة مقالات..."},
    {"The map layers cannot be drawn: OpenGL shaders failed (see the terminal)",
     "لا يمكن رسم طبقات الخريطة: فشلت مظللات OpenGL (انظر الطرفية)"},
    {"Play", "تشغيل"},
    {"Pause", "إيقاف مؤقت"},
    {"days/s", "يوم/ثانية"},
    {"This day", "هذا اليوم"},
    {"Last N days", "آخر N يوم"},
    {"Up to this day", "حتى هذا اليوم"},
    {"days", "أيام"},
    {"items that day", "مواد ذلك اليوم"},
    {"dated to the day", "مؤرخة باليوم"},
    {"by publication date", "بتاريخ النشر"},
    {"No dated evidence: the timeline is empty", "لا أدلة مؤرخة: الخط الزمني فارغ"},
    {"Clear selection", "إلغاء التحديد"},
    {"Clear", "مسح"},
    {"Held on", "السيطرة في"},
    {"since", "منذ"},
    {"(baseline)", "(الوضع المرجعي)"},
    {"sentences", "الجمل"},
    {"Show more", "عرض المزيد"},
    {"Places named", "الأماكن المذكورة"},
    {"Place", "المكان"},
    {"places", "الأماكن"},
    {"Load warnings", "تحذيرات التحميل"},
    {"Filters on: counts and sentences filtered", "المرشحات مفعلة: الأعداد والجمل مرشحة"},
    {"No corpus loaded", "لم تحمل أي مجموعة مقالات"},
    {"Articles", "المقالات"},
    {"Only those published in the timeline's window", "المنشورة في نافذة الخط الزمني فقط"},
    {"Article", "المقال"},
    {"Published", "تاريخ النشر"},
    {"Close", "إغلاق"},
    {"undated", "غير مؤرخ"},
    {"articles", "المقالات"},
    {"from", "من"},
    {"to", "إلى"},
    {"showing", "العرض"},
    {"filters on", "المرشحات مفعلة"},
    {"No corpus", "لا توجد مجموعة مقالات"},
    {"Loading", "تحميل"},
    {"Aleppo Atlas maps the Aleppo neighbourhoods, sites and nearby towns that Arabic news "
     "reports name, day by day, with the sentences behind every place.",
     "يرسم أطلس حلب على الخريطة أحياء حلب ومواقعها والبلدات القريبة منها التي تذكرها الأخبار "
     "العربية، يوما بيوم، مع الجمل التي تذكر كل مكان."},
    {"Search places (Arabic or English)", "ابحث عن مكان (بالعربية أو الإنجليزية)"},
    {"Last evidence", "آخر دليل"},
    {"today", "اليوم"},
    {"1 day", "يوم واحد"},
    {"2 days", "يومين"},
    {"days", "يوما"},
    {"ago", "قبل"},
    {"Unconfirmed: no evidence for", "غير مؤكد: لا أدلة منذ"},
    {"No evidence on or before this day", "لا أدلة في هذا اليوم أو قبله"},
    {"Sources disagree", "المصادر متضاربة"},
    {"Sources within two days name different holders: reports that contradict each other, not "
     "fighting",
     "مصادر خلال يومين تنسب السيطرة إلى أطراف مختلفة: روايات متناقضة، وليست اشتباكات"},
    {"Evidence of that day", "أدلة ذلك اليوم"},
    {"Held by", "تحت سيطرة"},
    {"Said by", "على لسان"},
    {"by", "من قبل"},
    {"holder", "المسيطر"},
    {"Captured", "سيطرة"},
    {"Held", "سيطرة قائمة"},
    {"Contested (fighting)", "اشتباكات (متنازع عليها)"},
    {"Failed assault", "هجوم فاشل"},
    {"Withdrew", "انسحاب"},
    {"Reference", "المرجع"},
    {"Source", "الرابط"},
    {"Note", "ملاحظة"},
    {"Disagreements with the reference", "الاختلاف مع المرجع"},
    {"Date", "التاريخ"},
    {"The texts say", "تقول النصوص"},
    {"The reference says", "يقول المرجع"},
    {"The texts and the reference history agree", "النصوص وسجل المرجع متفقان"},
    {"Click a row to select the place on its day", "انقر صفا لتحديد المكان في يومه"},
    {"Last evidence", "آخر دليل"},
    {"Unconfirmed since", "غير مؤكد منذ"},
    {"1 day", "يوم واحد"},
    {"2 days", "يومين"},
    {"days", "أيام"},
    {"days", "يوما"},
    {"%s ago", "قبل %s"},
    {"the same day", "في اليوم نفسه"},
    {"No evidence yet: side unknown", "لا أدلة بعد: الطرف المسيطر غير معروف"},
    {"Disputed by sources", "تتضارب فيها المصادر"},
    {"Reference:", "حسب المرجع:"},
    {"Unconfirmed", "غير مؤكد"},
    {"no evidence for %s+ days", "لا أدلة منذ %s أو أكثر"},
    {"Front, unconfirmed", "خط جبهة غير مؤكد"},
    {"Reference layer", "الطبقة المرجعية"},
    {"Reference side (inner edge)", "الطرف المسيطر حسب المرجع (الحافة)"},
    {"thick where the evidence differs", "عريضة حيث تخالفه الأدلة"},
    {"Reference front", "خط الجبهة المرجعي"},
    {"Shelf life", "مدة صلاحية الدليل"},
    {"Days a report keeps an area confirmed; older evidence is drawn faded",
     "عدد الأيام التي يبقى فيها الدليل مؤكدا؛ تظهر الأدلة الأقدم باهتة"},
    {"The reference history drawn over the evidence: each area's edge in the reference's "
     "side, its front dashed",
     "سجل المرجع فوق الأدلة: حافة كل منطقة بلون الطرف المسيطر حسب المرجع، وخط جبهته متقطع"},
};
static_assert(std::size(kWords) == static_cast<size_t>(Str::Count));

const char* const kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kMonthsAr[] = {"كانون الثاني", "شباط",        "آذار",         "نيسان",
                                 "أيار",         "حزيران",      "تموز",         "آب",
                                 "أيلول",        "تشرين الأول", "تشرين الثاني", "كانون الأول"};
const Words kEvents[] = {{"Other", "أخرى"},
                         {"Clashes / armed attack", "اشتباكات / هجوم مسلح"},
                         {"Territory taken", "سيطرة على منطقة"},
                         {"Territory retaken", "استعادة منطقة"},
                         {"Attack repelled", "صد هجوم"},
                         {"Air strike", "غارة جوية"},
                         {"Shelling", "قصف"},
                         {"Casualties", "ضحايا"}};
const Words kPrecisions[] = {{"Day", "يوم"},
                             {"Part of a day", "جزء من يوم"},
                             {"Week", "أسبوع"},
                             {"Month", "شهر"},
                             {"Span (since ...)", "مدة (منذ ...)"},
                             {"Publication date (fallback)", "تاريخ النشر (بديل)"},
                             {"Unknown", "غير معروف"}};

// The shaped words of a chrome string at the size widgets use (null in English or when ImGui can
// draw them, or without a text engine).
std::shared_ptr<const text::Paragraph> shaped(std::string_view text) {
  if (!gArabic || ImGuiCanDraw(text)) return nullptr;
  return LayoutDataLine(text, ImGui::GetFontSize() * 1.05f);
}

// Spaces as wide as `p`, then the widget's ID.
std::string spacesLabel(const text::Paragraph& p, std::string_view id) {
  const float space = std::max(1.0f, ImGui::CalcTextSize(" ").x);
  std::string label(static_cast<size_t>(std::ceil(p.width / space)), ' ');
  label += "###";
  label += id;
  return label;
}

// Draws `p` vertically centred on a font line whose top is `y`.
void drawAt(ImDrawList* dl, const text::Paragraph& p, float x, float y, bool enabled = true) {
  if (TextRenderer* r = GetTextRenderer())
    r->draw(dl, p, ImVec2(x, y + (ImGui::GetFontSize() - p.height) / 2),
            ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled));
}

// Where a menu's label starts: BeginMenu and MenuItem lay it out so (imgui_widgets.cpp, 1.86).
ImVec2 menuLabelPos() {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  ImVec2 pos = w->DC.CursorPos;
  if (w->DC.LayoutType == ImGuiLayoutType_Horizontal)
    pos.x += IM_FLOOR(ImGui::GetStyle().ItemSpacing.x * 0.5f);
  else
    pos.x += w->DC.MenuColumns.OffsetLabel;
  pos.y += w->DC.CurrLineTextBaseOffset;
  return pos;
}

// Shaped words centred over the last item.
void drawOverItem(const text::Paragraph& p, bool enabled = true) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  if (TextRenderer* r = GetTextRenderer())
    r->draw(ImGui::GetWindowDrawList(), p,
            ImVec2((a.x + b.x - p.width) / 2, (a.y + b.y - p.height) / 2),
            ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled));
}

}  // namespace

void setArabicInterface(bool on) { gArabic = on; }
bool arabicInterface() { return gArabic; }

const char* tr(Str s) {
  const Words& w = kWords[static_cast<int>(s)];
  return gArabic ? w.ar : w.en;
}
const char* english(Str s) { return kWords[static_cast<int>(s)].en; }

std::string uiNumber(long n) { return gArabic ? arabicIndicDigits(n) : std::to_string(n); }

std::string uiMonth(int month) {
  const int m = std::clamp(month, 1, 12) - 1;
  return gArabic ? kMonthsAr[m] : kMonthsEn[m];
}

std::string uiMonthYear(const Date& d) { return uiMonth(d.month) + " " + uiNumber(d.year); }

std::string uiDate(const Date& d) {
  if (!gArabic) return d.iso();
  return uiNumber(d.day) + " " + uiMonth(d.month) + " " + uiNumber(d.year);
}

std::string uiEventType(int type) {
  const Words& w = kEvents[std::clamp(type, 0, static_cast<int>(std::size(kEvents)) - 1)];
  return gArabic ? w.ar : w.en;
}

std::string uiPrecision(int precision) {
  const Words& w =
      kPrecisions[std::clamp(precision, 0, static_cast<int>(std::size(kPrecisions)) - 1)];
  return gArabic ? w.ar : w.en;
}

std::string uiSide(int side) {
  constexpr Str kSides[] = {Str::Unknown, Str::Government, Str::Opposition, Str::Kurdish,
                            Str::Contested};
  return tr(kSides[std::clamp(side, 0, 4)]);
}

bool UiButton(Str s, ImVec2 size) {
  const auto p = shaped(tr(s));
  if (!p) return ImGui::Button(english(s), size);
  const bool pressed = ImGui::Button(spacesLabel(*p, english(s)).c_str(), size);
  drawOverItem(*p, !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled));
  return pressed;
}

bool UiSmallButton(Str s) {
  const auto p = shaped(tr(s));
  if (!p) return ImGui::SmallButton(english(s));
  const bool pressed = ImGui::SmallButton(spacesLabel(*p, english(s)).c_str());
  drawOverItem(*p);
  return pressed;
}

bool UiMenuItem(Str s, const char* shortcut, bool selected, bool enabled) {
  const auto p = shaped(tr(s));
  if (!p) return ImGui::MenuItem(english(s), shortcut, selected, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = menuLabelPos();
  const bool pressed =
      ImGui::MenuItem(spacesLabel(*p, english(s)).c_str(), shortcut, selected, enabled);
  drawAt(dl, *p, at.x, at.y, enabled);
  return pressed;
}

bool UiMenuItem(Str s, const char* shortcut, bool* selected, bool enabled) {
  const auto p = shaped(tr(s));
  if (!p) return ImGui::MenuItem(english(s), shortcut, selected, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = menuLabelPos();
  const bool pressed =
      ImGui::MenuItem(spacesLabel(*p, english(s)).c_str(), shortcut, selected, enabled);
  drawAt(dl, *p, at.x, at.y, enabled);
  return pressed;
}

bool UiMenuItem(std::string_view text, const char* id, bool* selected) {
  const auto p = shaped(text);
  if (!p) return ImGui::MenuItem(id, nullptr, selected);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = menuLabelPos();
  const bool pressed = ImGui::MenuItem(spacesLabel(*p, id).c_str(), nullptr, selected);
  drawAt(dl, *p, at.x, at.y);
  return pressed;
}

bool UiBeginMenu(std::string_view text, const char* id, bool enabled) {
  const auto p = shaped(text);
  if (!p) return ImGui::BeginMenu(id, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = menuLabelPos();
  const bool open = ImGui::BeginMenu(spacesLabel(*p, id).c_str(), enabled);
  drawAt(dl, *p, at.x, at.y, enabled);
  return open;
}

bool UiBeginMenu(Str s, bool enabled) { return UiBeginMenu(tr(s), english(s), enabled); }

bool UiCheckbox(Str s, bool* value) {
  const auto p = shaped(tr(s));
  if (!p) return ImGui::Checkbox(english(s), value);
  // Right to left: the box at the right edge, the words on its left.
  const float box = ImGui::GetFrameHeight();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                       std::max(0.0f, ImGui::GetContentRegionAvail().x - box));
  const std::string id = std::string("##") + english(s);
  const bool changed = ImGui::Checkbox(id.c_str(), value);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  if (TextRenderer* r = GetTextRenderer())
    r->draw(
        ImGui::GetWindowDrawList(), *p,
        ImVec2(a.x - ImGui::GetStyle().ItemInnerSpacing.x - p->width, (a.y + b.y - p->height) / 2),
        ImGui::GetColorU32(ImGuiCol_Text));
  return changed;
}

bool UiCombo(const char* id, int* current, const Str* items, int count) {
  if (!gArabic) {
    const char* labels[8];
    for (int k = 0; k < count && k < 8; ++k) labels[k] = english(items[k]);
    return ImGui::Combo(id, current, labels, std::min(count, 8));
  }
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto preview = shaped(tr(items[*current]));
  const bool open = ImGui::BeginCombo(id, "");
  const ImGuiStyle& style = ImGui::GetStyle();
  if (preview) drawAt(dl, *preview, at.x + style.FramePadding.x, at.y + style.FramePadding.y);
  if (!open) return false;
  bool changed = false;
  for (int k = 0; k < count; ++k) {
    ImGui::PushID(k);
    if (DataSelectable(tr(items[k]), k == *current)) {
      changed = k != *current;
      *current = k;
    }
    ImGui::PopID();
  }
  ImGui::EndCombo();
  return changed;
}

void UiText(std::string_view text, ImU32 color) {
  if (!gArabic) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (color) ImGui::PopStyleColor();
    return;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float w = UiTextWidth(text);
  if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
  DataTextOptions o;
  o.color = color;
  o.size = ImGui::GetFontSize() * 1.05f;
  o.wrap = w >= avail;  // (after the indent the line has just its own width left)
  DataText(text, o);
}

float UiTextWidth(std::string_view text) {
  if (const auto p = shaped(text)) return p->width;
  return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

void UiDrawText(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text) {
  if (const auto p = shaped(text)) {
    if (TextRenderer* r = GetTextRenderer())
      r->draw(dl, *p, ImVec2(pos.x, pos.y + (ImGui::GetFontSize() - p->height) / 2), color);
    return;
  }
  dl->AddText(pos, color, text.data(), text.data() + text.size());
}

}  // namespace atlas::ui

namespace atlas::ui {

bool UiLanguageMenuItem(bool* arabic) {
  const char* words = english(Str::Language);
  const auto p = LayoutDataLine(words, ImGui::GetFontSize() * 1.05f);
  if (!p) return ImGui::MenuItem("Arabic / English", nullptr, arabic);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = menuLabelPos();
  const bool pressed = ImGui::MenuItem(spacesLabel(*p, "language").c_str(), nullptr, arabic);
  drawAt(dl, *p, at.x, at.y);
  return pressed;
}

namespace {
std::string popupName(Str title) {
  return gArabic ? std::string("###") + english(title) : std::string(english(title));
}
}  // namespace

void UiOpenPopup(Str title) { ImGui::OpenPopup(popupName(title).c_str()); }

bool UiBeginPopupModal(Str title, ImGuiWindowFlags flags) {
  if (!ImGui::BeginPopupModal(popupName(title).c_str(), nullptr, flags)) return false;
  if (const auto p = shaped(tr(title))) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImRect bar = w->TitleBarRect();
    if (TextRenderer* r = GetTextRenderer()) {
      ImDrawList* dl = w->DrawList;
      dl->PushClipRect(bar.Min, bar.Max, false);
      r->draw(dl, *p,
              ImVec2(bar.Max.x - p->width - ImGui::GetStyle().FramePadding.x,
                     (bar.Min.y + bar.Max.y - p->height) / 2),
              ImGui::GetColorU32(ImGuiCol_Text));
      dl->PopClipRect();
    }
  }
  return true;
}

}  // namespace atlas::ui
