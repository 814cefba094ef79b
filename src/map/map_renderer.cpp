#include "map/map_renderer.h"

#include <glad/gl.h>

#include <cstddef>

namespace atlas::map::shaders {
extern const char* const kFillVert;
extern const char* const kFillFrag;
extern const char* const kLineVert;
extern const char* const kLineFrag;
extern const char* const kPointVert;
extern const char* const kPointFrag;
}  // namespace atlas::map::shaders

namespace atlas::map {

namespace {

unsigned compile(GLenum type, const char* source, const char* name, std::string& error) {
  const GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string("shader ") + name + ": " + log;
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

unsigned link(const char* vs, const char* fs, const char* name, std::string& error) {
  const unsigned v = compile(GL_VERTEX_SHADER, vs, name, error);
  const unsigned f = v ? compile(GL_FRAGMENT_SHADER, fs, name, error) : 0;
  if (!v || !f) return 0;
  const GLuint program = glCreateProgram();
  glAttachShader(program, v);
  glAttachShader(program, f);
  glLinkProgram(program);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    error = std::string("program ") + name + ": " + log;
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

void floatAttrib(GLuint index, int size, GLsizei stride, size_t offset, bool perInstance) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offset));
  glVertexAttribDivisor(index, perInstance ? 1 : 0);
}

void colourAttrib(GLuint index, GLsizei stride, size_t offset, bool perInstance) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<const void*>(offset));
  glVertexAttribDivisor(index, perInstance ? 1 : 0);
}

}  // namespace

MapRenderer::~MapRenderer() {
  if (!ready_) return;
  const GLuint vaos[] = {fillVao_, lineVao_, pointVao_};
  const GLuint vbos[] = {fillVbo_, lineVbo_, pointVbo_};
  glDeleteVertexArrays(3, vaos);
  glDeleteBuffers(3, vbos);
  glDeleteProgram(fill_.id);
  glDeleteProgram(line_.id);
  glDeleteProgram(point_.id);
}

bool MapRenderer::init(std::string& error) {
  fill_.id = link(shaders::kFillVert, shaders::kFillFrag, "fill", error);
  line_.id = fill_.id ? link(shaders::kLineVert, shaders::kLineFrag, "line", error) : 0;
  point_.id = line_.id ? link(shaders::kPointVert, shaders::kPointFrag, "point", error) : 0;
  if (!point_.id) return false;
  for (Program* p : {&fill_, &line_, &point_}) {
    p->centre = glGetUniformLocation(p->id, "uCentre");
    p->ndcPerMetre = glGetUniformLocation(p->id, "uNdcPerMetre");
    p->pixelsPerMetre = glGetUniformLocation(p->id, "uPixelsPerMetre");
    p->viewportPx = glGetUniformLocation(p->id, "uViewportPx");
    p->pxScale = glGetUniformLocation(p->id, "uPxScale");
  }

  glGenVertexArrays(1, &fillVao_);
  glGenBuffers(1, &fillVbo_);
  glBindVertexArray(fillVao_);
  glBindBuffer(GL_ARRAY_BUFFER, fillVbo_);
  floatAttrib(0, 2, sizeof(FillVertex), offsetof(FillVertex, pos), false);
  colourAttrib(1, sizeof(FillVertex), offsetof(FillVertex, rgba), false);
  colourAttrib(2, sizeof(FillVertex), offsetof(FillVertex, hatch), false);
  colourAttrib(3, sizeof(FillVertex), offsetof(FillVertex, pattern), false);
  colourAttrib(4, sizeof(FillVertex), offsetof(FillVertex, dots), false);

  glGenVertexArrays(1, &lineVao_);
  glGenBuffers(1, &lineVbo_);
  glBindVertexArray(lineVao_);
  glBindBuffer(GL_ARRAY_BUFFER, lineVbo_);
  floatAttrib(0, 2, sizeof(LineInstance), offsetof(LineInstance, a), true);
  floatAttrib(1, 2, sizeof(LineInstance), offsetof(LineInstance, b), true);
  floatAttrib(2, 1, sizeof(LineInstance), offsetof(LineInstance, widthPx), true);
  colourAttrib(3, sizeof(LineInstance), offsetof(LineInstance, rgba), true);
  floatAttrib(4, 1, sizeof(LineInstance), offsetof(LineInstance, dashPx), true);
  floatAttrib(5, 1, sizeof(LineInstance), offsetof(LineInstance, dashStart), true);
  floatAttrib(6, 1, sizeof(LineInstance), offsetof(LineInstance, offsetPx), true);

  glGenVertexArrays(1, &pointVao_);
  glGenBuffers(1, &pointVbo_);
  glBindVertexArray(pointVao_);
  glBindBuffer(GL_ARRAY_BUFFER, pointVbo_);
  floatAttrib(0, 2, sizeof(PointInstance), offsetof(PointInstance, pos), true);
  floatAttrib(1, 1, sizeof(PointInstance), offsetof(PointInstance, radiusPx), true);
  floatAttrib(2, 1, sizeof(PointInstance), offsetof(PointInstance, strokePx), true);
  colourAttrib(3, sizeof(PointInstance), offsetof(PointInstance, fill), true);
  colourAttrib(4, sizeof(PointInstance), offsetof(PointInstance, stroke), true);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  ready_ = true;
  return true;
}

