#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL cluster, then removes it (also on failure or Ctrl-C).
# Prints a last line "N passed, N failed, N skipped". Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

pg_find_bin
work=$(mktemp -d /tmp/rotation-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  pg_stop "$work/pg" immediate
  rm -rf "$work"
}
trap cleanup EXIT
PG_FSYNC=off pg_start_free "$work/pg" 56432
port=$PG_PORT
echo "Test PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$port"

# Each test run creates its own databases on this server and drops them afterwards.
export ROTATION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config --quiet && echo "docker-compose.yml: valid"
fi

# The API's build bundles the dashboard's chart library from npm (npm ci); the browser tests drive Debian's Chromium.
# Both are installed when missing and this runs as root with apt-get (as CI does); otherwise the build says npm is
# needed, and the browser tests are skipped with the reason below in their report.
as_root_with_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }
apt_install() {
  echo "Installing $* with apt-get (missing on this machine)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$work/apt.log" 2>&1 || tail -5 "$work/apt.log"
}
if ! command -v npm >/dev/null 2>&1 && as_root_with_apt; then apt_install nodejs npm; fi
browser_skipped=
if [[ ! -x /usr/bin/chromium ]]; then
  if as_root_with_apt; then apt_install chromium; fi
  if [[ ! -x /usr/bin/chromium ]]; then
    browser_skipped="BROWSER TESTS SKIPPED: /usr/bin/chromium is missing and could not be installed ($(as_root_with_apt && echo "apt-get install chromium failed, see above" || echo "installing it needs root and apt-get: apt-get install chromium"))"
    echo "!!!!!!!! $browser_skipped !!!!!!!!"
  fi
fi

# The pinned OpenAPI linter of OpenApiDocumentTests; npm ci only when the lock file changed since the last install.
lint=tests/RotationAnalytics.Api.Tests/OpenApiLint
cmp -s "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json" 2>/dev/null \
  || { (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error) && cp "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json"; }

dotnet restore RotationAnalytics.sln
dotnet build RotationAnalytics.sln --no-restore -c Release
status=0
dotnet test RotationAnalytics.sln --no-build -c Release -p:BrowserTests=false "$@" 2>&1 | tee "$work/test.log" || status=$?
# The browser tests last and alone: their first-load budget is measured in the browser, not beside other assemblies.
dotnet test tests/RotationAnalytics.Browser.Tests --no-build -c Release "$@" 2>&1 | tee -a "$work/test.log" || status=$?

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
passed=0 failed=0 skipped=0
while read -r f p s; do
  failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
done < <(sed -n 's/^.*\(Passed\|Failed\)! *- Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\).*/\2 \3 \4/p' "$work/test.log")
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi  # a crash or build error counts as a failure
if [[ -n $browser_skipped ]]; then echo "!!!!!!!! $browser_skipped !!!!!!!!"; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
