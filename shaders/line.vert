#version 330 core
// Anti-aliased thick lines: one instance per segment, expanded to a quad in pixel space so the
// width stays constant in pixels at any zoom. The fragment shader fades the edge over a pixel.
layout(location = 0) in vec2 aA;
layout(location = 1) in vec2 aB;
layout(location = 2) in float aWidth;  // pixels
layout(location = 3) in vec4 aColour;
uniform vec2 uCentre;
uniform float uPixelsPerMetre;
uniform vec2 uViewportPx;
uniform float uPxScale;  // framebuffer pixels per UI pixel
out vec2 vPx;          // this fragment, in pixels relative to the centre
flat out vec2 vAPx;
flat out vec2 vBPx;
flat out float vHalfWidth;
out vec4 vColour;
void main() {
  vec2 a = (aA - uCentre) * uPixelsPerMetre;
  vec2 b = (aB - uCentre) * uPixelsPerMetre;
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float hw = 0.5 * aWidth * uPxScale + 1.0;  // one pixel more for the anti-aliased fringe
  // Corners of a triangle strip: (0,-), (0,+), (1,-), (1,+).
  int id = gl_VertexID;
  float along = (id >= 2) ? 1.0 : 0.0;
  float side = (id % 2 == 1) ? 1.0 : -1.0;
  vec2 p = mix(a - dir * hw, b + dir * hw, along) + nrm * side * hw;
  vPx = p;
  vAPx = a;
  vBPx = b;
  vHalfWidth = 0.5 * aWidth * uPxScale;
  vColour = aColour;
  gl_Position = vec4(p * 2.0 / uViewportPx, 0.0, 1.0);
}
