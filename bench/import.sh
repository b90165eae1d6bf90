#!/usr/bin/env bash
# Import benchmark of the exchange format: ./bench/import.sh [PARTICIPANTS]   (default 1000000)
#
# 1. generates PARTICIPANTS synthetic participants (with their pathways, steps, barriers, contracts, appointments)
#    into a SQLite file, and exports them as a dataset (`parcours export`);
# 2. imports the dataset into an empty PostgreSQL database and into an empty SQLite file (`parcours import`),
#    measuring wall time and peak memory (maximum resident set size, GNU time);
# 3. times PostgreSQL's own COPY of the same CSV files into unindexed tables of the same shape, the floor, twice:
#    every column text, and columns typed as the exchange format says (`parcours bench copy-floor`);
# 4. dumps the imported database and restores it into an empty one with PostgreSQL's own pg_restore, timing the rows
#    and then the indexes, keys and foreign keys: what PostgreSQL alone needs to bring the same tables to the same state
#    (PARCOURS_BENCH_RESTORE=0 leaves it out);
# 5. prints rows/s and peak memory side by side, the CPU seconds of the import process (user + system) and, with the
#    throw-away server, those of the server processes that ended meanwhile (the import's backend, parallel workers);
#    with PARCOURS_BENCH_PG the server CPU shows 0.
#
# PostgreSQL: a throw-away server (initdb in a temporary folder, 127.0.0.1, a free port, fsync off like the tests),
# unless PARCOURS_BENCH_PG holds a connection string ("Host=…;Port=…;Username=…;Database=…") of a server to use;
# the benchmark creates and drops its own databases there. Work folder: PARCOURS_BENCH_DIR (default a temporary one).
# PARCOURS_BENCH_SQLITE=0 leaves the SQLite import out (it is the longest part at 1,000,000 participants).
set -euo pipefail
participants="${1:-1000000}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${PARCOURS_BENCH_DIR:-$(mktemp -d /tmp/parcours-bench.XXXXXX)}"
mkdir -p "$work"
log() { printf '[bench] %s\n' "$*" >&2; }
command -v /usr/bin/time >/dev/null || { log "GNU time is needed (apt-get install time)"; exit 1; }

# Build once, then run the built CLI directly (the launcher would rebuild on changes).
"$repo_root/parcours" --help >/dev/null
cli=(dotnet "$repo_root/.artifacts/cli/parcours.dll")

pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && pg_bin="$dir"; done
[ -n "$pg_bin" ] || { log "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }
psql="$pg_bin/psql"; [ -x "$psql" ] || psql="psql"

pg_started=0
cleanup() {
  if [ "$pg_started" -eq 1 ]; then run_pg "$pg_bin/pg_ctl" stop -D "$work/pgdata" -m immediate -w >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ "$(id -u)" -eq 0 ]; then run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi

if [ -n "${PARCOURS_BENCH_PG:-}" ]; then
  base="$PARCOURS_BENCH_PG"
else
  port=56432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  rm -rf "$work/pgdata"; mkdir -p "$work/pgdata"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$work" "$work/pgdata"
  run_pg "$pg_bin/initdb" -D "$work/pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1
  : >"$work/pg.log"   # this run's server log only (a reused work folder keeps the file)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg.log"
  run_pg "$pg_bin/pg_ctl" start -D "$work/pgdata" -l "$work/pg.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $work/pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" >/dev/null
  pg_started=1
  base="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
host="$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$base")"; port="$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$base")"
user="$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$base")"
export PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$base")"
pg() { "$psql" -q -v ON_ERROR_STOP=1 -h "$host" -p "${port:-5432}" -U "$user" "$@"; }

dataset="$work/dataset-$participants"
if [ ! -f "$dataset/manifest.json" ]; then
  log "generating $participants participants (SQLite) and exporting them"
  rm -f "$work/source.db"*
  "${cli[@]}" --db "$work/source.db" generate --participants "$participants" --seed 1 --to 2024 >/dev/null
  "${cli[@]}" --db "$work/source.db" export "$dataset" 2>&1 | tail -1 >&2
fi
rows=$(python3 -c "import json,sys; print(sum(f['rows'] for f in json.load(open(sys.argv[1]))['files']))" "$dataset/manifest.json")
bytes=$(du -sb "$dataset" | cut -f1)
log "dataset: $rows rows, $((bytes / 1024 / 1024)) MiB"

# CPU seconds used so far by the ended backends of the throw-away server (children times of the postmaster); 0 when the
# server is not ours.
server_cpu() {
  local pid
  pid="$(head -1 "$work/pgdata/postmaster.pid" 2>/dev/null || true)"
  if [ "$pg_started" -eq 1 ] && [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($14 + $15) / hz }' "/proc/$pid/stat"
  else echo 0; fi
}
measure() { # label, command…: prints "seconds peak_kib client_cpu_s server_cpu_s"
  local out="$work/time-$1.txt"; shift
  local before; before="$(server_cpu)"
  /usr/bin/time -f "%e %M %U %S" -o "$out" "$@" >"${out%.txt}.log" 2>&1 || { cat "${out%.txt}.log" >&2; exit 1; }
  sleep 1 # the backend ends after the client disconnects
  read -r s kib user sys <"$out"
  echo "$s $kib $(python3 -c "print(round($user + $sys, 1), round($(server_cpu) - $before, 1))")"
}

db="parcours_bench_$$"
pg -d postgres -c "SELECT 1" >/dev/null
pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
pgdb="$(sed "s/Database=[^;]*/Database=$db/" <<<"$base")"
"${cli[@]}" --db "$pgdb" db migrate >/dev/null 2>&1
log "import into PostgreSQL"
read -r pg_s pg_kib pg_cpu pg_server < <(measure pg "${cli[@]}" --db "$pgdb" import "$dataset")

