#!/usr/bin/env bash
# Starts the RotationAnalytics API on http://127.0.0.1:8080 (or --port) with its PostgreSQL.
#   scripts/run.sh [--port N]     start (or reuse) the project-private database, then serve the API; Ctrl-C stops the API
#   scripts/run.sh --csv-dir DIR  load a folder of SYMBOL.csv files at start (e.g. ../shared/data/market), then serve
#   scripts/run.sh --demo         load the synthetic demo universe at start (labelled synthetic), then serve
#   scripts/run.sh --stop-db      stop the project-private database
# With ConnectionStrings__Rotation set, that server is used and no private database is started.
set -euo pipefail
caller=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

port=8080
stop_db=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) port=${2:?--port needs a number}; shift 2 ;;
    --csv-dir)
      # Relative to where the script was called from; the service gets an absolute path.
      Ingestion__CsvDirectory=$(cd "$caller" && cd "${2:?--csv-dir needs a folder}" 2>/dev/null && pwd) \
        || { echo "--csv-dir: no such folder: $2" >&2; exit 2; }
      export Ingestion__CsvDirectory; shift 2 ;;
    --demo) export Ingestion__Demo=true; shift ;;
    --stop-db) stop_db=true; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $port =~ ^[0-9]+$ ]] || { echo "--port must be a number" >&2; exit 2; }

pgdir="$root/.pgdata/cluster"
if $stop_db; then
  pg_find_bin
  pg_stop "$pgdir"
  echo "Project database stopped."
  exit 0
fi

if [[ -z ${ConnectionStrings__Rotation:-} ]]; then
  pg_find_bin
  if pg_running "$pgdir"; then
    db_port=$(cat "$root/.pgdata/port")
    echo "Reusing the project database on 127.0.0.1:$db_port"
  else
    mkdir -p "$root/.pgdata"
    chmod 755 "$root/.pgdata"
    # The port of the last run is kept when it is still free, so connection strings stay valid.
    pg_start_free "$pgdir" "$(cat "$root/.pgdata/port" 2>/dev/null || echo 55432)"
    db_port=$PG_PORT
    echo "$db_port" >"$root/.pgdata/port"
    echo "Started the project database on 127.0.0.1:$db_port (data in .pgdata/, stop with scripts/run.sh --stop-db)"
  fi
  if ! psql -h 127.0.0.1 -p "$db_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'rotation'" postgres | grep -q 1; then
    psql -h 127.0.0.1 -p "$db_port" -U postgres -qc "CREATE DATABASE rotation" postgres
  fi
  export ConnectionStrings__Rotation="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=rotation"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/RotationAnalytics.Api -c Release -v quiet -nologo
echo "API on http://127.0.0.1:$port  (Swagger UI: http://127.0.0.1:$port/swagger)  Ctrl-C stops it."
exec dotnet run --no-build -c Release --project src/RotationAnalytics.Api --no-launch-profile -- --urls "http://127.0.0.1:$port"
