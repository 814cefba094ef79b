#include "ui/main_view.h"

#include <imgui.h>
#include <imgui_internal.h>  // MarkIniSettingsDirty

#include <algorithm>
#include <cstdio>

#include "ui/about_box.h"
#include "ui/article_reader.h"
#include "ui/disagreements_panel.h"
#include "ui/evidence.h"
#include "ui/filter_menu.h"
#include "ui/side_panel.h"
#include "ui/status_bar.h"
#include "ui/timeline_panel.h"
#include "ui/ui_text.h"

namespace atlas::ui {

namespace {

// File > Open corpus...: a path typed or pasted (ImGui has no file dialog; a folder of .txt
// files with MANIFEST.tsv, or a .jsonl file).
void drawOpenCorpusPopup(UiState& state, bool open) {
  static char path[1024] = "";
  if (open) {
    std::snprintf(path, sizeof path, "%s", state.settings.corpusPath.c_str());
    UiOpenPopup(Str::OpenCorpusTitle);
  }
  if (!UiBeginPopupModal(Str::OpenCorpusTitle, ImGuiWindowFlags_AlwaysAutoResize)) return;
  UiText(tr(Str::OpenCorpusPrompt));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32);
  if (open) ImGui::SetKeyboardFocusHere();
  const bool enter =
      ImGui::InputText("##path", path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::BeginDisabled(path[0] == 0 || !state.loading.corpus.empty());
  if (UiButton(Str::Open) || (enter && path[0] != 0)) {
    state.requests.openCorpus = path;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (UiButton(Str::Cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void drawMenuBar(const ViewModel& model, UiState& state) {
  if (!ImGui::BeginMenuBar()) return;
  bool openCorpus = false;
  auto fileMenu = [&] {
    if (UiBeginMenu(Str::File)) {
      const bool busy = !state.loading.corpus.empty();
      if (UiMenuItem(Str::OpenCorpus, "Ctrl+O", false, !busy)) openCorpus = true;
      if (UiMenuItem(Str::OpenSampleCorpus, nullptr, false,
                     !busy && !state.sampleCorpusPath.empty()))
        state.requests.openCorpus = state.sampleCorpusPath;
      ImGui::Separator();
      if (UiMenuItem(Str::Quit, "Ctrl+Q")) state.requests.quit = true;
      ImGui::EndMenu();
    }
  };
  // View: the reference layer over the evidence, and how long evidence keeps an area confirmed.
  auto viewMenu = [&] {
    if (UiBeginMenu(Str::View)) {
      bool reference = state.settings.referenceLayer;
      if (UiMenuItem(Str::MapReferenceLayer, nullptr, &reference))
        state.settings.referenceLayer = reference;
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        UiText(tr(Str::MapReferenceLayerHint));
        ImGui::EndTooltip();
      }
      UiMenuItem(Str::Disagreements, nullptr, &state.settings.disagreementsOpen);
      ImGui::Separator();
      UiText(tr(Str::MapShelfLife));
      int days = std::clamp(state.settings.shelfLifeDays, 1, 365);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
      if (ImGui::SliderInt("##shelfLife", &days, 3, 60, "%d", ImGuiSliderFlags_AlwaysClamp))
        state.settings.shelfLifeDays = days;
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        UiText(tr(Str::MapShelfLifeHint));
        ImGui::EndTooltip();
      }
      ImGui::SameLine();
      UiText(tr(Str::Days));
      ImGui::EndMenu();
    }
  };
  bool about = state.requests.about;
  state.requests.about = false;
  auto helpMenu = [&] {
    if (UiBeginMenu(Str::Help)) {
      if (UiMenuItem(Str::About)) about = true;
      ImGui::Separator();
      bool arabic = state.settings.arabicInterface;
      if (UiLanguageMenuItem(&arabic)) state.settings.arabicInterface = arabic;
      ImGui::EndMenu();
    }
  };
  if (arabicInterface()) {
    // Right to left: the first menu at the right edge (placed by the width the menus took on
    // the last frame).
    static float used = 0;
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float right = w->MenuBarRect().Max.x - ImGui::GetStyle().WindowPadding.x;
    const float start = ImGui::GetCursorScreenPos().x;
    ImGui::SetCursorScreenPos(ImVec2(std::max(start, right - used), ImGui::GetCursorScreenPos().y));
    const float x0 = ImGui::GetCursorScreenPos().x;
    helpMenu();
    viewMenu();
    drawFilterMenu(model, state);
    fileMenu();
    used = w->DC.CursorPos.x - x0;
  } else {
    fileMenu();
    drawFilterMenu(model, state);
    viewMenu();
    helpMenu();
  }
  ImGui::EndMenuBar();
  drawAboutBox(about);
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('O', false) && state.loading.corpus.empty())
    openCorpus = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) state.requests.quit = true;
  drawOpenCorpusPopup(state, openCorpus);
}

// A vertical bar that can be dragged to resize the region on its right (the side panel, or the
// reader beside the map; on its left when the layout is mirrored): `width` is that region's
// width in unscaled pixels.
void drawSplitter(const char* id, float& width, float uiScale, ImVec2 size, float minWidth,
                  float maxWidth, bool regionOnLeft = false) {
  ImGui::InvisibleButton(id, size);
  if (ImGui::IsItemHovered() || ImGui::IsItemActive())
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive()) {
    const float dx = ImGui::GetIO().MouseDelta.x;
    const float px = width * uiScale + (regionOnLeft ? dx : -dx);
    width = std::clamp(px, minWidth, std::max(minWidth, maxWidth)) / uiScale;
  }
  if (ImGui::IsItemDeactivated()) ImGui::MarkIniSettingsDirty();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2((a.x + b.x) / 2, a.y), ImVec2((a.x + b.x) / 2, b.y),
                                      ImGui::GetColorU32(ImGuiCol_Separator));
}

}  // namespace

