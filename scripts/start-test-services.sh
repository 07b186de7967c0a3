#!/usr/bin/env bash
# Installs and starts what the test suite needs besides npm packages, from Debian's packages.
# sqlfluff runs the T-SQL check, a PostgreSQL server on loopback serves the suite's PostgreSQL
# run, and the Redis tests start redis-server themselves on a free loopback port.
# Needs root (apt-get, pg_ctlcluster). Safe to run again: it skips what is already there.
set -euo pipefail

missing=()
command -v sqlfluff >/dev/null 2>&1 || missing+=(sqlfluff)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ((${#missing[@]} > 0)); then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Debian's package creates one cluster, "main", listening on localhost only.
version="$(pg_lsclusters --no-header | awk '$2 == "main" { print $1; exit }')"
if [[ -z "$version" ]]; then
  echo "no PostgreSQL cluster named main; create one with pg_createcluster" >&2
  exit 1
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null

as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAc "$1"; }
for _ in $(seq 1 30); do as_postgres 'select 1' >/dev/null 2>&1 && break; sleep 1; done

# The suite creates and drops its own databases, so its role needs CREATEDB and nothing more.
if [[ "$(as_postgres "select count(*) from pg_roles where rolname = 'ivo_test'")" == "0" ]]; then
  as_postgres "create role ivo_test login createdb password 'ivo_test'"
fi

# Test files run in parallel, each with its own pools; the default of 100 connections is tight.
if (($(as_postgres "select current_setting('max_connections')::int") < 300)); then
  as_postgres 'alter system set max_connections = 300'
  pg_ctlcluster "$version" main restart
fi

echo "PostgreSQL $version ready on 127.0.0.1:5432 (role ivo_test); sqlfluff $(sqlfluff --version | awk '{print $NF}'); $(redis-server --version | awk '{print $1, $2, $3}')"
