#!/usr/bin/env bash
# bench/intake.sh — the whole intake: `ldp import` with a database (upload to
# S3, register in PostgreSQL, enqueue, update the row) of N files of SIZE_KIB
# KiB, against a Python loop doing per file what the pipeline's importer does
# (bench/py_intake.py: boto3 put_object, a psycopg insert, apply_async, the
# row update), on the same throwaway local servers: redis-server, moto's S3
# server and a PostgreSQL initdb'd into a temp dir, all on free loopback
# ports. Both are timed as whole commands; moto's CPU time is read from /proc
# around each run, since a Python S3 server is likely the first to saturate.
# Not part of CI.
#
# Every run starts from empty stores (FLUSHALL, TRUNCATE source_documents and
# import_sessions, moto's reset and fresh buckets), and every timed run is
# checked: exit status, ldp's own counts (new = N, failed = 0), the Python
# loop's printed count, and what each left behind: N objects in its bucket, N
# rows in `processing` with a celery_task_id, N tasks queued. A failed check
# ends the script with exit 1.
#
# Environment: LDP, PYTHON (needs celery, boto3, psycopg, moto: pip install -r
# .ci/requirements.txt), SAMPLES (5), INTAKE_N (files, 1000), SIZE_KIB (256),
# JOBS (ldp --jobs, default ldp's).
set -euo pipefail
BENCH_NAME=intake
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${INTAKE_N:-1000}
SIZE_KIB=${SIZE_KIB:-256}
need psql curl
"$PY" -c 'import celery, boto3, psycopg, moto' 2>/dev/null || die "$PY lacks celery/boto3/psycopg/moto: pip install -r .ci/requirements.txt (or set PYTHON)"
PGBIN=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")")
[[ -x $PGBIN/postgres ]] || die "no PostgreSQL server binaries (apt-get install postgresql)"
chmod 755 "$TMP"
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Redis
start_redis
RPORT=$PORT
# moto
SPORT=$(freeport)
"$PY" -m moto.server -H 127.0.0.1 -p "$SPORT" >"$TMP/moto.log" 2>&1 &
MOTO=$!
BG_PIDS+=("$MOTO")
S3="http://127.0.0.1:$SPORT"
# PostgreSQL (trust on loopback: a throwaway benchmark server)
PPORT=$(freeport)
mkdir "$TMP/pg"
[[ $(id -u) == 0 ]] && chown postgres "$TMP/pg"
as_pg "$PGBIN/initdb" -D "$TMP/pg/data" -U postgres -A trust --no-sync --no-instructions >"$TMP/initdb.log" 2>&1 ||
  { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
as_pg "$PGBIN/postgres" -D "$TMP/pg/data" -p "$PPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$TMP/pg" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$TMP/pg.log" 2>&1 &
BG_PIDS+=($!)
# Killing runuser does not stop the postmaster: stop it by its data dir.
stop_pg() { [[ -f $TMP/pg/data/postmaster.pid ]] && as_pg "$PGBIN/pg_ctl" -D "$TMP/pg/data" -m immediate -w stop >/dev/null 2>&1; }
EXTRA_CLEANUP+=(stop_pg)
sql() { psql -X -q -At -h 127.0.0.1 -p "$PPORT" -U postgres -v ON_ERROR_STOP=1 "$@" postgres; }
for _ in $(seq 100); do sql -c 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
sql -c 'select 1' >/dev/null || { cat "$TMP/pg.log" >&2; die "postgres did not start"; }
for _ in $(seq 100); do curl -sf "$S3/moto-api/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "$S3/moto-api/" >/dev/null || { cat "$TMP/moto.log" >&2; die "moto did not start"; }
DB="postgresql://postgres@127.0.0.1:$PPORT/postgres?sslmode=disable"
P1=7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11   # ldp's project
P2=0d2b9c1e-4f5e-4e8a-9a51-7c2d4d626f11   # the Python loop's (same files, other UUIDs)
sql -f "$REPO/tests/fixtures/pipeline_schema.sql" >/dev/null
sql -c "INSERT INTO projects (project_id, name) VALUES ('$P1', 'ldp'), ('$P2', 'python')"

mkdir -p "$TMP/docs"
"$PY" - "$TMP/docs" "$N" "$SIZE_KIB" <<'PY'
import os, sys
d, n, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    with open(os.path.join(d, f"doc-{i:06}.pdf"), "wb") as f:
        f.write(b"%PDF-1.4 " + str(i).encode() + b"\n" + os.urandom(kib * 1024 - 32))
PY

# s3py 'CODE' ARGS...: boto3 against moto, client in `s3`
s3py() {
  local code=$1; shift
  "$PY" - "$S3" "$@" <<PY
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
args = sys.argv[2:]
$code
PY
}
# reset: every store empty, the two buckets fresh, the projects kept
reset() {
  [[ $(redis-cli -h 127.0.0.1 -p "$RPORT" FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"
  sql -c "TRUNCATE source_documents, import_sessions"
  curl -sf -X POST "$S3/moto-api/reset" >/dev/null || die "moto reset failed"
  s3py 'for b in ("ldp-bench", "py-bench"): s3.create_bucket(Bucket=b)'
}
objects() { s3py 'print(sum(p.get("KeyCount", 0) for p in s3.get_paginator("list_objects_v2").paginate(Bucket=args[0])))' "$1"; }
rows() {
  sql -c "SELECT count(*) FROM source_documents s JOIN projects p ON p.id = s.project_fk_id WHERE p.project_id = '$1' AND s.status = 'processing' AND s.celery_task_id IS NOT NULL"
}
queued() { redis-cli -h 127.0.0.1 -p "$RPORT" LLEN $'default\x06\x163'; }
# check_left SIDE PROJECT BUCKET: what one side's run left in the three stores
check_left() {
  check "$1: objects in s3://$3" "$(objects "$3")" "$N"
  check "$1: source_documents rows in processing with a task id" "$(rows "$2")" "$N"
  check "$1: tasks queued" "$(queued)" "$N"
}
# CPU seconds (user+system) of a process, from /proc/PID/stat.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }

bench_header "intake benchmark (bench/intake.sh): $N files of $SIZE_KIB KiB"
echo "   servers: moto $("$PY" -c 'import moto; print(moto.__version__)'), $("$PGBIN/postgres" --version); python $("$PY" --version 2>&1 | cut -d' ' -f2)"
JOBS_ARG=()
[[ -n ${JOBS:-} ]] && JOBS_ARG=(--jobs "$JOBS")
ldp_intake() {
  env AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    "$LDP" -u "redis://127.0.0.1:$RPORT/0" import "$TMP/docs" --project "$P1" --database-url "$DB" \
    --bucket ldp-bench --s3-endpoint "$S3" -q -o json "${JOBS_ARG[@]}" </dev/null >"$TMP/ldp.json"
}
py_intake() { "$PY" "$HERE/py_intake.py" "redis://127.0.0.1:$RPORT/0" "$DB" "$S3" py-bench "$P2" "$TMP/docs" >"$TMP/py.out"; }
MB=$(awk -v n="$N" -v k="$SIZE_KIB" 'BEGIN{printf "%.3f", n*k/1024}')
for ((i = 1; i <= SAMPLES; i++)); do
  reset
  c0=$(cpu "$MOTO")
  sample ldp ldp_intake
  t_ldp=$LAST
  ml=$(awk -v a="$c0" -v b="$(cpu "$MOTO")" 'BEGIN{printf "%.2f", b-a}')
  add moto_ldp "$ml"
  check "ldp import: new failed" \
    "$("$PY" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(j["new"], j["failed"])' "$TMP/ldp.json")" "$N 0"
  check_left "ldp import" "$P1" ldp-bench

  reset
  c0=$(cpu "$MOTO")
  sample py py_intake
  mp=$(awk -v a="$c0" -v b="$(cpu "$MOTO")" 'BEGIN{printf "%.2f", b-a}')
  add moto_py "$mp"
  check "python loop: documents" "$(cat "$TMP/py.out")" "$N"
  check_left "python loop" "$P2" py-bench
  printf '   run %d: ldp %.3f s (moto CPU %.2f s) | python loop %.3f s (moto CPU %.2f s)\n' "$i" "$t_ldp" "$ml" "$LAST" "$mp"
done
echo "   check ok: every run of each side left $N objects, $N rows in processing with a task id and $N tasks queued"

pct() { awk -v c="$(med "$1")" -v t="$(med "$2")" 'BEGIN{printf "%.0f%%", 100*c/t}'; }
mibs() { awk -v t="$(med "$1")" -v m="$MB" 'BEGIN{printf "%.1f MiB/s", m/t}'; }
echo
echo "== results: median [min-max] of $SAMPLES runs (target, not enforced: python / ldp >= 3x)"
printf '%-28s %s\n' \
  "ldp import (whole intake)" "$(secs ldp)  $(mibs ldp); moto CPU $(secs moto_ldp) = $(pct moto_ldp ldp) of the wall time" \
  "python importer loop" "$(secs py)  $(mibs py); moto CPU $(secs moto_py) = $(pct moto_py py) of the wall time" \
  "python / ldp" "$(ratio py ldp 1)"
# moto is one Python process (one core at most): its CPU time for ldp's
# requests is a floor no client can beat on this server.
if awk -v c="$(med moto_ldp)" -v t="$(med ldp)" 'BEGIN{exit !(c >= 0.9*t)}'; then
  echo "S3 server saturated: moto busy $(med moto_ldp) s of ldp's $(med ldp) s (medians): ldp / moto CPU = $(ratio ldp moto_ldp);" \
    "the best ratio on this server is python / moto CPU = $(ratio py moto_ldp 1)"
fi

echo
echo "| | time | throughput | moto's CPU during it |"
echo "|---|---:|---:|---:|"
echo "| \`ldp import\` (whole intake${JOBS:+, --jobs $JOBS}) | $(secs ldp) | $(mibs ldp) | $(secs moto_ldp) ($(pct moto_ldp ldp)) |"
echo "| Python importer loop | $(secs py) | $(mibs py) | $(secs moto_py) ($(pct moto_py py)) |"
echo "| python / ldp | $(ratio py ldp 1) | | |"
