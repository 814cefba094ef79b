// The interface's own words (menus, buttons, legend, headings, status bar, months) in English or
// Arabic, and ImGui widgets that show them. ImGui's font has no Arabic and cannot shape it: in
// Arabic a widget gets a label of spaces as wide as the shaped text (the English words stay its
// ID) and the text engine draws the words over it. In English every widget is ImGui's own, with
// the English label, exactly as before.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/date.h"

namespace atlas::ui {

enum class Str {
  // Menus.
  File,
  OpenCorpus,
  OpenSampleCorpus,
  Quit,
  Filters,
  View,
  Language,
  Help,
  About,
  // File > Open corpus.
  OpenCorpusTitle,
  OpenCorpusPrompt,
  Open,
  Cancel,
  // Filters.
  EventType,
  Actor,
  Outlet,
  DatePrecision,
  ClearAllFilters,
  All,
  None,
  AnyActor,
  ActorsNaming,
  AnyActorHint,
  OutletUnknown,
  // Map.
  FitCity,
  FitSelection,
  Legend,
  HeldBy,
  Government,
  Opposition,
  Kurdish,
  Contested,
  Unknown,
  Front,
  Fighting,
  PlacesByKind,
  Neighbourhoods,
  Sites,
  Towns,
  Mentions,
  OldCity,
  Queiq,
  EastAleppo,
  NotMentioned,
  North,
  Kilometres,
  Metres,
  NoEvidenceAfter,
  NoEvidenceBefore,
  AfterLastArticle,  // the timeline's note past the corpus's last article
  BeforeFirstArticle,
  LoadingCorpus,
  NoBaseMap,
  NoCorpusOpenHint,
  ShadersFailed,
  // Timeline.
  Play,
  Pause,
  DaysPerSecond,
  ThisDay,
  LastNDays,
  UpToThisDay,
  Days,
  ItemsThatDay,
  DatedToTheDay,
  ByPublicationDate,
  NoDatedEvidence,
  // Side panel, articles, reader.
  ClearSelection,
  Clear,
  HeldOn,
  Since,
  Baseline,
  Sentences,
  ShowMore,
  PlacesNamed,
  Place,
  Places,
  LoadWarnings,
  FiltersOn,
  NoCorpusLoaded,
  Articles,
  OnlyInWindow,
  Article,
  Published,
  Close,
  Undated,
  // Status bar.
  ArticlesCount,
  From,
  To,
  Showing,
  FiltersOnShort,
  NoCorpus,
  Loading,
  // About.
  AboutText,
  // The place search's hint.
  SearchPlaces,
  // Control evidence (the source panel) and the disagreements list.
  LastEvidence,
  Today,
  OneDay,
  TwoDays,
  DaysMany,
  Ago,
  Unconfirmed,
  NoEvidenceYet,
  SourcesDisagree,
  SourcesDisagreeNote,
  EvidenceOfThatDay,
  HeldByColumn,
  SaidBy,
  By,
  Holder,
  KindCaptured,
  KindHeld,
  KindContested,
  KindFailed,
  KindWithdrew,
  KindReference,
  SourceAddress,
  Note,
  Disagreements,
  DateColumn,
  TextsSay,
  ReferenceSays,
  NoDisagreements,
  DisagreementsHint,
  // The map: control evidence, the reference layer, View > Shelf life.
  MapLastEvidence,
  MapUnconfirmedSince,
  MapOneDay,
  MapTwoDays,
  MapFewDays,
  MapManyDays,
  MapAgo,
  MapSameDay,
  MapNoEvidenceYet,
  MapDisputedBySources,
  MapReferenceSide,
  MapUnconfirmed,
  MapNoEvidenceFor,
  MapFrontUnconfirmed,
  MapReferenceLayer,
  MapReferenceEdge,
  MapReferenceDiffers,
  MapReferenceFront,
  MapShelfLife,
  MapShelfLifeHint,
  MapReferenceLayerHint,
  Count
};

// The language of the chrome; MainView sets it each frame from UiState::arabicInterface.
void setArabicInterface(bool on);
bool arabicInterface();

const char* tr(Str s);  // the current language's words
const char* english(Str s);

std::string uiNumber(long n);            // "12" or "١٢"
std::string uiMonth(int month);          // "Dec" or "كانون الأول" (month 1..12)
std::string uiMonthYear(const Date& d);  // "Dec 2016" or "كانون الأول ٢٠١٦"
std::string uiDate(const Date& d);       // "2016-12-05" or "٥ كانون الأول ٢٠١٦"
std::string uiEventType(int type);       // Filters > Event type's words for an EventType
std::string uiPrecision(int precision);  // Filters > Date precision's words for a DatePrecision
std::string uiSide(int side);            // for a Side: "government" / "الحكومة" ...

// Widgets with a chrome string as the label (see above).
bool UiButton(Str s, ImVec2 size = ImVec2(0, 0));
bool UiSmallButton(Str s);
bool UiMenuItem(Str s, const char* shortcut = nullptr, bool selected = false, bool enabled = true);
bool UiMenuItem(Str s, const char* shortcut, bool* selected, bool enabled = true);
// `text`/`id`: the words shown and the widget's ID (its English label, maybe with "###").
bool UiMenuItem(std::string_view text, const char* id, bool* selected);
bool UiBeginMenu(Str s, bool enabled = true);
bool UiBeginMenu(std::string_view text, const char* id, bool enabled = true);
bool UiCheckbox(Str s, bool* value);
// A combo box over `count` chrome strings.
bool UiCombo(const char* id, int* current, const Str* items, int count);

// A line of text in a panel: ImGui text in English; in Arabic shaped (when ImGui cannot draw
// it) and right-aligned. `color` 0: ImGuiCol_Text.
void UiText(std::string_view text, ImU32 color = 0);
// Width of `text` as UiDrawText draws it.
float UiTextWidth(std::string_view text);
// Draws `text` on a draw list with its top left at `pos` (a font line high).
void UiDrawText(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text);

}  // namespace atlas::ui

namespace atlas::ui {

// The menu item that switches the language: its label "العربية / English" is shaped in either.
bool UiLanguageMenuItem(bool* arabic);
// Modal popups titled with a chrome string (the title is shaped over the title bar in Arabic).
void UiOpenPopup(Str title);
bool UiBeginPopupModal(Str title, ImGuiWindowFlags flags = 0);

}  // namespace atlas::ui
