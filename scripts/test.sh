#!/usr/bin/env bash
# Runs the whole test suite: ./scripts/test.sh [extra `dotnet test` arguments]
#
# - installs what the tests need when missing (Debian packages: postgresql, chromium,
#   poppler-utils for pdftotext, which reads the generated PDFs, and nodejs + npm for the
#   front-end build), with apt-get, as root or through sudo;
# - starts a throw-away PostgreSQL server (temporary data dir, 127.0.0.1, a free port) and
#   exports PARCOURS_TEST_POSTGRES and PARCOURS_TEST_CHROMIUM;
# - runs `dotnet test Parcours.slnx` (TRX results in .artifacts/test-results/);
# - always stops the server and removes its data dir;
# - prints a last line "N passed, N failed[, N skipped]" and exits with dotnet test's status.
#
# Environment: PARCOURS_TEST_PG_PORT (first port to try, default 55432).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- privileges
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  SUDO=()
fi

as_root() {
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    log "need root (or sudo) to run: $*"
    return 1
  fi
  "${SUDO[@]}" "$@"
}

# ---------------------------------------------------------------- packages
pg_bin_dir() {
  # Newest installed PostgreSQL server (Debian layout: /usr/lib/postgresql/<ver>/bin).
  local dir best="" best_ver=0 ver
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] || continue
    ver="$(basename "$(dirname "$dir")")"
    ver="${ver%%.*}"
    if [[ "$ver" =~ ^[0-9]+$ ]] && [ "$ver" -gt "$best_ver" ]; then
      best_ver="$ver"
      best="$dir"
    fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

missing=()
pg_bin_dir >/dev/null || missing+=(postgresql)
# fonts-liberation is only a Recommends of chromium: without it pages render with no text font.
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# pdftotext and pdfinfo: the tests read every generated PDF with a real reader.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null
fi

PG_BIN="$(pg_bin_dir)" || { log "PostgreSQL server binaries not found under /usr/lib/postgresql"; exit 1; }
command -v npm >/dev/null 2>&1 || { log "npm not found after installation"; exit 1; }
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium not found after installation"; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { log "pdftotext not found after installation (package poppler-utils)"; exit 1; }

# ---------------------------------------------------------------- PostgreSQL
# initdb and pg_ctl refuse to run as root: run them as the postgres OS user (created by the
# Debian package), or as the current user when it is not root and cannot switch.
if [ "$(id -u)" -eq 0 ]; then
  PG_USER=postgres
  as_pg() { runuser -u postgres -- "$@"; }
elif [ ${#SUDO[@]} -gt 0 ] && id postgres >/dev/null 2>&1; then
  PG_USER=postgres
  as_pg() { sudo -u postgres -- "$@"; }
else
  PG_USER="$(id -un)"
  as_pg() { "$@"; }
fi

# In /tmp (not $TMPDIR, which may be private to this user) so that postgres can reach it.
pg_tmp="$(mktemp -d /tmp/parcours-pg.XXXXXX)"
pg_data="$pg_tmp/data"
pg_started=0

cleanup() {
  local status=$?
  if [ "$pg_started" -eq 1 ]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$pg_data" -m immediate -w >/dev/null 2>&1 \
      || log "could not stop PostgreSQL (data dir $pg_data)"
  fi
  if [ -n "${pg_tmp:-}" ] && [ -d "$pg_tmp" ]; then
    rm -rf -- "$pg_tmp" 2>/dev/null || as_root rm -rf -- "$pg_tmp" || true
  fi
  return "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$PG_USER" != "$(id -un)" ]; then
  as_root chown "$PG_USER": "$pg_tmp"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port="${PARCOURS_TEST_PG_PORT:-55432}"
for _ in $(seq 1 200); do
  port_in_use "$pg_port" || break
  pg_port=$((pg_port + 1))
done

log "$("$PG_BIN/postgres" --version), data in $pg_data, on 127.0.0.1:$pg_port"
if ! as_pg "$PG_BIN/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$pg_tmp/initdb.log" 2>&1; then
  log "initdb with C.UTF-8 failed, retrying with locale C"
  as_pg rm -rf "$pg_data"
  as_pg "$PG_BIN/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$pg_tmp/initdb.log" 2>&1 || { cat "$pg_tmp/initdb.log" >&2; exit 1; }
fi

# Test-only server: durability off for speed, sockets only on 127.0.0.1 and in the temp dir.
pg_opts="-h 127.0.0.1 -p $pg_port -k $pg_tmp -c fsync=off -c synchronous_commit=off"
pg_opts+=" -c full_page_writes=off -c max_connections=500"
if ! as_pg "$PG_BIN/pg_ctl" start -D "$pg_data" -l "$pg_tmp/server.log" -w -t 60 -o "$pg_opts" >/dev/null; then
  cat "$pg_tmp/server.log" >&2 || true
  log "PostgreSQL did not start"
  exit 1
fi
pg_started=1
for _ in $(seq 1 60); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres && break
  sleep 0.5
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres || { log "PostgreSQL is not ready"; exit 1; }

export PARCOURS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export PARCOURS_TEST_CHROMIUM=/usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------- tests
results_dir="$repo_root/.artifacts/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

set +e
dotnet test Parcours.slnx \
  --logger "console;verbosity=minimal" \
  --logger "trx;LogFilePrefix=parcours" \
  --results-directory "$results_dir" \
  "$@" </dev/null
test_status=$?
set -e

# ---------------------------------------------------------------- summary from the TRX files
passed=0 failed=0 skipped=0 trx_count=0
counter() { # attribute value in a <Counters .../> element, 0 when absent
  local v
  v="$(printf '%s' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"
  printf '%s' "${v:-0}"
}
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  trx_count=$((trx_count + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  [ -n "$counters" ] || continue
  passed=$((passed + $(counter "$counters" passed)))
  failed=$((failed + $(counter "$counters" failed) + $(counter "$counters" error) \
    + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
  # Skipped tests are counted in "total" but not in "executed" (notExecuted stays 0).
  skipped=$((skipped + $(counter "$counters" total) - $(counter "$counters" executed)))
done
shopt -u nullglob

if [ "$trx_count" -eq 0 ]; then
  log "no TRX result found in $results_dir (did the build fail?)"
fi
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # Build error or aborted test host: no failed test in the TRX, but the run failed.
  log "dotnet test exited with status $test_status without a failed test in the results (build error or aborted test run?): counting it as 1 failure"
  failed=1
fi

echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$test_status"
