#version 330 core
// Filled areas: triangles in local metres, one colour per vertex, optional patterns over it.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec4 aColour;
layout(location = 2) in vec4 aHatch;    // pattern colour, alpha: strength (0: none)
layout(location = 3) in vec4 aPattern;  // r * 255: 0 diagonal stripes, 1 upright grid
layout(location = 4) in vec4 aDots;     // stipple colour, alpha: strength (0: none)
uniform vec2 uCentre;      // local metres at the centre of the map area
uniform vec2 uNdcPerMetre; // 2 / (size in pixels * metres per pixel), per axis
out vec4 vColour;
out vec4 vHatch;
flat out float vPattern;
out vec4 vDots;
void main() {
  gl_Position = vec4((aPos - uCentre) * uNdcPerMetre, 0.0, 1.0);
  vColour = aColour;
  vHatch = aHatch;
  vPattern = aPattern.r * 255.0;
  vDots = aDots;
}
