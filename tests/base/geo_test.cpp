#include "base/geo.h"

#include <gtest/gtest.h>

using namespace jalon;

TEST(Geo, HaversineDistances) {
  // Poitiers – Châtellerault (commune centres), Paris – Marseille, a degree of meridian.
  EXPECT_NEAR(geo::distance_km(46.5846, 0.3715, 46.8147, 0.5583), 29.3, 0.05);
  EXPECT_NEAR(geo::distance_km(48.8589, 2.3470, 43.2803, 5.3806), 661, 2);
  EXPECT_NEAR(geo::distance_km(45, 3, 46, 3), 111.19, 0.01);
  EXPECT_EQ(geo::distance_km(46.5846, 0.3715, 46.5846, 0.3715), 0.0);
  EXPECT_EQ(geo::distance_km(1, 2, 3, 4), geo::distance_km(3, 4, 1, 2));
  // Across the ±180 meridian (Wallis-et-Futuna and Fiji are neighbours, not antipodes).
  EXPECT_NEAR(geo::distance_km(-14, 179.9, -14, -179.9), 21.6, 0.1);
  // Antipodes: half the circumference, no NaN.
  EXPECT_NEAR(geo::distance_km(0, 0, 0, 180), 20015.1, 0.1);
}

TEST(Geo, BoundingBoxHoldsTheCircle) {
  geo::Box b = geo::bounding_box(46.5846, 0.3715, 30);
  EXPECT_FALSE(b.wraps());
  EXPECT_NEAR(b.max_lat - 46.5846, 0.2698, 0.001);
  EXPECT_NEAR(b.max_lon - 0.3715, 0.393, 0.002);
  // The points at the radius in the four directions are inside; a bit further, outside.
  for (double bearing_lat : {-1.0, 1.0}) {
    EXPECT_TRUE(b.contains(46.5846 + bearing_lat * 0.2697, 0.3715));
    EXPECT_FALSE(b.contains(46.5846 + bearing_lat * 0.28, 0.3715));
  }
  // Near the ±180 meridian the box wraps.
  geo::Box w = geo::bounding_box(-14.3, -179.8, 50);
  EXPECT_TRUE(w.wraps());
  EXPECT_TRUE(w.contains(-14.3, 179.9));
  EXPECT_TRUE(w.contains(-14.3, -179.5));
  EXPECT_FALSE(w.contains(-14.3, 170));
  // Around a pole, every longitude.
  geo::Box p = geo::bounding_box(89.9, 10, 50);
  EXPECT_EQ(p.min_lon, -180);
  EXPECT_EQ(p.max_lon, 180);
  EXPECT_EQ(p.max_lat, 90);
}
