#!/usr/bin/env bash
# The one place that installs the Debian packages the project needs, before anything uses
# them. Idempotent: it looks for each program, runs `apt-get update` once only when
# something is missing, installs only what is missing, and takes about a second when
# everything is there.
#
#   scripts/setup-system.sh run     what `make run` needs (nothing beyond the base machine)
#   scripts/setup-system.sh prod    what `make run-prod` and the load test need
#   scripts/setup-system.sh test    everything `make test` needs (what CI runs first)
#   scripts/setup-system.sh --list  every program this script provides, and its package
#
# The base machine (named in the README) is not installed here: Python 3.10, Node.js with
# npm, git, make, bash and the usual Debian tools.
set -euo pipefail

# program        Debian package     needed by
TABLE="
initdb           postgresql         prod   the private PostgreSQL of integration-pg, run-prod and the load test
pg_ctl           postgresql         prod
createdb         postgresql         prod
redis-server     redis-server       prod   the Redis lock store once there is more than one Rasa server
redis-cli        redis-server       prod
nginx            nginx-light        prod   the load balancer in front of several Rasa servers
chromium         chromium           test   the browser tests (headless)
chromedriver     chromium-driver    test   Selenium's driver for that Chromium
"

# PostgreSQL's programs live in a versioned folder, nginx in sbin: look there too.
search_path() {
  local pg
  pg=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$PATH:/usr/sbin:/usr/local/sbin${pg:+:$pg}"
}

rows() { echo "$TABLE" | awk 'NF >= 3 { print $1, $2, $3 }'; }

wanted_groups() {
  case "$1" in
    run) echo "" ;;
    prod) echo "prod" ;;
    test) echo "prod test" ;;
    *) echo "usage: $0 run|prod|test|--list" >&2; exit 2 ;;
  esac
}

if [ "${1:-}" = "--list" ]; then
  rows
  exit 0
fi

groups=$(wanted_groups "${1:-}")
path=$(search_path)
missing=()
while read -r program package group; do
  [[ " $groups " == *" $group "* ]] || continue
  PATH=$path command -v "$program" >/dev/null && continue
  [[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
done < <(rows)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "Please install ${missing[*]} (sudo apt-get install ${missing[*]}), then run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages (once)..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}." >&2
