#version 330 core
in vec2 vOffset;
flat in float vRadius;
flat in float vStroke;
flat in vec4 vFill;
flat in vec4 vStrokeColour;
out vec4 fragColour;
void main() {
  float d = length(vOffset);
  float outside = clamp(d - vRadius + 0.5, 0.0, 1.0);  // 1 beyond the rim
  if (outside >= 1.0) discard;
  float inStroke = clamp(d - (vRadius - vStroke) + 0.5, 0.0, 1.0);
  vec4 colour = mix(vFill, vStrokeColour, inStroke);
  fragColour = vec4(colour.rgb, colour.a * (1.0 - outside));
}
