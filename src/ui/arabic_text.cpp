#include "ui/arabic_text.h"

#include <glad/gl.h>

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
  result.hovered = ImGui::IsItemHovered();
  result.clicked = result.hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                   ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16.0f;
  result.layout = p;
  if (result.hovered) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    result.hoveredOffset = p->offsetAt(m.x - pos.x, m.y - pos.y);
  }
  return result;
}

}  // namespace atlas::ui
