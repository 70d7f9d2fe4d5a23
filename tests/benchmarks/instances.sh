#!/usr/bin/env bash
# One instance against two behind nginx, on PostgreSQL: the published app (Release) on a generated
# site of N researchers (default 2,000) in a database of its own, and wrk (bounded, 127.0.0.1 only)
# asking for random profiles (longtail.lua) of apps with their output cache off
# (Site:OutputCacheMegabytes=0), so that every request renders the page: the uncached long tail,
# where a second instance should help. Each measure follows 30 s of the same load, while the runtime recompiles hot code.
# Both runs go through the same nginx, first with one upstream, then with two, so the proxy's own
# cost is in both. It prints the core count, req/s and p99 of each, and the ratio.
#
# Needs TEST_POSTGRES (a superuser connection string without a database name): run
# `bash tests/services.sh start` and `source artifacts/test-services.env` first.
# Usage: tests/benchmarks/instances.sh [researchers] [seconds]
set -euo pipefail

researchers=${1:-2000}
duration=${2:-15}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
ports=(5411 5412)
proxy_port=5413
pids=()
: "${TEST_POSTGRES:?set TEST_POSTGRES: bash tests/services.sh start; source artifacts/test-services.env}"
pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$TEST_POSTGRES")
pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$TEST_POSTGRES")
pg_user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$TEST_POSTGRES")
database="rp_instances_$$"
psql_in() { psql -qAt -h "$pg_host" -p "${pg_port:-5432}" -U "$pg_user" -d "$1" -c "$2"; }

stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
    psql_in postgres "drop database if exists $database with (force)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_all EXIT

for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "installing $tool"; apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly >/dev/null
mkdir -p "$work/data"
psql_in postgres "create database $database" >/dev/null

app_vars=(ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data"
    Database__Provider=Postgres
    ConnectionStrings__Default="$TEST_POSTGRES;Database=$database;Maximum Pool Size=50"
    Site__PublicUrl="http://127.0.0.1:$proxy_port" Sources__Sync__Enabled=false
    Site__OutputCacheMegabytes=0 Logging__LogLevel__Default=Warning)

echo "generating $researchers researchers…"
(cd "$work" && env "${app_vars[@]}" dotnet app/ResearcherProfiles.Web.dll --seed-demo "$researchers" >/dev/null)
psql_in "$database" 'select "Slug" from "Researchers" where not "IsHidden" and "DeletedAt" is null' >"$work/slugs.txt"
echo "$(wc -l <"$work/slugs.txt") public profiles"

start_app() {
    # exec: the pid kept is the app's own, so that stop_all ends the app, not only a subshell.
    (cd "$work" && exec env "${app_vars[@]}" ASPNETCORE_URLS="http://127.0.0.1:$1" dotnet app/ResearcherProfiles.Web.dll >"$work/app-$1.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 120); do
        curl -fs "http://127.0.0.1:$1/healthz/ready" >/dev/null && return 0
        sleep 0.5
    done
    echo "the app on port $1 did not start"; cat "$work/app-$1.log"; exit 1
}

# nginx in front of the given upstream ports, reloaded between the runs.
proxy() {
    mkdir -p "$work/nginx"
    local servers=""
    for port in "$@"; do servers+="server 127.0.0.1:$port;"$'\n'; done
    cat >"$work/nginx/nginx.conf" <<CONF
$([ "$(id -u)" -eq 0 ] && echo "user root;")
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream app { $servers keepalive 64; }
    server {
        listen 127.0.0.1:$proxy_port;
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
CONF
    if [ -f "$work/nginx/nginx.pid" ]; then
        nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s reload
        sleep 1
    else
        nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
    fi
}

# Prints "req/s p99" for the uncached mix through the proxy.
measure() {
    SLUGS="$work/slugs.txt" wrk -t2 -c16 -d30s -s "$root/tests/benchmarks/longtail.lua" "http://127.0.0.1:$proxy_port" >/dev/null
    SLUGS="$work/slugs.txt" wrk -t2 -c16 -d"${duration}s" --latency -s "$root/tests/benchmarks/longtail.lua" "http://127.0.0.1:$proxy_port" >"$work/wrk.txt"
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
    errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
    [ -z "$errors" ] || echo "   ($errors)" >&2
    echo "$rps $p99"
}

start_app "${ports[0]}"
start_app "${ports[1]}"
proxy "${ports[0]}"
read -r one_rps one_p99 < <(measure)
proxy "${ports[0]}" "${ports[1]}"
read -r two_rps two_p99 < <(measure)

echo
echo "cores: $(nproc); site: $researchers researchers; PostgreSQL; uncached profiles through nginx"
printf '%-24s %10s req/s   p99 %s\n' "one instance" "$one_rps" "$one_p99" "two instances" "$two_rps" "$two_p99"
echo "two / one: $(awk -v a="$two_rps" -v b="$one_rps" 'BEGIN { printf "%.2f", a / b }')"
