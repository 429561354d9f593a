# bench/lib.sh — shared by the bench/*.sh scripts (sourced, not run).
#
# What every script gets from here:
#   - the ldp binary ($LDP, else `cargo build --release`), the Python ($PY,
#     from $PYTHON, else python3), a temp dir ($TMP) and an EXIT trap that
#     stops every server the script started and removes $TMP;
#   - throwaway redis-servers on free loopback ports (never 6379);
#   - the header: commit, binary, date, nproc, load, redis version;
#   - checks that end the script with exit 1 on the first failure;
#   - timed samples: `sample LABEL FN ARGS...` runs FN once, timed with
#     $EPOCHREALTIME; a failing command in FN ends the script (set -e), and
#     the script checks what that very run produced (counts inside FN, e.g.
#     `| wc -l`, or its saved output right after `sample`);
#   - medians and spreads (min-max) per label, ratios of medians;
#   - the server's own busy time: `busy_reset PORT...` (CONFIG RESETSTAT) and
#     `busy_usec PORT...` (the sum of `usec` over INFO commandstats, less the
#     CONFIG RESETSTAT itself), read on every node given; and `busy_cpu
#     PORT...`, the servers' CPU seconds over the same span (INFO cpu).
#
# Scripts set BENCH_NAME before sourcing, and call bench_header once.

export LC_ALL=C   # '.' as decimal separator in $EPOCHREALTIME and awk
# Any failing command ends the script, also inside functions and $(...); the
# ERR trap names it. (Timed functions are called as plain commands, never
# under `||` or `if`, where bash would ignore set -e inside them.)
set -eEuo pipefail
shopt -s inherit_errexit
trap 'echo "${BENCH_NAME:-bench}: FAIL: status $? at ${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND" >&2' ERR

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SAMPLES=${SAMPLES:-5}
PY=${PYTHON:-python3}
[[ $SAMPLES =~ ^[1-9][0-9]*$ ]] || { echo "${BENCH_NAME:-bench}: SAMPLES must be a positive integer, not '$SAMPLES'" >&2; exit 2; }

die() { echo "${BENCH_NAME:-bench}: $*" >&2; exit 2; }
# fail MESSAGE: a check failed; say so on stdout (it is part of the record)
# and on stderr, and end the script with 1.
fail() {
  echo "FAIL: $*"
  echo "${BENCH_NAME:-bench}: FAIL: $*" >&2
  exit 1
}
# check DESCRIPTION GOT WANT
check() { [[ $2 == "$3" ]] || fail "$1: got '$2', expected '$3'"; }
need() { local t; for t in "$@"; do command -v "$t" >/dev/null || die "$t not found in PATH"; done; }
need redis-server redis-cli awk "$PY"

