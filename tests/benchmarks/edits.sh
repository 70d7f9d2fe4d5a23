#!/usr/bin/env bash
# Cached pages while researchers edit: the published app on a generated site of N researchers
# (default 2,000) on SQLite, 127.0.0.1 only, bounded wrk runs.
#
# Visitors: wrk (-t2 -c16) asking for random profiles among P of them (default 500, the demo
# researcher's included), through longtail.lua, after 20 s of the same load that caches them all.
# Then two runs of S seconds each (default 20): one with nobody editing, one while the demo
# researcher (signed in as a browser would be) saves the basics form of their profile once a
# second, each save a new headline. It prints req/s, p99 and the app's CPU time per request of
# each run, and the number of saves. A save drops the cached pages it changes; what else it drops
# decides how much of the visitors' load becomes rendering.
#
# A folder given as the fourth argument keeps the seeded SQLite database between runs.
# BENCH_APP=<folder> measures an app published before instead of publishing this tree.
# Usage: tests/benchmarks/edits.sh [researchers] [seconds] [profiles] [keep-folder]
set -euo pipefail

researchers=${1:-2000}
duration=${2:-20}
popular=${3:-500}
keep=${4:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
port=5396
base="http://127.0.0.1:$port"
stop_all() {
    # Never "kill 0": that would be this script's whole process group.
    if [ "${editor:-0}" != 0 ]; then kill "$editor" 2>/dev/null || true; fi
    if [ "${server:-0}" != 0 ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap stop_all EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need sqlite3 sqlite3
need bc bc
need curl curl
need python3 python3

# shellcheck source=tests/benchmarks/published-site.sh
source "$root/tests/benchmarks/published-site.sh"

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
editor_slug=mira-castellanos

# run <label>: one measured wrk run over the popular profiles; prints a table row.
run() {
    local label=$1 before after out
    before=$(cpu_ticks "$server")
    out=$(SLUGS="$work/slugs" wrk -t2 -c16 -d"${duration}s" --latency -H 'Accept-Encoding: br' -s "$root/tests/benchmarks/longtail.lua" "$base")
    after=$(cpu_ticks "$server")
    echo "$out" | awk -v label="$label" -v cpu="$(( after - before ))" -v ticks="$ticks" -v saves="${2:-0}" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { n = $1 }
        END { printf "| %s | %s | %.0f | %.2f ms | %.3f ms |\n", label, saves, rps, p99, cpu * 1000 / ticks / n }'
}

# The demo researcher's account: created at the first start with Demo:Seed on a site without accounts.
export DataDirectory="$data" Demo__Seed=true
start_app
{ echo "$editor_slug"; sqlite3 "$data/profiles.db" "select \"Slug\" from \"Researchers\" where not \"IsHidden\" and \"DeletedAt\" is null and \"Slug\" <> '$editor_slug' order by random() limit $((popular - 1));"; } > "$work/slugs"

# Signs in, then saves the basics form once a second with a new headline, every other field as the
# form holds it, until killed; counts the saves that came back to the editor (a redirect) in $work/saves.
cat > "$work/editor.py" <<'EOF'
import html.parser, http.cookiejar, sys, time, urllib.parse, urllib.request

base, slug, out = sys.argv[1], sys.argv[2], sys.argv[3]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

class Form(html.parser.HTMLParser):
    """The fields of the first form whose class contains `wanted`, as the browser would send them."""
    def __init__(self, wanted):
        super().__init__()
        self.wanted, self.inside, self.done, self.fields, self.textarea = wanted, False, False, [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and self.wanted in (a.get("class") or ""):
            self.inside = True
        elif self.inside and tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append([a["name"], a.get("value") or ""])
        elif self.inside and tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True

def fields(path, wanted):
    with opener.open(base + path) as page:
        form = Form(wanted)
        form.feed(page.read().decode())
        return form.fields

def post(path, data):
    try:
        with opener.open(base + path, urllib.parse.urlencode([tuple(f) for f in data]).encode()) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code

login = fields("/account/login", "form")
login = [[k, "researcher@example.org" if k == "Input.Email" else "demo-researcher-password" if k == "Input.Password" else v] for k, v in login]
if post("/account/login", login) != 302:
    sys.exit("the demo researcher could not sign in")
saves = 0
while True:
    started = time.monotonic()
    form = [[k, f"Headline of save {saves + 1}" if k == "Input.Headline" else v] for k, v in fields(f"/edit/{slug}", "basics-form")]
    if post(f"/edit/{slug}", form) == 302:
        saves += 1
        with open(out, "w") as f:
            f.write(str(saves))
    time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
EOF

# Every popular profile cached, and the hot code recompiled, before anything is measured.
SLUGS="$work/slugs" wrk -t2 -c16 -d20s -H 'Accept-Encoding: br' -s "$root/tests/benchmarks/longtail.lua" "$base" >/dev/null

echo
echo "## $(date -u +%Y-%m-%d) — cached profiles while a researcher edits, $researchers researchers"
echo
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; published Release build of ${BENCH_COMMIT:-$(git -C "$root" rev-parse --short HEAD)}; SQLite; wrk -t2 -c16 ${duration}s on 127.0.0.1 over $popular random profiles (Brotli)."
echo
echo "| run | saves | req/s | p99 | app CPU per request |"
echo "| --- | ---: | ---: | ---: | ---: |"
run "nobody editing"
echo 0 > "$work/saves"
python3 "$work/editor.py" "$base" "$editor_slug" "$work/saves" &
editor=$!
sleep 1
[ "$(cat "$work/saves")" -gt 0 ] || kill -0 "$editor" || { echo "the editor stopped"; exit 1; }
saves_before=$(cat "$work/saves")
row=$(run "one save a second")
saves=$(( $(cat "$work/saves") - saves_before ))
kill "$editor" 2>/dev/null || true
wait "$editor" 2>/dev/null || true
editor=0
echo "${row/| one save a second | 0 |/| one save a second | $saves |}"
page=$(curl -s "$base/people/$editor_slug")
[[ $page == *"Headline of save"* ]] || { echo "the saves did not reach the profile page"; exit 1; }
stop_app
