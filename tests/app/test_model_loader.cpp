// Loading off the UI thread: the loader reports progress and hands over the same model a
// synchronous load gives; a corpus that cannot load is an error, not a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "app/model_loader.h"

using namespace atlas;

TEST(ModelLoader, LoadsTheSampleCorpusInTheBackgroundWithProgress) {
  setenv("ALEPPO_ATLAS_ASSETS", ATLAS_TEST_ASSETS_DIR, 1);
  app::ModelLoader loader(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus");
  float last = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!loader.done() && std::chrono::steady_clock::now() < deadline) {
    const float f = loader.progress().fraction();
    EXPECT_GE(f, last);  // the bar never moves back
    EXPECT_LE(f, 1.0f);
    last = f;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(loader.done());
  EXPECT_EQ(loader.progress().articlesDone.load(), 5);  // the five sample articles
  std::unique_ptr<app::Session> model = loader.take();
  ASSERT_TRUE(model);
  EXPECT_EQ(model->corpus.articles.size(), 5u);
  EXPECT_GE(model->view.findPlace("karm-al-tahhan"), 0);
  EXPECT_GT(model->extraction.mentions.size(), 40u);
  EXPECT_TRUE(loader.error().empty());
}

TEST(ModelLoader, ACorpusThatCannotLoadIsAnErrorNamingIt) {
  app::ModelLoader loader("/nonexistent/corpus");
  loader.wait();
  EXPECT_EQ(loader.take(), nullptr);
  EXPECT_NE(loader.error().find("/nonexistent/corpus"), std::string::npos) << loader.error();
}
