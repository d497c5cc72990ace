#!/usr/bin/env bash
# Start or stop a private PostgreSQL and Redis on loopback for the test run (installed, with
# nginx, by scripts/setup-system.sh when absent). Nothing here touches a system-wide server.
#   scripts/test-services.sh start   -> prints the URLs to export (a fresh, empty database)
#   scripts/test-services.sh keep    -> the same, keeping the database of the last run
#   scripts/test-services.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${TEST_PG_PORT:-55432}
REDIS_PORT=${TEST_REDIS_PORT:-56379}
RUN_DIR=${TEST_SERVICES_DIR:-/tmp/conversation-one-test-services}
PG_DATA=$RUN_DIR/pg
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_db_user() {
  # PostgreSQL refuses to run as root; CI runs as root, a developer usually does not.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  scripts/setup-system.sh prod
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

start() {
  local keep=${1:-}
  install_if_missing
  stop >/dev/null 2>&1 || true
  local fresh=1 durability="-c fsync=off"
  if [ -n "$keep" ]; then
    durability=""
    [ -f "$PG_DATA/PG_VERSION" ] && fresh=""
  fi
  if [ -n "$fresh" ]; then
    rm -rf "$RUN_DIR" && mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown -R postgres "$RUN_DIR"
    as_db_user "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U assistant >/dev/null
  fi
  as_db_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$RUN_DIR/pg.log" -w start \
    -o "-p $PG_PORT -k $RUN_DIR -c listen_addresses=127.0.0.1 $durability" >/dev/null
  if [ -n "$fresh" ]; then
    for db in assistant trackers; do
      as_db_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U assistant "$db"
    done
  fi
  start_redis
  echo "export TEST_DATABASE_URL=postgresql://assistant@127.0.0.1:$PG_PORT/assistant"
  echo "export TEST_TRACKER_STORE_URL=postgresql://assistant@127.0.0.1:$PG_PORT/trackers"
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
}

stop() {
  if [ -n "$PG_BIN" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_db_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  fi
  if [ -f "$RUN_DIR/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$RUN_DIR/redis.pid")"
  fi
}

# For the fault tests: restart PostgreSQL mid-conversation; take Redis away and back.
restart_db() { as_db_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w restart >/dev/null; }
stop_redis() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }
start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log"
}

case "${1:-}" in
  start) start ;;
  keep) start keep ;;
  restart-db) restart_db ;;
  stop-redis) stop_redis ;;
  start-redis) start_redis ;;
  stop) stop ;;
  *) echo "usage: $0 start|keep|stop|restart-db|stop-redis|start-redis" >&2; exit 2 ;;
esac
