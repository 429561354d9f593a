#!/usr/bin/env bash
# bench/keys.sh — compare `ldp keys scan` / `ldp keys delete` against the
# usual redis-cli idioms and against a server-side floor, on a throwaway
# redis-server seeded with DEBUG POPULATE. Prints figures and ratios; it does
# not assert performance targets. It exits non-zero only if a correctness
# check fails (wrong key count, wrong DBSIZE after a delete, a command failed).
#
# Not part of CI. See bench/README.md.
#
# Environment:
#   LDP          ldp binary to benchmark (default: build with
#                `cargo build --release` and use target/release/ldp)
#   N_MATCH      keys matching doc:* in the scan benchmark      (1000000)
#   N_OTHER      other keys in the scan benchmark               (200000)
#   N_DEL        keys matching del:* in the delete benchmark    (200000)
#   N_KEEP       other keys in the delete benchmark             (1000000)
#   LDP_TIMEOUT  seconds before an ldp run is killed            (600)
set -euo pipefail
export LC_ALL=C   # '.' as decimal separator in $EPOCHREALTIME and awk

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
REFPASS="$HERE/refpass.py"

N_MATCH=${N_MATCH:-1000000}
N_OTHER=${N_OTHER:-200000}
N_DEL=${N_DEL:-200000}
N_KEEP=${N_KEEP:-1000000}
LDP_TIMEOUT=${LDP_TIMEOUT:-600}
VALUE_SIZE=10
FLOOR_COUNT=10000   # SCAN COUNT of the reference pass
FLOOR_BATCH=1000    # keys per UNLINK in the reference pass
XARGS_N=500         # keys per redis-cli unlink in the xargs idiom

