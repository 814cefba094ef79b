#include <gtest/gtest.h>

#include "core/control.h"

using namespace atlas;

namespace {
ControlClaim claim(const std::string& place, Date d, Side s, const std::string& doc) {
  return {place, d, s, {doc, 0, "..."}};
}
}  // namespace

TEST(Control, BaselineUntilTheFirstClaim) {
  ControlTimeline t;
  t.setBaseline("al-myassar", Side::Opposition);
  t.addClaim(claim("al-myassar", {2016, 12, 4}, Side::Government, "004"));
  EXPECT_EQ(t.at("al-myassar", {2016, 12, 3}).side, Side::Opposition);
  EXPECT_FALSE(t.at("al-myassar", {2016, 12, 3}).since);
  const ControlState s = t.at("al-myassar", {2016, 12, 5});
  EXPECT_EQ(s.side, Side::Government);
  EXPECT_EQ(s.since, (Date{2016, 12, 4}));
  ASSERT_EQ(s.decidedBy.size(), 1u);
  EXPECT_EQ(s.decidedBy[0].evidence.doc, "004");
}

TEST(Control, RetakenTheNextDay) {
  ControlTimeline t;
  t.setBaseline("karm-al-tahhan", Side::Opposition);
  t.addClaim(claim("karm-al-tahhan", {2016, 12, 4}, Side::Government, "a"));
  t.addClaim(claim("karm-al-tahhan", {2016, 12, 5}, Side::Opposition, "b"));
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 4}).side, Side::Government);
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 5}).side, Side::Opposition);
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 5}).since, (Date{2016, 12, 5}));
}

TEST(Control, SameDayDisagreementIsContestedWithBothClaims) {
  ControlTimeline t;
  t.addClaim(claim("x", {2016, 10, 4}, Side::Government, "state media"));
  t.addClaim(claim("x", {2016, 10, 4}, Side::Opposition, "opposition media"));
  const ControlState s = t.at("x", {2016, 10, 6});
  EXPECT_EQ(s.side, Side::Contested);
  EXPECT_EQ(s.decidedBy.size(), 2u);
}

TEST(Control, RepeatedClaimsKeepTheFirstDayAsSince) {
  ControlTimeline t;
  t.setBaseline("y", Side::Opposition);
  t.addClaim(claim("y", {2016, 11, 26}, Side::Government, "a"));
  t.addClaim(claim("y", {2016, 11, 28}, Side::Government, "b"));
  EXPECT_EQ(t.at("y", {2016, 12, 1}).since, (Date{2016, 11, 26}));
}

TEST(Control, SideNamesRoundTrip) {
  for (Side s : {Side::Unknown, Side::Government, Side::Opposition, Side::Kurdish, Side::Contested})
    EXPECT_EQ(parseSide(sideName(s)), s);
  EXPECT_FALSE(parseSide("rebels"));
}
