#!/usr/bin/env bash
# Starts the RotationAnalytics API on http://127.0.0.1:8080 (or --port) with its PostgreSQL.
#   scripts/run.sh [--port N]     start (or reuse) the project-private database, then serve the API; Ctrl-C stops the API
#   scripts/run.sh --csv-dir DIR  load a folder of SYMBOL.csv files at start (e.g. ../shared/data/market), then serve
#   scripts/run.sh --demo         serve the synthetic demo universe from a database of its own (rotation_demo)
#   scripts/run.sh --stop-db      stop the project-private database
# With ConnectionStrings__Rotation set, that server is used and no private database is started.
set -euo pipefail
caller=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

usage() {
  echo "usage: scripts/run.sh [--port N] [--csv-dir DIR | --demo] | --stop-db"
  sed -n '3,7p' "$0" | sed 's/^# \{0,1\}//'
}
usage_error() {
  echo "run.sh: $1" >&2
  usage >&2
  exit 2
}

port=8080
stop_db=false
demo=false
csv_dir=
while [[ $# -gt 0 ]]; do
  case $1 in
    --port)
      [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage_error "--port needs a number"
      port=$2; shift 2 ;;
    --csv-dir)
      [[ $# -ge 2 && $2 != -* ]] || usage_error "--csv-dir needs a folder"
      # Relative to where the script was called from; the service gets an absolute path.
      csv_dir=$(cd "$caller" && cd "$2" 2>/dev/null && pwd) || { echo "run.sh: --csv-dir: no such folder: $2" >&2; exit 2; }
      shift 2 ;;
    --demo) demo=true; shift ;;
    --stop-db) stop_db=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done
if $demo && [[ -n $csv_dir ]]; then
  usage_error "--demo and --csv-dir exclude each other (the demo has a database of its own)"
fi
if [[ -n $csv_dir ]]; then
  if ! compgen -G "$csv_dir/*.csv" >/dev/null; then
    echo "run.sh: CSV folder $csv_dir holds no SYMBOL.csv files (expected e.g. SPY.csv with date,open,high,low,close,volume)" >&2
    exit 2
  fi
  export Ingestion__CsvDirectory=$csv_dir
fi
$demo && export Ingestion__Demo=true

pgdir="$root/.pgdata/cluster"
if $stop_db; then
  pg_find_bin
  pg_stop "$pgdir"
  echo "Project database stopped."
  exit 0
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "run.sh: port $port is in use; choose another with --port N" >&2
  exit 1
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
  # Real data lives in "rotation"; the demo in "rotation_demo" (the service would derive that name too).
  for database in rotation rotation_demo; do
    if ! psql -h 127.0.0.1 -p "$db_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres | grep -q 1; then
      psql -h 127.0.0.1 -p "$db_port" -U postgres -qc "CREATE DATABASE $database" postgres
    fi
  done
  export ConnectionStrings__Rotation="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=rotation"
  export ConnectionStrings__RotationDemo="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=rotation_demo"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building the API (Release; the first build takes a minute or two, later ones seconds)…"
# One line per project as it finishes, so a long first build visibly progresses.
dotnet build src/RotationAnalytics.Api -c Release -nologo -v minimal -clp:NoSummary
echo "Built in ${SECONDS} s."
if $demo; then
  echo "Starting the API on the synthetic demo database (real data is never touched)…"
elif [[ -n $csv_dir ]]; then
  echo "Starting the API; it loads $csv_dir before it listens…"
else
  echo "Starting the API…"
fi

# Answers whether the API serves /health/live (plain bash, no curl needed).
api_live() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local status=
  IFS= read -r -t 5 status <&3 || true
  exec 3<&- 3>&-
  [[ $status == "HTTP/1."?" 200"* ]]
}

# Prints the URL once the API answers; gives up when the API process ends (after exec below, $$ is the API).
announce_when_listening() {
  while kill -0 "$$" 2>/dev/null; do
    if api_live 2>/dev/null; then
      echo "API on http://127.0.0.1:$port  (Swagger UI: http://127.0.0.1:$port/swagger)  Ctrl-C stops it."
      return 0
    fi
    sleep 1
  done
}
announce_when_listening &
exec dotnet run --no-build -c Release --project src/RotationAnalytics.Api --no-launch-profile -- --urls "http://127.0.0.1:$port"
