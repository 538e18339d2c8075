// Distances on the Earth, for the directory's "near a place" searches. Pure functions of their
// arguments: thread-safe, no allocation.
#pragma once

namespace jalon::geo {

// The mean Earth radius (IUGG), in kilometres. Distances treat the Earth as a sphere: the error
// against the ellipsoid stays under 0.5 %, far below what a commune's centroid already costs.
constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance in kilometres between two WGS 84 points given in degrees (haversine
// formula). Symmetric, 0 for the same point; longitudes may be on either side of ±180.
// The exact sequence of operations is documented in base/geo.cpp so that a SQL query written
// with the same formula returns the same bits (bench/directory_bench.cpp relies on it).
double distance_km(double lat1, double lon1, double lat2, double lon2);

// The smallest latitude/longitude rectangle that holds every point within `radius_km` of
// (lat, lon) on the sphere. When the circle reaches a pole every longitude is inside
// (min_lon = -180, max_lon = 180). When it crosses the ±180 meridian, min_lon > max_lon: the
// rectangle is then [min_lon, 180] plus [-180, max_lon].
struct Box {
  double min_lat, max_lat, min_lon, max_lon;
  bool wraps() const { return min_lon > max_lon; }
  bool contains(double lat, double lon) const {
    return lat >= min_lat && lat <= max_lat &&
           (wraps() ? (lon >= min_lon || lon <= max_lon) : (lon >= min_lon && lon <= max_lon));
  }
};
// Expects radius_km >= 0 and a valid point (|lat| <= 90, |lon| <= 180).
Box bounding_box(double lat, double lon, double radius_km);

}  // namespace jalon::geo
