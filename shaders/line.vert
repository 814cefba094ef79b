#version 330 core
// Anti-aliased thick lines: one instance per segment, expanded to a quad in pixel space so the
// width stays constant in pixels at any zoom. The fragment shader fades the edge over a pixel,
// cuts dashes, and a segment may be shifted sideways by some pixels (a band inside an area).
layout(location = 0) in vec2 aA;
layout(location = 1) in vec2 aB;
layout(location = 2) in float aWidth;  // pixels
layout(location = 3) in vec4 aColour;
layout(location = 4) in float aDash;       // dash (and gap) length in pixels; 0: solid
layout(location = 5) in float aDashStart;  // metres along the whole line at aA
layout(location = 6) in float aOffset;     // pixels to the left of aA → aB
uniform vec2 uCentre;
uniform float uPixelsPerMetre;
uniform vec2 uViewportPx;
uniform float uPxScale;  // framebuffer pixels per UI pixel
out vec2 vPx;          // this fragment, in pixels relative to the centre
flat out vec2 vAPx;
flat out vec2 vBPx;
flat out float vHalfWidth;
flat out float vDash;
flat out float vDashStart;
out vec4 vColour;
void main() {
  vec2 a = (aA - uCentre) * uPixelsPerMetre;
  vec2 b = (aB - uCentre) * uPixelsPerMetre;
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  a += nrm * aOffset * uPxScale;
  b += nrm * aOffset * uPxScale;
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
  vDash = aDash * uPxScale;
  vDashStart = aDashStart * uPixelsPerMetre;
  vColour = aColour;
  gl_Position = vec4(p * 2.0 / uViewportPx, 0.0, 1.0);
}
