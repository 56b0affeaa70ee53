#!/usr/bin/env bash
# Makes sure a local PostgreSQL server runs and prints an admin URL for the tests.
# Installs Debian's postgresql package when it is missing (needs root, as on CI and dev machines).
set -euo pipefail
PORT=${PGPORT_TEST:-55432}
DATA=${PGDATA_TEST:-/tmp/nhacviec-pg}
URL="postgresql+asyncpg://nhacviec:nhacviec@127.0.0.1:$PORT/postgres"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bin_dir)" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL is not installed: run 'sudo apt-get install postgresql' first" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(bin_dir)

# A private cluster on its own port, owned by the 'postgres' user (the server refuses to run as root).
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$DATA"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >&2
fi
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi
"${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='nhacviec') THEN
     CREATE ROLE nhacviec LOGIN SUPERUSER PASSWORD 'nhacviec'; END IF; END \$\$;" >&2
echo "$URL"
