#include <gtest/gtest.h>

#include "core/control.h"

using namespace atlas;

namespace {
// Claims view their strings (control.h): these come from string literals, which outlive them.
ControlClaim claim(std::string_view place, Date d, Side s, std::string_view doc,
                   std::string_view kind = "captured") {
  return {place, d, s, kind, s, {doc, 0, "...", {}, {}}};
}
ControlClaim reference(std::string_view place, Date d, Side s) {
  return {place, d, s, "reference", std::nullopt, {"reference", -1, "https://example.org", {}, {}}};
}
}  // namespace

TEST(Control, UnknownBeforeTheFirstEvidence) {
  ControlTimeline t;
  t.addClaim(claim("al-myassar", {2016, 12, 4}, Side::Government, "004"));
  EXPECT_EQ(t.at("al-myassar", {2016, 12, 3}).side, Side::Unknown);
  EXPECT_FALSE(t.at("al-myassar", {2016, 12, 3}).lastEvidence);
  EXPECT_EQ(t.at("al-myassar", {1990, 1, 1}).side, Side::Unknown);
  EXPECT_EQ(t.at("nowhere", {2016, 12, 5}).side, Side::Unknown);
  const ControlState s = t.at("al-myassar", {2016, 12, 5});
  EXPECT_EQ(s.side, Side::Government);
  EXPECT_EQ(s.since, (Date{2016, 12, 4}));
  ASSERT_EQ(s.decidedBy.size(), 1u);
  EXPECT_EQ(s.decidedBy[0].evidence.doc, "004");
}

TEST(Control, RetakenTheNextDay) {
  ControlTimeline t;
  t.addClaim(reference("karm-al-tahhan", {2016, 10, 1}, Side::Opposition));
  t.addClaim(claim("karm-al-tahhan", {2016, 12, 4}, Side::Government, "a"));
  t.addClaim(claim("karm-al-tahhan", {2016, 12, 5}, Side::Opposition, "b"));
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 3}, 100).side, Side::Opposition);
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 4}).side, Side::Government);
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 5}).side, Side::Opposition);
  EXPECT_EQ(t.at("karm-al-tahhan", {2016, 12, 5}).since, (Date{2016, 12, 5}));
}

TEST(Control, EvidenceOlderThanTheShelfLifeIsUnconfirmed) {
  ControlTimeline t;
  t.addClaim(claim("x", {2016, 11, 1}, Side::Opposition, "a", "held"));
  EXPECT_FALSE(t.at("x", {2016, 11, 15}, 14).unconfirmed);  // 14 days: still confirmed
  const ControlState s = t.at("x", {2016, 11, 16}, 14);
  EXPECT_TRUE(s.unconfirmed);
  EXPECT_EQ(s.side, Side::Opposition);  // the last known holder, drawn as unconfirmed
  EXPECT_EQ(s.lastEvidence, (Date{2016, 11, 1}));
  EXPECT_TRUE(t.summaryAt("x", {2016, 11, 16}, 14).unconfirmed);
  EXPECT_FALSE(t.summaryAt("x", {2016, 11, 16}, 30).unconfirmed);
}

TEST(Control, SourcesThatDisagreeWithinTwoDaysMakeItDisputedNotContested) {
  ControlTimeline t;
  t.addClaim(claim("x", {2016, 12, 1}, Side::Government, "state media"));
  t.addClaim(claim("x", {2016, 12, 2}, Side::Opposition, "opposition media"));
  const ControlState s = t.at("x", {2016, 12, 2});
  EXPECT_TRUE(s.disputed);
  EXPECT_EQ(s.side, Side::Opposition);  // the latest source's
  ASSERT_EQ(s.disputedBy.size(), 1u);
  EXPECT_EQ(s.disputedBy[0].evidence.doc, "state media");
  // Three days later the government's claim is outside the window: no longer disputed.
  ControlTimeline u;
  u.addClaim(claim("x", {2016, 11, 28}, Side::Government, "a"));
  u.addClaim(claim("x", {2016, 12, 2}, Side::Opposition, "b"));
  EXPECT_FALSE(u.at("x", {2016, 12, 2}).disputed);
  // A contested claim (fighting) does not dispute a holder.
  ControlTimeline v;
  v.addClaim(claim("x", {2016, 12, 1}, Side::Government, "a"));
  v.addClaim(claim("x", {2016, 12, 2}, Side::Contested, "b", "contested"));
  EXPECT_FALSE(v.at("x", {2016, 12, 2}).disputed);
  EXPECT_EQ(v.at("x", {2016, 12, 2}).side, Side::Contested);
}

TEST(Control, TextsOutrankReferenceRowsOfTheSameDay) {
  ControlTimeline t;
  t.addClaim(reference("x", {2016, 12, 8}, Side::Government));
  t.addClaim(claim("x", {2016, 12, 8}, Side::Opposition, "a", "held"));
  EXPECT_EQ(t.at("x", {2016, 12, 8}).side, Side::Opposition);
  EXPECT_FALSE(t.at("x", {2016, 12, 8}).disputed);
}

TEST(Control, RepeatedClaimsKeepTheFirstDayAsSince) {
  ControlTimeline t;
  t.addClaim(claim("y", {2016, 11, 26}, Side::Government, "a"));
  t.addClaim(claim("y", {2016, 11, 28}, Side::Government, "b"));
  EXPECT_EQ(t.at("y", {2016, 12, 1}).since, (Date{2016, 11, 26}));
  EXPECT_EQ(t.at("y", {2016, 12, 1}).lastEvidence, (Date{2016, 11, 28}));
}

TEST(Control, FirstAndLastDays) {
  ControlTimeline t;
  EXPECT_FALSE(t.firstDay());
  t.addClaim(claim("y", {2016, 11, 26}, Side::Government, "a"));
  t.addClaim(claim("z", {2016, 7, 17}, Side::Government, "b"));
  EXPECT_EQ(t.firstDay(), (Date{2016, 7, 17}));
  EXPECT_EQ(t.lastDay(), (Date{2016, 11, 26}));
}

TEST(Control, DisagreementsWithTheReferenceListBothSides) {
  ControlTimeline reference;
  reference.addClaim(::reference("sheikh-saeed", {2016, 10, 1}, Side::Opposition));
  reference.addClaim(::reference("sheikh-saeed", {2016, 12, 12}, Side::Government));
  ControlTimeline evidence;
  // Agrees within two days of the reference's fall: not a disagreement.
  evidence.addClaim(claim("sheikh-saeed", {2016, 12, 11}, Side::Government, "a"));
  // Claims the fall a week early: a disagreement.
  evidence.addClaim(claim("sheikh-saeed", {2016, 12, 3}, Side::Government, "b"));
  // Before the reference knows anything: nothing to compare.
  evidence.addClaim(claim("sheikh-saeed", {2016, 9, 1}, Side::Government, "c"));
  const std::vector<Disagreement> d = findDisagreements(evidence, reference);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].corpus.evidence.doc, "b");
  EXPECT_EQ(d[0].referenceSide, Side::Opposition);
  EXPECT_EQ(d[0].date, (Date{2016, 12, 3}));
}

TEST(Control, SideNamesRoundTrip) {
  for (Side s : {Side::Unknown, Side::Government, Side::Opposition, Side::Kurdish, Side::Contested})
    EXPECT_EQ(parseSide(sideName(s)), s);
  EXPECT_FALSE(parseSide("rebels"));
}
