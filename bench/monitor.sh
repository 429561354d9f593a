#!/usr/bin/env bash
# bench/monitor.sh — `ldp --version` start-up and `ldp monitor health` against
# `redis-cli info` (per-run means of batches of RUNS runs); then `ldp monitor
# memory --full` over N_KEYS keys against `ldp keys scan '*'` over the same
# keys, and each against the server's own busy time during its run. Not part
# of CI.
#
# Every timed run is checked: exit status, and its output (`ldp --version`
# starts with "ldp ", health's summary line says "LDP OK", redis-cli info
# has redis_version; the scan prints N_KEYS lines, counted inside the timing;
# memory --full -o json reports exact = true and measured_keys = N_KEYS). A
# failed check ends the script with exit 1.
#
# Environment: LDP, PYTHON, SAMPLES (5), RUNS (runs per sample of the
# millisecond commands, 20), N_KEYS (1000000).
set -euo pipefail
BENCH_NAME=monitor
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N_KEYS=${N_KEYS:-1000000}
RUNS=${RUNS:-20}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

start_redis
bench_header "ldp monitor benchmark (bench/monitor.sh)"

# --- start-up and health: a sample is the mean of RUNS runs, each checked ----------
echo
echo "-- ldp --version, ldp monitor health, redis-cli info on an empty server: $SAMPLES samples x $RUNS runs each"
version_runs() {
  local k out
  for ((k = 0; k < RUNS; k++)); do
    out=$("$LDP" --version)
    [[ $out == "ldp "* ]] || fail "ldp --version printed '$out'"
  done
}
health_runs() {
  local k out
  for ((k = 0; k < RUNS; k++)); do
    out=$("$LDP" -u "$URL" monitor health </dev/null)
    [[ $out == *$'\n'"LDP OK - "* ]] || fail "ldp monitor health did not end with LDP OK: $(tail -n 1 <<<"$out")"
  done
}
info_runs() {
  local k out
  for ((k = 0; k < RUNS; k++)); do
    out=$(rcli info)
    [[ $out == *"redis_version:"* ]] || fail "redis-cli info printed no redis_version"
  done
}
per_run() { awk -v t="$1" -v n="$RUNS" 'BEGIN{printf "%.6f", t / n}'; }
version_runs; health_runs; info_runs   # warm-up, checked too
for ((i = 1; i <= SAMPLES; i++)); do
  sample v_batch version_runs; add version "$(per_run "$LAST")"
  sample h_batch health_runs; add health "$(per_run "$LAST")"
  sample c_batch info_runs; add info "$(per_run "$LAST")"
done
echo "   check ok: every run exited 0 with the expected output"

# --- memory --full against keys scan -------------------------------------------
echo
echo "-- $N_KEYS keys (DEBUG POPULATE): ldp keys scan '*' | wc -l against ldp monitor memory --full -o json"
populate doc "$N_KEYS"
check "DBSIZE after seeding" "$(rcli DBSIZE)" "$N_KEYS"
scan_all() {
  local n
  n=$("$LDP" -u "$URL" keys scan '*' </dev/null | wc -l)
  check "ldp keys scan '*' | wc -l" "$n" "$N_KEYS"
}
memory_full() { "$LDP" -u "$URL" monitor memory --full -q -o json </dev/null >"$TMP/memory.json"; }
check_memory() {
  check "monitor memory --full: exact measured_keys total.keys" \
    "$("$PY" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(j["exact"], j["measured_keys"], j["total"]["keys"])' "$TMP/memory.json")" \
    "True $N_KEYS $N_KEYS"
}
for ((i = 1; i <= SAMPLES; i++)); do
  busy_reset "$PORT"
  sample scan scan_all
  ts=$LAST
  busy_read "$PORT"
  bs=$BUSY cs=$BUSY_CPU
  add scan_busy "$BUSY"; add scan_cpu "$BUSY_CPU"
  busy_reset "$PORT"
  sample memory memory_full
  busy_read "$PORT"
  add memory_busy "$BUSY"; add memory_cpu "$BUSY_CPU"
  check_memory
  printf '   run %d: keys scan %.3f s (server-busy %.3f s, CPU %.3f s) | memory --full %.3f s (server-busy %.3f s, CPU %.3f s)\n' \
    "$i" "$ts" "$bs" "$cs" "$LAST" "$BUSY" "$BUSY_CPU"
done
echo "   check ok: every scan printed $N_KEYS lines; every memory --full measured all $N_KEYS keys exactly"

# --- report ----------------------------------------------------------------------
echo
echo "== results: median [min-max] of $SAMPLES samples (targets, not enforced: --version < 10 ms, health < 50 ms and <= 5x redis-cli info, memory / scan <= 2.5x)"
echo "server-busy: the server's own time executing commands during ldp's run (INFO commandstats usec, wall clock);"
echo "server CPU: its CPU time over the same run (INFO cpu, user + sys), network I/O and parsing included."
printf '%-40s %s\n' \
  "ldp --version" "$(secs version 1000 ms) per run" \
  "ldp monitor health (default checks)" "$(secs health 1000 ms) per run   health / redis-cli info = $(ratio health info 1)" \
  "redis-cli info" "$(secs info 1000 ms) per run" \
  "ldp keys scan '*' | wc -l ($N_KEYS keys)" "$(secs scan)" \
  "  server-busy during the scan" "$(secs scan_busy)   scan / server-busy = $(ratio scan scan_busy)" \
  "  server CPU during the scan" "$(secs scan_cpu)   scan / server CPU = $(ratio scan scan_cpu)" \
  "ldp monitor memory --full" "$(secs memory)   memory / scan = $(ratio memory scan)" \
  "  server-busy during memory --full" "$(secs memory_busy)   memory / server-busy = $(ratio memory memory_busy)" \
  "  server CPU during memory --full" "$(secs memory_cpu)   memory / server CPU = $(ratio memory memory_cpu)"

echo
echo "| Operation | ldp | compared with | ratio |"
echo "|---|---:|---:|---:|"
echo "| \`ldp --version\` (per run) | $(secs version 1000 ms) | | |"
echo "| \`ldp monitor health\` (per run) | $(secs health 1000 ms) | \`redis-cli info\` $(secs info 1000 ms) | $(ratio health info 1) |"
echo "| \`keys scan '*'\`, $(grp "$N_KEYS") keys | $(secs scan) | server-busy $(secs scan_busy) | $(ratio scan scan_busy) |"
echo "| | | server CPU $(secs scan_cpu) | $(ratio scan scan_cpu) |"
echo "| \`monitor memory --full\`, $(grp "$N_KEYS") keys | $(secs memory) | server-busy $(secs memory_busy) | $(ratio memory memory_busy) |"
echo "| | | server CPU $(secs memory_cpu) | $(ratio memory memory_cpu) |"
echo "| \`monitor memory --full\` / \`keys scan '*'\` | | | $(ratio memory scan) |"
