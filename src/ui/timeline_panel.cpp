#include "ui/timeline_panel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/arabic_date_format.h"
#include "ui/arabic_text.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

int dayIndex(const DayHistogram& h, const Date& d) { return d.toDays() - h.first.toDays(); }

void setDay(const ViewModel& model, UiState& state, int day) {
  const DayHistogram& h = model.histogram;
  if (h.days() == 0) return;
  state.date = Date::fromDays(h.first.toDays() + std::clamp(day, 0, h.days() - 1));
}

}  // namespace

namespace {
// The histogram's bar area scales with the font (and so with the display's content scale).
float barsHeight() { return ImGui::GetFontSize() * 3.0f; }
}  // namespace

Date currentDay(const ViewModel& model, const UiState& state) {
  const DayHistogram& h = model.histogram;
  if (state.date) return *state.date;
  if (h.days() > 0) return Date::fromDays(h.first.toDays() + h.days() - 1);
  // No dated evidence: the reference's last day, else today (nothing assumes a year).
  if (model.lastReferenceDay) return *model.lastReferenceDay;
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::fromDays(static_cast<int>(now.time_since_epoch().count()));
}

TimeWindow currentWindow(const ViewModel& model, const UiState& state) {
  const Date first = model.histogram.days() > 0 ? model.histogram.first : currentDay(model, state);
  return windowAt(currentDay(model, state), state.settings.windowMode, state.settings.lastNDays,
                  first);
}

float timelinePanelHeight() {
  const ImGuiStyle& style = ImGui::GetStyle();
  // Padding, the controls row, the bars, the month labels, padding.
  return 2 * style.FramePadding.y + ImGui::GetFrameHeightWithSpacing() + barsHeight() +
         ImGui::GetTextLineHeight() + 6 + 2 * style.FramePadding.y;
}

void handleTimelineKeys(const ViewModel& model, UiState& state) {
  const DayHistogram& h = model.histogram;
  if (h.days() == 0) return;
  ImGuiIO& io = ImGui::GetIO();
  const int day = dayIndex(h, currentDay(model, state));
  if (!io.WantTextInput && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
      state.playing = !state.playing;
    // Right to left, earlier days are on the right: the arrows move the cursor their way.
    const int later = arabicInterface() ? -1 : 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
      setDay(model, state, day - later);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
      setDay(model, state, day + later);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) setDay(model, state, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) setDay(model, state, h.days() - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)))
      if (auto d = h.previousWithEvidence(day)) setDay(model, state, *d);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)))
      if (auto d = h.nextWithEvidence(day)) setDay(model, state, *d);
  }
  if (state.playing) {
    state.playClock += io.DeltaTime;
    const double step = 1.0 / std::max(0.1f, state.settings.daysPerSecond);
    while (state.playClock >= step) {
      state.playClock -= step;
      const int now = dayIndex(h, currentDay(model, state));
      if (now >= h.days() - 1) {
        state.playing = false;  // stop at the end rather than wrap around
        break;
      }
      setDay(model, state, now + 1);
    }
  } else {
    state.playClock = 0;
  }
}

namespace {

// The speed and the window mode.
void drawWindowControls(UiState& state) {
  const bool rtl = arabicInterface();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (!rtl) {
    ImGui::SliderFloat("##speed", &state.settings.daysPerSecond, 0.5f, 10.0f, "%.1f days/s");
  } else {
    ImGui::SliderFloat("##speed", &state.settings.daysPerSecond, 0.5f, 10.0f, "%.1f");
    ImGui::SameLine();
    DataText(tr(Str::DaysPerSecond), {.wrap = false});
  }
  ImGui::SameLine();
  const Str modes[] = {Str::ThisDay, Str::LastNDays, Str::UpToThisDay};
  int mode = static_cast<int>(state.settings.windowMode);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (UiCombo("##mode", &mode, modes, 3)) state.settings.windowMode = static_cast<WindowMode>(mode);
  if (state.settings.windowMode == WindowMode::LastNDays) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputInt(rtl ? "##n" : "days##n", &state.settings.lastNDays);
    state.settings.lastNDays = std::clamp(state.settings.lastNDays, 1, 365);
    if (rtl) {
      ImGui::SameLine();
      DataText(tr(Str::Days), {.wrap = false});
    }
  }
}

