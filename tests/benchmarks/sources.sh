#!/usr/bin/env bash
# Connected sources benchmark: the published app against the tests' fake ORCID, DBLP, OpenAlex,
# doi.org and arXiv (tests/benchmarks/fake-sources, the test project's fake as a program) on
# loopback, on a generated site of P researchers (default 1,000) plus the demo accounts.
#   1. ORCID import: the demo researcher saves the iD of a generated ORCID record of W works
#      (default 300) on the sources form, lists it (Import from ORCID), previews the BibTeX the
#      listing hands to the import and imports every entry shown; for comparison the same entries
#      under other DOIs and titles are pasted into the plain BibTeX import of the same profile.
#   2. Sync pass: P generated researchers are each connected to a generated ORCID record of K works
#      (default 20); the app starts with the background sync on and the pass is timed until every
#      profile has been looked at, once with one instance and once with two on the same database.
# Everything goes through the real forms, signed in with curl. Figures are appended to RESULTS.md.
# Usage: tests/benchmarks/sources.sh [works] [profiles] [works-per-profile]
set -euo pipefail

works=${1:-300}
profiles=${2:-1000}
per_profile=${3:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=5393
second_port=5394
fake_port=5395
base="http://127.0.0.1:$port"
fake_url="http://127.0.0.1:$fake_port"
pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need sqlite3 sqlite3
need bc bc
need python3 python3

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly
dotnet build "$root/tests/benchmarks/fake-sources/FakeSourcesHost.csproj" -c Release -o "$work/fake" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data" Demo__Seed=true Site__PublicUrl="$base"
export Logging__LogLevel__Default=Warning
for service in Orcid Doi Arxiv OpenAlex Dblp; do export "Sources__${service}__BaseUrl=$fake_url"; done
db="$work/data/profiles.db"
q() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }
now() { date +%s.%N; }
cd "$work"

# The fake runs once per measurement; on SIGTERM it prints the requests it answered, by service.
start_fake() {
    dotnet fake/FakeSourcesHost.dll "$fake_url" >"fake-$1.log" 2>&1 &
    fake=$!
    pids+=("$fake")
    for _ in $(seq 1 60); do grep -qs '^listening' "fake-$1.log" && return; sleep 0.5; done
    echo "the fake sources did not start"; cat "fake-$1.log"; exit 1
}
stop_fake() {
    kill -TERM "$fake"
    wait "$fake" || true
}
# start_app <port> <log> [NAME=value...]: the published app on <port>, ready when /healthz answers.
start_app() {
    local app_port=$1 log=$2
    shift 2
    env ASPNETCORE_HTTP_PORTS="$app_port" "$@" dotnet app/ResearcherProfiles.Web.dll >"$log" 2>&1 &
    pids+=("$!")
}
wait_ready() {
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
    echo "the app on port $1 did not start"; exit 1
}

echo "seeding $profiles researchers…"
dotnet app/ResearcherProfiles.Web.dll --seed-demo "$profiles" >/dev/null

# 1. ORCID import
start_fake warm-up
start_app "$port" app-import.log Sources__Sync__Enabled=false
wait_ready "$port"

# shellcheck source=tests/benchmarks/forms.sh
source "$root/tests/benchmarks/forms.sh"
# seconds <curl arguments...>: posts and prints curl's total time.
seconds() { curl -s -c jar -b jar -w '%{time_total}' "$@"; }
chosen() { grep -o 'name="Chosen" value="[0-9]*"' "$1" | sed 's/.*value="/Chosen=/; s/"$//' | paste -sd'&'; }
publications() { q "select count(*) from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = 'mira-castellanos';"; }

curl -s -c jar -b jar "$base/account/login" -o login.html
curl -s -c jar -b jar -o /dev/null "$base/account/login" \
    --data-urlencode "__RequestVerificationToken=$(field login.html __RequestVerificationToken)" \
    --data-urlencode "Input.Email=researcher@example.org" --data-urlencode "Input.Password=demo-researcher-password"
