#include "base/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace jalon::geo {

namespace {
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
}

// Written as a SQL query can write it (PostgreSQL's radians(x) is x * (pi / 180), and sin, cos,
// asin, sqrt go to the same C library), so both give the same double:
//   a = sin(dlat/2)^2 + cos(lat1) * cos(lat2) * sin(dlon/2)^2,  d = 2 * R * asin(sqrt(a))
// with each square written as a product and the terms in this order.
double distance_km(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kRadiansPerDegree, p2 = lat2 * kRadiansPerDegree;
  const double s_lat = std::sin((p2 - p1) / 2);
  const double s_lon = std::sin((lon2 * kRadiansPerDegree - lon1 * kRadiansPerDegree) / 2);
  const double a = s_lat * s_lat + std::cos(p1) * std::cos(p2) * s_lon * s_lon;
  // Rounding can push `a` a hair above 1 for antipodal points.
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(a, 1.0)));
}

Box bounding_box(double lat, double lon, double radius_km) {
  const double angle = radius_km / kEarthRadiusKm;  // radians of arc
  // A small margin on both axes absorbs rounding, so a point distance_km() puts within the
  // radius is never outside the box.
  const double dlat = angle / kRadiansPerDegree * (1 + 1e-9) + 1e-9;
  Box b{lat - dlat, lat + dlat, -180, 180};
  if (b.max_lat >= 90 || b.min_lat <= -90) {  // a pole is inside: every longitude
    b.min_lat = std::max(b.min_lat, -90.0);
    b.max_lat = std::min(b.max_lat, 90.0);
    return b;
  }
  // The widest longitude of a spherical cap is reached off its centre's parallel:
  // sin(dlon) = sin(angle) / cos(lat).
  const double s = std::sin(angle) / std::cos(lat * kRadiansPerDegree);
  if (s >= 1) return b;
  const double dlon = std::asin(s) / kRadiansPerDegree * (1 + 1e-9) + 1e-9;
  if (dlon >= 180) return b;
  b.min_lon = lon - dlon;
  b.max_lon = lon + dlon;
  if (b.min_lon < -180) b.min_lon += 360;
  if (b.max_lon > 180) b.max_lon -= 360;
  return b;
}

}  // namespace jalon::geo
