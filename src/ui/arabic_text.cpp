#include "ui/arabic_text.h"

#include <glad/gl.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>

#include "text/font_face.h"

namespace atlas::ui {

namespace {

TextRenderer* gRenderer = nullptr;

// The atlas as a single-channel texture that samples as white with coverage in alpha.
class GlAtlasTexture : public text::TextureSink {
 public:
  explicit GlAtlasTexture(GLuint id) : id_(id) {}
  void recreate(int width, int height, const uint8_t* pixels) override {
    glBindTexture(GL_TEXTURE_2D, id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  }
  void updateRows(int y0, int y1, int width, const uint8_t* pixels) override {
    glBindTexture(GL_TEXTURE_2D, id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y0, width, y1 - y0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  }

 private:
  GLuint id_;
};

class NullTexture : public text::TextureSink {
 public:
  void recreate(int, int, const uint8_t*) override {}
  void updateRows(int, int, int, const uint8_t*) override {}
};

}  // namespace

std::unique_ptr<TextRenderer> TextRenderer::create(std::string* error,
                                                   const std::string& arabicFont, bool gpu) {
  std::unique_ptr<TextRenderer> r(new TextRenderer());
  r->engine_ = text::TextEngine::create(error, arabicFont);
  if (!r->engine_) return nullptr;
  if (gpu) {
    GLuint id = 0;
    glGenTextures(1, &id);
    r->textureId_ = id;
    r->sink_ = std::make_unique<GlAtlasTexture>(id);
  } else {
    r->sink_ = std::make_unique<NullTexture>();
  }
  return r;
}

TextRenderer::~TextRenderer() {
  if (textureId_) {
    GLuint id = textureId_;
    glDeleteTextures(1, &id);
  }
  if (gRenderer == this) gRenderer = nullptr;
}

ImTextureID TextRenderer::texture() const {
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(textureId_));
}

void TextRenderer::flush() { engine_->atlas().flush(*sink_); }

void TextRenderer::draw(ImDrawList* dl, const text::Paragraph& p, ImVec2 origin, ImU32 color,
                        std::span<const TextHighlight> highlights) {
  for (const TextHighlight& h : highlights)
    for (const text::Rect& r : p.rangeRects(h.begin, h.end))
      dl->AddRectFilled(ImVec2(origin.x + r.x0, origin.y + r.y0),
                        ImVec2(origin.x + r.x1, origin.y + r.y1), h.color);

  const auto& quads = p.quads(engine_->atlas(), engine_->faces());
  flush();
  if (quads.empty()) return;
  // Whole-pixel origin keeps the glyph bitmaps on texel centres.
  const float ox = std::floor(origin.x + 0.5f);
  const float oy = std::floor(origin.y + 0.5f);
  dl->PushTextureID(texture());
  const int n = static_cast<int>(quads.size());
  dl->PrimReserve(n * 6, n * 4);
  ImDrawVert* v = dl->_VtxWritePtr;
  ImDrawIdx* idx = dl->_IdxWritePtr;
  auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (const text::Quad& q : quads) {
    const float x0 = ox + q.x0, y0 = oy + q.y0, x1 = ox + q.x1, y1 = oy + q.y1;
    v[0] = {ImVec2(x0, y0), ImVec2(q.u0, q.v0), color};
    v[1] = {ImVec2(x1, y0), ImVec2(q.u1, q.v0), color};
    v[2] = {ImVec2(x1, y1), ImVec2(q.u1, q.v1), color};
    v[3] = {ImVec2(x0, y1), ImVec2(q.u0, q.v1), color};
    idx[0] = base;
    idx[1] = static_cast<ImDrawIdx>(base + 1);
    idx[2] = static_cast<ImDrawIdx>(base + 2);
    idx[3] = base;
    idx[4] = static_cast<ImDrawIdx>(base + 2);
    idx[5] = static_cast<ImDrawIdx>(base + 3);
    v += 4;
    idx += 6;
    base = static_cast<ImDrawIdx>(base + 4);
  }
  dl->_VtxWritePtr = v;
  dl->_IdxWritePtr = idx;
  dl->_VtxCurrentIdx += static_cast<unsigned>(n * 4);
  dl->PopTextureID();
}

void SetTextRenderer(TextRenderer* renderer) { gRenderer = renderer; }
TextRenderer* GetTextRenderer() { return gRenderer; }

namespace {

// Hover and click state of the item just submitted, drawn from `p` at `pos`.
void finishItem(ArabicTextResult& result, std::shared_ptr<const text::Paragraph> p, ImVec2 pos) {
  result.hovered = ImGui::IsItemHovered();
  result.clicked = result.hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                   ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16.0f;
  if (result.hovered && p) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    result.hoveredOffset = p->offsetAt(m.x - pos.x, m.y - pos.y);
  }
  result.layout = std::move(p);
}

}  // namespace

ArabicTextResult ArabicText(std::string_view text, const ArabicTextOptions& options) {
  ArabicTextResult result;
  TextRenderer* r = gRenderer;
  if (!r) {
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    return result;
  }
  text::LayoutOptions lo;
  lo.size = options.size > 0 ? options.size : ImGui::GetFontSize() * 1.25f;
  lo.width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
  if (lo.width < 1) lo.width = 1;
  lo.align = options.align;
  const auto p = r->engine().layoutCached(text, lo);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size(p->width, p->height);
  result.min = pos;
  result.max = ImVec2(pos.x + size.x, pos.y + size.y);
  if (ImGui::IsRectVisible(result.min, result.max)) {
    const ImU32 color = options.color ? options.color : ImGui::GetColorU32(ImGuiCol_Text);
    r->draw(ImGui::GetWindowDrawList(), *p, pos, color, options.highlights);
  }
  ImGui::Dummy(size);
  finishItem(result, p, pos);
  return result;
}

bool ImGuiCanDraw(std::string_view text) {
  const char* s = text.data();
  const char* const end = s + text.size();
  const ImFont* font = ImGui::GetFont();
  while (s < end) {
    const auto b = static_cast<unsigned char>(*s);
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: in every ImGui font
      ++s;
      continue;
    }
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, s, end);
    if (n <= 0) return false;
    s += n;
    if (c == '\n' || c == '\r') continue;
    if (c == IM_UNICODE_CODEPOINT_INVALID || c > IM_UNICODE_CODEPOINT_MAX) return false;
    if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

namespace {

float dataTextSize(float size) { return size > 0 ? size : ImGui::GetFontSize() * 1.1f; }

// A left-to-right mark before the text makes the paragraph's base direction left to right.
constexpr std::string_view kLrm = "\u200E";

std::shared_ptr<const text::Paragraph> layoutData(std::string_view text, float size, float width,
                                                  bool ltr) {
  TextRenderer* r = gRenderer;
  if (!r) return nullptr;
  text::LayoutOptions lo;
  lo.size = dataTextSize(size);
  lo.width = width;
  if (!ltr) return r->engine().layoutCached(text, lo);
  lo.align = text::Align::Left;
  std::string marked;
  marked.reserve(kLrm.size() + text.size());
  marked.append(kLrm).append(text);
  return r->engine().layoutCached(marked, lo);
}

}  // namespace

std::shared_ptr<const text::Paragraph> LayoutDataLine(std::string_view text, float size, bool ltr) {
  return layoutData(text, size, 0, ltr);
}

ArabicTextResult DataText(std::string_view text, const DataTextOptions& options) {
  ArabicTextResult result;
  const char* const b = text.data();
  const char* const e = b + text.size();
  std::shared_ptr<const text::Paragraph> p;
  if (!ImGuiCanDraw(text)) p = layoutData(text, options.size, 0, options.ltr);
  bool beside = false;
  if (options.sameLine) {
    const float w = p ? p->width : ImGui::CalcTextSize(b, e).x;
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    const float lineEnd = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    beside = x + w <= lineEnd;
    if (beside) ImGui::SameLine();
  }
  if (!p) {  // ImGui's font has every character (or there is no text engine)
    if (options.color) ImGui::PushStyleColor(ImGuiCol_Text, options.color);
    if (options.wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(b, e);
    if (options.wrap) ImGui::PopTextWrapPos();
    if (options.color) ImGui::PopStyleColor();
    result.min = ImGui::GetItemRectMin();
    result.max = ImGui::GetItemRectMax();
    finishItem(result, nullptr, result.min);
    return result;
  }
  const float avail = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  if (options.wrap && p->width > avail) p = layoutData(text, options.size, avail, options.ltr);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 itemPos = pos;
  // Beside ImGui text the shaped line sits on ImGui's baseline (taller fonts reach up a little).
  if (beside && !p->lines.empty()) {
    const float ascent =
        ImGui::GetFont()->Ascent * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
    pos.y += std::min(0.0f, ascent - p->lines.front().baseline);
  }
  result.min = pos;
  result.max = ImVec2(pos.x + p->width, pos.y + p->height);
  if (ImGui::IsRectVisible(result.min, result.max))
    gRenderer->draw(ImGui::GetWindowDrawList(), *p, pos,
                    options.color ? options.color : ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::Dummy(ImVec2(p->width, result.max.y - itemPos.y));
  finishItem(result, p, pos);
  if (options.ltr && result.hoveredOffset != SIZE_MAX)
    result.hoveredOffset =
        result.hoveredOffset > kLrm.size() ? result.hoveredOffset - kLrm.size() : 0;
  return result;
}

bool DataSelectable(std::string_view label, bool selected, ImGuiSelectableFlags flags) {
  if (!gRenderer || ImGuiCanDraw(label)) {
    const std::string s(label);
    return ImGui::Selectable(s.c_str(), selected, flags);
  }
  const auto p = layoutData(label, 0, 0, false);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Selectable("##data", selected, flags, ImVec2(p->width, p->height));
  if (ImGui::IsItemVisible())
    gRenderer->draw(ImGui::GetWindowDrawList(), *p, pos, ImGui::GetColorU32(ImGuiCol_Text));
  return pressed;
}

}  // namespace atlas::ui
