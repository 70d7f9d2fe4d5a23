#!/usr/bin/env bash
# Public pages against static files: the published app on a generated site of N researchers
# (default 2,000; the issue's figures were taken on 10,012) compared with nginx serving
# byte-identical copies of the same pages, on 127.0.0.1 only, with bounded wrk runs.
#
# For a generated profile with about 60 papers, the longest generated publication list (page 1)
# and the directory, it fetches the app's cached answer to "Accept-Encoding: br" (what browsers
# send): Brotli bytes. nginx serves those very bytes (checked by SHA-256) with the same
# Content-Type, Content-Encoding and security headers, so both send the same body; then wrk
# (-t2 -c16, S seconds, default 10) asks each the same way, the two alternated ROUNDS times
# (environment, default 3). It prints the medians of req/s and p99, and app/nginx.
#
# Then:
#   - RSS (VmRSS and its peak VmHWM from /proc/<pid>/status) after 40 s of random pages of random
#     profiles (longtail.lua with PAGES: profile, publication list, CV), which fills the cache;
#   - uncached long tail: the app started again with its output cache off (Site:OutputCacheMegabytes=0),
#     so that every request renders the page and compresses it (what a miss costs); wrk with
#     longtail.lua asking for random profiles among all N. 30 s of load first (the runtime's
#     recompiling of hot code; its rate is printed too), then requests per second and the app's
#     CPU time per page (user + system, /proc);
#   - (before each of these two, the SQLite file is read whole into the system's file cache);
#   - cold start: R runs (default 5) from process start to the first 200 of /healthz/ready and of
#     the profile page; medians.
# With TEST_POSTGRES set (a superuser connection string without a database name), the same again
# on PostgreSQL in a database of its own, seeded the same way and dropped afterwards.
#
# A folder given as the fourth argument keeps the seeded SQLite database between runs (seeding
# is the slow part); without it everything lives in a temporary folder.
# BENCH_APP=<folder> measures an app published before instead of publishing this tree (BENCH_COMMIT
# names it in the output).
# Usage: tests/benchmarks/static.sh [researchers] [seconds] [cold-runs] [keep-folder]
set -euo pipefail

