#version 330 core
in vec2 vPx;
flat in vec2 vAPx;
flat in vec2 vBPx;
flat in float vHalfWidth;
in vec4 vColour;
out vec4 fragColour;
void main() {
  // Distance to the segment (a capsule: round caps make joins seamless).
  vec2 ab = vBPx - vAPx;
  float t = clamp(dot(vPx - vAPx, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
  float dist = length(vPx - (vAPx + t * ab));
  float alpha = clamp(vHalfWidth + 0.5 - dist, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  fragColour = vec4(vColour.rgb, vColour.a * alpha);
}
