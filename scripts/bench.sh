#!/usr/bin/env bash
# Benchmarks, never run by the tests. Whole-system: wrk against two release servers side by side
# (SQLite and PostgreSQL, same demo data), 5 s per target, loopback only; results as requests per
# second and as ratios to serving a static file from the same server (the ceiling). Then the
# directory search against PostgreSQL (scripts/bench_directory.sh) and people at a million
# (scripts/bench_people.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=$(pwd) CCACHE_NOHASHDIR=true
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DJALON_TESTS=OFF -DJALON_BENCH=ON >/dev/null
cmake --build build/bench

echo "== micro-benchmarks"
./build/bench/micro_bench --benchmark_min_time=0.2

work=$(mktemp -d /tmp/jalon-bench.XXXXXX)
pgdir=$(mktemp -d /tmp/jalon-bench-pg.XXXXXX)  # its own folder: the postgres user cannot enter $work
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; bash scripts/pg.sh stop "$pgdir"; rm -rf "$work"; }
trap cleanup EXIT
pgurl=$(bash scripts/pg.sh start "$pgdir")
pgdb=${pgurl%/postgres}/postgres

start() {  # name db port
  JALON_DB=$2 ./build/bench/jalon --port "$3" serve --demo >"$work/$1.out" 2>"$work/$1.err" &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$3/healthz" >/dev/null && return; sleep 0.1; done
  echo "server $1 did not start"; cat "$work/$1.err"; exit 1
}
start sqlite "sqlite:$work/bench.db" 18081
start postgresql "$pgdb" 18082
tok_sqlite=$(./build/bench/jalon --db "sqlite:$work/bench.db" token create --org 3 --name bench 2>/dev/null)
tok_pg=$(./build/bench/jalon --db "$pgdb" token create --org 3 --name bench 2>/dev/null)

rps() {  # url [header]
  if [[ $# -gt 1 ]]; then wrk -t1 -c32 -d5s -H "$2" "$1"; else wrk -t1 -c32 -d5s "$1"; fi | awk '/Requests\/sec/ {print $2}'
}
printf "\n== whole system (wrk -t1 -c32 -d5s, requests/s; ratio to the static file of the same server)\n"
printf "%-34s %12s %8s %12s %8s\n" target SQLite ratio PostgreSQL ratio
declare -A base
for target in "static /static/css/jalon.css" "health /healthz" "login-page /connexion" "api-organisation /api/v1/organisations/3"; do
  set -- $target
  name=$1 path=$2
  if [[ $name == api-* ]]; then
    a=$(rps "http://127.0.0.1:18081$path" "Authorization: Bearer $tok_sqlite")
    b=$(rps "http://127.0.0.1:18082$path" "Authorization: Bearer $tok_pg")
  else
    a=$(rps "http://127.0.0.1:18081$path")
    b=$(rps "http://127.0.0.1:18082$path")
  fi
  [[ $name == static ]] && base[s]=$a && base[p]=$b
  printf "%-34s %12.0f %8.2f %12.0f %8.2f\n" "$name $path" "$a" "$(echo "$a / ${base[s]}" | bc -l)" "$b" "$(echo "$b / ${base[p]}" | bc -l)"
done

echo
echo "== directory search at 100,000 services, index against PostgreSQL (scripts/bench_directory.sh)"
bash scripts/bench_directory.sh

echo
echo "== people at a million (scripts/bench_people.sh)"
bash scripts/bench_people.sh "${JALON_BENCH_PEOPLE:-1000000}"

echo
echo "== jobs matching at a million offers and candidates (scripts/bench_jobs.sh)"
bash scripts/bench_jobs.sh
