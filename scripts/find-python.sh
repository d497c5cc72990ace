#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 does not run on 3.11), or say
# plainly how to get one. Looks at $PYTHON, then PATH, then pyenv's versions.
set -u

is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

if [ -n "${PYTHON:-}" ]; then
  if is_310 "$PYTHON"; then command -v "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a working Python 3.10. Rasa 3.6 needs Python 3.10." >&2
  exit 1
fi

pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for candidate in python3.10 python3 python "$pyenv_root"/versions/3.10*/bin/python3.10 \
                 /usr/local/bin/python3.10 /usr/bin/python3.10; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

cat >&2 <<'MSG'
No Python 3.10 was found. The assistant runs on Rasa 3.6, which needs Python 3.10.
Install one of these ways, then run the same command again:
  - with pyenv:   pyenv install 3.10
  - on Debian or Ubuntu:   apt-get install python3.10 python3.10-venv
  - or point to one you have:   PYTHON=/path/to/python3.10 make run
MSG
exit 1
