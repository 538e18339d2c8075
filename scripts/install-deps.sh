#!/usr/bin/env bash
# Installs what Jalon needs to build, run and test, and only what is missing: quick when re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev libspdlog-dev
  libsoci-dev libsqlite3-dev libpq-dev postgresql
  libboost-json1.81-dev libctemplate-dev libsodium-dev libicu-dev libstemmer-dev
  libhowardhinnant-date-dev libcurl4-openssl-dev libmagic-dev libcli11-dev libxlsxwriter-dev libsimdjson-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium nodejs npm wrk hyperfine tzdata bc
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from outside Debian on this machine: keep them when present.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  echo "Installation des paquets Debian manquants : ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # One call, without recommends: libasio-dev recommends Boost 1.74, which conflicts with 1.81.
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end assets and test tools, pinned in package-lock.json.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
