#!/usr/bin/env bash
# Makes sure the PostgreSQL the test suite uses is up, on machines that have one installed.
# Without PostgreSQL the suite still runs: the PostgreSQL tests then report themselves SKIPPED.
set -u
host=127.0.0.1
port=5432
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL client tools not installed; the PostgreSQL suite will be SKIPPED" >&2
  exit 0
fi
if ! pg_isready -q -h "$host" -p "$port"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      echo "ensure-postgres: starting PostgreSQL $version" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/  /' >&2 || true
    done
    for _ in $(seq 1 20); do pg_isready -q -h "$host" -p "$port" && break; sleep 0.5; done
  fi
fi
if pg_isready -q -h "$host" -p "$port"; then
  # The suite connects to database `test` as `postgres`; create it when missing.
  if ! psql -h "$host" -p "$port" -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    createdb -h "$host" -p "$port" -U postgres test 2>/dev/null || true
  fi
  echo "ensure-postgres: PostgreSQL answers at $host:$port" >&2
else
  echo "ensure-postgres: no PostgreSQL at $host:$port; the PostgreSQL suite will be SKIPPED" >&2
fi
exit 0
