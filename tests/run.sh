#!/usr/bin/env bash
# Runs every test project (browser tests included) once on SQLite and once on PostgreSQL, and ends
# with one closing line totalled over all of them:
#   tests: N passed, N failed[, N skipped]
# On a fresh Debian machine it first installs what is missing (Debian's chromium, PostgreSQL,
# Redis), starts PostgreSQL and Redis on loopback for the run (tests/services.sh) and stops them
# at the end. TEST_PROVIDERS="Sqlite" (or "Postgres") runs on one provider only.
set -euo pipefail

cd "$(dirname "$0")/.."

readonly projects=(
  tests/ResearcherProfiles.Tests/ResearcherProfiles.Tests.csproj
  tests/ResearcherProfiles.BrowserTests/ResearcherProfiles.BrowserTests.csproj
)
read -r -a providers <<<"${TEST_PROVIDERS:-Sqlite Postgres}"
readonly results_dir="artifacts/test-results"
started=$(date +%s)

# shellcheck source=tests/common.sh
source tests/common.sh

closing_line() {
  local passed=$1 failed=$2 skipped=$3
  log "total time: $(($(date +%s) - started)) s; results in ${results_dir}/"
  if ((skipped > 0)); then
    echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
  else
    echo "tests: ${passed} passed, ${failed} failed"
  fi
}

install_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  log "installing Debian's chromium for the browser tests"
  # A failed install is not fatal here: the browser tests then fail and are counted as failures.
  if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }; then
    log "could not install chromium (needs root or passwordless sudo); browser tests will fail"
  fi
}

install_html_checker() {
  # The W3C Nu HTML Checker (npm package vnu-jar) runs on Java.
  if ! command -v java >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "installing Java and npm for the HTML checker"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless npm ||
      log "could not install Java or npm; the HTML validity test will fail"
  fi
  if [[ ! -f tests/tools/node_modules/vnu-jar/build/dist/vnu.jar ]] && command -v npm >/dev/null 2>&1; then
    log "installing the HTML checker (tests/tools)"
    npm ci --prefix tests/tools --no-audit --no-fund >/dev/null || log "could not install vnu-jar; the HTML validity test will fail"
  fi
}

# Names each failed test of a TRX file ($1) run on a provider ($2), with the first line of its
# message, so that a failure can be found from the log alone.
failed_tests() {
  awk -v provider="$2" '
    /<UnitTestResult / && /outcome="Failed"/ {
      name = $0; sub(/.* testName="/, "", name); sub(/".*/, "", name)
      print "  failed on " provider ": " name; want = 1; next
    }
    want && /<Message>/ {
      message = $0; sub(/.*<Message>/, "", message); sub(/<\/Message>.*/, "", message)
      print "    " substr(message, 1, 300); want = 0
    }
    /<\/UnitTestResult>/ { want = 0 }' "$1" |
    sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
}

# Prints "total executed passed failed" from a TRX file's <Counters> element.
trx_counters() {
  local counters attr value
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 || true)
  local -A c=([total]=0 [executed]=0 [passed]=0 [failed]=0 [error]=0 [timeout]=0 [aborted]=0)
  for attr in "${!c[@]}"; do
    value=$(sed -n "s/.* ${attr}=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    c[$attr]=${value:-0}
  done
  echo "${c[total]} ${c[executed]} ${c[passed]} $((c[failed] + c[error] + c[timeout] + c[aborted]))"
}

if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET SDK (dotnet) is not installed; see global.json for the version"
  closing_line 0 1 0
  exit 1
fi

install_chromium
install_html_checker

log "starting PostgreSQL and Redis for the tests"
trap 'bash tests/services.sh stop' EXIT
bash tests/services.sh start || log "the test services did not all start; the tests that need them will fail"
# shellcheck source=/dev/null
[[ -f artifacts/test-services.env ]] && source artifacts/test-services.env

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Each test app would otherwise watch its appsettings files, one inotify instance apiece, and a
# machine allows 128 per user by default: the tests start many apps, and none changes its settings.
export DOTNET_hostBuilder__reloadConfigOnChange=false
# The web root is watched too (for asp-append-version's hashes), one more instance per app: test
# apps poll instead, so the run never depends on how many instances other processes hold.
export DOTNET_USE_POLLING_FILE_WATCHER=true
rm -rf "$results_dir"
mkdir -p "$results_dir"

log "building ResearcherProfiles.sln"
if ! dotnet build ResearcherProfiles.sln -nologo -clp:ErrorsOnly; then
  log "the build failed: no tests were run"
  closing_line 0 1 0
  exit 1
fi

passed=0 failed=0 skipped=0 broken=0 failures=""
for project in "${projects[@]}"; do
for provider in "${providers[@]}"; do
  name="$(basename "$project" .csproj).${provider}"
  log "testing ${name}"
  status=0
  # The hang timeout turns a stuck test into a failure instead of eating CI's time limit.
  TEST_DATABASE="$provider" dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=normal" \
    --results-directory "${results_dir}/${name}" \
    --blame-hang-timeout 20m --blame-hang-dump-type none || status=$?

  trx="${results_dir}/${name}/${name}.trx"
  if [[ -f $trx ]]; then
    read -r total executed p f < <(trx_counters "$trx")
  else
    total=0 executed=0 p=0 f=0
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + total - executed))
  log "${name}: ${p} passed, ${f} failed, $((total - executed)) skipped (exit code ${status})"
  if ((f > 0)); then
    failures+="$(failed_tests "$trx" "$provider")"$'\n'
  fi
  if ((status != 0 && f == 0)); then
    # The run broke without naming a failed test (crash, hang, missing results): still a failure.
    log "${name}: dotnet test failed without reporting a failed test; counted as 1 failure"
    failed=$((failed + 1))
    broken=1
  fi
done
done

if [[ -n $failures ]]; then
  log "failed tests:"
  printf '%s' "$failures"
fi
closing_line "$passed" "$failed" "$skipped"
((failed == 0 && broken == 0))
