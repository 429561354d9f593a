#!/usr/bin/env bash
# bench/import.sh — `ldp import` of N small files (hashing, registration and
# enqueue) against a Python loop calling Celery's send_task/apply_async for
# the same files, both timed as whole commands in one run. Not part of CI.
# Environment: LDP (binary; default: cargo build --release), N (10000).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${N:-10000}
die() { echo "import.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
python3 -c 'import celery' 2>/dev/null || die "pip install 'celery[redis]'"
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-import.XXXXXX")
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
eval "$(python3 "$HERE/refpass.py" freeport)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PID=$!
python3 "$HERE/refpass.py" wait "$PORT" >/dev/null || die "redis-server did not start"
URL="redis://127.0.0.1:$PORT/0"
P=7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11
mkdir -p "$TMP/docs"
python3 - "$TMP/docs" "$N" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    with open(os.path.join(d, f"doc-{i:06}.pdf"), "w") as f:
        f.write(f"%PDF-1.4 small document {i}\n" * 8)
PY
secs() { local t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1; awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}'; }
echo "== ldp import benchmark: $N small files, $(nproc) cores, redis $(redis-server --version | awk '{print $3}')"
TL=$(secs env LDP_CONFIG=/nonexistent "$LDP" -u "$URL" import "$TMP/docs" --project "$P" -q)
Q1=$(redis-cli -p "$PORT" LLEN $'default\x06\x163')
# The Python side writes to DB 1 of the same throwaway server.
TP=$(secs python3 "$HERE/py_import.py" "redis://127.0.0.1:$PORT/1" "$P" "$TMP/docs")
Q2=$(redis-cli -p "$PORT" -n 1 LLEN $'default\x06\x163')
echo "ldp import:                 ${TL}s ($Q1 queued)"
echo "python apply_async loop:    ${TP}s ($Q2 queued)"
echo "python / ldp:               $(awk -v a="$TP" -v b="$TL" 'BEGIN{printf "%.1fx", a/b}') (target >= 20x)"
[[ $Q1 == "$N" && $Q2 == "$N" ]] || { echo "FAIL: expected $N queued messages each"; exit 1; }
