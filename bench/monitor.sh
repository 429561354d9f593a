#!/usr/bin/env bash
# bench/monitor.sh — `ldp monitor health` against `redis-cli info` (one run,
# side by side), `ldp --version` start-up, and `monitor memory --full` over 1M
# keys against `keys scan` over the same keys. Prints figures and ratios.
# Not part of CI. Environment: LDP (binary; default: cargo build --release),
# N_KEYS (1000000), RUNS (30).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N_KEYS=${N_KEYS:-1000000}
RUNS=${RUNS:-30}
die() { echo "monitor.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-monitor.XXXXXX")
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
eval "$(python3 "$HERE/refpass.py" freeport)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --enable-debug-command local \
  --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PID=$!
python3 "$HERE/refpass.py" wait "$PORT" >/dev/null || die "redis-server did not start"
URL="redis://127.0.0.1:$PORT/0"
export LDP_CONFIG=/nonexistent

# mean wall time in ms of RUNS runs of a command
mean_ms() {
  local t0 t1 i
  "$@" >/dev/null 2>&1 || true   # warm-up
  t0=$EPOCHREALTIME
  for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v n="$RUNS" 'BEGIN{printf "%.2f", (b-a)*1000/n}'
}
secs() { local t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1; awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}'; }

echo "== ldp monitor benchmark: $(nproc) cores, redis $(redis-server --version | awk '{print $3}'), $RUNS runs each"
V=$(mean_ms "$LDP" --version)
H=$(mean_ms "$LDP" -u "$URL" monitor health)
C=$(mean_ms redis-cli -p "$PORT" info)
echo "ldp --version:                  ${V} ms (target < 10 ms)"
echo "ldp monitor health (default):   ${H} ms (target < 50 ms)"
echo "redis-cli info:                 ${C} ms   -> health / redis-cli = $(awk -v a="$H" -v b="$C" 'BEGIN{printf "%.1fx", a/b}') (target <= 5x)"

redis-cli -p "$PORT" DEBUG POPULATE "$N_KEYS" doc 10 >/dev/null
echo "seeded $(redis-cli -p "$PORT" DBSIZE) keys"
S=$(secs "$LDP" -u "$URL" keys scan '*')
M=$(secs "$LDP" -u "$URL" monitor memory --full)
echo "ldp keys scan '*':              ${S} s"
echo "ldp monitor memory --full:      ${M} s   -> memory / scan = $(awk -v a="$M" -v b="$S" 'BEGIN{printf "%.2fx", a/b}') (target <= 2.5x)"
