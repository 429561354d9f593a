#!/usr/bin/env bash
# bench/keys.sh — `ldp keys scan` and `ldp keys delete` against the redis-cli
# idioms, and against the server's own busy time during ldp's run, on a
# throwaway redis-server seeded with DEBUG POPULATE. Not part of CI; see
# bench/README.md.
#
# Every timed run is checked: its exit status (set -e, pipefail) and its
# count (scan: the lines it printed, counted inside the timing; delete: ldp's
# own `deleted` count and DBSIZE afterwards, the idiom's summed UNLINK
# replies). A failed check ends the script with exit 1. Performance targets
# are printed, not enforced.
#
# Environment:
#   LDP      ldp binary (default: cargo build --release, target/release/ldp)
#   PYTHON   Python 3 for the helpers (default python3)
#   SAMPLES  timed runs per side, interleaved (5)
#   N_MATCH  keys matching doc:* in the scan benchmark      (1000000)
#   N_OTHER  other keys in the scan benchmark               (200000)
#   N_DEL    keys matching del:* in the delete benchmark    (200000)
#   N_KEEP   other keys in the delete benchmark             (1000000)
set -euo pipefail
BENCH_NAME=keys
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N_MATCH=${N_MATCH:-1000000}
N_OTHER=${N_OTHER:-200000}
N_DEL=${N_DEL:-200000}
N_KEEP=${N_KEEP:-1000000}
XARGS_N=500   # keys per redis-cli unlink in the xargs idiom
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 ||
  die "GNU time (/usr/bin/time -v) is needed for peak RSS: apt-get install time"

start_redis
bench_header "ldp keys benchmark (bench/keys.sh)"

# --- scan ----------------------------------------------------------------------
SCAN_TOTAL=$((N_MATCH + N_OTHER))
echo
echo "-- scan: $N_MATCH doc:* + $N_OTHER other:* keys; each side's output counted with wc -l inside the timing"
reseed "$SCAN_TOTAL" doc "$N_MATCH" other "$N_OTHER"

# Untimed run: peak RSS, and the exact output (distinct keys, all doc:*).
/usr/bin/time -v -o "$TMP/scan.time" "$LDP" -u "$URL" keys scan 'doc:*' </dev/null >"$TMP/scan.out"
check "keys scan (RSS run): lines" "$(wc -l <"$TMP/scan.out")" "$N_MATCH"
check "keys scan (RSS run): distinct keys" "$(sort -u "$TMP/scan.out" | wc -l)" "$N_MATCH"
check "keys scan (RSS run): lines not matching ^doc:" "$(grep -vc '^doc:' "$TMP/scan.out" || true)" 0
RSS_SCAN=$(rss_mib "$TMP/scan.time")
rm -f "$TMP/scan.out"
echo "   check ok: an untimed run printed exactly the $N_MATCH doc:* keys, each once; peak RSS $RSS_SCAN MiB"

ldp_scan() {
  local n
  n=$("$LDP" -u "$URL" keys scan 'doc:*' </dev/null | wc -l)
  check "ldp keys scan 'doc:*' | wc -l" "$n" "$N_MATCH"
}
cli_scan() {
  local n
  n=$(rcli --scan --pattern 'doc:*' | wc -l)
  check "redis-cli --scan --pattern 'doc:*' | wc -l" "$n" "$N_MATCH"
}
for ((i = 1; i <= SAMPLES; i++)); do
  busy_reset "$PORT"
  sample scan_ldp ldp_scan
  t_ldp=$LAST
  busy_read "$PORT"
  add scan_busy "$BUSY"; add scan_cpu "$BUSY_CPU"
  sample scan_cli cli_scan
  printf '   run %d: ldp %.3f s (server-busy %.3f s, server CPU %.3f s) | redis-cli --scan %.3f s\n' "$i" "$t_ldp" "$BUSY" "$BUSY_CPU" "$LAST"
done
echo "   check ok: $SAMPLES x ldp and $SAMPLES x redis-cli --scan each printed $N_MATCH lines, exit 0"

