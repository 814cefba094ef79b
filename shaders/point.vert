#version 330 core
// Instanced circular markers with an outline; radius and outline in pixels.
layout(location = 0) in vec2 aPos;
layout(location = 1) in float aRadius;
layout(location = 2) in float aStroke;
layout(location = 3) in vec4 aFill;
layout(location = 4) in vec4 aStrokeColour;
uniform vec2 uCentre;
uniform float uPixelsPerMetre;
uniform vec2 uViewportPx;
uniform float uPxScale;  // framebuffer pixels per UI pixel
out vec2 vOffset;  // pixels from the marker's centre
flat out float vRadius;
flat out float vStroke;
flat out vec4 vFill;
flat out vec4 vStrokeColour;
void main() {
  int id = gl_VertexID;
  vec2 corner = vec2((id >= 2) ? 1.0 : -1.0, (id % 2 == 1) ? 1.0 : -1.0);
  float radius = aRadius * uPxScale;
  float extent = radius + 1.0;
  vOffset = corner * extent;
  vRadius = radius;
  vStroke = aStroke * uPxScale;
  vFill = aFill;
  vStrokeColour = aStrokeColour;
  vec2 centre = (aPos - uCentre) * uPixelsPerMetre;
  gl_Position = vec4((centre + vOffset) * 2.0 / uViewportPx, 0.0, 1.0);
}
