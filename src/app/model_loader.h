// Loads a corpus (and the assets, the extraction and control over time) on a worker thread, so
// the window opens at once and stays responsive; the UI polls progress() and take()s the model.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/app_model.h"

namespace atlas::app {

class ModelLoader {
 public:
  explicit ModelLoader(std::string corpusPath);
  ~ModelLoader();  // joins the worker (a load cannot be abandoned half-way)
  ModelLoader(const ModelLoader&) = delete;
  ModelLoader& operator=(const ModelLoader&) = delete;

  const std::string& corpusPath() const { return path_; }
  LoadProgress& progress() { return progress_; }
  bool done() const { return done_.load(std::memory_order_acquire); }
  void wait();
  // After done(): the model, or null with error() saying why. Once.
  std::unique_ptr<AppModel> take();
  std::string error() const;

 private:
  std::string path_;
  LoadProgress progress_;
  std::atomic<bool> done_{false};
  mutable std::mutex mutex_;
  std::unique_ptr<AppModel> model_;
  std::string error_;
  std::thread worker_;
};

}  // namespace atlas::app
