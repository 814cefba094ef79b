// Loads a session (loadSession) on a worker thread, so the window opens at once and stays
// responsive; the UI polls progress() and take()s the session. Destroying the loader cancels the
// load and returns as soon as the worker sees it (between two articles), so quitting during a
// load is immediate.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/session.h"

namespace atlas::app {

class ModelLoader {
 public:
  // What runs on the worker: loadSession, or a stand-in in tests.
  using LoadFunction = std::unique_ptr<Session> (*)(const SessionOptions&, LoadProgress*,
                                                    const std::atomic<bool>*, std::string*);
  explicit ModelLoader(SessionOptions options, LoadFunction load = &loadSession);
  explicit ModelLoader(std::string corpusPath);
  ~ModelLoader();  // cancels the load, then joins the worker
  ModelLoader(const ModelLoader&) = delete;
  ModelLoader& operator=(const ModelLoader&) = delete;

  const std::string& corpusPath() const { return options_.corpus; }
  const SessionOptions& options() const { return options_; }
  LoadProgress& progress() { return progress_; }
  bool done() const { return done_.load(std::memory_order_acquire); }
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }
  void wait();
  // After done(): the session, or null with error() saying why. Once.
  std::unique_ptr<Session> take();
  std::string error() const;

 private:
  SessionOptions options_;
  LoadProgress progress_;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> done_{false};
  mutable std::mutex mutex_;
  std::unique_ptr<Session> model_;
  std::string error_;
  std::thread worker_;
};

}  // namespace atlas::app
