#!/usr/bin/env bash
# bench/sandbox.sh — how long `ldp sandbox` takes to seed DOCS documents,
# standalone and as a 3-primary cluster, against the floor the server sets:
# the same keyspace (the same generator, as raw RESP from `cargo run
# --example seed-resp`) loaded by `redis-cli --pipe` into an emptied
# standalone server. Not part of CI; see bench/README.md.
#
# ldp's figure is its own `seed_seconds` (generating and loading, from its
# JSON; server start-up left out), and beside it the wall time of the whole
# `ldp sandbox --detach` (servers started, cluster formed, seeded, state
# written). The idiom's figure is the wall time of `redis-cli --pipe` on a
# file generated beforehand (untimed), so it has no generating to do.
#
# Every timed run is checked: ldp's exit status, its `keys` against the
# generator's count, DBSIZE (summed over every node) = keys, then `ldp
# sandbox stop`; redis-cli's "errors: 0, replies: N" and DBSIZE. A failed
# check ends the script with exit 1. The target is printed, not enforced.
#
# Environment:
#   LDP      ldp binary (default: cargo build --release, target/release/ldp)
#   SEED_RESP  the seed-resp example binary (default: cargo build --release --example seed-resp)
#   SAMPLES  timed runs per side, interleaved (5)
#   DOCS     documents seeded (10000)
set -euo pipefail
BENCH_NAME=sandbox
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DOCS=${DOCS:-10000}
if [[ -z ${SEED_RESP:-} ]]; then
  echo "sandbox: building the seed-resp example (cargo build --release --example seed-resp) ..." >&2
  (cd "$REPO" && cargo build --release --locked --quiet --example seed-resp) >&2
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir = /* ]] || target_dir="$REPO/$target_dir"
  SEED_RESP="$target_dir/release/examples/seed-resp"
fi
[[ -x $SEED_RESP ]] || die "seed-resp binary not found: $SEED_RESP"
# The detached sandbox lives in $TMPDIR/ldp-sandbox-UID: ours, in $TMP.
export TMPDIR=$TMP

start_redis
bench_header "ldp sandbox seeding benchmark (bench/sandbox.sh)"

# The keyspace's size, from the generator itself.
"$SEED_RESP" "$DOCS" >"$TMP/seed.resp" 2>"$TMP/seed.count"
read -r CMDS KEYS < <(sed 's/commands=\([0-9]*\) keys=\([0-9]*\)/\1 \2/' "$TMP/seed.count")
echo
echo "-- $DOCS documents: $KEYS keys, $CMDS commands ($(awk -v b="$(stat -c %s "$TMP/seed.resp")" 'BEGIN{printf "%.1f", b/1048576}') MiB of RESP)"

json_field() { "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
# dbsize_of STATE_JSON: DBSIZE summed over every server of the sandbox
dbsize_of() {
  local total=0 p n
  for p in $("$PY" -c 'import json, sys; print(" ".join(str(s["port"]) for s in json.load(open(sys.argv[1]))["servers"]))' "$1"); do
    n=$(redis-cli -h 127.0.0.1 -p "$p" DBSIZE)
    total=$((total + n))
  done
  echo "$total"
}
# ldp_sandbox LABEL [--cluster]: start a detached sandbox (timed by the
# caller), then check it, record its own seed time, and stop it.
ldp_sandbox() { "$LDP" sandbox --docs "$DOCS" --detach -o json "$@" </dev/null >"$TMP/state.json"; }
check_and_stop() {
  local label=$1
  check "$label: keys" "$(json_field "$TMP/state.json" keys)" "$KEYS"
  check "$label: DBSIZE over every server" "$(dbsize_of "$TMP/state.json")" "$KEYS"
  add "${label}_seed" "$(json_field "$TMP/state.json" seed_seconds)"
  "$LDP" sandbox stop </dev/null >/dev/null
}
cli_pipe() { rcli --pipe <"$TMP/seed.resp" >"$TMP/pipe.out"; }

for ((i = 1; i <= SAMPLES; i++)); do
  sample standalone_wall ldp_sandbox
  check_and_stop standalone
  sample cluster_wall ldp_sandbox --cluster
  check_and_stop cluster
  # A fresh file (its rate windows expire a minute after it was made), on an emptied server.
  "$SEED_RESP" "$DOCS" >"$TMP/seed.resp" 2>/dev/null
  [[ $(rcli FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"
  busy_reset "$PORT"
  sample pipe cli_pipe
  busy_read "$PORT"
  add pipe_cpu "$BUSY_CPU"
  check "redis-cli --pipe: errors and replies" "$(grep -o 'errors: [0-9]*, replies: [0-9]*' "$TMP/pipe.out")" "errors: 0, replies: $CMDS"
  check "DBSIZE after redis-cli --pipe" "$(rcli DBSIZE)" "$KEYS"
  printf '   run %d: standalone seed %.3f s (command %.3f s) | cluster seed %.3f s (command %.3f s) | redis-cli --pipe %.3f s (server CPU %.3f s)\n' \
    "$i" "$(echo "${S[standalone_seed]}" | awk '{print $NF}')" "$(echo "${S[standalone_wall]}" | awk '{print $NF}')" \
    "$(echo "${S[cluster_seed]}" | awk '{print $NF}')" "$(echo "${S[cluster_wall]}" | awk '{print $NF}')" "$LAST" "$BUSY_CPU"
done
echo "   check ok: every ldp run reported $KEYS keys and its servers held $KEYS; every redis-cli --pipe run had 0 errors, $CMDS replies, DBSIZE $KEYS"

# --- report --------------------------------------------------------------------
echo
echo "== results: median [min-max] of $SAMPLES runs (target, not enforced: standalone seed < 0.6 s for 10,000 documents)"
echo "seed: ldp's own seed_seconds (generating and loading; servers already up). command: the whole"
echo "\`ldp sandbox --detach\` (servers started, a cluster formed, seeded). redis-cli --pipe: the same"
echo "keyspace from a file generated beforehand, into one emptied standalone server (the server's floor)."
printf '%-52s %s\n' \
  "standalone: seed (ldp's seed_seconds)" "$(secs standalone_seed)   ldp / redis-cli --pipe = $(ratio standalone_seed pipe)" \
  "standalone: ldp sandbox --detach" "$(secs standalone_wall)" \
  "cluster: seed (ldp's seed_seconds)" "$(secs cluster_seed)   ldp / redis-cli --pipe = $(ratio cluster_seed pipe)" \
  "cluster: ldp sandbox --cluster --detach" "$(secs cluster_wall)" \
  "redis-cli --pipe < file (standalone)" "$(secs pipe)" \
  "server CPU during redis-cli --pipe" "$(secs pipe_cpu)"

echo
echo "| Seeding $(grp "$DOCS") documents ($(grp "$KEYS") keys, $(grp "$CMDS") commands) | ldp seed | whole \`ldp sandbox --detach\` | \`redis-cli --pipe\` of the same keyspace | ldp seed / redis-cli --pipe |"
echo "|---|---:|---:|---:|---:|"
echo "| standalone | $(secs standalone_seed) | $(secs standalone_wall) | $(secs pipe) | $(ratio standalone_seed pipe) |"
echo "| 3-primary cluster + broker | $(secs cluster_seed) | $(secs cluster_wall) | $(secs pipe) (standalone) | $(ratio cluster_seed pipe) |"
