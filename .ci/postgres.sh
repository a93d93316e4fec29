#!/usr/bin/env bash
# Makes a local PostgreSQL available for the test suite: installs Debian's package when absent, starts
# a cluster when none runs, and (re)creates an empty database for the run. Prints the JDBC settings.
set -euo pipefail

DB="${LIFTGUARD_PG_DB:-liftguard_ci}"
USER_NAME="${LIFTGUARD_PG_USER:-liftguard}"
PASSWORD="${LIFTGUARD_PG_PASSWORD:-liftguard}"
PORT="${LIFTGUARD_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! pg_isready -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main -p "$PORT" >&2
  fi
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2 || true
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "PostgreSQL did not start"; exit 1; }
else
  log "PostgreSQL already running on port $PORT"
fi

as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 <<SQL >&2
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $DB WITH (FORCE);
CREATE DATABASE $DB OWNER $USER_NAME;
SQL
log "database $DB ready"
echo "QUARKUS_DATASOURCE_DB_KIND=postgresql"
echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB"
echo "QUARKUS_DATASOURCE_USERNAME=$USER_NAME"
echo "QUARKUS_DATASOURCE_PASSWORD=$PASSWORD"