// The current day in words and how much evidence it has.
void drawDayLabel(const ViewModel& model, const UiState& state, const Date& day, int index) {
  const DayHistogram& h = model.histogram;
  (void)state;
  if (!arabicInterface()) {
    char label[64];
    std::snprintf(label, sizeof label, "%s %d %s %d", kWeekdays[day.weekday()], day.day,
                  uiMonth(day.month).c_str(), day.year);
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
  }
  // The same day for Arabic readers, shaped by the text engine (ImGui's font has no Arabic).
  ArabicTextOptions arabic;
  arabic.size = ImGui::GetFontSize() * 1.1f;
  arabic.align = text::Align::Left;
  const std::string words = arabicDateLabel(day);
  if (const auto p = LayoutDataLine(words, arabic.size); p && arabicInterface())
    arabic.width = p->width + 1;
  else
    arabic.width = ImGui::GetFontSize() * 14;
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y - ImGui::GetFontSize() * 0.2f);
  ArabicText(words, arabic);
  ImGui::SameLine();
  ImGui::SetCursorPosY(y);
  if (arabicInterface()) {
    std::string words;
    if (index < 0)
      words = std::string(tr(Str::BeforeFirstArticle)).append(" ").append(uiDate(h.first));
    else if (index >= h.days())
      words = std::string(tr(Str::AfterLastArticle))
                  .append(" ")
                  .append(uiDate(Date::fromDays(h.first.toDays() + h.days() - 1)));
    else
      words = std::string(tr(Str::ItemsThatDay)).append(": ").append(uiNumber(h.total(index)));
    std::string note = "(";
    note.append(words).append(")");
    DataTextOptions o;
    o.color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    o.wrap = false;
    DataText(note, o);
  } else if (index < 0) {
    ImGui::TextDisabled("(%s %s)", tr(Str::BeforeFirstArticle), h.first.iso().c_str());
  } else if (index >= h.days()) {
    ImGui::TextDisabled("(%s %s)", tr(Str::AfterLastArticle),
                        Date::fromDays(h.first.toDays() + h.days() - 1).iso().c_str());
  } else {
    const int items = h.total(index);
    ImGui::TextDisabled("(%d item%s that day)", items, items == 1 ? "" : "s");
  }
}

}  // namespace

