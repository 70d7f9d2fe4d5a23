#!/usr/bin/env bash
# Search latency: the published app on a generated site of N researchers (default 2,000; the issue's
# target is p95 ≤ 20 ms on 10,012 researchers and 336,047 papers), on SQLite and, with TEST_POSTGRES
# set (a superuser connection string without a database name), on PostgreSQL in a database of its
# own, seeded the same way and dropped afterwards. On 127.0.0.1 only.
#
# A fixed list of one-word and three-word queries is asked R times each (default 50), one request
# at a time, through /search?q=…, to the app with its output cache off (Site:OutputCacheMegabytes=0),
# so every answer is searched and rendered, not served from the cache. It prints p50 and p95 of the whole request (curl's time_total) per provider and query kind,
# after every query has been asked 20 times unmeasured (see warm).
#
# A folder given as the third argument keeps the seeded SQLite database between runs (seeding is
# the slow part). BENCH_APP=<folder> measures an app published before instead of publishing this tree;
# BENCH_PG_DATABASE=<name> measures a PostgreSQL database already holding a site instead of seeding one.
# Usage: tests/benchmarks/search.sh [researchers] [repeats] [keep-folder]
set -euo pipefail

researchers=${1:-2000}
repeats=${2:-50}
keep=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
port=5399
base="http://127.0.0.1:$port"
stop_all() {
    # Never "kill 0": that would be this script's whole process group.
    if [ "${server:-0}" != 0 ]; then kill "$server" 2>/dev/null || true; fi
    if [ -n "${pg_database:-}" ]; then psql_admin -c "drop database if exists $pg_database with (force)" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap stop_all EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need curl curl
need bc bc

one_word=(learning castellanos graph optimization neural robust)
three_words=("deep learning models" "language model evaluation" "graph neural networks" "robust optimization methods")

# shellcheck source=tests/benchmarks/published-site.sh
source "$root/tests/benchmarks/published-site.sh"

# percentile <p>: the p-th percentile (nearest rank) of the numbers on stdin.
percentile() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int((p * NR + 99) / 100); if (i < 1) i = 1; printf "%.1f", a[i] }'; }

encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# warm: every query asked 20 times, unmeasured, before any is timed. A fresh process spends its
# first several hundred requests recompiling the code they run (tiered compilation, on a core the
# searches share); that is start-up, which static.sh measures, not the latency of a search.
warm() {
    local query
    for _ in $(seq 1 20); do
        for query in "${one_word[@]}" "${three_words[@]}"; do
            curl -s -o /dev/null "$base/search?q=$(encode "$query")"
        done
    done
}

# ask <label> <query...>: every query R times; the milliseconds of each request go to $work/<label>.
ask() {
    local label=$1
    shift
    : > "$work/$label"
    for query in "$@"; do
        local encoded
        encoded=$(encode "$query")
        # One request first, unmeasured: it must answer 200 and find something (or say it found nothing).
        local status
        status=$(curl -s -o "$work/answer.html" -w '%{http_code}' "$base/search?q=$encoded")
        [ "$status" = 200 ] || { echo "/search?q=$query answered $status"; exit 1; }
        grep -q 'data-search-count' "$work/answer.html" || { echo "/search?q=$query has no results region"; exit 1; }
        for _ in $(seq 1 "$repeats"); do
            curl -s -o /dev/null -w '%{time_total}\n' "$base/search?q=$encoded" | awk '{ printf "%.3f\n", $1 * 1000 }' >> "$work/$label"
        done
    done
}

measure() {
    local provider=$1
    start_app
    warm
    ask one "${one_word[@]}"
    ask three "${three_words[@]}"
    stop_app
    printf '%-11s %-11s %8s %8s %8s\n' "$provider" "one word" "$(percentile 50 < "$work/one")" "$(percentile 95 < "$work/one")" "$(wc -l < "$work/one")"
    printf '%-11s %-11s %8s %8s %8s\n' "$provider" "three words" "$(percentile 50 < "$work/three")" "$(percentile 95 < "$work/three")" "$(wc -l < "$work/three")"
}

echo
echo "Search on $researchers researchers, ${#one_word[@]} one-word and ${#three_words[@]} three-word queries, $repeats times each; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; build ${BENCH_COMMIT:-$(git -C "$root" rev-parse --short HEAD)}."
printf '%-11s %-11s %8s %8s %8s\n' "provider" "query" "p50 ms" "p95 ms" "requests"
export DataDirectory="$data" Site__OutputCacheMegabytes=0
measure SQLite

if [ -n "${TEST_POSTGRES:-}" ]; then
    need psql postgresql-client
    pg_host=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "host" { print $2 }')
    pg_port=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "port" { print $2 }')
    pg_user=$(echo "$TEST_POSTGRES" | tr ';' '\n' | awk -F= 'tolower($1) == "username" { print $2 }')
    psql_admin() { psql -h "${pg_host:-127.0.0.1}" -p "${pg_port:-5432}" -U "${pg_user:-postgres}" -d postgres -qAt "$@"; }
    if [ -n "${BENCH_PG_DATABASE:-}" ]; then
        # A site already there (such as the SQLite site copied with --copy-database): kept afterwards.
        export Database__Provider=Postgres ConnectionStrings__Default="$TEST_POSTGRES;Database=$BENCH_PG_DATABASE"
    else
        pg_database="search_bench_$$"
        psql_admin -c "create database $pg_database" >/dev/null
        export Database__Provider=Postgres ConnectionStrings__Default="$TEST_POSTGRES;Database=$pg_database"
        echo "seeding $researchers researchers on PostgreSQL…" >&2
        DataDirectory="$work/pg-data" app/ResearcherProfiles.Web --seed-demo "$researchers" >/dev/null
    fi
    export DataDirectory="$work/pg-data"
    measure PostgreSQL
fi
