#version 330 core
// Hatching is in screen space, so stripes keep their spacing at every zoom.
in vec4 vColour;
in vec4 vHatch;
uniform float uPxScale;  // framebuffer pixels per UI pixel
out vec4 fragColour;
void main() {
  float period = 9.0 * uPxScale;
  float t = mod(gl_FragCoord.x + gl_FragCoord.y, period);
  float stripe = vHatch.a * (1.0 - smoothstep(2.0 * uPxScale, 3.0 * uPxScale, t));
  fragColour = mix(vColour, vec4(vHatch.rgb, 1.0), stripe);
}