sources="$base/edit/mira-castellanos/publications/sources"
import="$base/edit/mira-castellanos/publications/import"
curl -s -c jar -b jar "$sources" -o sources.html
csrf=$(field sources.html __RequestVerificationToken)
[ -n "$csrf" ] || { echo "could not sign in as the demo researcher"; exit 1; }
# orcid_import <iD>: saves the iD, lists its record and imports every entry the preview shows.
orcid_import() {
    curl -s -c jar -b jar "$sources" -o sources.html
    save_seconds=$(seconds -o /dev/null "$sources" --data-urlencode "__RequestVerificationToken=$csrf" \
        --data-urlencode "Input.Version=$(field sources.html Input.Version)" --data-urlencode "OriginalValues=$(field sources.html OriginalValues)" \
        --data-urlencode "Input.OrcidId=$1" --data-urlencode "Input.DblpPid=" --data-urlencode "Input.OpenAlexAuthorId=")
    [ "$(q "select OrcidId from Researchers where Slug = 'mira-castellanos';")" = "$1" ] || { echo "the ORCID iD $1 was not saved"; exit 1; }
    list_seconds=$(seconds -o listing.html "$sources?handler=Import" --data-urlencode "__RequestVerificationToken=$csrf" --data-urlencode "source=Orcid")
    field listing.html Bibtex > orcid.bib
    listed=$(grep -c '^@' orcid.bib || true)
    [ "$listed" -gt 0 ] || { echo "the ORCID listing handed nothing to the import"; exit 1; }
    local before
    before=$(publications)
    orcid_preview_seconds=$(seconds -o orcid-preview.html "$import?handler=Preview" --data-urlencode "__RequestVerificationToken=$csrf" --data-urlencode "Bibtex@orcid.bib")
    chosen orcid-preview.html > orcid-chosen.txt
    orcid_shown=$(tr '&' '\n' < orcid-chosen.txt | grep -c Chosen || true)
    orcid_import_seconds=$(seconds -o /dev/null "$import?handler=Import" --data-urlencode "__RequestVerificationToken=$csrf" \
        --data-urlencode "Bibtex@orcid.bib" --data "AbstractsAsSummaries=false" --data "@orcid-chosen.txt")
    orcid_created=$(($(publications) - before))
}
# A first round on a one-work record (the measured records are serials 0 to 4 of their size), so that neither measured import pays for the app's warm-up.
orcid_import "$(dotnet fake/FakeSourcesHost.dll --ids 1 1)"
stop_fake
start_fake import
# Five records of the same size, each imported through ORCID and then, under other DOIs and titles
# (new to the site too), as the researcher's own BibTeX file; the median of each step is reported.
echo "importing ORCID records of $works works…"
for round in 1 2 3 4 5; do
    orcid_import "$(dotnet fake/FakeSourcesHost.dll --ids "$round" "$works" | tail -n 1)"
    echo "$save_seconds $list_seconds $orcid_preview_seconds $orcid_import_seconds" >> orcid-times.txt
    sed 's#10\.5555/gen\.#10.5555/ref.#g; s/ of Record / of Reference /g' orcid.bib > reference.bib
    before=$(publications)
    bibtex_preview_seconds=$(seconds -o bibtex-preview.html "$import?handler=Preview" --data-urlencode "__RequestVerificationToken=$csrf" --data-urlencode "Bibtex@reference.bib")
    chosen bibtex-preview.html > bibtex-chosen.txt
    bibtex_shown=$(tr '&' '\n' < bibtex-chosen.txt | grep -c Chosen || true)
    bibtex_import_seconds=$(seconds -o /dev/null "$import?handler=Import" --data-urlencode "__RequestVerificationToken=$csrf" \
        --data-urlencode "Bibtex@reference.bib" --data "AbstractsAsSummaries=false" --data "@bibtex-chosen.txt")
    bibtex_created=$(($(publications) - before))
    echo "$bibtex_preview_seconds $bibtex_import_seconds" >> bibtex-times.txt
    [ "$orcid_created" -eq "$listed" ] && [ "$bibtex_created" -eq "$listed" ] || { echo "round $round: $listed listed, $orcid_created imported from ORCID, $bibtex_created from BibTeX"; exit 1; }
