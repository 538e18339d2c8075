#!/usr/bin/env bash
# Directory search at 100,000 services (issue 4): the in-memory index against the same query in
# SQL on a throw-away PostgreSQL, from one program (bench/directory_bench.cpp), which also checks
# that both give the same answers. Loopback only, bounded (about a minute).
# Usage: scripts/bench_directory.sh [SERVICES] [QUERIES]   (defaults 100000 and 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
pgdir=$(mktemp -d /tmp/jalon-bench-directory-pg.XXXXXX)
cleanup() { bash scripts/pg.sh stop "$pgdir"; }
trap cleanup EXIT
pgurl=$(bash scripts/pg.sh start "$pgdir")
$B/directory_bench --data data --pg "$pgurl" --services "${1:-100000}" --queries "${2:-2000}"
