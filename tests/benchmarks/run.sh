#!/usr/bin/env bash
# Speed benchmark of the published app on a generated site. Seeds N researchers (default
# 10,000, ~50 publications each), then measures with wrk on loopback only:
#   - time to generate the site,
#   - first (uncached) response time of the directory, a profile and a publication list,
#   - cached throughput and latency of the same pages.
# Results are appended to tests/benchmarks/RESULTS.md.
# Usage: tests/benchmarks/run.sh [researchers] [seconds-per-page]
set -euo pipefail

researchers=${1:-10000}
duration=${2:-15}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=5391
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need sqlite3 sqlite3
need bc bc

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data" ASPNETCORE_HTTP_PORTS=$port Site__PublicUrl="http://127.0.0.1:$port"
export Logging__LogLevel__Default=Warning
cd "$work"

echo "seeding $researchers researchers…"
start=$(date +%s.%N)
dotnet app/ResearcherProfiles.Web.dll --seed-demo "$researchers" >/dev/null
seed_seconds=$(echo "$(date +%s.%N) - $start" | bc)
db="$work/data/profiles.db"
counts=$(sqlite3 "$db" "select (select count(*) from Researchers), (select count(*) from Publications), (select count(*) from PublicationAuthors);")
db_mb=$(du -m "$db" | cut -f1)

dotnet app/ResearcherProfiles.Web.dll >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done

# A generated researcher from the middle of the site, with the most publications.
slug=$(sqlite3 "$db" "select r.Slug from Researchers r join ProfilePublications p on p.ResearcherId = r.Id where r.Id > (select max(Id) / 2 from Researchers) group by r.Id order by count(*) desc limit 1;")
pages=("/" "/?page=200" "/people/$slug" "/people/$slug/publications")

# Warm up each kind of page on other addresses first, so "first response" measures an uncached
# render of the target, not start-up compilation.
for warm in "/?page=2" "/people/mira-castellanos" "/people/mira-castellanos/publications"; do
    curl -s -o /dev/null "http://127.0.0.1:$port$warm"
done

{
    echo
    echo "## $(date -u +%Y-%m-%d) — $researchers researchers"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; published Release build; wrk on 127.0.0.1."
    echo
    echo "Seeding: $(printf '%.0f' "$seed_seconds") s for $(echo "$counts" | tr '|' ' ' | awk '{print $1" researchers, "$2" publications, "$3" author rows"}') (database $db_mb MB)."
    echo
    echo "| page | first response (uncached) | cached req/s | cached p50 | cached p99 | bytes |"
    echo "| --- | --- | --- | --- | --- | --- |"
} >> "$root/tests/benchmarks/RESULTS.md"

for page in "${pages[@]}"; do
    first=$(curl -s -o "$work/body" -w '%{time_total}' "http://127.0.0.1:$port$page")
    bytes=$(wc -c < "$work/body")
    out=$(wrk -t2 -c16 -d"${duration}s" --latency "http://127.0.0.1:$port$page")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    printf '| `%s` | %.1f ms | %s | %s | %s | %s |\n' "${page/$slug/{generated\}}" "$(echo "$first * 1000" | bc)" "$rps" "$p50" "$p99" "$bytes" >> "$root/tests/benchmarks/RESULTS.md"
done
tail -n 12 "$root/tests/benchmarks/RESULTS.md"
