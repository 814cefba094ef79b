// The two ways the GUI runs: interactively, and for one screenshot in a hidden window.
#pragma once

#include <string>

namespace atlas::app {

struct GuiArgs {
  std::string corpus;           // --corpus, or empty: the last corpus, else the sample corpus
  std::string sampleCorpus;     // the sample corpus shipped in assets/
  std::string mentions;         // --mentions: precomputed extract output for --corpus
  int quitAfterFrames = 0;      // >0: close after that many frames (tests drive the real GUI so)
  bool quitDuringLoad = false;  // with quitAfterFrames: close even if the corpus is loading
};

struct ScreenshotArgs {
  std::string corpus;
  std::string mentions;  // --mentions: precomputed extract output
  std::string out;
  int width = 1600;
  int height = 1000;
  std::string date;    // YYYY-MM-DD, empty for none
  std::string select;  // place id, empty for none
  int frames = 4;      // ImGui settles auto-sized layout over a couple of frames
};

// Exit status: 0 ok; 1 failed while running (e.g. cannot write the PNG); 2 bad input or no
// usable display / OpenGL.
int runGui(const GuiArgs& args);
int runScreenshot(const ScreenshotArgs& args);

}  // namespace atlas::app
