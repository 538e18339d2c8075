#!/usr/bin/env bash
# Builds the test configuration (AddressSanitizer + UndefinedBehaviorSanitizer), starts a
# throw-away PostgreSQL server, runs every suite on both engines, then the API document check and
# the browser end-to-end test; stops PostgreSQL whatever happens. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true

cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJALON_SANITIZE=ON -DJALON_TESTS=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null || exit 1
cmake --build build/test || exit 1

pgdir=$(mktemp -d /tmp/jalon-pg.XXXXXX)
cleanup() { bash scripts/pg.sh stop "$pgdir"; }
trap cleanup EXIT
JALON_TEST_PG_URL=$(bash scripts/pg.sh start "$pgdir") || { echo "PostgreSQL could not start"; cat "$pgdir"/*.log; exit 1; }
export JALON_TEST_PG_URL JALON_TEST_REQUIRE_PG=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

passed=0
failed=0
suite() {  # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "*** $name FAILED"; fi
}

suite "C++ unit and integration tests (SQLite and PostgreSQL)" ctest --test-dir build/test --output-on-failure -j2
suite "OpenAPI document validation" node tests/api/validate_openapi.mjs build/test/jalon
suite "Browser end-to-end and accessibility" node tests/e2e/run.mjs build/test/jalon

echo
echo "Suites: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
