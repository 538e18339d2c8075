#!/usr/bin/env bash
# People at a million, side by side in one run (issue 3): the validated import against
# sqlite3's own .import and psql's \copy of the same CSV into a bare table, and the people search
# API under wrk against nginx serving a static file of the same size. Loopback only, bounded.
# Usage: scripts/bench_people.sh [N]   (N people, default 1,000,000)
# JALON=path/to/jalon measures another build of the server and CLI (e.g. an earlier version).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
# nginx is the ceiling of the search benchmark only: installed here, not for the tests.
command -v nginx >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
B=build/bench
J=${JALON:-$B/jalon}
work=$(mktemp -d /tmp/jalon-bench-people.XXXXXX)
pgdir=$(mktemp -d /tmp/jalon-bench-people-pg.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; bash scripts/pg.sh stop "$pgdir"; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

echo "== $N people: generating the CSV"
$B/gen_people "$N" "$work/people.csv"
ls -l "$work/people.csv" | awk '{print "   " $5 " bytes"}'
columns="nom TEXT, prenom TEXT, date_naissance TEXT, sexe TEXT, email TEXT, telephone TEXT, commune TEXT, identifiant_france_travail TEXT, consentement TEXT"

echo "== SQLite"
$J --db "sqlite:$work/jalon.db" --data data demo >/dev/null
t0=$(now); $J --db "sqlite:$work/jalon.db" --data data import people "$work/people.csv" --org 3 </dev/null; t1=$(now)
jalon_sqlite=$(echo "$t1 - $t0" | bc -l)
t0=$(now)
sqlite3 "$work/bare.db" "CREATE TABLE bare ($columns);" ".mode csv" ".separator ;" ".import --skip 1 $work/people.csv bare"
t1=$(now)
bare_sqlite=$(echo "$t1 - $t0" | bc -l)

echo "== PostgreSQL"
pgurl=$(bash scripts/pg.sh start "$pgdir")
$J --db "$pgurl" --data data demo >/dev/null
t0=$(now); $J --db "$pgurl" --data data import people "$work/people.csv" --org 3 </dev/null; t1=$(now)
jalon_pg=$(echo "$t1 - $t0" | bc -l)
psql -q "$pgurl" -c "CREATE TABLE bare ($columns)"
t0=$(now); psql -q "$pgurl" -c "\\copy bare FROM '$work/people.csv' WITH (FORMAT csv, HEADER, DELIMITER ';')"; t1=$(now)
bare_pg=$(echo "$t1 - $t0" | bc -l)

echo "== search API (wrk -t1 -c32 -d5s, 3 rounds) against nginx serving a file of the same size"
JALON_DB="sqlite:$work/jalon.db" $J --data data --port 18091 serve >"$work/s1.log" 2>&1 &
pids+=($!)
JALON_DB="$pgurl" $J --data data --port 18092 serve >"$work/s2.log" 2>&1 &
pids+=($!)
for port in 18091 18092; do for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done; done
tok1=$($J --db "sqlite:$work/jalon.db" token create --org 3 --name bench)
tok2=$($J --db "$pgurl" token create --org 3 --name bench)
path="/api/v1/organisations/3/people?name=moreau4"
curl -sf -H "Authorization: Bearer $tok1" "http://127.0.0.1:18091$path" >"$work/static.json"
echo "   one answer: $(wc -c <"$work/static.json") bytes, $(grep -o '"id"' "$work/static.json" | wc -l) people"
mkdir -p "$work/www"
cp "$work/static.json" "$work/www/search.json"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:18093; root $work/www; } }
NGINX
nginx -c "$work/nginx.conf"
rps() { wrk -t1 -c32 -d5s "$@" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# Three rounds, each measuring the three servers one after the other: the machine's drift (other
# work, CPU frequency) touches all three alike; the medians are reported, each round's ratio too.
ng=(); sq=(); pq=(); rounds=""
for round in 1 2 3; do
  n=$(rps "http://127.0.0.1:18093/search.json")
  s=$(rps -H "Authorization: Bearer $tok1" "http://127.0.0.1:18091$path")
  p=$(rps -H "Authorization: Bearer $tok2" "http://127.0.0.1:18092$path")
  ng+=("$n"); sq+=("$s"); pq+=("$p")
  rounds="$rounds $(ratio "$s" "$n")"
done
nginx_rps=$(median "${ng[@]}"); sqlite_rps=$(median "${sq[@]}"); pg_rps=$(median "${pq[@]}")
kill "$(cat "$work/nginx.pid")" || true

printf "\n%-58s %10s %8s\n" "measure ($N people)" "value" "ratio"
printf "%-58s %9.2fs\n" "jalon import, SQLite (validated, indexed, with grants)" "$jalon_sqlite"
printf "%-58s %9.2fs %8s\n" "sqlite3 .import into a bare table" "$bare_sqlite" "$(ratio "$bare_sqlite" "$jalon_sqlite")"
printf "%-58s %9.2fs\n" "jalon import, PostgreSQL (COPY, indexed, with grants)" "$jalon_pg"
printf "%-58s %9.2fs %8s\n" "psql \\copy into a bare table" "$bare_pg" "$(ratio "$bare_pg" "$jalon_pg")"
printf "%-58s %10.0f\n" "nginx, static file of the same size (req/s)" "$nginx_rps"
printf "%-58s %10.0f %8s\n" "people search API, SQLite (token, grant, audit row)" "$sqlite_rps" "$(ratio "$sqlite_rps" "$nginx_rps")"
printf "%-58s %10.0f %8s\n" "people search API, PostgreSQL" "$pg_rps" "$(ratio "$pg_rps" "$nginx_rps")"
echo "(search: medians of 3 rounds; SQLite ratio per round:$rounds)"
echo "(import ratios: bare time / jalon time, ≥ 1.0 means jalon is at least as fast; search ratios: jalon / nginx)"
