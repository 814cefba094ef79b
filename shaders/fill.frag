#version 330 core
// Patterns are in screen space, so they keep their spacing at every zoom: diagonal stripes
// (contested by fighting), an upright grid (disputed by sources), a stipple (unconfirmed).
in vec4 vColour;
in vec4 vHatch;
flat in float vPattern;
in vec4 vDots;
uniform float uPxScale;  // framebuffer pixels per UI pixel
out vec4 fragColour;

// Coverage of lines `width` wide every `period` along t (all in framebuffer pixels).
float lines(float t, float period, float width) {
  float d = abs(fract(t / period + 0.5) - 0.5) * period;  // distance to the nearest line
  return clamp(0.5 * width + 0.5 - d, 0.0, 1.0);
}

void main() {
  vec4 colour = vColour;
  if (vDots.a > 0.0) {
    // Staggered dots, 1.4 px in radius, 7 px apart.
    float period = 7.0 * uPxScale;
    vec2 p = gl_FragCoord.xy;
    if (mod(floor(p.y / period), 2.0) > 0.5) p.x += 0.5 * period;
    float d = length(mod(p, period) - 0.5 * period);
    float spot = clamp(1.4 * uPxScale + 0.5 - d, 0.0, 1.0);
    colour = mix(colour, vec4(vDots.rgb, 1.0), vDots.a * spot);
  }
  if (vHatch.a > 0.0) {
    float cover;
    if (vPattern < 0.5) {
      // Diagonal: 45° stripes, 2 px wide, 6.4 px apart (9 px along x + y).
      cover = lines(gl_FragCoord.x + gl_FragCoord.y, 9.0 * uPxScale, 2.8 * uPxScale);
    } else {
      // An upright grid of thin lines 8 px apart.
      float period = 8.0 * uPxScale, width = 1.4 * uPxScale;
      cover = max(lines(gl_FragCoord.x, period, width), lines(gl_FragCoord.y, period, width));
    }
    colour = mix(colour, vec4(vHatch.rgb, 1.0), vHatch.a * cover);
  }
  fragColour = colour;
}
