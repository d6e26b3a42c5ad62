# Shared PostgreSQL cluster handling for scripts/run.sh and scripts/test.sh (sourced, not run).
# A cluster here is private to the project: trust auth, listening on 127.0.0.1 only, socket inside its own folder.

pg_find_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN=$(dirname "$(command -v initdb)")
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then PG_BIN=$dir; return 0; fi
  done
  echo "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin." >&2
  echo "Install them, e.g. on Debian/Ubuntu: sudo apt-get install -y postgresql" >&2
  echo "or point the service at an existing server with ConnectionStrings__Rotation='Host=...;Port=...;Username=...;Password=...;Database=...'." >&2
  return 1
}

# Runs a server binary as the cluster owner: initdb refuses root, so root delegates to the unprivileged postgres user.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  local port
  for port in $(seq "${1:-55432}" 65000); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free TCP port found" >&2
  return 1
}

# pg_start DIR PORT: initialises DIR if empty, then starts the server on 127.0.0.1:PORT and waits until it accepts connections.
pg_start() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    pg_as_owner true
    chown postgres: "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "The postgres user cannot write to $dir (a parent folder is not accessible to it)." >&2
      echo "Run as an ordinary user, or set ConnectionStrings__Rotation to an existing server." >&2
      return 1
    fi
  fi
  chmod 700 "$dir"
  if [[ ! -f $dir/PG_VERSION ]]; then
    pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; return 1; }
    rm -f "$dir.initdb.log"
  fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${PG_FSYNC:-on} -c max_connections=200" start >/dev/null \
    || { tail -n 20 "$dir/server.log" >&2; return 1; }
}

# pg_start_free DIR FIRST_PORT: pg_start on the first free port from FIRST_PORT, retrying when another process takes the
# port between the check and the bind; sets PG_PORT.
pg_start_free() {
  local dir=$1 from=$2 attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pg_free_port "$from") || return 1
    if pg_start "$dir" "$PG_PORT" 2>"$dir.start.log"; then rm -f "$dir.start.log"; return 0; fi
    grep -q "Address already in use" "$dir.start.log" || { cat "$dir.start.log" >&2; rm -f "$dir.start.log"; return 1; }
    from=$((PG_PORT + 1))
  done
  cat "$dir.start.log" >&2
  return 1
}

pg_stop() {
  local dir=$1 mode=${2:-fast}
  [[ -f $dir/postmaster.pid ]] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m "$mode" -w stop >/dev/null 2>&1 || true
}

pg_running() {
  [[ -f $1/postmaster.pid ]] && pg_as_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}