void drawTimelinePanel(const ViewModel& model, UiState& state, ImVec2 size) {
  const DayHistogram& h = model.histogram;
  ImGui::BeginChild("##timeline", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  if (h.days() == 0) {
    UiText(tr(Str::NoDatedEvidence), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::EndChild();
    return;
  }
  const Date day = currentDay(model, state);
  const int index = dayIndex(h, day);

  // Controls. Right to left the row starts at the right edge (by its width on the last frame)
  // and runs mirrored: the arrows point the way the cursor moves (earlier days are on the right).
  const bool rtl = arabicInterface();
  static float rowWidth = 0;
  const float rowX = ImGui::GetCursorScreenPos().x;
  if (rtl)
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().x - rowWidth));
  const float rowStart = ImGui::GetCursorScreenPos().x;
  if (rtl) {
    drawDayLabel(model, state, day, index);
    ImGui::SameLine();
    drawWindowControls(state);
    ImGui::SameLine();
  }
  const int back = rtl ? 1 : -1;  // the day the "<" button goes to, relative to now
  auto toEnd = [&](bool left) {
    if (left != rtl)
      setDay(model, state, 0);
    else
      setDay(model, state, h.days() - 1);
  };
  auto toEvidence = [&](bool left) {
    if (left != rtl) {
      if (auto d = h.previousWithEvidence(index)) setDay(model, state, *d);
    } else if (auto d = h.nextWithEvidence(index)) {
      setDay(model, state, *d);
    }
  };
  if (ImGui::Button("|<")) toEnd(true);
  ImGui::SameLine();
  if (ImGui::Button("<<")) toEvidence(true);
  ImGui::SameLine();
  if (ImGui::Button("<")) setDay(model, state, index + back);
  ImGui::SameLine();
  if (UiButton(state.playing ? Str::Pause : Str::Play, ImVec2(ImGui::GetFontSize() * 3.5f, 0)))
    state.playing = !state.playing;
  ImGui::SameLine();
  if (ImGui::Button(">")) setDay(model, state, index - back);
  ImGui::SameLine();
  if (ImGui::Button(">>")) toEvidence(false);
  ImGui::SameLine();
  if (ImGui::Button(">|")) toEnd(false);
  if (!rtl) {
    ImGui::SameLine();
    drawWindowControls(state);
    ImGui::SameLine();
    drawDayLabel(model, state, day, index);
  }
  rowWidth = ImGui::GetItemRectMax().x - rowStart;
  (void)rowX;

  // Histogram and slider; right to left, day 0 is at the right end.
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float barsH = barsHeight();
  const float labelH = ImGui::GetTextLineHeight();
  ImGui::InvisibleButton("##histogram", ImVec2(std::max(width, 1.0f), barsH + labelH + 4));
  const float dayW = width / static_cast<float>(h.days());
  // The left edge of day d's column, and the day under screen x.
  auto dayX = [&](float d) { return rtl ? p0.x + width - d * dayW : p0.x + d * dayW; };
  auto dayAt = [&](float x) { return rtl ? (p0.x + width - x) / dayW : (x - p0.x) / dayW; };
  state.probes.timelineBars = {p0.x, p0.y, p0.x + width, p0.y + barsH};
  if (ImGui::IsItemActive())
    setDay(model, state, static_cast<int>(dayAt(ImGui::GetIO().MousePos.x)));
  if (ImGui::IsItemHovered()) {
    const int hover =
        std::clamp(static_cast<int>(dayAt(ImGui::GetIO().MousePos.x)), 0, h.days() - 1);
    const Date d = Date::fromDays(h.first.toDays() + hover);
    if (rtl) {
      ImGui::BeginTooltip();
      DataText(uiDate(d)
                   .append(": ")
                   .append(tr(Str::DatedToTheDay))
                   .append(" ")
                   .append(uiNumber(h.exact[hover]))
                   .append("، ")
                   .append(tr(Str::ByPublicationDate))
                   .append(" ")
                   .append(uiNumber(h.fallback[hover])),
               {.wrap = false});
      ImGui::EndTooltip();
    } else {
      ImGui::SetTooltip("%s: %d dated to the day, %d by publication date", d.iso().c_str(),
                        h.exact[hover], h.fallback[hover]);
    }
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float base = p0.y + barsH;
  dl->AddRectFilled(p0, ImVec2(p0.x + width, base), IM_COL32(236, 233, 226, 255));
  // The window of days the map shows.
  const TimeWindow window =
      windowAt(day, state.settings.windowMode, state.settings.lastNDays, h.first);
  const float wa = dayX(static_cast<float>(std::max(0, dayIndex(h, window.from))));
  const float wb = dayX(static_cast<float>(std::min(h.days(), dayIndex(h, window.to) + 1)));
  dl->AddRectFilled(ImVec2(std::min(wa, wb), p0.y), ImVec2(std::max(wa, wb), base),
                    IM_COL32(206, 222, 240, 255));
  const int maxTotal = std::max(1, h.maxTotal());
  for (int d = 0; d < h.days(); ++d) {
    const float left = rtl ? dayX(d + 1.0f) : dayX(static_cast<float>(d));
    const float x0 = left + (dayW > 4 ? 1 : 0), x1 = left + dayW;
    const float exactH = (barsH - 4) * h.exact[d] / maxTotal;
    const float fallbackH = (barsH - 4) * h.fallback[d] / maxTotal;
    dl->AddRectFilled(ImVec2(x0, base - exactH), ImVec2(x1, base), IM_COL32(37, 99, 160, 255));
    dl->AddRectFilled(ImVec2(x0, base - exactH - fallbackH), ImVec2(x1, base - exactH),
                      IM_COL32(150, 180, 210, 255));
    // One tick per day (at the day's start: its right edge right to left); a label at the first
    // of each month.
    const Date date = Date::fromDays(h.first.toDays() + d);
    const bool monthStart = date.day == 1 || d == 0;
    const float tick = rtl ? x1 : x0;
    dl->AddLine(ImVec2(tick, base), ImVec2(tick, base + (monthStart ? 6.0f : 3.0f)),
                IM_COL32(120, 120, 120, 255));
    if (monthStart) {
      const std::string month = uiMonthYear(date);
      const float mx = rtl ? tick - 2 - UiTextWidth(month) : tick + 2;
      UiDrawText(dl, ImVec2(mx, base + 3), IM_COL32(90, 90, 90, 255), month);
    }
  }
  // The current day; a day outside the data keeps the cursor at that end, with an arrow that
  // points out of the timeline towards the day.
  const ImU32 red = IM_COL32(230, 60, 40, 255);
  const int shown = std::clamp(index, 0, h.days() - 1);
  const float cx = dayX(shown + 0.5f);
  state.probes.timelineCursor = cx;
  dl->AddLine(ImVec2(cx, p0.y), ImVec2(cx, base + 4), red, 2.0f);
  if (index != shown) {
    const float a = ImGui::GetFontSize() * 0.5f, mid = p0.y + barsH / 2;
    const bool atLeft = (index < 0) != rtl;
    const float tip = atLeft ? p0.x + 1 : p0.x + width - 1, back = atLeft ? a : -a;
    dl->AddTriangleFilled(ImVec2(tip, mid), ImVec2(tip + back, mid - a * 0.8f),
                          ImVec2(tip + back, mid + a * 0.8f), red);
  }
  ImGui::EndChild();
}

}  // namespace atlas::ui
