#!/usr/bin/env bash
# Install what the web pages and the browser tests need, doing only what is missing:
# Debian's Chromium and its matching chromedriver (through scripts/setup-system.sh); the
# npm packages in bot/web/frontend (GOV.UK Frontend, served by the web app; axe-core,
# injected by the accessibility tests; sass, which builds the council's stylesheet from
# GOV.UK Frontend's Sass).
# Safe to run again and again; a second run changes nothing and takes a second.
#
#   scripts/install-browser.sh                the browser and the web assets
#   scripts/install-browser.sh --assets-only  only the web assets (what `make run` needs)
set -euo pipefail
cd "$(dirname "$0")/.."

[ "${1:-}" = "--assets-only" ] || scripts/setup-system.sh test

frontend=bot/web/frontend
stamp="$frontend/node_modules/.installed-from"
if [ ! -f "$frontend/package-lock.json" ]; then
  # First time only: resolve the versions and write package-lock.json, which is committed.
  echo "Resolving the npm packages for the first time (writes package-lock.json)..." >&2
  (cd "$frontend" && npm install --ignore-scripts --no-audit --no-fund)
  sha256sum "$frontend/package.json" "$frontend/package-lock.json" >"$stamp"
elif [ ! -f "$stamp" ] || ! sha256sum --check --status "$stamp"; then
  # The lock file changed since node_modules was made (or there is none): start clean.
  echo "Installing the npm packages from package-lock.json..." >&2
  (cd "$frontend" && npm ci --ignore-scripts --no-audit --no-fund)
  sha256sum "$frontend/package.json" "$frontend/package-lock.json" >"$stamp"
fi

css="$frontend/build/council.css"
if [ ! -f "$css" ] || [ "$frontend/src/council.scss" -nt "$css" ] || [ "$stamp" -nt "$css" ]; then
  echo "Building the stylesheet from GOV.UK Frontend..." >&2
  (cd "$frontend" && npx --no-install sass --load-path=node_modules --style=compressed \
    --no-source-map --quiet-deps src/council.scss build/council.css)
fi
