#!/usr/bin/env bash
# Editor benchmark: a new researcher, invited by the administrator of a fresh site, enters one
# reference profile through the browser (tests/benchmarks/editor/enter-profile.js): basics, 13
# papers of 5–11 authors, 9 news items, 9 awards, service in two roles at 8 venues, 3 projects,
# then reorders, hides, highlights and deletes as a user does. It runs twice, with JavaScript and
# without, each on a new site, counts full page loads, requests and clicks per phase, checks the
# public profile shows what was entered, and appends the table to tests/benchmarks/RESULTS.md.
# Usage: tests/benchmarks/editor.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/tests/benchmarks/editor"
work=$(mktemp -d)
port=5394
url="http://127.0.0.1:$port"
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need chromium chromium
need node nodejs
need npm npm
[ -d "$bench/node_modules/playwright-core" ] || npm ci --prefix "$bench" --no-audit --no-fund --silent

echo "publishing $(git -C "$root" rev-parse --short HEAD)…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=$port Demo__Seed=true Site__PublicUrl="$url"
export Logging__LogLevel__Default=Warning
cd "$work"

start_app() { # data folder
    DataDirectory="$work/$1" dotnet app/ResearcherProfiles.Web.dll >"$work/$1.log" 2>&1 &
    server=$!
    for _ in $(seq 1 60); do curl -fs "$url/healthz" >/dev/null 2>&1 && return; sleep 1; done
    echo "the app did not start"; cat "$work/$1.log"; exit 1
}
stop_app() { kill "$server"; wait "$server" 2>/dev/null || true; server=0; }

for mode in js nojs; do
    echo "entering the reference profile ($mode)…"
    start_app "data-$mode"
    timeout 1200 node "$bench/enter-profile.js" --base "$url" --mail "$work/data-$mode/mail" \
        --mode "$mode" --out "$work/$mode.json"
    stop_app
done

{
    echo
    echo "## $(date -u +%Y-%m-%d) — entering the reference profile in the editor, at $(git -C "$root" rev-parse --short HEAD)"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; published Release build; $(chromium --version 2>/dev/null | head -n 1) driven by playwright-core $(node -p "require('$bench/node_modules/playwright-core/package.json').version") on 127.0.0.1; one run with JavaScript and one without, each on a new site."
    echo
    node "$bench/enter-profile.js" --table "$work/js.json" "$work/nojs.json"
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 20 "$root/tests/benchmarks/RESULTS.md"
