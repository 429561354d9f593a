#!/usr/bin/env bash
# bench/intake.sh — the whole intake: `ldp import` with a database (upload to
# S3, register in PostgreSQL, enqueue, update the row) of N files of SIZE KiB,
# against a Python loop doing per file what the pipeline's importer does
# (bench/py_intake.py: boto3 put_object, a psycopg insert, apply_async), on
# the same throwaway local servers: redis-server, moto's S3 server and a
# PostgreSQL initdb'd into a temp dir, all on free loopback ports. Both are
# timed as whole commands; moto's CPU time is read from /proc for each, since
# a Python S3 server is likely the first to saturate. Not part of CI.
# Environment: LDP (binary; default: cargo build --release), N (1000),
# SIZE_KIB (256), JOBS (ldp --jobs, default ldp's).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${N:-1000}
SIZE_KIB=${SIZE_KIB:-256}
die() { echo "intake.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk psql; do command -v "$tool" >/dev/null || die "$tool not found"; done
python3 -c 'import celery, boto3, psycopg, moto' 2>/dev/null || die "pip install -r .ci/requirements.txt"
PGBIN=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")")
[[ -x $PGBIN/postgres ]] || die "no PostgreSQL server binaries (apt-get install postgresql)"
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-intake.XXXXXX")
chmod 755 "$TMP"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
freeport() { python3 "$HERE/refpass.py" freeport | sed 's/PORT=//'; }

# Redis
RPORT=$(freeport)
redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PIDS+=($!)
python3 "$HERE/refpass.py" wait "$RPORT" >/dev/null || die "redis-server did not start"
# moto
SPORT=$(freeport)
python3 -m moto.server -H 127.0.0.1 -p "$SPORT" >"$TMP/moto.log" 2>&1 &
MOTO=$!
PIDS+=($MOTO)
S3="http://127.0.0.1:$SPORT"
# PostgreSQL (trust on loopback: a throwaway benchmark server)
PPORT=$(freeport)
mkdir "$TMP/pg"
[[ $(id -u) == 0 ]] && chown postgres "$TMP/pg"
as_pg "$PGBIN/initdb" -D "$TMP/pg/data" -U postgres -A trust --no-sync --no-instructions >"$TMP/initdb.log" 2>&1 || die "initdb failed"
as_pg "$PGBIN/postgres" -D "$TMP/pg/data" -p "$PPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$TMP/pg" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$TMP/pg.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do psql -h 127.0.0.1 -p "$PPORT" -U postgres -c 'select 1' postgres >/dev/null 2>&1 && break; sleep 0.1; done
DB="postgresql://postgres@127.0.0.1:$PPORT/postgres?sslmode=disable"
P1=7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11   # ldp's project
P2=0d2b9c1e-4f5e-4e8a-9a51-7c2d4d626f11   # the Python loop's (same files, other UUIDs)
psql -q -h 127.0.0.1 -p "$PPORT" -U postgres -v ON_ERROR_STOP=1 -f "$REPO/tests/fixtures/pipeline_schema.sql" postgres >/dev/null
psql -q -h 127.0.0.1 -p "$PPORT" -U postgres -c "INSERT INTO projects (project_id, name) VALUES ('$P1', 'ldp'), ('$P2', 'python')" postgres
for _ in $(seq 100); do curl -sf "$S3/moto-api/" >/dev/null 2>&1 && break; python3 -c "import urllib.request as u; u.urlopen('$S3/moto-api/')" 2>/dev/null && break; sleep 0.1; done
python3 - "$S3" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
for b in ("ldp-bench", "py-bench"):
    s3.create_bucket(Bucket=b)
PY
mkdir -p "$TMP/docs"
python3 - "$TMP/docs" "$N" "$SIZE_KIB" <<'PY'
import os, sys
d, n, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    with open(os.path.join(d, f"doc-{i:06}.pdf"), "wb") as f:
        f.write(b"%PDF-1.4 " + str(i).encode() + b"\n" + os.urandom(kib * 1024 - 32))
