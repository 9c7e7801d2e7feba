#!/usr/bin/env bash
# PostgreSQL and Redis for the store and queue tests (test/store, test/queue). Called by .ci/run.
# When both answer on 127.0.0.1 (developer machines, CI images with services), nothing is installed. Otherwise
# they are installed from Debian and started, PostgreSQL with trust auth on loopback only, and the test database
# is created. Tests make their own schemas and Redis key prefixes inside these and remove them afterwards.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
PG_DB="${WINNOW_TEST_PG_DB:-test}"

pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

missing=()
pg_up || missing+=(postgresql)
redis_up || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  need_apt=()
  for p in "${missing[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p"); done
  if [ ${#need_apt[@]} -gt 0 ]; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${need_apt[@]}"
  fi
fi

if ! pg_up; then
  ver="$(ls /etc/postgresql | sort -V | tail -1)"
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  # loopback connections without a password, for the tests only (listed first so they win)
  if ! $SUDO grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! redis_up; then
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
pg_up || { echo "services: PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
redis_up || { echo "services: Redis does not answer on 127.0.0.1:6379" >&2; exit 1; }

if [ "$(psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" postgres)" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE \"$PG_DB\"" postgres
fi
echo "services: PostgreSQL and Redis answer on 127.0.0.1 (database $PG_DB)"
