#!/usr/bin/env bash
# bench/lock.sh — (1) the per-run overhead of `ldp lock run x -- true` over
# `flock FILE true`, and (2) `ldp lock list` over N_LOCKS locks among LOCK_OTHER
# other keys against `ldp keys scan '*lock*'` (the same walk: lock list's one
# SCAN is MATCH *lock*) and against the server's own busy time during its
# run. On a throwaway redis-server (free port, never 6379). Not part of CI.
#
# (1) A sample is a batch of RUNS runs of one command timed together (per-run
# mean), the two commands' batches interleaved. Every run's exit status is
# checked (set -e), and after every ldp batch the fencing counter must have
# risen by exactly RUNS (one acquire per run) and lock:x must be gone.
# (2) Every timed run is checked: lock list's JSON must hold exactly the
# N_LOCKS seeded locks; the scan's output is counted inside the timing.
# A failed check ends the script with exit 1.
#
# Environment: LDP, PYTHON, SAMPLES (5), RUNS (runs per sample, 20),
# N_LOCKS (100), LOCK_OTHER (1000000).
set -euo pipefail
BENCH_NAME=lock
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${RUNS:-20}
N_LOCKS=${N_LOCKS:-100}
LOCK_OTHER=${LOCK_OTHER:-1000000}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
need flock

start_redis
bench_header "ldp lock benchmark (bench/lock.sh)"

# --- lock run against flock ------------------------------------------------------
echo
echo "-- ldp lock run x -- true against flock FILE true: $SAMPLES samples x $RUNS runs each, interleaved"
LOCKFILE="$TMP/x.lock"
FENCE='ldp:fence:{lock:x}'
fence() { local v; v=$(rcli GET "$FENCE"); echo "${v:-0}"; }
ldp_runs() {
  local k
  for ((k = 0; k < RUNS; k++)); do "$LDP" -u "$URL" lock run x -- true </dev/null; done
}
flock_runs() {
  local k
  for ((k = 0; k < RUNS; k++)); do flock "$LOCKFILE" true; done
}
check_ldp_batch() { # FENCE_BEFORE
  check "fencing counter after $RUNS x ldp lock run" "$(fence)" $(($1 + RUNS))
  check "EXISTS lock:x after the runs" "$(rcli EXISTS lock:x)" 0
}
per_run() { awk -v t="$1" -v n="$RUNS" 'BEGIN{printf "%.6f", t / n}'; }
f0=$(fence); ldp_runs; check_ldp_batch "$f0"; flock_runs   # warm-up, checked too
for ((i = 1; i <= SAMPLES; i++)); do
  f0=$(fence)
  sample ldp_batch ldp_runs
  check_ldp_batch "$f0"
  add ldp_run "$(per_run "$LAST")"
  t_ldp=$LAST
  sample flock_batch flock_runs
  add flock_run "$(per_run "$LAST")"
  printf '   sample %d: ldp lock run %.3f ms/run | flock %.3f ms/run\n' "$i" \
    "$(awk -v t="$t_ldp" -v n="$RUNS" 'BEGIN{print t / n * 1000}')" "$(awk -v t="$LAST" -v n="$RUNS" 'BEGIN{print t / n * 1000}')"
done
mapfile -t LR < <(printf '%s\n' ${S[ldp_run]})
mapfile -t FR < <(printf '%s\n' ${S[flock_run]})
for ((i = 0; i < SAMPLES; i++)); do add overhead "$(awk -v a="${LR[i]}" -v b="${FR[i]}" 'BEGIN{printf "%.6f", a - b}')"; done
echo "   check ok: every run exited 0; after every ldp batch the fencing counter rose by $RUNS and lock:x was gone (now $(fence))"

# --- lock list against keys scan -------------------------------------------------
echo
echo "-- ldp lock list over $N_LOCKS locks among $LOCK_OTHER other keys, against ldp keys scan '*lock*' | wc -l"
rcli DEL "$FENCE" >/dev/null   # it matches *lock* too
populate other "$LOCK_OTHER"
for ((k = 0; k < N_LOCKS; k++)); do printf 'SET lock:bench:%d %032x PX 3600000\n' "$k" "$k"; done | rcli >/dev/null
check "DBSIZE after seeding" "$(rcli DBSIZE)" $((LOCK_OTHER + N_LOCKS))
lock_list() { "$LDP" -u "$URL" lock list -o json </dev/null >"$TMP/locks.json"; }
check_list() {
  check "lock list: locks listed" \
    "$("$PY" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(len(j), sum(1 for l in j if l["key"].startswith("lock:bench:")))' "$TMP/locks.json")" \
    "$N_LOCKS $N_LOCKS"
}
scan_locks() {
  local n
  n=$("$LDP" -u "$URL" keys scan '*lock*' </dev/null | wc -l)
  check "ldp keys scan '*lock*' | wc -l" "$n" "$N_LOCKS"
}
for ((i = 1; i <= SAMPLES; i++)); do
  busy_reset "$PORT"
  sample list lock_list
  t_list=$LAST
  busy_read "$PORT"
  add list_busy "$BUSY"; add list_cpu "$BUSY_CPU"
  check_list
  sample scan scan_locks
  printf '   run %d: lock list %.3f s (server-busy %.3f s, CPU %.3f s) | keys scan %.3f s\n' "$i" "$t_list" "$BUSY" "$BUSY_CPU" "$LAST"
done
echo "   check ok: every lock list run listed exactly the $N_LOCKS locks; every scan printed $N_LOCKS keys"

# --- report -----------------------------------------------------------------------
echo
echo "== results: median [min-max] of $SAMPLES samples (target, not enforced: lock run overhead < 20 ms)"
printf '%-44s %s\n' \
  "ldp lock run x -- true" "$(secs ldp_run 1000 ms) per run" \
  "flock FILE true" "$(secs flock_run 1000 ms) per run" \
  "overhead of ldp (per sample: ldp - flock)" "$(secs overhead 1000 ms) per run" \
  "ldp lock list ($N_LOCKS of $((LOCK_OTHER + N_LOCKS)) keys)" "$(secs list)   lock list / keys scan = $(ratio list scan)" \
  "  server-busy during lock list" "$(secs list_busy)   lock list / server-busy = $(ratio list list_busy)" \
  "  server CPU during lock list" "$(secs list_cpu)   lock list / server CPU = $(ratio list list_cpu)" \
  "ldp keys scan '*lock*' | wc -l" "$(secs scan)"
echo
echo "ldp lock run covers the whole command: start-up, connect (and INFO to detect a cluster), the"
echo "acquire script and fencing INCR, spawn and wait for true, the release script."

echo
echo "| Operation | ldp | compared with | ratio / difference |"
echo "|---|---:|---:|---:|"
echo "| \`lock run x -- true\` (per run) | $(secs ldp_run 1000 ms) | \`flock FILE true\` $(secs flock_run 1000 ms) | overhead $(secs overhead 1000 ms) |"
echo "| \`lock list\`, $N_LOCKS locks among $(grp "$LOCK_OTHER") keys | $(secs list) | \`keys scan '*lock*'\` $(secs scan) | $(ratio list scan) |"
echo "| | | server-busy $(secs list_busy) | $(ratio list list_busy) |"
