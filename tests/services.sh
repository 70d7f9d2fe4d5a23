#!/usr/bin/env bash
# Starts (or stops) the services the tests use besides SQLite: a throwaway PostgreSQL cluster and a
# Redis server, both on loopback only, both in a temporary folder that `stop` removes. It also
# installs nginx, which the topology test starts itself.
#
#   bash tests/services.sh start   # installs what is missing, starts both, writes the env file
#   bash tests/services.sh stop
#
# `start` writes artifacts/test-services.env, to be sourced by whoever runs the tests:
#   TEST_POSTGRES  an Npgsql connection string to the cluster (superuser, no password, loopback only)
#   TEST_REDIS     a StackExchange.Redis configuration string for the server
# Ports default to 55432 and 56379; set TEST_POSTGRES_PORT / TEST_REDIS_PORT to choose others.
set -euo pipefail

cd "$(dirname "$0")/.."

readonly state_dir="${TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/researcher-profiles-services}"
readonly env_file="artifacts/test-services.env"
readonly pg_port="${TEST_POSTGRES_PORT:-55432}"
readonly redis_port="${TEST_REDIS_PORT:-56379}"

# shellcheck source=tests/common.sh
source tests/common.sh

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $dir && -x $dir/initdb ]] && echo "$dir"
}

install_missing() {
  local wanted=()
  [[ -n $(pg_bin) ]] || wanted+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || wanted+=(redis-server)
  # The proxy in front of two app instances in the topology test (docker-compose.yml's, on loopback).
  [[ -x /usr/sbin/nginx ]] || wanted+=(nginx)
  ((${#wanted[@]} == 0)) && return 0
  log "installing ${wanted[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the "postgres" account.
as_cluster_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local bin
  bin=$(pg_bin) || { log "PostgreSQL is not installed"; return 1; }
  mkdir -p "$state_dir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$state_dir"
  as_cluster_owner "$bin/initdb" -D "$state_dir/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # Durability settings off: the cluster lives as long as one test run.
  as_cluster_owner "$bin/pg_ctl" -D "$state_dir/pg" -l "$state_dir/pg.log" -w -t 60 start -o \
    "-p $pg_port -k $state_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" >/dev/null
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:${pg_port}"
}

start_redis() {
  mkdir -p "$state_dir"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$state_dir/redis.pid" --logfile "$state_dir/redis.log" --dir "$state_dir"
  for _ in $(seq 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  log "Redis $(redis-server --version | awk '{print $3}' | tr -d 'v=') on 127.0.0.1:${redis_port}"
}

stop_all() {
  local bin
  if [[ -f $state_dir/pg/postmaster.pid ]] && bin=$(pg_bin); then
    as_cluster_owner "$bin/pg_ctl" -D "$state_dir/pg" -m immediate -w stop >/dev/null || true
  fi
  if [[ -f $state_dir/redis.pid ]]; then
    kill "$(cat "$state_dir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$state_dir"
  rm -f "$env_file"
}

case "${1:-}" in
start)
  stop_all
  install_missing || log "could not install PostgreSQL, Redis or nginx (needs root or passwordless sudo)"
  mkdir -p artifacts
  : >"$env_file"
  if start_postgres; then
    echo "export TEST_POSTGRES='Host=127.0.0.1;Port=${pg_port};Username=postgres'" >>"$env_file"
  fi
  if command -v redis-server >/dev/null 2>&1 && start_redis; then
    echo "export TEST_REDIS='127.0.0.1:${redis_port}'" >>"$env_file"
  fi
  ;;
stop)
  stop_all
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
