#!/usr/bin/env bash
# Snapshot at scale (issue 8): a throwaway PostgreSQL, a synthetic store of INSTRUMENTS × BARS daily bars (default
# 2,000 × 5,000 = 10 M), then full snapshot loads beside a raw binary COPY of the same rows. Prints Markdown.
#   benchmarks/load/snapshot-scale.sh [INSTRUMENTS] [BARS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

pg_find_bin
work=$(mktemp -d /tmp/rotation-scale.XXXXXX)
chmod 755 "$work"
cleanup() {
  pg_stop "$work/pg" immediate
  rm -rf "$work"
}
trap cleanup EXIT
PG_FSYNC=off pg_start_free "$work/pg" 58432
dotnet build benchmarks/RotationAnalytics.ReadPathBenchmarks -c Release -v quiet -nologo >/dev/null
dotnet benchmarks/RotationAnalytics.ReadPathBenchmarks/bin/Release/net10.0/RotationAnalytics.ReadPathBenchmarks.dll \
  scale "Host=127.0.0.1;Port=$PG_PORT;Username=postgres" "${1:-2000}" "${2:-5000}"
