#include "app/model_loader.h"

namespace atlas::app {

ModelLoader::ModelLoader(SessionOptions options, LoadFunction load) : options_(std::move(options)) {
  worker_ = std::thread([this, load] {
    std::string error;
    std::unique_ptr<Session> model;
    // loadSession turns its own failures into messages; a stand-in may not.
    try {
      model = load(options_, &progress_, &cancel_, &error);
    } catch (const std::exception& e) {
      error = options_.corpus + ": cannot load the corpus: " + e.what();
    }
    if (!model && error.empty()) error = options_.corpus + ": cannot load the corpus";
    {
      std::lock_guard lock(mutex_);
      model_ = std::move(model);
      error_ = std::move(error);
    }
    done_.store(true, std::memory_order_release);
  });
}

namespace {
SessionOptions forCorpus(std::string corpusPath) {
  SessionOptions options;
  options.corpus = std::move(corpusPath);
  return options;
}
}  // namespace

ModelLoader::ModelLoader(std::string corpusPath) : ModelLoader(forCorpus(std::move(corpusPath))) {}

void ModelLoader::wait() {
  if (worker_.joinable()) worker_.join();
}

ModelLoader::~ModelLoader() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

std::unique_ptr<Session> ModelLoader::take() {
  std::lock_guard lock(mutex_);
  return std::move(model_);
}

std::string ModelLoader::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

}  // namespace atlas::app
