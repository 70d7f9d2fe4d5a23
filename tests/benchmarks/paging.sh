#!/usr/bin/env bash
# Publication-list benchmark, before and after a change: the published app at a base commit
# (default: where this branch left main) and at the working tree, on the same generated site
# where the demo researcher has imported P extra papers (default 2,500). Measures, on loopback
# only, the bytes and the uncached render time of /people/mira-castellanos/publications (each
# request has a query of its own, so the output cache never answers) and records the medians
# of five requests, with their ratio, in tests/benchmarks/RESULTS.md.
# Usage: tests/benchmarks/paging.sh [base-commit] [papers]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-$(git -C "$root" merge-base HEAD main)}
papers=${2:-2500}
work=$(mktemp -d)
port=5393
url="http://127.0.0.1:$port"
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need sqlite3 sqlite3
need bc bc

echo "publishing $(git -C "$root" rev-parse --short "$base") and the working tree…"
mkdir "$work/base-src"
git -C "$root" archive "$base" | tar -x -C "$work/base-src"
dotnet publish "$work/base-src/src/ResearcherProfiles.Web" -c Release -o "$work/before" --nologo -v quiet -clp:ErrorsOnly
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/after" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=$port Demo__Seed=true
export Logging__LogLevel__Default=Warning
cd "$work"

start_app() { # app folder, data folder
    DataDirectory="$work/$2" dotnet "$1/ResearcherProfiles.Web.dll" >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 60); do curl -fs "$url/healthz" >/dev/null 2>&1 && return; sleep 1; done
    echo "the app did not start"; exit 1
}
stop_app() { kill "$server"; wait "$server" 2>/dev/null || true; server=0; }

echo "seeding and importing $papers papers…"
DataDirectory="$work/data" dotnet after/ResearcherProfiles.Web.dll --seed-demo 100 >/dev/null
start_app after data
for i in $(seq 0 $((papers - 1))); do
    printf '@inproceedings{bench%d,\n  title = {Benchmark Study Number %d of {Robust} Methods},\n  author = {Castellanos, Mira and Coauthor%d, Ann and Third, Tom},\n  booktitle = {Proceedings of Conference %d},\n  year = {%d},\n  doi = {10.5555/paging.%d},\n  pdf = {https://example.org/papers/%d.pdf},\n}\n\n' \
        "$i" "$i" "$((i % 17))" "$((i % 40))" "$((2000 + i % 25))" "$i" "$i"
done > refs.bib
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -c jar -b jar "$url/account/login" -o login.html
curl -s -c jar -b jar -o /dev/null "$url/account/login" \
    --data-urlencode "__RequestVerificationToken=$(token login.html)" \
    --data-urlencode "Input.Email=researcher@example.org" --data-urlencode "Input.Password=demo-researcher-password"
import="$url/edit/mira-castellanos/publications/import"
curl -s -c jar -b jar "$import" -o import.html
seq 0 $((papers - 1)) | sed 's/^/Chosen=/' | paste -sd'&' > chosen.txt
curl -s -c jar -b jar -o /dev/null "$import?handler=Import" \
    --data-urlencode "__RequestVerificationToken=$(token import.html)" --data-urlencode "Bibtex@refs.bib" --data "@chosen.txt"
stop_app
listed=$(sqlite3 data/profiles.db "select count(*) from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = 'mira-castellanos' and pp.IsVisible;")
[ "$listed" -ge "$papers" ] || { echo "the import did not happen ($listed papers listed)"; exit 1; }
cp -r data data-before

measure() { # app folder, data folder → "median-ms bytes"
    start_app "$1" "$2"
    # Start-up compilation and the first queries are paid on another list first.
    curl -s -o /dev/null "$url/people/anjali-raman/publications"
    curl -s -o /dev/null "$url/people/mira-castellanos/publications?warm=1"
    local times=()
    for i in 1 2 3 4 5; do
        times+=("$(curl -s -o body.html -w '%{time_total}' "$url/people/mira-castellanos/publications?run=$i")")
    done
    stop_app
    printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}')" "$(wc -c < body.html)"
}
read -r before_ms before_bytes < <(measure before data-before)
read -r after_ms after_bytes < <(measure after data)

{
    echo
    echo "## $(date -u +%Y-%m-%d) — publication list of a profile with $listed papers, before and after paging"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; published Release builds of $(git -C "$root" rev-parse --short "$base") (before) and the paged list (after); site of 100 generated researchers plus the demo profiles; median of five uncached requests by curl on 127.0.0.1, one run."
    echo
    echo "| /people/mira-castellanos/publications | bytes | uncached render |"
    echo "| --- | --- | --- |"
    printf '| before (every paper on one page) | %s | %s ms |\n' "$before_bytes" "$before_ms"
    printf '| after (page 1 of 100 papers) | %s | %s ms |\n' "$after_bytes" "$after_ms"
    awk -v ab="$after_bytes" -v bb="$before_bytes" -v am="$after_ms" -v bm="$before_ms" \
        'BEGIN { printf "| after / before | %.3f | %.3f |\n", ab / bb, am / bm }'
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 9 "$root/tests/benchmarks/RESULTS.md"
