#!/usr/bin/env bash
# Runs every test of Waterwheel on a fresh machine: installs what the tests need (as root, from Debian),
# starts a throwaway PostgreSQL cluster and Redis on free loopback ports, runs all test projects, stops them.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
# Node.js runs Segment's own client library against the tracking API (the Customers tests install it from npm).
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
# Posters draw Chinese captions: a CJK font that fontconfig finds (the poster tests fail without one).
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fontconfig fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Run ./test.sh as root once, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }

# A throwaway PostgreSQL cluster. initdb refuses to run as root, so as root the cluster belongs to 'postgres'.
PGBIN=$(pg_bin)
PGDIR=$(mktemp -d /tmp/waterwheel-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" postgres
  chown postgres "$PGDIR"
fi
PGUSER_NAME=$( [ "$(id -u)" -eq 0 ] && echo postgres || id -un )
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
REDISPORT=$(free_port)
stop_services() {
  redis-cli -p "$REDISPORT" shutdown nosave >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_services EXIT

log "Starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
# Generous timeouts: on a 2-core machine a busy test run can keep the server from accepting for a while.
export WATERWHEEL_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=$PGUSER_NAME;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=60;Command Timeout=120"

# A throwaway Redis, for the tests of what several app nodes share (WeCom access tokens).
log "Starting Redis on 127.0.0.1:$REDISPORT"
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$PGDIR/redis.log" --dir "$PGDIR"
for _ in $(seq 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export WATERWHEEL_TEST_REDIS="127.0.0.1:$REDISPORT"

log "Installing Segment's Node.js library for the tracking API test"
npm ci --prefix tests/Waterwheel.Customers.Tests/SegmentClient --no-audit --no-fund --silent
log "Installing roaring-wasm, the other Roaring implementation of the audience bitmap format test"
npm ci --prefix tests/Waterwheel.Audiences.Tests/RoaringInterop --no-audit --no-fund --silent

log "Building"
dotnet build Waterwheel.slnx -c Release -nologo -clp:ErrorsOnly

log "Running tests"
status=0
failed=()
for project in tests/*/; do
  name=$(basename "$project")
  [ -f "$project/$name.csproj" ] || continue
  # Each project's output is also kept, so that the end of the run can repeat what failed where it is read.
  if ! dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$PGDIR/$name.log"; then
    status=1
    failed+=("$name")
  fi
done
if [ $status -ne 0 ]; then
  log "Failed: ${failed[*]}"
  for name in "${failed[@]}"; do
    printf '\n--- %s\n' "$name"
    grep -E -A 25 '^\s+Failed [A-Za-z]|error (CS|MSB|NETSDK)|Test Run Aborted|The active test run was aborted' "$PGDIR/$name.log" | head -n 200 || true
  done
fi
exit $status
