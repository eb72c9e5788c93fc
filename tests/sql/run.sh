#!/bin/sh
# Runs the SQL check files tests/sql/*.sql through the real sqlite3 shell;
# the file format and the options are described at the top of sqltest.py.
#   sh tests/sql/run.sh [name ...]     run all, or the named files
#   SQLITE3=/path/to/sqlite3 sh tests/sql/run.sh
exec /usr/bin/python3 "$(dirname "$0")/sqltest.py" "$@"
