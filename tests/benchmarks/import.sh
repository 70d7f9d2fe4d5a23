#!/usr/bin/env bash
# BibTeX import benchmark: the published app on a generated site of N researchers (default
# 1,000) plus the demo accounts; the demo researcher previews and then imports a generated
# file of E entries (default 2,000, three authors, a DOI and a PDF link each) through the real
# forms, signed in with curl. Measures both requests end to end and appends them to RESULTS.md.
# Usage: tests/benchmarks/import.sh [researchers] [entries]
set -euo pipefail

researchers=${1:-1000}
entries=${2:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=5392
base="http://127.0.0.1:$port"
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need sqlite3 sqlite3
need bc bc

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data" ASPNETCORE_HTTP_PORTS=$port Demo__Seed=true Site__PublicUrl="http://127.0.0.1:$port"
export Logging__LogLevel__Default=Warning
cd "$work"
echo "seeding $researchers researchers…"
dotnet app/ResearcherProfiles.Web.dll --seed-demo "$researchers" >/dev/null
dotnet app/ResearcherProfiles.Web.dll >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done

echo "writing $entries entries…"
for i in $(seq 0 $((entries - 1))); do
    printf '@inproceedings{gen%d,\n  title = {Generated Study Number %d of {Robust} Methods},\n  author = {Castellanos, Mira and Coauthor%d, Ann and Third, Tom},\n  booktitle = {Proceedings of Conference %d},\n  year = {%d},\n  doi = {10.5555/bench.%d},\n  pdf = {https://example.org/papers/%d.pdf},\n}\n\n' \
        "$i" "$i" "$((i % 17))" "$((i % 40))" "$((2000 + i % 25))" "$i" "$i"
done > refs.bib

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -c jar -b jar "$base/account/login" -o login.html
curl -s -c jar -b jar -o /dev/null "$base/account/login" \
    --data-urlencode "__RequestVerificationToken=$(token login.html)" \
    --data-urlencode "Input.Email=researcher@example.org" --data-urlencode "Input.Password=demo-researcher-password"
import="$base/edit/mira-castellanos/publications/import"
curl -s -c jar -b jar "$import" -o import.html
csrf=$(token import.html)
[ -n "$csrf" ] || { echo "could not sign in as the demo researcher"; exit 1; }
before=$(sqlite3 data/profiles.db "select count(*) from Publications;")

preview_seconds=$(curl -s -c jar -b jar -o preview.html -w '%{time_total}' "$import?handler=Preview" \
    -F "__RequestVerificationToken=$csrf" -F "Bibtex=" -F "Upload=@refs.bib;type=text/plain")
shown=$(grep -c 'name="Chosen"' preview.html || true)

seq 0 $((entries - 1)) | sed 's/^/Chosen=/' | paste -sd'&' > chosen.txt
import_seconds=$(curl -s -c jar -b jar -o /dev/null -w '%{time_total}' "$import?handler=Import" \
    --data-urlencode "__RequestVerificationToken=$csrf" --data-urlencode "Bibtex@refs.bib" --data "@chosen.txt")
after=$(sqlite3 data/profiles.db "select count(*) from Publications;")

{
    echo
    echo "## $(date -u +%Y-%m-%d) — BibTeX import of $entries entries"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; published Release build; site of $researchers generated researchers; file of $(du -k refs.bib | cut -f1) KB uploaded by curl on 127.0.0.1."
    echo
    echo "| step | time |"
    echo "| --- | --- |"
    printf '| preview (%s entries shown) | %.2f s |\n' "$shown" "$preview_seconds"
    printf '| import (%s publications created) | %.2f s |\n' "$((after - before))" "$import_seconds"
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 7 "$root/tests/benchmarks/RESULTS.md"
