// Micro-benchmarks of the hot helpers, as ratios side by side in one run (make bench).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "base/crypto.h"
#include "base/siret.h"
#include "base/text.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

using namespace jalon;

static void BM_HashToken(benchmark::State& s) {
  crypto::init();
  std::string t = crypto::random_token();
  for (auto _ : s) benchmark::DoNotOptimize(crypto::hash_token(t));
}
BENCHMARK(BM_HashToken);

static void BM_PasswordInteractive(benchmark::State& s) {
  crypto::init();
  crypto::set_password_cost(crypto::PasswordCost::interactive);
  auto h = crypto::hash_password("une phrase de passe");
  for (auto _ : s) benchmark::DoNotOptimize(crypto::verify_password("une phrase de passe", h));
}
BENCHMARK(BM_PasswordInteractive)->Unit(benchmark::kMillisecond);

static void BM_Fold(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(text::fold("Élodie Châtellerault-Cœur"));
}
BENCHMARK(BM_Fold);

static void BM_Siret(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(siret::valid("73282932000074"));
}
BENCHMARK(BM_Siret);

// Referential searches, as typed in an autocompletion field (run from the repository's root, or
// with JALON_DATA_DIR set).
static void load() {
  const char* dir = std::getenv("JALON_DATA_DIR");
  referentials::load_referentials(dir && *dir ? dir : "data");
}

static void BM_CommuneSearch(benchmark::State& s, const char* query) {
  load();
  for (auto _ : s) benchmark::DoNotOptimize(referentials::communes().search(query, 10));
}
BENCHMARK_CAPTURE(BM_CommuneSearch, poit, "poit");
BENCHMARK_CAPTURE(BM_CommuneSearch, s, "s");
BENCHMARK_CAPTURE(BM_CommuneSearch, saint_etienne, "Saint-Étienne");
BENCHMARK_CAPTURE(BM_CommuneSearch, postal_860, "860");

static void BM_RomeSearch(benchmark::State& s, const char* query) {
  load();
  for (auto _ : s) benchmark::DoNotOptimize(referentials::rome().search(query, 10));
}
BENCHMARK_CAPTURE(BM_RomeSearch, boulanger, "boulanger");
BENCHMARK_CAPTURE(BM_RomeSearch, aide_a_domicile, "aide à domicile");
BENCHMARK_CAPTURE(BM_RomeSearch, b, "b");

BENCHMARK_MAIN();