done
stop_fake
orcid_requests=$(sed -n 's/^requests: //p' fake-import.log)
echo "ORCID rounds (save, list, preview, import):"; cat orcid-times.txt
echo "BibTeX rounds (preview, import):"; cat bibtex-times.txt
median() { awk -v c="$2" '{ print $c }' "$1" | sort -g | sed -n 3p; }
save_seconds=$(median orcid-times.txt 1)
list_seconds=$(median orcid-times.txt 2)
orcid_preview_seconds=$(median orcid-times.txt 3)
orcid_import_seconds=$(median orcid-times.txt 4)
bibtex_preview_seconds=$(median bibtex-times.txt 1)
bibtex_import_seconds=$(median bibtex-times.txt 2)
orcid_total=$(awk '{ print $2 + $3 + $4 }' orcid-times.txt | sort -g | sed -n 3p)
bibtex_total=$(awk '{ print $1 + $2 }' bibtex-times.txt | sort -g | sed -n 3p)
stop_all

# 2. Sync pass: only the generated researchers are connected, each to its own generated record.
echo "connecting $profiles profiles…"
dotnet fake/FakeSourcesHost.dll --ids "$profiles" "$per_profile" > ids.txt
# The demo site is seeded first, the generated researchers after it.
q "select Id from Researchers where DeletedAt is null order by Id desc limit $profiles;" > researchers.txt
[ "$(wc -l < researchers.txt)" -eq "$profiles" ] || { echo "the site has fewer than $profiles generated researchers"; exit 1; }
{
    echo "begin;"
    echo "update Researchers set OrcidId = null, DblpPid = null, OpenAlexAuthorId = null, ShowCitationCounts = 0;"
    echo "delete from SourceSyncStates; delete from FoundWorks; delete from WorkerLeases;"
    paste researchers.txt ids.txt | awk '{ printf "update Researchers set OrcidId = '\''%s'\'' where Id = %s;\n", $2, $1 }'
    echo "commit;"
} | q
q ".backup connected.db"

# sync_pass <instances>: starts the app that many times on the one database with the sync on and
# waits until every connected profile has been looked at; sets pass_* figures.
sync_pass() {
    local instances=$1 looked=0 holders="" holder last="" handovers=0 started finished
    rm -f "$db" "$db-wal" "$db-shm"
    cp connected.db "$db"
    start_fake "sync$instances"
    started=$(now)
    local sync=(Sources__Sync__Enabled=true Sources__Sync__PollSeconds=1 Sources__Sync__ProfilesPerRound=100000)
    start_app "$port" "app-sync$instances-1.log" "${sync[@]}"
    [ "$instances" -lt 2 ] || start_app "$second_port" "app-sync$instances-2.log" "${sync[@]}"
    while [ "$looked" -lt "$profiles" ]; do
        sleep 0.5
        looked=$(q "select count(*) from SourceSyncStates where LastRunAt is not null;")
        # Who holds the lease now (a released lease keeps its holder's name but has expired).
        holder=$(q "select Holder from WorkerLeases where Name = 'paper-sync' and ExpiresAt > strftime('%Y-%m-%d %H:%M:%f', 'now');")
        if [ "$looked" -lt "$profiles" ] && [ -n "$holder" ] && [ "$holder" != "$last" ]; then
            [ -z "$last" ] || handovers=$((handovers + 1))
            last=$holder
            holders=$(printf '%s\n%s\n' "$holders" "$holder" | sed '/^$/d' | sort -u)
        fi
        if [ "$(echo "$(now) - $started > 600" | bc)" -eq 1 ]; then echo "the pass did not finish in 10 minutes ($looked of $profiles)"; exit 1; fi
    done
    finished=$(now)
    pass_seconds=$(echo "$finished - $started" | bc)
    # From the first profile's look to the last, as the database records it (start-up excluded).
    pass_looking=$(q "select round((julianday(max(substr(LastRunAt, 1, 23))) - julianday(min(substr(LastRunAt, 1, 23)))) * 86400, 2) from SourceSyncStates;")
    pass_states=$(q "select count(*) from SourceSyncStates;")
    pass_found=$(q "select count(*) from FoundWorks;")
    pass_duplicates=$(q "select count(*) from (select ResearcherId, Doi from FoundWorks group by ResearcherId, Doi having count(*) > 1);")
    pass_problems=$(q "select count(*) from SourceSyncStates where LastProblem is not null;")
    pass_holders=$(printf '%s\n' "$holders" | sed '/^$/d' | wc -l)
    pass_handovers=$handovers
    stop_all
    pass_requests=$(sed -n 's/^requests: //p' "fake-sync$instances.log")
    pass_orcid_lists=$(sed -n 's/^requests orcid-works: //p' "fake-sync$instances.log")
    grep -ih 'fail\|exception' app-sync"$instances"-*.log | sort | uniq -c | head -5 || true
}
echo "sync pass, one instance…"
sync_pass 1
one=("$pass_seconds" "$pass_looking" "$pass_states" "$pass_found" "$pass_duplicates" "$pass_problems" "$pass_holders" "$pass_handovers" "$pass_requests" "$pass_orcid_lists")
echo "sync pass, two instances…"
sync_pass 2
two=("$pass_seconds" "$pass_looking" "$pass_states" "$pass_found" "$pass_duplicates" "$pass_problems" "$pass_holders" "$pass_handovers" "$pass_requests" "$pass_orcid_lists")

