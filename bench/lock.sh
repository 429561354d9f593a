#!/usr/bin/env bash
# bench/lock.sh — the per-run overhead of `ldp lock run x -- true` over
# `flock /tmp/x true`, measured side by side in one run against a throwaway
# redis-server on a free loopback port (never 6379) that this script starts
# and stops. Uses hyperfine when installed, else a bash loop timed with
# $EPOCHREALTIME. Prints figures; asserts nothing but correctness (both
# commands must succeed, and the lock key must be gone afterwards).
#
# Not part of CI. See bench/README.md.
#
# Environment:
#   LDP     ldp binary to benchmark (default: `cargo build --release`, then
#           $CARGO_TARGET_DIR/release/ldp or target/release/ldp)
#   RUNS    timed runs per command (50)
#   WARMUP  untimed runs per command first (5)
#   TIMER   auto (hyperfine if installed) or loop (the bash loop)
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-5}
TIMER=${TIMER:-auto}

die() { echo "lock.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli flock python3 awk; do
  command -v "$tool" >/dev/null || die "$tool not found in PATH"
done

if [[ -z "${LDP:-}" ]]; then
  echo "building ldp (cargo build --release) ..." >&2
  (cd "$REPO" && cargo build --release --quiet) >&2
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir = /* ]] || target_dir="$REPO/$target_dir"
  LDP="$target_dir/release/ldp"
fi
[[ -x $LDP ]] || LDP=$(command -v "$LDP") || die "ldp binary not found: $LDP"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-lock-bench.XXXXXX")
SERVER_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port from the kernel, above 10000 and never 6379.
PORT=$(python3 -c '
import socket
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if p >= 10000 and p != 6379:
        print(p); break')
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no \
  --dir "$TMP" --daemonize no >"$TMP/redis.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  [[ $(redis-cli -p "$PORT" PING 2>/dev/null) == PONG ]] && break
  sleep 0.05
done
[[ $(redis-cli -p "$PORT" PING 2>/dev/null) == PONG ]] || { cat "$TMP/redis.log" >&2; die "redis-server did not start"; }
URL="redis://127.0.0.1:$PORT/0"
LOCKFILE="$TMP/x.lock"

ldp_cmd=("$LDP" -u "$URL" lock run x -- true)
flock_cmd=(flock "$LOCKFILE" true)
"${ldp_cmd[@]}" || die "ldp lock run failed"
"${flock_cmd[@]}" || die "flock failed"

echo "== ldp lock run vs flock: $(nproc) cores, $(redis-server --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "   ldp: $LDP ($("$LDP" --version)); runs: $RUNS (+$WARMUP warm-up) each"

if [[ $TIMER != loop ]] && command -v hyperfine >/dev/null; then
  echo "   timer: hyperfine $(hyperfine --version | awk '{print $2}') (no shell)"
  hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" \
    --export-json "$TMP/h.json" \
    -n "ldp lock run x -- true" "${ldp_cmd[*]}" \
    -n "flock FILE true" "${flock_cmd[*]}" >&2
  read -r LDP_MS LDP_SD FLOCK_MS FLOCK_SD < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join(f"{v * 1000:.3f}" for x in r for v in (x["mean"], x["stddev"] or 0)))' "$TMP/h.json")
else
  echo "   timer: bash loop with \$EPOCHREALTIME (TIMER=loop, or no hyperfine)"
  # mean_ms CMD...: prints the mean and the standard deviation in ms
  mean_ms() {
    local i t0 t1 all=()
    for ((i = 0; i < WARMUP; i++)); do "$@" >/dev/null; done
    for ((i = 0; i < RUNS; i++)); do
      t0=$EPOCHREALTIME; "$@" >/dev/null; t1=$EPOCHREALTIME
      all+=("$(awk -v a="$t1" -v b="$t0" 'BEGIN{printf "%.6f", (a-b)*1000}')")
    done
    printf '%s\n' "${all[@]}" | awk '{s+=$1; q+=$1*$1; n++} END{m=s/n; v=q/n-m*m; if (v<0) v=0; printf "%.3f %.3f\n", m, sqrt(v)}'
  }
  read -r LDP_MS LDP_SD < <(mean_ms "${ldp_cmd[@]}")
  read -r FLOCK_MS FLOCK_SD < <(mean_ms "${flock_cmd[@]}")
fi

left=$(redis-cli -p "$PORT" EXISTS lock:x)
[[ $left == 0 ]] || die "lock:x is still there after the runs (EXISTS = $left)"
fence=$(redis-cli -p "$PORT" GET 'ldp:fence:{lock:x}')

OVER=$(awk -v a="$LDP_MS" -v b="$FLOCK_MS" 'BEGIN{printf "%.2f", a-b}')
echo
echo "ldp lock run x -- true : $LDP_MS ms ± $LDP_SD per run"
echo "flock FILE true        : $FLOCK_MS ms ± $FLOCK_SD per run"
echo "overhead of ldp        : $OVER ms per run (target < 20 ms)"
echo "check ok: lock:x released after every run; fencing counter at $fence"