# --- delete --------------------------------------------------------------------
DEL_TOTAL=$((N_DEL + N_KEEP))
echo
echo "-- delete: $N_DEL del:* + $N_KEEP keep:* keys, FLUSHALL and reseeded before every run"
ldp_delete() { "$LDP" -u "$URL" keys delete 'del:*' --yes -o json </dev/null >"$TMP/delete.json"; }
cli_delete() {
  local n
  n=$(rcli --scan --pattern 'del:*' | xargs -n "$XARGS_N" redis-cli -h 127.0.0.1 -p "$PORT" unlink |
    awk '{s += $1} END {printf "%d", s}')
  check "redis-cli --scan | xargs redis-cli unlink: keys unlinked" "$n" "$N_DEL"
}
json_field() { "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
for ((i = 1; i <= SAMPLES; i++)); do
  reseed "$DEL_TOTAL" del "$N_DEL" keep "$N_KEEP"
  busy_reset "$PORT"
  sample del_ldp ldp_delete
  t_ldp=$LAST
  busy_read "$PORT"
  add del_busy "$BUSY"; add del_cpu "$BUSY_CPU"
  check "ldp keys delete: deleted" "$(json_field "$TMP/delete.json" deleted)" "$N_DEL"
  check "ldp keys delete: interrupted" "$(json_field "$TMP/delete.json" interrupted)" False
  check "DBSIZE after ldp keys delete" "$(data_keys)" "$N_KEEP"
  reseed "$DEL_TOTAL" del "$N_DEL" keep "$N_KEEP"
  sample del_cli cli_delete
  check "DBSIZE after the xargs idiom" "$(data_keys)" "$N_KEEP"
  printf '   run %d: ldp %.3f s (server-busy %.3f s, server CPU %.3f s) | xargs idiom %.3f s\n' "$i" "$t_ldp" "$BUSY" "$BUSY_CPU" "$LAST"
done
echo "   check ok: every ldp run reported deleted=$N_DEL and every idiom run unlinked $N_DEL; DBSIZE $N_KEEP after each"

# --- report --------------------------------------------------------------------
echo
echo "== results: median [min-max] of $SAMPLES runs (targets, not enforced: idiom / ldp >= 5x, ldp / server-busy <= 1.5x, scan RSS < 64 MiB)"
echo "server-busy: the server's own time executing commands during ldp's run (CONFIG RESETSTAT before,"
echo "sum of usec over INFO commandstats after, wall clock inside commands); it leaves out network I/O and parsing."
echo "server CPU: the server's CPU time (INFO cpu, user + sys) over the same run, I/O and parsing included."
printf '%-52s %s\n' \
  "scan: ldp keys scan 'doc:*' | wc -l" "$(secs scan_ldp)" \
  "scan: server-busy during ldp's run" "$(secs scan_busy)   ldp / server-busy = $(ratio scan_ldp scan_busy)" \
  "scan: server CPU during ldp's run" "$(secs scan_cpu)   ldp / server CPU = $(ratio scan_ldp scan_cpu)" \
  "scan: redis-cli --scan --pattern 'doc:*' | wc -l" "$(secs scan_cli)   redis-cli / ldp = $(ratio scan_cli scan_ldp 1)" \
  "scan: ldp peak RSS" "$RSS_SCAN MiB" \
  "delete: ldp keys delete 'del:*' --yes" "$(secs del_ldp)" \
  "delete: server-busy during ldp's run" "$(secs del_busy)   ldp / server-busy = $(ratio del_ldp del_busy)" \
  "delete: server CPU during ldp's run" "$(secs del_cpu)   ldp / server CPU = $(ratio del_ldp del_cpu)" \
  "delete: redis-cli --scan | xargs -n $XARGS_N unlink" "$(secs del_cli)   idiom / ldp = $(ratio del_cli del_ldp 1)"

echo
echo "| Operation | Keys | ldp | server-busy during ldp | ldp / server-busy | server CPU during ldp | redis-cli idiom | idiom / ldp |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
echo "| \`keys scan 'doc:*'\` vs \`redis-cli --scan\` | $(grp "$N_MATCH") of $(grp "$SCAN_TOTAL") | $(secs scan_ldp) | $(secs scan_busy) | $(ratio scan_ldp scan_busy) | $(secs scan_cpu) | $(secs scan_cli) | $(ratio scan_cli scan_ldp 1) |"
echo "| \`keys delete 'del:*' --yes\` vs \`--scan \\| xargs -n $XARGS_N unlink\` | $(grp "$N_DEL") of $(grp "$DEL_TOTAL") | $(secs del_ldp) | $(secs del_busy) | $(ratio del_ldp del_busy) | $(secs del_cpu) | $(secs del_cli) | $(ratio del_cli del_ldp 1) |"
echo "| \`keys scan\` peak RSS | $(grp "$N_MATCH") | $RSS_SCAN MiB | | | | | |"