PY
# CPU seconds (user+system) of a process, from /proc/PID/stat.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }
secs() { local t0=$EPOCHREALTIME; "$@" >/dev/null 2>"$TMP/last.err" || { cat "$TMP/last.err" >&2; die "failed: $*"; }; awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}'; }
count() { psql -At -h 127.0.0.1 -p "$PPORT" -U postgres -c "$1" postgres; }
objects() { python3 - "$S3" "$1" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
print(sum(p.get("KeyCount", 0) for p in s3.get_paginator("list_objects_v2").paginate(Bucket=sys.argv[2])))
PY
}
echo "== intake benchmark: $N files of $SIZE_KIB KiB, $(nproc) cores; redis $(redis-server --version | awk '{print $3}'), moto $(python3 -c 'import moto; print(moto.__version__)'), $("$PGBIN/postgres" --version)"
echo "   ldp: $LDP ($("$LDP" --version))"
JOBS_ARG=(); [[ -n ${JOBS:-} ]] && JOBS_ARG=(--jobs "$JOBS")
C0=$(cpu "$MOTO")
TL=$(secs env LDP_CONFIG=/nonexistent AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
  "$LDP" -u "redis://127.0.0.1:$RPORT/0" import "$TMP/docs" --project "$P1" --database-url "$DB" \
  --bucket ldp-bench --s3-endpoint "$S3" -q "${JOBS_ARG[@]}")
C1=$(cpu "$MOTO")
TP=$(secs python3 "$HERE/py_intake.py" "redis://127.0.0.1:$RPORT/1" "$DB" "$S3" py-bench "$P2" "$TMP/docs")
C2=$(cpu "$MOTO")
QL=$(redis-cli -p "$RPORT" LLEN $'default\x06\x163'); QP=$(redis-cli -p "$RPORT" -n 1 LLEN $'default\x06\x163')
RL=$(count "SELECT count(*) FROM source_documents s JOIN projects p ON p.id = s.project_fk_id WHERE p.project_id = '$P1' AND s.status = 'processing' AND s.celery_task_id IS NOT NULL")
RP=$(count "SELECT count(*) FROM source_documents s JOIN projects p ON p.id = s.project_fk_id WHERE p.project_id = '$P2' AND s.status = 'processing' AND s.celery_task_id IS NOT NULL")
OL=$(objects ldp-bench); OP=$(objects py-bench)
ML=$(awk -v a="$C0" -v b="$C1" 'BEGIN{printf "%.2f", b-a}'); MP=$(awk -v a="$C1" -v b="$C2" 'BEGIN{printf "%.2f", b-a}')
MB=$(awk -v n="$N" -v k="$SIZE_KIB" 'BEGIN{printf "%.0f", n*k/1024}')
echo "ldp import (whole intake):  ${TL}s  $(awk -v t="$TL" -v m="$MB" 'BEGIN{printf "%.1f MiB/s", m/t}'); moto CPU ${ML}s = $(awk -v c="$ML" -v t="$TL" 'BEGIN{printf "%.0f%%", 100*c/t}') of the wall time"
echo "python importer loop:       ${TP}s  $(awk -v t="$TP" -v m="$MB" 'BEGIN{printf "%.1f MiB/s", m/t}'); moto CPU ${MP}s = $(awk -v c="$MP" -v t="$TP" 'BEGIN{printf "%.0f%%", 100*c/t}') of the wall time"
echo "python / ldp:               $(awk -v a="$TP" -v b="$TL" 'BEGIN{printf "%.1fx", a/b}') (target >= 3x)"
# moto is one Python process (one core at most): its CPU time for ldp's
# requests is a floor no client can beat on this server.
if awk -v c="$ML" -v t="$TL" 'BEGIN{exit !(c >= 0.9*t)}'; then
  echo "S3 server saturated:        moto busy ${ML}s of ldp's ${TL}s; ldp = $(awk -v t="$TL" -v c="$ML" 'BEGIN{printf "%.2fx", t/c}') that floor; the best ratio on this server is python / floor = $(awk -v a="$TP" -v c="$ML" 'BEGIN{printf "%.1fx", a/c}')"
fi
echo "checks: ldp $OL objects, $RL rows, $QL tasks; python $OP objects, $RP rows, $QP tasks (expected $N each)"
[[ $OL == "$N" && $RL == "$N" && $QL == "$N" && $OP == "$N" && $RP == "$N" && $QP == "$N" ]] || { echo "FAIL: counts differ"; exit 1; }
