#!/usr/bin/env bash
# Jobs matching at a million offers and a million candidates (issue 7): the in-memory index
# against a brute-force scan and the same query in SQL on a throw-away PostgreSQL, both
# directions, from one program (bench/jobs_bench.cpp), which checks that all three give the same
# top scores. Loopback only; a few minutes.
# Usage: scripts/bench_jobs.sh [OFFERS] [CANDIDATES] [QUERIES] [SAMPLE]   (defaults 1000000 1000000 10000 500)
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
pgdir=$(mktemp -d /tmp/jalon-bench-jobs-pg.XXXXXX)
cleanup() { bash scripts/pg.sh stop "$pgdir"; }
trap cleanup EXIT
pgurl=$(bash scripts/pg.sh start "$pgdir")
$B/jobs_bench --data data --pg "$pgurl" --offers "${1:-1000000}" --candidates "${2:-1000000}" --queries "${3:-10000}" --sample "${4:-500}"
