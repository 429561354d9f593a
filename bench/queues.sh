#!/usr/bin/env bash
# bench/queues.sh — what `ldp monitor queues` costs for the pipeline's nine
# queues against the usual idiom, a loop of `redis-cli llen` over every
# priority list (9 queues x 4 steps = 36 keys), on a throwaway redis-server
# (free port, never 6379) holding the queues plus N_OTHER unrelated keys.
#
# Round trips are counted by the server itself: the delta of INFO stats
# `total_reads_processed` (one per read of a client socket: a pipeline that
# fits one read is one) and `total_commands_processed`, minus what the
# measuring INFO calls add (one untimed run per method). Times: SAMPLES runs
# per method, interleaved, median [min-max]. Not part of CI.
#
# Every run, timed or counted, is checked: exit status, and its depths (ldp's
# JSON: MSGS x 4 ready in each of the nine queues and 10 unacked; redis-cli:
# MSGS for each of the 36 lists). A failed check ends the script with exit 1.
#
# Environment: LDP, PYTHON, SAMPLES (5), N_OTHER (200000 keys besides the
# queues, so discovery's SCAN has a keyspace to walk), MSGS (messages per
# priority list, 100).
set -euo pipefail
BENCH_NAME=queues
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N_OTHER=${N_OTHER:-200000}
MSGS=${MSGS:-100}

start_redis

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
"$PY" - "$MSGS" "${KEYS[@]}" >"$TMP/seed.resp" <<'PY'
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
PY
out=$(rcli --pipe <"$TMP/seed.resp")
[[ $out == *"errors: 0,"* ]] || die "seeding failed: $out"
populate other "$N_OTHER"
check "DBSIZE after seeding" "$(rcli DBSIZE)" $((36 + 2 + N_OTHER))
bench_header "ldp monitor queues benchmark (bench/queues.sh)"
echo "   36 priority lists x $MSGS messages, 10 unacked, $N_OTHER other keys: $(rcli DBSIZE) keys"

# The four methods; each writes what it read to $TMP/out for its check.
ldp_fast() { "$LDP" -u "$URL" monitor queues --no-discover -o json </dev/null >"$TMP/out"; }
ldp_full() { "$LDP" -u "$URL" monitor queues -o json </dev/null >"$TMP/out"; }
llen_loop() { local k; for k in "${KEYS[@]}"; do rcli LLEN "$k"; done >"$TMP/out"; }
llen_one_conn() {
  local k
  for k in "${KEYS[@]}"; do printf 'LLEN "%s"\n' "${k//$SEP/\\x06\\x16}"; done | rcli >"$TMP/out"
}
WANT=$((MSGS * 4))
check_ldp() {
  check "$1: ready per queue, unacked" \
    "$("$PY" -c 'import json,sys; j=json.load(open(sys.argv[1])); print(" ".join(str(q["ready"]) for q in j["queues"]), j["unacked"])' "$TMP/out")" \
    "$(printf "$WANT %.0s" {1..9})10"
}
check_llen() {
  check "$1: lines" "$(wc -l <"$TMP/out")" 36
  check "$1: lists whose length is not $MSGS" "$(awk -v m="$MSGS" '$1 != m {b++} END {printf "%d", b}' "$TMP/out")" 0
}
METHODS=(ldp_fast ldp_full llen_loop llen_one_conn)
declare -A CHECK=([ldp_fast]=check_ldp [ldp_full]=check_ldp [llen_loop]=check_llen [llen_one_conn]=check_llen)

stat() { rcli INFO stats | tr -d '\r' | awk -F: -v k="$1" '$1 == k {print $2}'; }
# measure FN: sets R and C, the reads and commands of one run of FN, less what
# the measuring INFOs cost (BASE_R, BASE_C: measured around `true`).
measure() {
  local r0 c0 r1 c1
  r0=$(stat total_reads_processed); c0=$(stat total_commands_processed)
  "$@"
  r1=$(stat total_reads_processed); c1=$(stat total_commands_processed)
  R=$((r1 - r0 - BASE_R)) C=$((c1 - c0 - BASE_C))
}
BASE_R=0 BASE_C=0
measure true
BASE_R=$R BASE_C=$C
declare -A READS=() CMDS=()
for m in "${METHODS[@]}"; do
  measure "$m"
  "${CHECK[$m]}" "$m"
  READS[$m]=$R CMDS[$m]=$C
done
for ((i = 1; i <= SAMPLES; i++)); do
  line="   run $i:"
  for m in "${METHODS[@]}"; do
    sample "$m" "$m"
    "${CHECK[$m]}" "$m"
    line+=$(printf ' %s %.4f s' "$m" "$LAST")
  done
  echo "$line"
done
echo "   check ok: every run of every method read $MSGS messages from each of the 36 lists (ldp: $WANT a queue, 10 unacked)"

echo
echo "== results: time median [min-max] of $SAMPLES runs; reads and commands of one run"
printf '%-58s %6s %9s   %s\n' "method (9 queues, 36 priority lists)" reads commands time
row() { printf '%-58s %6s %9s   %s\n' "$2" "${READS[$1]}" "${CMDS[$1]}" "$(secs "$1" 1000 ms)"; }
row ldp_fast "ldp monitor queues --no-discover"
row ldp_full "ldp monitor queues (+ SCAN _kombu.binding.* discovery)"
row llen_loop "36 x redis-cli llen (a process and connection each)"
row llen_one_conn "redis-cli, 36 LLEN in one connection, one at a time"
echo
echo "reads: client-socket reads the server made (one per round trip when a request"
echo "fits one read); ldp's include connection set-up and INFO (cluster detection)."
echo "ldp's commands: INFO (cluster detection), then 36 LLEN + 9 SMEMBERS + HGETALL +"
echo "ZRANGE + ZCOUNT in one pipeline; discovery adds its SCAN calls and one SMEMBERS round."
echo "redis-cli loop / ldp --no-discover: $(ratio llen_loop ldp_fast 0) the time"

echo
echo "| Method | reads | commands | time |"
echo "|---|---:|---:|---:|"
echo "| \`ldp monitor queues --no-discover\` | ${READS[ldp_fast]} | ${CMDS[ldp_fast]} | $(secs ldp_fast 1000 ms) |"
echo "| \`ldp monitor queues\` (with the \`_kombu.binding.*\` discovery SCAN) | ${READS[ldp_full]} | ${CMDS[ldp_full]} | $(secs ldp_full 1000 ms) |"
echo "| 36 x \`redis-cli llen\` (a process and connection each) | ${READS[llen_loop]} | ${CMDS[llen_loop]} | $(secs llen_loop 1000 ms) |"
echo "| \`redis-cli\`, 36 \`LLEN\` in one connection, one at a time | ${READS[llen_one_conn]} | ${CMDS[llen_one_conn]} | $(secs llen_one_conn 1000 ms) |"
echo "| redis-cli loop / ldp \`--no-discover\` | | | $(ratio llen_loop ldp_fast 0) |"