ratio() { echo "scale=2; ($1) / ($2)" | bc; }
{
    echo
    echo "## $(date -u +%Y-%m-%d) — connected sources: an ORCID record of $works works, a sync pass over $profiles profiles"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; published Release build; site of $profiles generated researchers plus the demo profiles; the tests' fake ORCID, DBLP, OpenAlex, doi.org and arXiv (\`tests/benchmarks/fake-sources\`) on 127.0.0.1; forms posted by curl; \`tests/benchmarks/sources.sh $works $profiles $per_profile\`."
    echo
    echo "| ORCID import, demo researcher (median of 5 records) | time |"
    echo "| --- | --- |"
    printf '| save the iD on the sources form | %.2f s |\n' "$save_seconds"
    printf '| Import from ORCID (%s works listed; %s requests to the fake for the five) | %.2f s |\n' "$listed" "$orcid_requests" "$list_seconds"
    printf '| preview (%s entries shown) | %.2f s |\n' "$orcid_shown" "$orcid_preview_seconds"
    printf '| import (%s publications created) | %.2f s |\n' "$orcid_created" "$orcid_import_seconds"
    printf '| **ORCID, listing to import** | **%.2f s** |\n' "$orcid_total"
    printf '| the same entries as BibTeX: preview (%s shown) | %.2f s |\n' "$bibtex_shown" "$bibtex_preview_seconds"
    printf '| the same entries as BibTeX: import (%s created) | %.2f s |\n' "$bibtex_created" "$bibtex_import_seconds"
    printf '| **BibTeX, preview to import** | **%.2f s** |\n' "$bibtex_total"
    echo
    echo "| sync pass, $profiles profiles × $per_profile ORCID works | one instance | two instances, one database |"
    echo "| --- | --- | --- |"
    printf '| start to every profile looked at | %.1f s | %.1f s |\n' "${one[0]}" "${two[0]}"
    printf '| first look to last (from LastRunAt) | %.1f s | %.1f s |\n' "${one[1]}" "${two[1]}"
    printf '| profiles per second (first look to last) | %.1f | %.1f |\n' "$(ratio "$profiles" "${one[1]}")" "$(ratio "$profiles" "${two[1]}")"
    echo "| sync records / looked at | ${one[2]} | ${two[2]} |"
    echo "| works queued (FoundWorks) | ${one[3]} | ${two[3]} |"
    echo "| the same work queued twice for a profile | ${one[4]} | ${two[4]} |"
    echo "| profiles with a problem (LastProblem) | ${one[5]} | ${two[5]} |"
    echo "| instances seen holding the lease during the pass (sampled every 0.5 s) / hand-overs | ${one[6]} / ${one[7]} | ${two[6]} / ${two[7]} |"
    echo "| requests to the fake (of them, works lists) | ${one[8]} (${one[9]}) | ${two[8]} (${two[9]}) |"
    echo
    echo "An ORCID import, from listing the record to the import, takes $(printf '%.2f' "$(ratio "$orcid_total" "$bibtex_total")")× the time of a BibTeX import of the same entries (preview and import)."
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 28 "$root/tests/benchmarks/RESULTS.md"
