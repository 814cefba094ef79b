#version 330 core
in vec2 vPx;
flat in vec2 vAPx;
flat in vec2 vBPx;
flat in float vHalfWidth;
flat in float vDash;
flat in float vDashStart;
in vec4 vColour;
out vec4 fragColour;
void main() {
  // Distance to the segment (a capsule: round caps make joins seamless).
  vec2 ab = vBPx - vAPx;
  float len2 = max(dot(ab, ab), 1e-6);
  float t = clamp(dot(vPx - vAPx, ab) / len2, 0.0, 1.0);
  float dist = length(vPx - (vAPx + t * ab));
  float alpha = clamp(vHalfWidth + 0.5 - dist, 0.0, 1.0);
  if (vDash > 0.0) {
    // Dashes run on along the whole line: the position is the line's length up to aA plus the
    // distance along this segment (beyond its ends in the round caps).
    float along = vDashStart + dot(vPx - vAPx, ab) / sqrt(len2);
    float phase = mod(along, 2.0 * vDash);
    float outside = phase < vDash ? -min(phase, vDash - phase) : min(phase - vDash, 2.0 * vDash - phase);
    alpha *= clamp(0.5 - outside, 0.0, 1.0);
  }
  if (alpha <= 0.0) discard;
  fragColour = vec4(vColour.rgb, vColour.a * alpha);
}
