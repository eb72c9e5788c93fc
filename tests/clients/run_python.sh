#!/bin/sh
# Runs tests/clients/client.py with the first Python whose sqlite3 module
# allows extension loading (Debian's /usr/bin/python3 does; builds such as
# pyenv's often do not), or fails saying which ones were tried.
cd "$(dirname "$0")/../.." || exit 1
probe='import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)'
tried=""
for py in ${PYTHON:-} /usr/bin/python3 /usr/local/bin/python3 python3; do
  command -v "$py" >/dev/null 2>&1 || continue
  tried="$tried $py"
  if "$py" -c "$probe" >/dev/null 2>&1; then
    exec "$py" tests/clients/client.py
  fi
done
echo "python client: no Python whose sqlite3 allows extension loading (tried:${tried:- none})." >&2
echo "python client: install Debian's python3 (apt-get install python3) or set PYTHON=/path/to/python3." >&2
exit 1
