#version 330 core
// Filled areas: triangles in local metres, one colour per vertex.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec4 aColour;
uniform vec2 uCentre;      // local metres at the centre of the map area
uniform vec2 uNdcPerMetre; // 2 / (size in pixels * metres per pixel), per axis
out vec4 vColour;
void main() {
  gl_Position = vec4((aPos - uCentre) * uNdcPerMetre, 0.0, 1.0);
  vColour = aColour;
}
