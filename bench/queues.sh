#!/usr/bin/env bash
# bench/queues.sh — what `ldp monitor queues` costs for the pipeline's nine
# queues against the usual idiom, a loop of `redis-cli llen` over every
# priority list (9 queues x 4 steps = 36 keys), on a throwaway redis-server
# (free port, never 6379) holding the queues plus N_OTHER unrelated keys.
#
# Round trips are counted by the server itself: the delta of INFO stats
# `total_reads_processed` (one per read of a client socket: a pipeline that
# fits one read is one) and `total_commands_processed`, minus what the
# measuring INFO calls add. Times are the median of RUNS runs, wall clock.
# Not part of CI; exits non-zero only when ldp's depths are wrong.
#
# Environment: LDP (binary; default: cargo build --release), N_OTHER (200000
# keys besides the queues, so discovery's SCAN has a keyspace to walk),
# MSGS (messages per priority list, 100), RUNS (5).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N_OTHER=${N_OTHER:-200000}
MSGS=${MSGS:-100}
RUNS=${RUNS:-5}
die() { echo "queues.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-queues.XXXXXX")
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
eval "$(python3 "$HERE/refpass.py" freeport)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no \
  --enable-debug-command local --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PID=$!
python3 "$HERE/refpass.py" wait "$PORT" >/dev/null || die "redis-server did not start"
URL="redis://127.0.0.1:$PORT/0"
rcli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

QUEUES=(default ocr text entity graph cleanup batch.high batch.normal batch.low)
STEPS=(0 3 6 9)
SEP=$'\x06\x16'
KEYS=()
for q in "${QUEUES[@]}"; do
  for s in "${STEPS[@]}"; do
    if [[ $s == 0 ]]; then KEYS+=("$q"); else KEYS+=("$q$SEP$s"); fi
  done
done

# Seed: MSGS messages in every priority list, a few unacked, N_OTHER other keys.
python3 - "$MSGS" "${KEYS[@]}" >"$TMP/seed.resp" <<'EOF'
import sys, time
msgs, keys = int(sys.argv[1]), sys.argv[2:]
def cmd(*a):
    out = [b"*%d\r\n" % len(a)]
    for x in a:
        x = x if isinstance(x, bytes) else str(x).encode("latin-1")
        out.append(b"$%d\r\n%s\r\n" % (len(x), x))
    return b"".join(out)
w = sys.stdout.buffer
for k in keys:
    for i in range(msgs):
        w.write(cmd("LPUSH", k.encode("latin-1"), '{"body": "e30=", "n": %d}' % i))
for i in range(10):
    tag = "tag-%d" % i
    w.write(cmd("HSET", "unacked", tag, '[{"properties": {}}, "", "ocr"]'))
    w.write(cmd("ZADD", "unacked_index", "%.6f" % (time.time() - 60 * i), tag))
EOF
rcli --pipe <"$TMP/seed.resp" >/dev/null
rcli DEBUG POPULATE "$N_OTHER" other >/dev/null
echo "== ldp monitor queues benchmark: $(nproc) cores, redis $(redis-server --version | awk '{print $3}'), $(rcli DBSIZE) keys"
echo "   36 priority lists x $MSGS messages, 10 unacked, $N_OTHER other keys"

stat() { rcli INFO stats | tr -d '\r' | awk -F: -v k="$1" '$1 == k {print $2}'; }
# Reads and commands of one run of "$@", less what the measuring INFOs cost.
measure() {
  local r0 c0 r1 c1
  r0=$(stat total_reads_processed); c0=$(stat total_commands_processed)
  "$@" >/dev/null
  r1=$(stat total_reads_processed); c1=$(stat total_commands_processed)
  echo "$((r1 - r0 - BASE_R)) $((c1 - c0 - BASE_C))"
}
BASE_R=0; BASE_C=0
read -r BASE_R BASE_C < <(measure true)
now() { echo "$EPOCHREALTIME"; }
# Median wall time of RUNS runs of "$@".
timed() {
  local i t0 ts=()
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now); "$@" >/dev/null; ts+=("$(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.4f", b-a}')")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'
}

ldp_fast() { "$LDP" -u "$URL" monitor queues --no-discover -o json; }
ldp_full() { "$LDP" -u "$URL" monitor queues -o json; }
llen_loop() { for k in "${KEYS[@]}"; do rcli LLEN "$k"; done; }
llen_one_conn() { for k in "${KEYS[@]}"; do printf 'LLEN "%s"\n' "${k//$SEP/\\x06\\x16}"; done | rcli; }

# Correctness: ldp's depths are the lists' lengths.
FAILS=0
want=$((MSGS * 4))
got=$(ldp_fast | python3 -c 'import json,sys; j=json.load(sys.stdin); print(" ".join(str(q["ready"]) for q in j["queues"]), j["unacked"])')
[[ $got == "$(printf "$want %.0s" {1..9})10" ]] || { echo "FAIL: ldp depths/unacked: $got (want $want per queue, 10 unacked)"; FAILS=1; }
sum=$(llen_loop | awk '{s+=$1} END{print s}')
[[ $sum == $((want * 9)) ]] || { echo "FAIL: redis-cli loop sum $sum"; FAILS=1; }

read -r R1 C1 < <(measure ldp_fast)
read -r R2 C2 < <(measure ldp_full)
read -r R3 C3 < <(measure llen_loop)
read -r R4 C4 < <(measure llen_one_conn)
T1=$(timed ldp_fast); T2=$(timed ldp_full); T3=$(timed llen_loop); T4=$(timed llen_one_conn)

echo
printf '%-58s %6s %9s %9s\n' "method (9 queues, 36 priority lists)" reads commands time
printf '%-58s %6s %9s %8ss\n' "ldp monitor queues --no-discover" "$R1" "$C1" "$T1"
printf '%-58s %6s %9s %8ss\n' "ldp monitor queues (+ SCAN _kombu.binding.* discovery)" "$R2" "$C2" "$T2"
printf '%-58s %6s %9s %8ss\n' "36 x redis-cli llen (a process and connection each)" "$R3" "$C3" "$T3"
printf '%-58s %6s %9s %8ss\n' "redis-cli, 36 LLEN in one connection, one at a time" "$R4" "$C4" "$T4"
echo
echo "reads: client-socket reads the server made (one per round trip when a request"
echo "fits one read); ldp's include connection set-up and INFO (cluster detection)."
echo "ldp's commands: INFO (cluster detection), then 36 LLEN + 9 SMEMBERS + HGETALL +"
echo "ZRANGE + ZCOUNT in one pipeline; discovery adds its SCAN calls and one SMEMBERS round."
awk -v a="$T3" -v b="$T1" 'BEGIN{printf "redis-cli loop / ldp: %.0fx the time\n", a/b}'
exit "$FAILS"
