#!/usr/bin/env bash
# `make run-prod`: the production layout on this one machine. PostgreSQL for the database
# and tracker store, a Redis lock store, two Rasa servers and two action servers behind
# nginx, the web app and the hand-over dispatcher (docs/deployment.md).
#
# DATABASE_URL, TRACKER_STORE_URL and REDIS_URL from the environment are used as given;
# without them a private PostgreSQL and Redis are started on loopback (data kept under
# var/production-services between runs). Secrets come from the environment; any not set
# are generated once into var/production.env (readable by this user only).
set -euo pipefail
cd "$(dirname "$0")/.."

secrets=var/production.env
mkdir -p var
if [ ! -f "$secrets" ]; then
  (umask 077
   for name in RASA_TOKEN FIRST_CONTACT_TOKEN HANDOVER_SIGNING_SECRET SESSION_SECRET; do
     echo "$name=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
   done > "$secrets")
  echo "Generated secrets in $secrets (keep it private; a real service sets its own)." >&2
fi
set -a
# shellcheck disable=SC1090
. "$secrets"
set +a

if [ -z "${DATABASE_URL:-}" ] || [ -z "${TRACKER_STORE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  export TEST_SERVICES_DIR=$PWD/var/production-services TEST_PG_PORT=55442 TEST_REDIS_PORT=56389
  services=$(scripts/test-services.sh keep)
  trap 'scripts/test-services.sh stop' EXIT
  eval "$services"
  export DATABASE_URL=${DATABASE_URL:-$TEST_DATABASE_URL}
  export TRACKER_STORE_URL=${TRACKER_STORE_URL:-$TEST_TRACKER_STORE_URL}
  export REDIS_URL=${REDIS_URL:-$TEST_REDIS_URL}
fi

export APP_ENV=production RASA_SERVERS=${RASA_SERVERS:-2}
.venv/bin/python -m bot.launcher
