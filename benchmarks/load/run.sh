#!/usr/bin/env bash
# Load benchmarks of the API on the shared market data, printed as Markdown for docs/performance.md:
#   1. the snapshot: its start-up load (from the API log) and full loads beside a raw COPY of the same rows (issue 8);
#   2. the query mix: never-repeated queries interleaved with repeats over one keep-alive connection (issue 8);
#   3. wrk at 32 connections for 30 s per endpoint, each beside GET /health/live (the ceiling), and peak RSS (issue 4).
#   benchmarks/load/run.sh [--duration 30s] [--connections 32] [--requests 2000] [--csv-dir ../shared/data/market]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

duration=30s connections=32 requests=2000 csv_dir="$root/../shared/data/market"
while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --csv-dir) csv_dir=$(cd "$2" && pwd); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

pg_find_bin
work=$(mktemp -d /tmp/rotation-load.XXXXXX)
chmod 755 "$work"
api_pid=
cleanup() {
  [[ -n $api_pid ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  pg_stop "$work/pg" immediate
  rm -rf "$work"
}
trap cleanup EXIT
pg_start_free "$work/pg" 57432
db_port=$PG_PORT
psql -h 127.0.0.1 -p "$db_port" -U postgres -qc "CREATE DATABASE rotation" postgres
api_port=$(pg_free_port 18080)

dotnet build src/RotationAnalytics.Api -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/RotationAnalytics.ReadPathBenchmarks -c Release -v quiet -nologo >/dev/null
connection="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=rotation;Maximum Pool Size=64"
ConnectionStrings__Rotation="$connection" \
Ingestion__CsvDirectory="$csv_dir" RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning \
  dotnet src/RotationAnalytics.Api/bin/Release/net10.0/RotationAnalytics.Api.dll --urls "http://127.0.0.1:$api_port" \
    --Serilog:MinimumLevel:Override:RotationAnalytics.Infrastructure.Snapshot=Information >"$work/api.log" 2>&1 &
api_pid=$!
base="http://127.0.0.1:$api_port"
for _ in $(seq 1 120); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/health/ready" >/dev/null || { cat "$work/api.log" >&2; exit 1; }
read_path=(dotnet benchmarks/RotationAnalytics.ReadPathBenchmarks/bin/Release/net10.0/RotationAnalytics.ReadPathBenchmarks.dll)
memory() { awk '/VmHWM|VmRSS/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$api_pid/status"; }
echo "API memory after start-up (CSV ingestion + snapshot load): $(memory)"
echo

echo "## Snapshot"
echo
echo "At start-up: $(grep -o 'Market snapshot v[0-9]*: .*(full)' "$work/api.log" | head -1)"
echo
"${read_path[@]}" snapshot "$connection" 5
echo
echo "## Query mix"
echo
"${read_path[@]}" query-mix "$base" "$requests"
echo
echo "API memory after the query mix: $(memory)"
echo
echo "## Throughput"
echo

endpoints=(
  "/health/live"
  "/streaks?symbol=RUT&benchmark=SPX"
  "/relative-performance?symbols=IWM,QQQ,DIA,IJR,MDY&benchmark=SPY"
  "/breadth/sectors"
)
# Uncached latency: the first request of each analytics query after start (cold: JIT plus computation), then the
# same endpoint with other parameter values (warm code, but a cache miss: what a new data version costs).
declare -A uncached warm_variant warm
warm_variant["/streaks?symbol=RUT&benchmark=SPX"]="/streaks?symbol=IWM&benchmark=SPY"
warm_variant["/relative-performance?symbols=IWM,QQQ,DIA,IJR,MDY&benchmark=SPY"]="/relative-performance?symbols=IWM,QQQ,DIA,IJR,MDY&benchmark=SPY&from=2025-01-01"
warm_variant["/breadth/sectors"]="/breadth/sectors?date=2026-04-30"
for path in "${endpoints[@]:1}"; do
  uncached[$path]=$(curl -s -o /dev/null -w '%{time_total}' "$base$path")
  warm[$path]=$(curl -s -o /dev/null -w '%{time_total}' "$base${warm_variant[$path]}")
done

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
LUA
echo "| endpoint | requests/s | p50 ms | p99 ms | errors | % of ceiling | uncached, cold ms | uncached, warm ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
ceiling=
for path in "${endpoints[@]}"; do
  line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/report.lua" "$base$path" | grep '^RESULT')
  read -r _ rps p50 p99 errors total <<<"$line"
  [[ -z $ceiling ]] && ceiling=$rps
  share=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.0f", 100 * a / b }')
  first=${uncached[$path]:-} second=${warm[$path]:-}
  [[ -n $first ]] && first=$(awk -v t="$first" 'BEGIN { printf "%.1f", 1000 * t }')
  [[ -n $second ]] && second=$(awk -v t="$second" 'BEGIN { printf "%.1f", 1000 * t }')
  echo "| \`GET $path\` | $rps | $p50 | $p99 | $errors | $share % | ${first:-–} | ${second:-–} |"
done
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$api_pid/status")
echo
echo "Peak RSS of the API process (VmHWM): $((rss_kb / 1024)) MiB"