die() { echo "keys.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk timeout; do
  command -v "$tool" >/dev/null || die "$tool not found in PATH"
done

if [[ -z "${LDP:-}" ]]; then
  echo "building ldp (cargo build --release) ..." >&2
  (cd "$REPO" && cargo build --release) >&2
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir = /* ]] || target_dir="$REPO/$target_dir"
  LDP="$target_dir/release/ldp"
fi
[[ -x $LDP ]] || LDP=$(command -v "$LDP") || die "ldp binary not found: $LDP"

GNU_TIME=/usr/bin/time
if ! "$GNU_TIME" -v true >/dev/null 2>&1; then
  echo "note: GNU time (/usr/bin/time -v) not available; peak RSS will be n/a" >&2
  GNU_TIME=""
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench.XXXXXX")
SERVER_PID=""
PORT=""
URL=""

stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() {
  eval "$(python3 "$REFPASS" freeport)"   # sets PORT (never 6379)
  redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --enable-debug-command local --dir "$TMP" --daemonize no \
    >"$TMP/redis-$PORT.log" 2>&1 &
  SERVER_PID=$!
  if ! python3 "$REFPASS" wait "$PORT" >/dev/null; then
    cat "$TMP/redis-$PORT.log" >&2
    die "redis-server did not start on port $PORT"
  fi
  URL="redis://127.0.0.1:$PORT/0"
}

rcli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

# populate PREFIX COUNT: creates PREFIX:0 .. PREFIX:COUNT-1
populate() {
  local out
  out=$(rcli DEBUG POPULATE "$2" "$1" "$VALUE_SIZE")
  [[ $out == OK ]] || die "DEBUG POPULATE $2 $1 failed: $out"
}

# fresh_server EXPECTED_DBSIZE PREFIX COUNT [PREFIX COUNT ...]
fresh_server() {
  local expect=$1; shift
  stop_server
  start_server
  while (($#)); do populate "$1" "$2"; shift 2; done
  local size; size=$(rcli DBSIZE)
  [[ $size == "$expect" ]] || die "seeding gave DBSIZE $size, expected $expect"
}

# Floats: all arithmetic through awk.
sub()   { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.6f", a-b}'; }
usec_s(){ awk -v u="$1" 'BEGIN{printf "%.6f", u/1e6}'; }
f3()    { awk -v x="$1" 'BEGIN{printf "%.3f", x}'; }
# ratio A B DECIMALS -> A/B, or n/a when B is 0 / not a number
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" \
            'BEGIN{ if (b+0 > 0 && a != "n/a") printf "%.*fx", d, a/b; else printf "n/a" }'; }
grp()   { awk -v n="$1" 'BEGIN{s=sprintf("%d",n); o=""; while (length(s)>3){o="," substr(s,length(s)-2) o; s=substr(s,1,length(s)-3)} printf "%s%s", s, o}'; }

# timed VAR cmd args... : run cmd, store wall seconds in VAR, return its status
timed() {
  local __var=$1; shift
  local t0 t1 rc=0
  t0=$EPOCHREALTIME
  "$@" || rc=$?
  t1=$EPOCHREALTIME
  printf -v "$__var" '%s' "$(sub "$t1" "$t0")"
  return "$rc"
}

FAILS=()
check() { # check DESCRIPTION GOT WANT
  if [[ $2 == "$3" ]]; then
    echo "  check ok:   $1 = $2"
  else
    echo "  check FAIL: $1 = $2, expected $3"
    FAILS+=("$1 = $2, expected $3")
  fi
}
fail_cmd() { # fail_cmd DESCRIPTION STATUS STDERR_FILE
  echo "  check FAIL: $1 exited with status $2"
  [[ -s $3 ]] && sed 's/^/    | /' "$3" | tail -n 5
  FAILS+=("$1 exited with status $2")
}

ldp() { timeout "$LDP_TIMEOUT" "$LDP" "$@" </dev/null; }

# ---------------------------------------------------------------------------
echo "== ldp keys benchmark: $(nproc) cores, $(redis-server --version | awk '{print $3}'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "   ldp: $LDP ($("$LDP" --version 2>/dev/null | head -n1 || true); repo $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?'))"

# --- 1+2. SCAN ---------------------------------------------------------------
SCAN_TOTAL=$((N_MATCH + N_OTHER))
echo
echo "-- scan: seeding $N_MATCH doc:* + $N_OTHER other:* keys"
fresh_server "$SCAN_TOTAL" doc "$N_MATCH" other "$N_OTHER"

# Correctness + peak RSS run (also warms the binary); output kept for counting.
rc=0
if [[ -n $GNU_TIME ]]; then
  timeout "$LDP_TIMEOUT" "$GNU_TIME" -v -o "$TMP/ldp-scan.time" \
    "$LDP" -u "$URL" keys scan 'doc:*' </dev/null >"$TMP/ldp-scan.out" 2>"$TMP/ldp-scan.err" || rc=$?
else
  ldp -u "$URL" keys scan 'doc:*' >"$TMP/ldp-scan.out" 2>"$TMP/ldp-scan.err" || rc=$?
fi
((rc == 0)) || fail_cmd "ldp keys scan (RSS run)" "$rc" "$TMP/ldp-scan.err"
check "ldp scan output lines" "$(wc -l <"$TMP/ldp-scan.out")" "$N_MATCH"
check "ldp scan distinct keys" "$(sort -u "$TMP/ldp-scan.out" | wc -l)" "$N_MATCH"
check "ldp scan lines not matching ^doc:" "$(grep -cv '^doc:' "$TMP/ldp-scan.out" || true)" 0
RSS_MIB=n/a
if ((rc == 0)) && [[ -n $GNU_TIME && -s $TMP/ldp-scan.time ]]; then
  rss_kib=$(awk -F': *' '/Maximum resident set size/{print $2}' "$TMP/ldp-scan.time")
  [[ -n $rss_kib ]] && RSS_MIB=$(awk -v k="$rss_kib" 'BEGIN{printf "%.1f", k/1024}')
fi
rm -f "$TMP/ldp-scan.out"

# Timed ldp run.
T_LDP_SCAN=n/a
timed t ldp -u "$URL" keys scan 'doc:*' >/dev/null 2>"$TMP/ldp-scan.err" \
  && T_LDP_SCAN=$t || fail_cmd "ldp keys scan (timed run)" "$?" "$TMP/ldp-scan.err"

# redis-cli --scan (default COUNT 10).
cli_scan() { rcli --scan --pattern 'doc:*' >/dev/null; }
timed T_CLI_SCAN cli_scan || fail_cmd "redis-cli --scan" "$?" /dev/null

# Floor: server-side usec of SCAN MATCH doc:* COUNT 10000 to cursor 0.
eval "$(python3 "$REFPASS" scan "$PORT" 'doc:*' "$FLOOR_COUNT" | sed 's/^/FS_/')"
check "reference pass distinct keys" "$FS_KEYS_DISTINCT" "$N_MATCH"
T_FLOOR_SCAN=$(usec_s "$FS_FLOOR_USEC")
echo "  floor detail: $FS_SCAN_CALLS SCAN calls, $FS_SCAN_USEC usec in server (reference client wall $(f3 "$FS_CLIENT_WALL")s)"

# --- 3. DELETE -------------------------------------------------------------
DEL_TOTAL=$((N_DEL + N_KEEP))
echo
echo "-- delete: each run on a fresh server seeded with $N_DEL del:* + $N_KEEP keep:* keys"

# remaining_del: number of del:* keys still present (fast pass, COUNT 10000)
remaining_del() { python3 "$REFPASS" scan "$PORT" 'del:*' "$FLOOR_COUNT" | awk -F= '$1=="KEYS_DISTINCT"{print $2}'; }

fresh_server "$DEL_TOTAL" del "$N_DEL" keep "$N_KEEP"
T_LDP_DEL=n/a
if timed t ldp -u "$URL" keys delete 'del:*' --yes >"$TMP/ldp-delete.out" 2>"$TMP/ldp-delete.err"; then
  T_LDP_DEL=$t
else
  fail_cmd "ldp keys delete" "$?" "$TMP/ldp-delete.err"
fi
summary=$(tail -n 1 "$TMP/ldp-delete.out" 2>/dev/null || true)
[[ -n $summary ]] && echo "  ldp summary: $summary"
check "DBSIZE after ldp keys delete" "$(rcli DBSIZE)" "$N_KEEP"
check "del:* left after ldp keys delete" "$(remaining_del)" 0

fresh_server "$DEL_TOTAL" del "$N_DEL" keep "$N_KEEP"
cli_delete() {
  rcli --scan --pattern 'del:*' | xargs -n "$XARGS_N" redis-cli -h 127.0.0.1 -p "$PORT" unlink >/dev/null
}
timed T_CLI_DEL cli_delete || fail_cmd "redis-cli --scan | xargs redis-cli unlink" "$?" /dev/null
check "DBSIZE after xargs idiom" "$(rcli DBSIZE)" "$N_KEEP"

fresh_server "$DEL_TOTAL" del "$N_DEL" keep "$N_KEEP"
eval "$(python3 "$REFPASS" delete "$PORT" 'del:*' "$FLOOR_COUNT" "$FLOOR_BATCH" | sed 's/^/FD_/')"
check "reference pass keys unlinked" "$FD_KEYS_UNLINKED" "$N_DEL"
check "DBSIZE after reference pass" "$(rcli DBSIZE)" "$N_KEEP"
T_FLOOR_DEL=$(usec_s "$FD_FLOOR_USEC")
echo "  floor detail: $FD_SCAN_CALLS SCAN calls $FD_SCAN_USEC usec + $FD_UNLINK_CALLS UNLINK calls $FD_UNLINK_USEC usec in server (reference client wall $(f3 "$FD_CLIENT_WALL")s)"
stop_server

# --- Report ----------------------------------------------------------------
fmt_t() { [[ $1 == n/a ]] && echo n/a || echo "$(f3 "$1")s"; }
R_SCAN_CLI=$(ratio "$T_CLI_SCAN" "$T_LDP_SCAN" 1)
R_SCAN_FLOOR=$(ratio "$T_LDP_SCAN" "$T_FLOOR_SCAN" 2)
R_DEL_CLI=$(ratio "$T_CLI_DEL" "$T_LDP_DEL" 1)
R_DEL_FLOOR=$(ratio "$T_LDP_DEL" "$T_FLOOR_DEL" 2)

echo
echo "== results (targets: idiom/ldp >= 5x, ldp/floor <= 1.5x, scan peak RSS < 64 MiB)"
printf 'scan   %7d keys: ldp %s | redis-cli --scan %s (%s slower) | floor %s (ldp = %s floor)\n' \
  "$N_MATCH" "$(fmt_t "$T_LDP_SCAN")" "$(fmt_t "$T_CLI_SCAN")" "$R_SCAN_CLI" "$(fmt_t "$T_FLOOR_SCAN")" "$R_SCAN_FLOOR"
printf 'scan   peak RSS: ldp %s MiB\n' "$RSS_MIB"
printf 'delete %7d keys: ldp %s | xargs idiom %s (%s slower) | floor %s (ldp = %s floor)\n' \
  "$N_DEL" "$(fmt_t "$T_LDP_DEL")" "$(fmt_t "$T_CLI_DEL")" "$R_DEL_CLI" "$(fmt_t "$T_FLOOR_DEL")" "$R_DEL_FLOOR"

echo
echo "| Operation | Keys | ldp | redis-cli idiom | Floor (server-side) | idiom / ldp (target >= 5x) | ldp / floor (target <= 1.5x) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
echo "| \`keys scan 'doc:*'\` vs \`redis-cli --scan\` | $(grp "$N_MATCH") of $(grp "$SCAN_TOTAL") | $(fmt_t "$T_LDP_SCAN") | $(fmt_t "$T_CLI_SCAN") | $(fmt_t "$T_FLOOR_SCAN") | $R_SCAN_CLI | $R_SCAN_FLOOR |"
echo "| \`keys delete 'del:*' --yes\` vs \`--scan \\| xargs -n $XARGS_N unlink\` | $(grp "$N_DEL") of $(grp "$DEL_TOTAL") | $(fmt_t "$T_LDP_DEL") | $(fmt_t "$T_CLI_DEL") | $(fmt_t "$T_FLOOR_DEL") | $R_DEL_CLI | $R_DEL_FLOOR |"
echo "| \`keys scan\` peak RSS (target < 64 MiB) | $(grp "$N_MATCH") | $RSS_MIB MiB | | | | |"

if ((${#FAILS[@]})); then
  echo
  echo "correctness checks FAILED (${#FAILS[@]}):"
  printf '  - %s\n' "${FAILS[@]}"
  exit 1
fi
