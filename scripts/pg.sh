#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests: `pg.sh start DIR` creates a cluster in DIR (owned
# by the postgres user, as PostgreSQL refuses to run as root) on a free loopback port and prints
# its URL; `pg.sh stop DIR` stops it and removes DIR.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
dir=${2:?data folder}

case "$cmd" in
  start)
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    runuser -u postgres -- "$BIN/initdb" -D "$dir/data" --locale=C.UTF-8 -E UTF8 -A trust -U postgres >"$dir/initdb.log" 2>&1
    runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || \
        kill -9 "$(head -1 "$dir/data/postmaster.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
esac
