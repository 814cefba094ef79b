#include "app/model_loader.h"

namespace atlas::app {

ModelLoader::ModelLoader(std::string corpusPath) : path_(std::move(corpusPath)) {
  worker_ = std::thread([this] {
    std::string error;
    std::unique_ptr<AppModel> model = loadAppModel(path_, &progress_, &error);
    {
      std::lock_guard lock(mutex_);
      model_ = std::move(model);
      error_ = std::move(error);
    }
    done_.store(true, std::memory_order_release);
  });
}

void ModelLoader::wait() {
  if (worker_.joinable()) worker_.join();
}

ModelLoader::~ModelLoader() {
  if (worker_.joinable()) worker_.join();
}

std::unique_ptr<AppModel> ModelLoader::take() {
  std::lock_guard lock(mutex_);
  return std::move(model_);
}

std::string ModelLoader::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

}  // namespace atlas::app