researchers=${1:-2000}
duration=${2:-10}
rounds=${ROUNDS:-3}
cold_runs=${3:-5}
keep=${4:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
port=5397
nginx_port=5398
base="http://127.0.0.1:$port"
stop_all() {
    # Never "kill 0": that would be this script's whole process group.
    if [ "${server:-0}" != 0 ]; then kill "$server" 2>/dev/null || true; fi
    if [ -f "$work/nginx/nginx.pid" ]; then kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true; fi
    if [ -n "${pg_database:-}" ]; then psql_admin -c "drop database if exists $pg_database with (force)" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap stop_all EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
need sqlite3 sqlite3
need bc bc
need curl curl
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# shellcheck source=tests/benchmarks/published-site.sh
source "$root/tests/benchmarks/published-site.sh"

median() { sort -n | awk '{ a[NR] = $1 } END { print int(NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# median_of <numbers…>: the middle one, decimals kept (of an even count, the higher of the two middle ones)
median_of() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }'; }

# wrk_run <url> [extra wrk args]: "req/s p99-in-ms requests non-2xx-answers"
wrk_run() {
    local url=$1
    shift
    wrk -t2 -c16 -d"${duration}s" --latency -H 'Accept-Encoding: br' "$@" "$url" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { n = $1 }
        /Non-2xx/ { bad = $NF }
        END { printf "%.0f %.2f %d %d\n", rps, p99, n, bad }'
}

# cold_start: "ready-ms profile-ms ready-cpu-ms" for one start of the app, from the process start;
# the CPU time the app used until it was ready is less disturbed by other work on the machine.
cold_start() {
    local t0 ready=""
    t0=$(date +%s%N)
    app/ResearcherProfiles.Web >"$work/app.log" 2>&1 &
    server=$!
    while true; do
        if [ -z "$ready" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz/ready")" = 200 ]; then
            ready=$(( ($(date +%s%N) - t0) / 1000000 ))
            ready_cpu=$(( $(cpu_ticks "$server") * 1000 / ticks ))
        fi
        if [ -n "$ready" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/people/$profile")" = 200 ]; then
            echo "$ready $(( ($(date +%s%N) - t0) / 1000000 )) $ready_cpu"
            break
        fi
        if [ $(( $(date +%s%N) - t0 )) -gt 120000000000 ]; then echo "the app did not start"; cat "$work/app.log"; exit 1; fi
        sleep 0.01
    done
    stop_app
}

# read_into_file_cache: the SQLite database read whole, so that the runs after it read it from the
# system's file cache (as nginx reads its copies) rather than from the disk. Some machines drop
# cached file pages within minutes even with memory free, which made these figures depend on what
# the machine had done before (PostgreSQL's server keeps its own cache).
read_into_file_cache() {
    if [ -f "$DataDirectory/profiles.db" ]; then cat "$DataDirectory/profiles.db" > /dev/null; fi
}

# measure <label> <sql-command...>: the whole set of figures for the site the environment points at.
measure() {
    local label=$1
    shift
    local sql=("$@")
    # The generated profile whose visible papers are closest to 60 (the demo's hand-made ones are
    # far from typical), and the longest list of all (a demo profile's: generated ones have 45-55).
    profile=$("${sql[@]}" "select r.\"Slug\" from \"Researchers\" r join \"ProfilePublications\" p on p.\"ResearcherId\" = r.\"Id\" where p.\"IsVisible\" and r.\"Id\" > 20 group by r.\"Id\", r.\"Slug\" order by abs(count(*) - 60), r.\"Id\" limit 1;")
    longest=$("${sql[@]}" "select r.\"Slug\" from \"Researchers\" r join \"ProfilePublications\" p on p.\"ResearcherId\" = r.\"Id\" where p.\"IsVisible\" group by r.\"Id\", r.\"Slug\" order by count(*) desc, r.\"Id\" limit 1;")
    "${sql[@]}" "select \"Slug\" from \"Researchers\" where not \"IsHidden\" and \"DeletedAt\" is null;" > "$work/slugs"
    local counts
    counts=$("${sql[@]}" "select (select count(*) from \"Researchers\") || ' researchers, ' || (select count(*) from \"Publications\") || ' publications';")
    local papers
    papers=$("${sql[@]}" "select count(*) from \"ProfilePublications\" p join \"Researchers\" r on r.\"Id\" = p.\"ResearcherId\" where r.\"Slug\" = '$profile' and p.\"IsVisible\";")

    start_app
    local pages=("profile:/people/$profile" "publications:/people/$longest/publications" "directory:/")
    rm -rf "$work/nginx" && mkdir -p "$work/nginx/root"
    for entry in "${pages[@]}"; do
        local name=${entry%%:*} path=${entry#*:}
        # The first request renders and stores the page; the second must come from the cache.
        curl -s -o /dev/null -H 'Accept-Encoding: br' "$base$path"
        curl -s -D "$work/nginx/$name.headers" -o "$work/nginx/root/$name" -H 'Accept-Encoding: br' "$base$path"
        grep -qi '^content-encoding: br' "$work/nginx/$name.headers" || { echo "$path was not sent in Brotli"; exit 1; }
        grep -qi '^age:' "$work/nginx/$name.headers" || { echo "$path did not come from the output cache"; exit 1; }
    done
    header() { grep -i "^$1:" "$work/nginx/profile.headers" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
    cat > "$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server_tokens off;
    types { }
    default_type "$(header content-type)";
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/root;
        add_header Content-Encoding br;
        add_header Vary Accept-Encoding;
        add_header Cache-Control "$(header cache-control)";
        add_header X-Content-Type-Options nosniff;
        add_header Referrer-Policy strict-origin-when-cross-origin;
        add_header Content-Security-Policy "$(header content-security-policy)";
        add_header Permissions-Policy "$(header permissions-policy)";
    }
}
EOF
    "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf"
    for _ in $(seq 1 50); do [ -f "$work/nginx/nginx.pid" ] && break; sleep 0.1; done

    echo
    echo "### $label: $counts; profile $profile ($papers papers), longest list $longest"
    echo
    echo "Cached pages, Brotli (the same bytes from both), wrk -t2 -c16 ${duration}s on 127.0.0.1, the app and nginx alternated $rounds times, medians:"
    echo
    echo "| page | bytes (br) | app req/s | nginx req/s | app/nginx | app p99 | nginx p99 | p99 app/nginx |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    # The runtime recompiles hot code after its first calls, in the background: every page is
    # asked for a while first, so that this is over before anything is compared.
    for entry in "${pages[@]}" "${pages[@]}"; do
        wrk -t2 -c16 -d3s -H 'Accept-Encoding: br' "$base${entry#*:}" >/dev/null
    done
    for entry in "${pages[@]}"; do
        local name=${entry%%:*} path=${entry#*:}
        local app_sum nginx_sum
        app_sum=$(sha256sum < "$work/nginx/root/$name")
        nginx_sum=$(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:$nginx_port/$name" | sha256sum)
        [ "$app_sum" = "$nginx_sum" ] || { echo "nginx does not send the app's bytes for $name"; exit 1; }
        # Alternated rounds, each figure the median of its rounds: one run's p99 (nginx's above
        # all) moves by a factor of several from one run to the next on a shared machine.
        local app_rpss=() app_p99s=() nginx_rpss=() nginx_p99s=() app_bad=0 nginx_bad=0
        for _ in $(seq 1 "$rounds"); do
            read -r rps p99 _ bad < <(wrk_run "$base$path")
            app_rpss+=("$rps"); app_p99s+=("$p99"); app_bad=$((app_bad + bad))
            read -r rps p99 _ bad < <(wrk_run "http://127.0.0.1:$nginx_port/$name")
            nginx_rpss+=("$rps"); nginx_p99s+=("$p99"); nginx_bad=$((nginx_bad + bad))
        done
        app_rps=$(median_of "${app_rpss[@]}"); app_p99=$(median_of "${app_p99s[@]}")
        nginx_rps=$(median_of "${nginx_rpss[@]}"); nginx_p99=$(median_of "${nginx_p99s[@]}")
        [ "$app_bad$nginx_bad" = 00 ] || echo "($name: $app_bad answers from the app and $nginx_bad from nginx were not 2xx)"
        printf '| %s | %d | %d | %d | %.2f | %.2f ms | %.2f ms | %.2f |\n' "$name" "$(wc -c < "$work/nginx/root/$name")" \
            "$app_rps" "$nginx_rps" "$(echo "$app_rps / $nginx_rps" | bc -l)" "$app_p99" "$nginx_p99" "$(echo "$app_p99 / $nginx_p99" | bc -l)"
    done
    kill "$(cat "$work/nginx/nginx.pid")"

    # Memory with the cache full: random pages of random profiles (profile, publication list, CV:
    # three times as many pages as profiles), most of them asked for the first time, each rendered
    # and stored until the cache reaches its bound (Site:OutputCacheMegabytes).
    local fill_rps fill_n
    read_into_file_cache
    read -r fill_rps _ fill_n _ < <(SLUGS="$work/slugs" PAGES=",/publications,/cv" duration=40 wrk_run "$base" -s "$root/tests/benchmarks/longtail.lua")
    local rss hwm
    rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$server/status")
    hwm=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$server/status")
    echo
    echo "Resident memory after 40 s of random pages of random profiles ($fill_n pages at $fill_rps req/s, the cache filling): $rss MB (peak $hwm MB)."
    stop_app

    # Uncached long tail: the same app with its output cache off (Site:OutputCacheMegabytes=0),
    # so every request renders and compresses the page, as a miss does. The first half minute of
    # it is measured apart: the runtime is still recompiling the hot code with its optimising tier
    # then (a ready-to-run image starts from unoptimised code), and the steady state comes after.
    export Site__OutputCacheMegabytes=0
    read_into_file_cache
    start_app
    unset Site__OutputCacheMegabytes
    local warm_rps
    warm_rps=$(SLUGS="$work/slugs" wrk -t2 -c16 -d30s -H 'Accept-Encoding: br' -s "$root/tests/benchmarks/longtail.lua" "$base" | awk '/Requests\/sec/ { printf "%d", $2 }')
    local before after
    before=$(cpu_ticks "$server")
    read -r tail_rps tail_p99 tail_n tail_bad < <(SLUGS="$work/slugs" wrk_run "$base" -s "$root/tests/benchmarks/longtail.lua")
    after=$(cpu_ticks "$server")
    local cpu_ms
    cpu_ms=$(echo "($after - $before) * 1000 / $ticks / $tail_n" | bc -l)
    echo
    printf 'Uncached long tail (random profiles of %d, the output cache off, Brotli): %d req/s, p99 %.1f ms, %.2f ms of app CPU per page (%d pages, %d answers not 2xx); %d req/s in the 30 s before, while the runtime recompiled the hot code.\n' \
        "$(wc -l < "$work/slugs")" "$tail_rps" "$tail_p99" "$cpu_ms" "$tail_n" "$tail_bad" "$warm_rps"
    stop_app

    local runs=()
    for _ in $(seq 1 "$cold_runs"); do runs+=("$(cold_start)"); done
    echo
    printf 'Cold start, median of %d (process start to first 200): /healthz/ready %d ms, profile page %d ms; CPU time until ready %d ms (runs, ready/profile/CPU: %s).\n' "$cold_runs" \
        "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | median)" \
        "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f3 | median)" \
        "$(printf '%s; ' "${runs[@]}" | tr ' ' '/' | sed 's/;\//; /g; s/; $//')"
}

sqlite_sql() { sqlite3 "$data/profiles.db" "$1"; }

echo
echo "## $(date -u +%Y-%m-%d) — public pages against nginx, $researchers researchers"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; published Release build of ${BENCH_COMMIT:-$(git -C "$root" rev-parse --short HEAD)}; nginx $("$nginx_bin" -v 2>&1 | cut -d/ -f2); wrk on 127.0.0.1. Seeding took $(cat "$data/seed-seconds" 2>/dev/null || echo "an unrecorded number of") s."
export DataDirectory="$data"
measure "SQLite" sqlite_sql

if [ -n "${TEST_POSTGRES:-}" ]; then
    need psql postgresql-client
    pg_host=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "host" { print $2 }')
    pg_port=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "port" { print $2 }')
    pg_user=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "username" { print $2 }')
    psql_admin() { psql -h "${pg_host:-127.0.0.1}" -p "${pg_port:-5432}" -U "${pg_user:-postgres}" -d postgres -qAt "$@"; }
    pg_database="static_bench_$$"
    psql_admin -c "create database $pg_database" >/dev/null
    pg_sql() { psql -h "${pg_host:-127.0.0.1}" -p "${pg_port:-5432}" -U "${pg_user:-postgres}" -d "$pg_database" -qAt -c "$1"; }
    export Database__Provider=Postgres ConnectionStrings__Default="$TEST_POSTGRES;Database=$pg_database"
    echo
    echo "seeding $researchers researchers on PostgreSQL…" >&2
    start=$(date +%s.%N)
    DataDirectory="$work/pg-data" app/ResearcherProfiles.Web --seed-demo "$researchers" >/dev/null
    echo "(PostgreSQL seeding took $(printf '%.0f' "$(echo "$(date +%s.%N) - $start" | bc)") s.)"
    export DataDirectory="$work/pg-data"
    measure "PostgreSQL" pg_sql
fi
