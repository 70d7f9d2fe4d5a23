# Sourced by static.sh and search.sh: the published app they measure and the SQLite site it serves.
# Expects root, work, port, base, researchers and keep (the folder that keeps seeded sites, or empty);
# leaves the shell in $work with data set to the site's data folder, and defines start_app and
# stop_app ($server holds the app's process id while it runs). The app is started as the image
# starts it, through its own executable (app/ResearcherProfiles.Web), which a framework-dependent
# build given in BENCH_APP has as well.

# BENCH_APP: an app published before (to compare two builds on one site) instead of this tree's.
if [ -n "${BENCH_APP:-}" ]; then
    cp -r "$BENCH_APP" "$work/app"
else
    echo "publishing…"
    # As the Dockerfile publishes: self-contained for this machine's runtime, one composite
    # ReadyToRun image with the framework (a few minutes on two cores).
    dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly \
        --use-current-runtime --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true
fi

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=$port Site__PublicUrl="$base"
export Sources__Sync__Enabled=false Logging__LogLevel__Default=Warning
cd "$work"

# The SQLite site: seeded once per N into the keep folder when one is given, with the time it took.
data="${keep:-$work/sqlite}/data-$researchers"
if [ ! -f "$data/profiles.db" ]; then
    echo "seeding $researchers researchers on SQLite…"
    mkdir -p "$data"
    seed_start=$(date +%s.%N)
    DataDirectory="$data" app/ResearcherProfiles.Web --seed-demo "$researchers" >/dev/null
    printf '%.0f\n' "$(echo "$(date +%s.%N) - $seed_start" | bc)" > "$data/seed-seconds"
fi

start_app() {
    app/ResearcherProfiles.Web >"$work/app.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz/ready")" = 200 ] && return
        sleep 0.1
    done
    echo "the app did not start"; cat "$work/app.log"; exit 1
}
stop_app() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=0; }
