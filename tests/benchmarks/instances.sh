#!/usr/bin/env bash
# One instance against two behind nginx, on PostgreSQL: the published app (Release) on a generated
# site of N researchers (default 2,000) in a database of its own, and wrk (bounded, 127.0.0.1 only)
# asking for random profiles (longtail.lua) of apps with their output cache off
# (Site:OutputCacheMegabytes=0), so that every request renders the page: the uncached long tail,
# where a second instance should help. Each measure follows 30 s of the same load, while the runtime recompiles hot code.
# Both runs go through the same nginx, first with one upstream, then with two, so the proxy's own
# cost is in both. It prints the core count, req/s and p99 of each, and the ratio.
#
# Each instance is given cores of its own, as a replica on a host (or a container with a CPU
# limit) of its own would be: a quarter of the machine's cores each (at least one), the first
# instance the lowest ones. What is left (at least half the cores on 4 or more) is nginx's and
# wrk's; PostgreSQL is not moved and runs wherever the system puts it. Left free to use every core, one
# instance alone takes the whole machine, and a second could add nothing but contention: that is
# not what scaling out measures. INSTANCE_CORES=<n> gives each instance n cores instead;
# INSTANCE_CORES=0 pins nothing. On two cores the instances get one core each and share both with
# the rest, so the figure says little about scaling out, and is printed anyway.
#
# Needs TEST_POSTGRES (a superuser connection string without a database name): run
# `bash tests/services.sh start` and `source artifacts/test-services.env` first.
# Usage: [INSTANCE_CORES=n] tests/benchmarks/instances.sh [researchers] [seconds]
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

cores=$(nproc)
per_instance=${INSTANCE_CORES:-$(( cores >= 4 ? cores / 4 : 1 ))}
if [ "$per_instance" -gt 0 ] && [ $(( 2 * per_instance )) -gt "$cores" ]; then
    echo "INSTANCE_CORES=$per_instance: two instances would need $(( 2 * per_instance )) cores, and this machine has $cores"; exit 1
fi
# "taskset -c <list>" for instance $1 (0 or 1), or nothing when nothing is pinned.
instance_cpus() {
    [ "$per_instance" -gt 0 ] || return 0
    echo "taskset -c $(core_range $(( $1 * per_instance )) $(( ($1 + 1) * per_instance - 1 )))"
}
# The cores neither instance has, for nginx and wrk; nothing pinned when none are left.
rest_cpus() {
    [ "$per_instance" -gt 0 ] && [ $(( 2 * per_instance )) -lt "$cores" ] || return 0
    echo "taskset -c $(core_range $(( 2 * per_instance )) $(( cores - 1 )))"
}
core_range() { if [ "$1" -eq "$2" ]; then echo "$1"; else echo "$1-$2"; fi; }

# tool:Debian package
for tool in wrk:wrk nginx:nginx curl:curl taskset:util-linux; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || { echo "installing ${tool#*:}"; apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
done

# Enough requests at once to keep every core of both instances busy while each request waits on
# PostgreSQL: 16 for instances of one core each (8 an instance), 16 more for each further core.
# The same load goes to one instance and to two.
connections=$(( 16 * (per_instance > 1 ? per_instance : 1) ))
threads=$(( connections > 32 ? 4 : 2 ))

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly >/dev/null
mkdir -p "$work/data"
psql_in postgres "create database $database" >/dev/null

app_vars=(ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data"
    Database__Provider=Postgres
    ConnectionStrings__Default="$TEST_POSTGRES;Database=$database;Maximum Pool Size=$(( connections + 34 ))"
    Site__PublicUrl="http://127.0.0.1:$proxy_port" Sources__Sync__Enabled=false
    Site__OutputCacheMegabytes=0 Logging__LogLevel__Default=Warning)

echo "generating $researchers researchers…"
(cd "$work" && env "${app_vars[@]}" dotnet app/ResearcherProfiles.Web.dll --seed-demo "$researchers" >/dev/null)
psql_in "$database" 'select "Slug" from "Researchers" where not "IsHidden" and "DeletedAt" is null' >"$work/slugs.txt"
echo "$(wc -l <"$work/slugs.txt") public profiles"

# start_app <port> <instance number>
start_app() {
    # exec: the pid kept is the app's own, so that stop_all ends the app, not only a subshell.
    # shellcheck disable=SC2046 # instance_cpus is a command and its arguments, or nothing
    (cd "$work" && exec $(instance_cpus "$2") env "${app_vars[@]}" ASPNETCORE_URLS="http://127.0.0.1:$1" dotnet app/ResearcherProfiles.Web.dll >"$work/app-$1.log" 2>&1) &
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
    upstream app { $servers keepalive $(( 2 * connections )); }
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
        # shellcheck disable=SC2046
        $(rest_cpus) nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
    fi
}

# Prints "req/s p99" for the uncached mix through the proxy.
measure() {
    # shellcheck disable=SC2046
    SLUGS="$work/slugs.txt" $(rest_cpus) wrk -t"$threads" -c"$connections" -d30s -s "$root/tests/benchmarks/longtail.lua" "http://127.0.0.1:$proxy_port" >/dev/null
    # shellcheck disable=SC2046
    SLUGS="$work/slugs.txt" $(rest_cpus) wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$root/tests/benchmarks/longtail.lua" "http://127.0.0.1:$proxy_port" >"$work/wrk.txt"
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
    errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
    [ -z "$errors" ] || echo "   ($errors)" >&2
    echo "$rps $p99"
}

start_app "${ports[0]}" 0
start_app "${ports[1]}" 1
proxy "${ports[0]}"
read -r one_rps one_p99 < <(measure)
proxy "${ports[0]}" "${ports[1]}"
read -r two_rps two_p99 < <(measure)

echo
if [ "$per_instance" -gt 0 ]; then
    layout="each instance on $per_instance of them ($(instance_cpus 0 | cut -d' ' -f3) and $(instance_cpus 1 | cut -d' ' -f3))"
    layout+=", nginx and wrk on $( [ -n "$(rest_cpus)" ] && rest_cpus | cut -d' ' -f3 || echo 'any')"
else
    layout="nothing pinned"
fi
echo "cores: $cores, $layout; site: $researchers researchers; PostgreSQL; uncached profiles through nginx; wrk -t$threads -c$connections"
printf '%-24s %10s req/s   p99 %s\n' "one instance" "$one_rps" "$one_p99" "two instances" "$two_rps" "$two_p99"
echo "two / one: $(awk -v a="$two_rps" -v b="$one_rps" 'BEGIN { printf "%.2f", a / b }')"