sq_s=0; sq_kib=0
if [ "${PARCOURS_BENCH_SQLITE:-1}" != 0 ]; then
  log "import into SQLite"
  rm -f "$work/import.db"*
  "${cli[@]}" --db "$work/import.db" db migrate >/dev/null 2>&1
  read -r sq_s sq_kib _ _ < <(measure sqlite "${cli[@]}" --db "$work/import.db" import "$dataset")
fi

# The floor twice: text columns (the cheapest load there is) and columns typed as the exchange format says (date,
# integer, numeric, boolean), the «unindexed table of the same shape».
floor_run() { # label, copy-floor options…: prints "seconds server_cpu_s"
  local label="$1"; shift
  local fdb="parcours_floor_$$"
  pg -d postgres -c "DROP DATABASE IF EXISTS $fdb" -c "CREATE DATABASE $fdb"
  "${cli[@]}" bench copy-floor "$dataset" "$@" >"$work/copy-$label.sql"
  local s _kib _c server
  read -r s _kib _c server < <(measure "floor-$label" "$psql" -q -v ON_ERROR_STOP=1 -h "$host" -p "${port:-5432}" -U "$user" -d "$fdb" -f "$work/copy-$label.sql")
  pg -d postgres -c "DROP DATABASE IF EXISTS $fdb"
  echo "$s $server"
}
log "PostgreSQL COPY floor (unindexed tables, text columns)"
read -r floor_s floor_server < <(floor_run text)
log "PostgreSQL COPY floor (unindexed tables, typed columns)"
read -r typed_s typed_server < <(floor_run typed --typed)

# The reference of PostgreSQL's own restore: the imported database is dumped, then restored into an empty one with
# pg_restore, in two timed steps: the rows (COPY into the application's tables, without their indexes) and the indexes,
# keys and foreign keys (what the application reads them by). What PostgreSQL alone needs to bring the same tables to
# the same state; the import does that work plus reading and checking the CSV files.
restore_s=0; restore_post_s=0; restore_server=0; restore_post_server=0
if [ "${PARCOURS_BENCH_RESTORE:-1}" != 0 ]; then
  log "PostgreSQL's own restore of the imported database (pg_dump, then pg_restore: rows, then indexes and keys)"
  pg_args=(-h "$host" -p "${port:-5432}" -U "$user")
  "$pg_bin/pg_dump" "${pg_args[@]}" -Fc -Z0 -d "$db" -f "$work/import.dump"
  rdb="parcours_restore_$$"
  pg -d postgres -c "DROP DATABASE IF EXISTS $rdb" -c "CREATE DATABASE $rdb"
  "$pg_bin/pg_restore" "${pg_args[@]}" --section=pre-data -d "$rdb" "$work/import.dump"
  read -r restore_s _ _ restore_server < <(measure restore-data "$pg_bin/pg_restore" "${pg_args[@]}" --single-transaction --section=data -d "$rdb" "$work/import.dump")
  read -r restore_post_s _ _ restore_post_server < <(measure restore-post "$pg_bin/pg_restore" "${pg_args[@]}" --single-transaction --section=post-data -d "$rdb" "$work/import.dump")
  pg -d postgres -c "DROP DATABASE IF EXISTS $rdb"
  rm -f "$work/import.dump"
fi

pg -d postgres -c "DROP DATABASE IF EXISTS $db"
grep -E "validation|écriture" "$work/time-pg.log" >&2 || true
python3 - "$participants" "$rows" "$pg_s" "$pg_kib" "$sq_s" "$sq_kib" "$floor_s" "$pg_cpu" "$pg_server" "$floor_server" "$typed_s" "$typed_server" \
  "$restore_s" "$restore_post_s" "$restore_server" "$restore_post_server" <<'PY'
import sys
n, rows, pg_s, pg_kib, sq_s, sq_kib, floor_s, pg_cpu, pg_server, floor_server, typed_s, typed_server, \
  restore_s, restore_post_s, restore_server, restore_post_server = sys.argv[1:]
rows = int(rows)
def line(label, s, kib=None):
    s = float(s); rate = rows / s if s else 0
    mem = f"{int(kib) / 1024:8.0f} MiB" if kib else "           -"
    print(f"{label:<34} {s:9.1f} s {rate:12,.0f} rows/s {mem}")
print(f"Dataset: {int(n):,} participants, {rows:,} rows over all files")
print(f"{'':<34} {'time':>11} {'':>19} {'peak memory':>12}")
line("parcours import → PostgreSQL", pg_s, pg_kib)
if float(sq_s) > 0: line("parcours import → SQLite", sq_s, sq_kib)
line("PostgreSQL COPY, text columns", floor_s)
line("PostgreSQL COPY, typed columns", typed_s)
restore = float(restore_s) + float(restore_post_s)
if restore > 0:
    line("pg_restore of the imported tables", restore)
    print(f"{'':<36}rows {float(restore_s):.1f} s, indexes and keys {float(restore_post_s):.1f} s")
print(f"PostgreSQL import / COPY floor: {float(pg_s) / float(floor_s):.2f}× (text columns), {float(pg_s) / float(typed_s):.2f}× (typed columns)")
if restore > 0:
    print(f"pg_restore / COPY floor: {restore / float(floor_s):.2f}× (text columns); PostgreSQL import / pg_restore: {float(pg_s) / restore:.2f}×")
print(f"CPU of the PostgreSQL import: client {float(pg_cpu):.1f} s, server {float(pg_server):.1f} s "
      f"(COPY floor: server {float(floor_server):.1f} s text, {float(typed_server):.1f} s typed"
      + (f"; pg_restore: server {float(restore_server) + float(restore_post_server):.1f} s" if restore > 0 else "") + ")")
PY
