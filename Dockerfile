# syntax=docker/dockerfile:1
# Build:  docker build -t researcher-profiles .
# Run:    docker run -p 8080:8080 -v profiles-data:/data -e Site__PublicUrl=https://profiles.example.org \
#           -e AllowedHosts=profiles.example.org researcher-profiles
# Site__PublicUrl is required (emailed links are built from it; the app refuses to start without it).
# Behind a reverse proxy, also set ForwardedHeaders__KnownProxies (or __KnownNetworks) to the proxy's
# address: X-Forwarded-* headers from anyone else are ignored.
# tests/ResearcherProfiles.Tests/Publishing/PublishedAppTests.cs repeats these steps without Docker:
# keep its environment in step with this file.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first from the project and package files only, so the layer survives source edits.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ResearcherProfiles.sln ./
COPY src/ResearcherProfiles.Core/ResearcherProfiles.Core.csproj src/ResearcherProfiles.Core/
COPY src/ResearcherProfiles.Demo/ResearcherProfiles.Demo.csproj src/ResearcherProfiles.Demo/
COPY src/ResearcherProfiles.Web/ResearcherProfiles.Web.csproj src/ResearcherProfiles.Web/
COPY migrations/ResearcherProfiles.Migrations.Sqlite/ResearcherProfiles.Migrations.Sqlite.csproj migrations/ResearcherProfiles.Migrations.Sqlite/
COPY migrations/ResearcherProfiles.Migrations.Postgres/ResearcherProfiles.Migrations.Postgres.csproj migrations/ResearcherProfiles.Migrations.Postgres/
# The app is published self-contained, for the build machine's own runtime (the image's), and
# compiled ahead of time as one composite ReadyToRun image with the .NET runtime and ASP.NET Core:
# a start takes about two thirds of the CPU time it takes when the code is compiled as it starts
# (tests/benchmarks/RESULTS.md, "Static-file speed and start-up"), and the composite image a third
# less again, since it also holds the code that the app's types need from the framework's generic
# types, which separately compiled assemblies cannot share ("2026-12-02, early morning").
RUN dotnet restore src/ResearcherProfiles.Web/ResearcherProfiles.Web.csproj --use-current-runtime \
    -p:SelfContained=true -p:PublishReadyToRun=true

COPY . .
# The project's CopyRepositoryWebRoot target copies the top-level wwwroot/ into /app/wwwroot.
RUN dotnet publish src/ResearcherProfiles.Web -c Release -o /app --no-restore \
    --use-current-runtime --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true

# The app carries its own runtime: the image needs only what the runtime itself depends on.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app

# MALLOC_ARENA_MAX: the app bounds glibc's heap to two arenas itself (Startup/NativeHeap.cs), but
# only from its first line on; set here, the bound also covers the runtime's own first threads.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataDirectory=/data \
    ASPNETCORE_ENVIRONMENT=Production \
    MALLOC_ARENA_MAX=2

# The SQLite database and uploads live in /data, writable by the image's non-root "app" user.
RUN mkdir -p /data && chown app:app /data
VOLUME /data

# Photos are re-encoded with SkiaSharp; its NoDependencies native library needs only libc, so the
# image needs no fontconfig or other extra packages.
COPY --from=build /app .

USER $APP_UID
EXPOSE 8080

# `--healthcheck` probes http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/healthz, so the image needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["./ResearcherProfiles.Web", "--healthcheck"]

ENTRYPOINT ["./ResearcherProfiles.Web"]
