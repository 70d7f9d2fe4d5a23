#!/usr/bin/env bash
# Page-weight benchmark, before and after a change: the published app at a base commit (default:
# where this branch left main) and at the working tree, on the same site — the demo profiles plus
# one generated researcher — where the demo's full-CV profile (yusuf-halvorsen) is filled to P
# papers (default 150) with cv.sh's generated BibTeX through the real import form. Measures, on
# loopback only, the bytes of the publication list and the profile page of the demo profile with
# the most papers (mira-castellanos) and of the filled one, sent as they are (identity), in gzip and
# in Brotli, as the app sends them; and how many BibTeX entries the list page carries. Records the
# table in tests/benchmarks/RESULTS.md.
# Usage: tests/benchmarks/weight.sh [base-commit] [papers]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-$(git -C "$root" merge-base HEAD main)}
papers=${2:-150}
work=$(mktemp -d)
port=5397
url="http://127.0.0.1:$port"
slug=yusuf-halvorsen
demo=mira-castellanos
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need sqlite3 sqlite3
need python3 python3

echo "publishing $(git -C "$root" rev-parse --short "$base") and the working tree…"
mkdir "$work/base-src"
git -C "$root" archive "$base" | tar -x -C "$work/base-src"
dotnet publish "$work/base-src/src/ResearcherProfiles.Web" -c Release -o "$work/before" --nologo -v quiet -clp:ErrorsOnly
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/after" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=$port Demo__Seed=true Site__PublicUrl="$url"
export DataDirectory="$work/data" Sources__Sync__Enabled=false Logging__LogLevel__Default=Warning
db="$work/data/profiles.db"
cd "$work"

start_app() { # app folder
    dotnet "$1/ResearcherProfiles.Web.dll" >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 60); do curl -fs "$url/healthz" >/dev/null 2>&1 && return; sleep 1; done
    echo "the app did not start"; exit 1
}
stop_app() { kill "$server"; wait "$server" 2>/dev/null || true; server=0; }

echo "seeding and importing…"
dotnet after/ResearcherProfiles.Web.dll --seed-demo 1 >/dev/null
start_app after
listed() { sqlite3 "$db" "select count(*) from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = '$slug' and pp.IsVisible;"; }
missing=$((papers - $(listed)))
[ "$missing" -gt 0 ] || { echo "$slug already lists $(listed) papers, at least $papers"; exit 1; }
# cv.sh's generator of realistic entries, read from cv.sh so that both measure the same papers.
awk '/^python3 - "\$missing" > refs.bib <<.PY.$/ { on = 1; next } on && /^PY$/ { exit } on' "$root/tests/benchmarks/cv.sh" > generate.py
python3 generate.py "$missing" > refs.bib
# shellcheck source=tests/benchmarks/forms.sh
source "$root/tests/benchmarks/forms.sh"
sign_in_admin "$url"
import_bib "$url" "$slug" refs.bib
stop_app
[ "$(listed)" -eq "$papers" ] || { echo "/people/$slug lists $(listed) papers after the import, not $papers"; exit 1; }
demo_papers=$(sqlite3 "$db" "select count(*) from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = '$demo' and pp.IsVisible;")

pages=("/people/$demo/publications" "/people/$demo" "/people/$slug/publications" "/people/$slug/publications?page=2" "/people/$slug")
labels=("publication list \`/people/$demo/publications\` ($demo_papers papers, the demo profile with the most)"
    "profile page \`/people/$demo\` (its selected papers)"
    "publication list \`/people/$slug/publications\`, page 1 (100 of $papers papers)"
    "publication list, page 2 (the other $((papers - 100)))"
    "profile page \`/people/$slug\`")
size() { curl -s -H "Accept-Encoding: $2" -o /dev/null -w '%{size_download}' "$url$1"; }
declare -A bytes entries
for side in before after; do
    start_app "$side"
    for k in "${!pages[@]}"; do
        for encoding in identity gzip br; do
            bytes[$side,$k,$encoding]=$(size "${pages[$k]}" "$encoding")
        done
        entries[$side,$k]=$(curl -s "$url${pages[$k]}" | { grep -o '@[a-z]*{' || true; } | wc -l)
    done
    stop_app
done
start_app after
paper=$(sqlite3 "$db" "select pp.PublicationId from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = '$slug' and pp.IsVisible order by pp.SortOrder limit 1;")
one_bib="/people/$slug/publications/$paper.bib"
one=("$(size "$one_bib" identity)" "$(size "$one_bib" gzip)" "$(size "$one_bib" br)")
status=$(curl -s -o /dev/null -w '%{http_code}' "$url$one_bib")
stop_app
[ "$status" = 200 ] || { echo "$one_bib answered $status"; exit 1; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
    echo
    echo "## $(date -u +%Y-%m-%d) — Page weight: $(git -C "$root" rev-parse --short "$base") and the working tree at $(git -C "$root" rev-parse --short HEAD)"
    echo
    echo "Published Release builds on the same data: the demo site plus one generated researcher, \`$slug\` filled to $papers papers with cv.sh's generated BibTeX through the import form; \`tests/benchmarks/weight.sh\`; curl on 127.0.0.1, bytes as sent (identity, gzip, Brotli). \"Entries\" counts the BibTeX entries the page carries."
    echo
    echo "| page | before: identity | gzip | br | entries | after: identity | gzip | br | entries | after / before, identity | br |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for k in "${!pages[@]}"; do
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${labels[k]}" \
            "${bytes[before,$k,identity]}" "${bytes[before,$k,gzip]}" "${bytes[before,$k,br]}" "${entries[before,$k]}" \
            "${bytes[after,$k,identity]}" "${bytes[after,$k,gzip]}" "${bytes[after,$k,br]}" "${entries[after,$k]}" \
            "$(ratio "${bytes[after,$k,identity]}" "${bytes[before,$k,identity]}")" "$(ratio "${bytes[after,$k,br]}" "${bytes[before,$k,br]}")"
    done
    echo
    echo "One paper's entry, \`$one_bib\` (after only): ${one[0]} bytes, ${one[1]} in gzip, ${one[2]} in Brotli."
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 14 "$root/tests/benchmarks/RESULTS.md"