void MapRenderer::uploadBaseLayers(const BaseLayers& layers) {
  if (!ready_) return;
  glBindBuffer(GL_ARRAY_BUFFER, fillVbo_);
  glBufferData(GL_ARRAY_BUFFER, layers.fills.size() * sizeof(FillVertex), layers.fills.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, lineVbo_);
  glBufferData(GL_ARRAY_BUFFER, layers.lines.size() * sizeof(LineInstance), layers.lines.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  fillCount_ = static_cast<int>(layers.fills.size());
  lineCount_ = static_cast<int>(layers.lines.size());
  ++uploads_;
}

void MapRenderer::uploadMarkers(const std::vector<PointInstance>& markers) {
  if (!ready_) return;
  glBindBuffer(GL_ARRAY_BUFFER, pointVbo_);
  glBufferData(GL_ARRAY_BUFFER, markers.size() * sizeof(PointInstance), markers.data(),
               GL_DYNAMIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  pointCount_ = static_cast<int>(markers.size());
  ++uploads_;
}

void MapRenderer::draw(const Viewport& view, const LocalFrame& frame,
                       const RenderTarget& target) const {
  if (!ready_ || target.width <= 0 || target.height <= 0) return;
  glViewport(target.x, target.y, target.width, target.height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(target.x, target.y, target.width, target.height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  const float cx = static_cast<float>(view.centre.x - frame.origin.x);
  const float cy = static_cast<float>(view.centre.y - frame.origin.y);
  const float pxPerMetre = static_cast<float>(target.pxScale / view.metresPerPixel);
  const float vw = static_cast<float>(target.width), vh = static_cast<float>(target.height);
  auto setCommon = [&](const Program& p) {
    glUseProgram(p.id);
    glUniform2f(p.centre, cx, cy);
    if (p.ndcPerMetre >= 0) glUniform2f(p.ndcPerMetre, 2 * pxPerMetre / vw, 2 * pxPerMetre / vh);
    if (p.pixelsPerMetre >= 0) glUniform1f(p.pixelsPerMetre, pxPerMetre);
    if (p.viewportPx >= 0) glUniform2f(p.viewportPx, vw, vh);
    if (p.pxScale >= 0) glUniform1f(p.pxScale, target.pxScale);
  };

  setCommon(fill_);
  glBindVertexArray(fillVao_);
  glDrawArrays(GL_TRIANGLES, 0, fillCount_);
  setCommon(line_);
  glBindVertexArray(lineVao_);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, lineCount_);
  setCommon(point_);
  glBindVertexArray(pointVao_);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, pointCount_);
  glBindVertexArray(0);
  glUseProgram(0);
}

}  // namespace atlas::map
