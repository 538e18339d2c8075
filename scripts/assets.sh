#!/usr/bin/env bash
# Copies the front-end assets from node_modules into web/static/vendor (served by Jalon itself).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p web/static/vendor
for f in node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map; do
  cmp -s "$f" "web/static/vendor/$(basename "$f")" || cp "$f" web/static/vendor/
done