if [[ -z "${LDP:-}" ]]; then
  echo "${BENCH_NAME:-bench}: building ldp (cargo build --release) ..." >&2
  (cd "$REPO" && cargo build --release --locked --quiet) >&2
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir = /* ]] || target_dir="$REPO/$target_dir"
  LDP="$target_dir/release/ldp"
fi
[[ -x $LDP ]] || LDP=$(command -v "$LDP") || die "ldp binary not found: $LDP"
export LDP_CONFIG=/nonexistent   # no profile or config file of the user's

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-${BENCH_NAME:-x}.XXXXXX")
BG_PIDS=()
EXTRA_CLEANUP=()
bench_cleanup() {
  local p f
  for f in "${EXTRA_CLEANUP[@]}"; do "$f" || true; done
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

freeport() { "$PY" "$HERE/refpass.py" freeport | sed 's/^PORT=//'; }

# start_redis [EXTRA redis-server ARGS...]: a throwaway redis-server on a free
# loopback port; sets PORT and URL (and REDIS_PID).
start_redis() {
  PORT=$(freeport)
  [[ $PORT != 6379 ]] || die "refusing port 6379"
  redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --enable-debug-command local --dir "$TMP" --daemonize no "$@" \
    >"$TMP/redis-$PORT.log" 2>&1 &
  REDIS_PID=$!
  BG_PIDS+=("$REDIS_PID")
  if ! "$PY" "$HERE/refpass.py" wait "$PORT" >/dev/null; then
    cat "$TMP/redis-$PORT.log" >&2
    die "redis-server did not start on port $PORT"
  fi
  URL="redis://127.0.0.1:$PORT/0"
}
rcli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

# populate PREFIX COUNT [VALUE_SIZE]: PREFIX:0 .. PREFIX:COUNT-1 (DEBUG POPULATE)
populate() {
  local out
  out=$(rcli DEBUG POPULATE "$2" "$1" "${3:-10}")
  [[ $out == OK ]] || die "DEBUG POPULATE $2 $1 failed: $out"
}
# data_keys: DBSIZE less ldp's audit stream (ldp:audit gets one entry per
# destructive run; it is not part of the data a run deleted or kept).
data_keys() { echo $(( $(rcli DBSIZE) - $(rcli EXISTS ldp:audit) )); }
# reseed EXPECTED_DBSIZE PREFIX COUNT [PREFIX COUNT ...]: FLUSHALL, then populate
reseed() {
  local want=$1; shift
  [[ $(rcli FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"
  while (($#)); do populate "$1" "$2"; shift 2; done
  check "DBSIZE after seeding" "$(rcli DBSIZE)" "$want"
}

# --- the server's own busy time ----------------------------------------------
# busy_reset PORT...: CONFIG RESETSTAT on every node, and note each node's CPU
# time so far (for busy_cpu).
declare -A CPU0=()
server_cpu() { # PORT: used_cpu_user + used_cpu_sys of the server, seconds
  redis-cli -h 127.0.0.1 -p "$1" INFO cpu | tr -d '\r' |
    awk -F: '$1 == "used_cpu_user" || $1 == "used_cpu_sys" {s += $2} END {printf "%.6f", s}'
}
busy_reset() {
  local p
  for p in "$@"; do
    CPU0[$p]=$(server_cpu "$p")
    [[ $(redis-cli -h 127.0.0.1 -p "$p" CONFIG RESETSTAT) == OK ]] || die "CONFIG RESETSTAT on port $p failed"
  done
}
# busy_usec PORT...: the usec the servers spent executing commands since
# busy_reset (INFO commandstats, summed over commands and nodes; the CONFIG
# RESETSTAT call itself left out). It leaves out reading, parsing and
# replying, which dominate for many small commands (MEMORY USAGE, EXISTS).
# Redis times each command with the wall clock: on a loaded machine this
# also counts time the server was descheduled mid-command.
busy_usec() {
  local p total=0 u
  for p in "$@"; do
    u=$(redis-cli -h 127.0.0.1 -p "$p" INFO commandstats | tr -d '\r' | awk -F'[:,=]' '
      /^cmdstat_/ && $1 != "cmdstat_config|resetstat" { for (i = 2; i < NF; i++) if ($i == "usec") s += $(i + 1) }
      END { printf "%d", s }')
    total=$((total + u))
  done
  echo "$total"
}
# busy_cpu PORT...: the servers' CPU seconds (user + sys, INFO cpu) since
# busy_reset: command execution plus network I/O and parsing.
busy_cpu() {
  local p total=0
  for p in "$@"; do
    total=$(awk -v t="$total" -v a="${CPU0[$p]}" -v b="$(server_cpu "$p")" 'BEGIN{printf "%.6f", t + b - a}')
  done
  echo "$total"
}
# busy_read PORT...: after a run, set BUSY (commandstats, seconds) and
# BUSY_CPU (seconds) for every node since busy_reset. The measuring calls add
# a few tens of microseconds (each reading INFO is seen by the other).
busy_read() {
  BUSY_CPU=$(busy_cpu "$@")
  BUSY=$(usec_s "$(busy_usec "$@")")
}

# --- header -------------------------------------------------------------------
commit_of_repo() {
  local c
  c=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null) || { echo "unknown (not a git checkout)"; return; }
  git -C "$REPO" diff --quiet HEAD 2>/dev/null || c="$c-dirty"
  echo "$c"
}
# bench_header TITLE: what was measured, at which commit, on what.
bench_header() {
  local sha
  sha=$(sha256sum "$LDP" | cut -c1-12)
  echo "== $1"
  echo "   date:   $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "   repo:   $(commit_of_repo) ($REPO)"
  echo "   ldp:    $("$LDP" --version 2>&1 | head -n1) at $LDP (sha256 $sha, built $(date -u -r "$LDP" +%Y-%m-%dT%H:%MZ))"
  echo "   host:   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -sr)"
  echo "   redis:  $(redis-server --version | awk '{print $3}' | sed 's/^v=//')"
  echo "   samples: $SAMPLES per side, interleaved; median [min-max]"
}

# --- timing -------------------------------------------------------------------
# Samples per label, kept as space-separated seconds in S_<label>.
declare -A S=()
# sample LABEL FN ARGS...: time one run of FN; any failure in it ends the
# script (set -e). The wall seconds are added to LABEL's samples and left in
# $LAST. Never call it under `||`, `&&`, `if` or `!`.
sample() {
  local label=$1; shift
  local t0 t1
  t0=$EPOCHREALTIME
  "$@"
  t1=$EPOCHREALTIME
  LAST=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.6f", b-a}')
  S[$label]+="$LAST "
}
# add LABEL VALUE: record a sample measured some other way (e.g. server busy).
add() { S[$1]+="$2 "; }
# med LABEL: median of LABEL's samples; lo / hi: min / max.
_stat() {
  local v=${S[$2]:-}
  [[ -n $v ]] || { echo n/a; return; }
  printf '%s\n' $v | sort -g | awk -v what="$1" '{a[NR]=$1} END{
    if (what == "med") print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2);
    else if (what == "lo") print a[1]; else print a[NR] }'
}
med() { _stat med "$1"; }
lo() { _stat lo "$1"; }
hi() { _stat hi "$1"; }
# secs LABEL [SCALE UNIT]: "median [min-max] s" (SCALE 1000 UNIT ms for milliseconds)
secs() {
  local scale=${2:-1} unit=${3:-s} d=3
  [[ $unit == ms ]] && d=2
  [[ -n ${S[$1]:-} ]] || { echo n/a; return; }
  awk -v m="$(med "$1")" -v l="$(lo "$1")" -v h="$(hi "$1")" -v k="$scale" -v u="$unit" -v d="$d" \
    'BEGIN{printf "%.*f %s [%.*f-%.*f]", d, m*k, u, d, l*k, d, h*k}'
}
# ratio A B [DECIMALS]: median(A) / median(B), "n/a" if either is missing or B is 0.
ratio() {
  awk -v a="$(med "$1")" -v b="$(med "$2")" -v d="${3:-2}" \
    'BEGIN{ if (a != "n/a" && b != "n/a" && b + 0 > 0) printf "%.*fx", d, a/b; else printf "n/a" }'
}
# grp N: 1234567 -> 1,234,567
grp() { awk -v n="$1" 'BEGIN{s=sprintf("%d",n); o=""; while (length(s)>3){o="," substr(s,length(s)-2) o; s=substr(s,1,length(s)-3)} printf "%s%s", s, o}'; }
usec_s() { awk -v u="$1" 'BEGIN{printf "%.6f", u/1e6}'; }
# rss_mib TIME_V_FILE: "Maximum resident set size" of /usr/bin/time -v, in MiB
rss_mib() { awk -F': *' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$1"; }
