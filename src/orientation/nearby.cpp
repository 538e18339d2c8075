#include "orientation/nearby.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "directory/store.h"
#include "orientation/first_contact.h"

namespace jalon::orientation {

namespace {

// The hits of `q` around its place, the radius doubled from `radius` while nothing is found (up
// to kMaxRadiusKm); `radius` ends as the radius searched last. With `one_per_structure`, a
// structure's nearer service hides its others.
std::vector<directory::Hit> hits_near(const directory::Live& live, directory::Query q, double& radius, std::size_t want,
                                      bool one_per_structure) {
  // Enough hits to find `want` structures even when each has a few services.
  q.limit = std::min(one_per_structure ? want * 8 : want, directory::kMaxLimit);
  radius = std::clamp(radius, 1.0, directory::kMaxRadiusKm);
  for (;;) {
    q.radius_km = radius;
    directory::Result r = live.read([&](const directory::Index& index) { return index.search(q); });
    if (!r.hits.empty() || radius >= directory::kMaxRadiusKm) {
      std::vector<directory::Hit> out;
      std::set<long long> structures;
      for (const auto& h : r.hits) {
        if (one_per_structure && !structures.insert(h.structure_id).second) continue;
        out.push_back(h);
        if (out.size() == want) break;
      }
      return out;
    }
    radius = std::min(radius * 2, directory::kMaxRadiusKm);
  }
}

}  // namespace

Nearby nearby(db::Tx& tx, const directory::Live& live, const Orientation& o, const directory::Place& place,
              const NearbyOptions& options) {
  Nearby out;
  std::vector<std::vector<directory::Hit>> groups;  // referent first, then one per barrier
  directory::Query base;
  base.place = place;
  {
    std::vector<directory::Hit> referent;
    out.referent_radius_km = options.radius_km;
    const auto typologies = o.referent ? first_contact().typologies_for(o.referent->code) : std::vector<std::string>{};
    if (!typologies.empty() && options.referent > 0) {
      directory::Query q = base;
      q.typologies = typologies;
      referent = hits_near(live, q, out.referent_radius_km, options.referent, true);
    }
    groups.push_back(std::move(referent));
  }
  for (const auto& b : o.barriers) {
    NearbyBarrier nb{b.barrier, {}, options.radius_km};
    std::vector<directory::Hit> hits;
    if (options.per_barrier > 0) {
      directory::Query q = base;
      q.barrier = b.barrier;
      hits = hits_near(live, q, nb.radius_km, options.per_barrier, true);
    }
    out.barriers.push_back(std::move(nb));
    groups.push_back(std::move(hits));
  }
  // The details of every hit at once: two statements per 25 services.
  std::vector<long long> ids;
  for (const auto& g : groups)
    for (const auto& h : g) ids.push_back(h.service_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const directory::PublishedDirectory details = directory::store::published_services(tx, ids);
  std::unordered_map<long long, std::size_t> at;
  for (std::size_t i = 0; i < details.services.size(); ++i) at[details.services[i].id] = i;
  auto resolve = [&](const std::vector<directory::Hit>& hits) {
    std::vector<NearbyService> services;
    for (const auto& h : hits) {
      auto it = at.find(h.service_id);
      if (it == at.end()) continue;  // unpublished since the index last caught up
      services.push_back({details.services[it->second], details.structure(it->second), h.distance_km.value_or(0)});
    }
    return services;
  };
  out.referent = resolve(groups[0]);
  for (std::size_t i = 0; i < out.barriers.size(); ++i) out.barriers[i].services = resolve(groups[i + 1]);
  return out;
}

}  // namespace jalon::orientation