bool MainView::init(std::string& error) { return map_.init(error); }

const ViewModel& MainView::filtered(const ViewModel& model, const MentionFilter& filter) {
  if (!filter.active()) return model;
  if (filteredFrom_ != &model || filteredFromVersion_ != model.version ||
      filteredFromEvidence_ != model.evidenceVersion || !(filteredBy_ == filter)) {
    filtered_ = model;
    computeEvidence(filtered_, filter);
    // Distinct from the model's and from every earlier filtered copy, so the map rebuilds.
    filtered_.evidenceVersion = model.evidenceVersion + 1 + ++filterGeneration_;
    filteredFrom_ = &model;
    filteredFromVersion_ = model.version;
    filteredFromEvidence_ = model.evidenceVersion;
    filteredBy_ = filter;
  }
  return filtered_;
}

void MainView::drawBodyLeftToRight(const ViewModel& model, UiState& state, float panelW,
                                   float readerW, float mapW, float bodyH, float splitterW,
                                   float maxPanel, float minReader, float maxReader, bool reader) {
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  map_.draw(model, state, ImVec2(mapW, bodyH));
  if (reader) {
    ImGui::SameLine();
    drawSplitter("##readerSplitter", state.settings.readerWidth, state.uiScale,
                 ImVec2(splitterW, bodyH), minReader, maxReader);
    ImGui::SameLine();
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().FramePadding);
    drawArticleReader(model, state, ImVec2(readerW, bodyH));
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  }
  ImGui::SameLine();
  drawSplitter("##splitter", state.settings.sidePanelWidth, state.uiScale, ImVec2(splitterW, bodyH),
               160.0f, maxPanel);
  ImGui::SameLine();
  ImGui::PopStyleVar();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().FramePadding);
  drawSidePanel(model, state, ImVec2(panelW, bodyH));
  ImGui::PopStyleVar();
}

void MainView::draw(const ViewModel& unfiltered, UiState& state) {
  const ViewModel& model = filtered(unfiltered, state.settings.filter);
  setArabicInterface(state.settings.arabicInterface);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Aleppo Atlas", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  drawMenuBar(model, state);

  // Regions are placed at explicit positions (body, timeline, status bar from the top down) so
  // item spacing cannot push the status bar off the window.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float statusH = statusBarHeight();
  const float timelineH = timelinePanelHeight();
  const float bodyH = std::max(1.0f, avail.y - statusH - timelineH);
  const float maxPanel = std::max(160.0f, avail.x * 0.7f);
  const float panelW = std::clamp(state.settings.sidePanelWidth * state.uiScale, 160.0f, maxPanel);
  const float splitterW = std::max(4.0f, ImGui::GetStyle().ItemSpacing.x);
  // The article reader, when open, sits between the map and the side panel; the map keeps at
  // least a sixth of the window (or 120 px) and the reader at least 200 px.
  const bool reader = articleReaderOpen(model, state);
  const float minReader = 200.0f * state.uiScale;
  const float maxReader =
      std::max(minReader, avail.x - panelW - 2 * splitterW - std::max(120.0f, avail.x / 6));
  const float readerW =
      reader ? std::clamp(state.settings.readerWidth * state.uiScale, minReader, maxReader) : 0.0f;
  const float mapW =
      std::max(1.0f, avail.x - panelW - splitterW - (reader ? readerW + splitterW : 0.0f));

  if (state.settings.arabicInterface) {
    // Mirrored: side panel | reader | map, the splitters resizing the regions on their left.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().FramePadding);
    drawSidePanel(model, state, ImVec2(panelW, bodyH));
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::SameLine();
    drawSplitter("##splitter", state.settings.sidePanelWidth, state.uiScale,
                 ImVec2(splitterW, bodyH), 160.0f, maxPanel, true);
    ImGui::SameLine();
    if (reader) {
      ImGui::PopStyleVar();
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().FramePadding);
      drawArticleReader(model, state, ImVec2(readerW, bodyH));
      ImGui::PopStyleVar();
      ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
      ImGui::SameLine();
      drawSplitter("##readerSplitter", state.settings.readerWidth, state.uiScale,
                   ImVec2(splitterW, bodyH), minReader, maxReader, true);
      ImGui::SameLine();
    }
    map_.draw(model, state, ImVec2(mapW, bodyH));
    ImGui::PopStyleVar();
  } else {
    drawBodyLeftToRight(model, state, panelW, readerW, mapW, bodyH, splitterW, maxPanel, minReader,
                        maxReader, reader);
  }
  handleTimelineKeys(model, state);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bodyH));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().FramePadding);
  drawTimelinePanel(model, state, ImVec2(avail.x, timelineH));
  ImGui::PopStyleVar();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bodyH + timelineH));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  drawStatusBar(model, state, ImVec2(avail.x, statusH));
  ImGui::PopStyleVar();
  ImGui::End();
  // View > Disagreements with the reference: a window over the body.
  drawDisagreementsPanel(model, state);
}

}  // namespace atlas::ui
