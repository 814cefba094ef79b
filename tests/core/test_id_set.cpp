// IdSet against std::set as the oracle: the same answers for inserts and lookups, across growth.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "core/id_set.h"

using namespace atlas;

TEST(IdSet, AnswersAsAStdSetDoes) {
  IdSet ids;
  std::set<std::string> oracle;
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    // Short ids from a small alphabet: many repeats, the empty id among them.
    std::string id(rng() % 5, 'a');
    for (char& c : id) c = static_cast<char>('a' + rng() % 3);
    if (i % 3 == 0) id = "article-" + std::to_string(rng() % 9000);
    EXPECT_EQ(ids.insert(id), oracle.insert(id).second) << id;
  }
  EXPECT_EQ(ids.size(), oracle.size());
  for (const std::string& id : oracle) EXPECT_TRUE(ids.contains(id)) << id;
  EXPECT_FALSE(ids.contains("article-9000"));
  EXPECT_FALSE(ids.contains("aaaaa"));
  std::set<std::string> listed;
  ids.forEach([&](std::string_view id) { listed.emplace(id); });
  EXPECT_EQ(listed, oracle);
}

TEST(IdSet, EmptySetHoldsNothing) {
  const IdSet ids;
  EXPECT_FALSE(ids.contains(""));
  EXPECT_FALSE(ids.contains("x"));
  EXPECT_EQ(ids.size(), 0u);
}
