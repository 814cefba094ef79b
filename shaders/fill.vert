#version 330 core
// Filled areas: triangles in local metres, one colour per vertex, optional hatching.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec4 aColour;
layout(location = 2) in vec4 aHatch;
uniform vec2 uCentre;      // local metres at the centre of the map area
uniform vec2 uNdcPerMetre; // 2 / (size in pixels * metres per pixel), per axis
out vec4 vColour;
out vec4 vHatch;
void main() {
  gl_Position = vec4((aPos - uCentre) * uNdcPerMetre, 0.0, 1.0);
  vColour = aColour;
  vHatch = aHatch;
}
