// Micro-benchmarks of the hot helpers, as ratios side by side in one run (make bench).
#include <benchmark/benchmark.h>

#include "base/crypto.h"
#include "base/siret.h"
#include "base/text.h"

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

BENCHMARK_MAIN();
