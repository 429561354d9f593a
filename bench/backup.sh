#!/usr/bin/env bash
# bench/backup.sh — what `--backup FILE` costs a delete: `ldp keys delete
# 'del:*' --yes` against the same with `--backup FILE` (each batch read and
# UNLINKed in one MULTI/EXEC: MGET for strings, a script for TYPE, PTTL and
# the other types' DUMP; the payloads streamed to a gzip file), on a
# throwaway redis-server reseeded before every run. Not part of CI; see
# bench/README.md.
#
# Every timed run is checked: its exit status (set -e, pipefail), ldp's own
# `deleted` count, the backup's record count and DBSIZE afterwards. The
# last backup is restored (timed once) and checked: every key back, DBSIZE
# as seeded. Then the floor (bench/read_floor.py): the server's CPU to read
# the values at all, which no backup can avoid. The target (backup <= 2x)
# is printed, not enforced.
#
# Environment:
#   LDP      ldp binary (default: cargo build --release, target/release/ldp)
#   PYTHON   Python 3 for the helpers (default python3)
#   SAMPLES  timed runs per side, interleaved (5)
#   N_DEL    keys matching del:* (200000)
#   N_KEEP   other keys (100000)
#   SIZES    one round each ("10 100 json500 json2000"): a number is bytes
#            per value from DEBUG POPULATE (10 is its default, as in
#            bench/keys.sh; 100 is large enough that DUMP LZF-compresses it);
#            jsonN is entity-cache-like JSON of about N bytes with a one-hour
#            TTL (bench/json_values.py, loaded with redis-cli --pipe), the
#            shape of the pipeline's own caches
set -euo pipefail
BENCH_NAME=backup
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N_DEL=${N_DEL:-200000}
N_KEEP=${N_KEEP:-100000}
SIZES=${SIZES:-10 100 json500 json2000}
TOTAL=$((N_DEL + N_KEEP))

start_redis
bench_header "ldp keys delete --backup benchmark (bench/backup.sh)"

reseed_sized() {
  [[ $(rcli FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"
  if [[ $SIZE == json* ]]; then
    [[ -f $TMP/$SIZE.resp ]] || "$PY" "$HERE/json_values.py" "${SIZE#json}" "$N_DEL" "$N_KEEP" >"$TMP/$SIZE.resp"
    rcli --pipe <"$TMP/$SIZE.resp" >/dev/null || die "loading $SIZE values failed"
  else
    populate del "$N_DEL" "$SIZE"
    populate keep "$N_KEEP" "$SIZE"
  fi
  check "DBSIZE after seeding" "$(rcli DBSIZE)" "$TOTAL"
}
# label SIZE: how a round's values are described.
label() { if [[ $1 == json* ]]; then echo "JSON ~${1#json} B + TTL"; else echo "$1 B"; fi; }
json_field() { "$PY" -c 'import json, sys; v = json.load(open(sys.argv[1])); [v := v[k] for k in sys.argv[2:]]; print(v)' "$@"; }

plain() { "$LDP" -u "$URL" keys delete 'del:*' --yes -o json </dev/null >"$TMP/plain.json"; }
backed() {
  rm -f "$TMP/backup.ldpb"
  "$LDP" -u "$URL" keys delete 'del:*' --yes --backup "$TMP/backup.ldpb" -o json </dev/null >"$TMP/backed.json"
}
restore() { "$LDP" -u "$URL" keys restore "$TMP/backup.ldpb" -o json </dev/null >"$TMP/restore.json"; }

ROWS=()
for SIZE in $SIZES; do
  echo
  echo "-- delete: $N_DEL del:* + $N_KEEP keep:* keys, values $(label "$SIZE"), FLUSHALL and reseeded before every run"
  for ((i = 1; i <= SAMPLES; i++)); do
    reseed_sized
    c0=$(server_cpu "$PORT")
    sample "plain$SIZE" plain
    t_plain=$LAST
    add "cpuplain$SIZE" "$(awk -v a="$c0" -v b="$(server_cpu "$PORT")" 'BEGIN{print b-a}')"
    check "keys delete: deleted" "$(json_field "$TMP/plain.json" deleted)" "$N_DEL"
    check "DBSIZE after keys delete" "$(data_keys)" "$N_KEEP"
    reseed_sized
    c0=$(server_cpu "$PORT")
    sample "backed$SIZE" backed
    add "cpubacked$SIZE" "$(awk -v a="$c0" -v b="$(server_cpu "$PORT")" 'BEGIN{print b-a}')"
    check "keys delete --backup: deleted" "$(json_field "$TMP/backed.json" deleted)" "$N_DEL"
    check "keys delete --backup: keys in the backup" "$(json_field "$TMP/backed.json" backup keys)" "$N_DEL"
    check "DBSIZE after keys delete --backup" "$(data_keys)" "$N_KEEP"
    add "size$SIZE" "$(stat -c %s "$TMP/backup.ldpb")"
    printf '   run %d: keys delete %.3f s | keys delete --backup %.3f s (%s bytes of backup)\n' \
      "$i" "$t_plain" "$LAST" "$(stat -c %s "$TMP/backup.ldpb")"
  done
  echo "   check ok: every run deleted $N_DEL keys, every backup holds $N_DEL; DBSIZE $N_KEEP after each"

  # The last backup goes back: every key, DBSIZE as seeded (one timed run).
  sample "restore$SIZE" restore
  check "keys restore: restored" "$(json_field "$TMP/restore.json" restored)" "$N_DEL"
  check "keys restore: failed" "$(json_field "$TMP/restore.json" failed)" 0
  check "DBSIZE after keys restore" "$(data_keys)" "$TOTAL"
  check "a del: key after keys restore" "$(rcli EXISTS del:7 del:7:entities)" 1
  echo "   check ok: keys restore put back $N_DEL keys (DBSIZE $TOTAL) in $(secs "restore$SIZE")"
  # The floor: the server's CPU to read these values at all (MGET + PTTL +
  # UNLINK, natively, in SCAN-like order) less UNLINK alone.
  if [[ $SIZE == json* ]]; then fmt='del:%d:entities'; else fmt='del:%d'; fi
  for ((i = 1; i <= SAMPLES; i++)); do
    for mode in unlink read; do
      reseed_sized
      c0=$(server_cpu "$PORT")
      "$PY" "$HERE/read_floor.py" "$PORT" "$mode" "$N_DEL" "$fmt"
      add "floor$mode$SIZE" "$(awk -v a="$c0" -v b="$(server_cpu "$PORT")" 'BEGIN{print b-a}')"
      check "DBSIZE after the $mode floor" "$(data_keys)" "$N_KEEP"
    done
  done
  add "floor$SIZE" "$(awk -v p="$(med "cpuplain$SIZE")" -v u="$(med "floorunlink$SIZE")" -v r="$(med "floorread$SIZE")" 'BEGIN{printf "%.2f", (p + r - u) / p}')"
  echo "   floor ($SAMPLES runs each, medians): reading the values costs the server $(awk -v u="$(med "floorunlink$SIZE")" -v r="$(med "floorread$SIZE")" 'BEGIN{printf "%.3f", r - u}') s more than UNLINK alone; no backup can cost less than $(med "floor$SIZE")x the plain delete's server CPU"
  ROWS+=("| \`keys delete 'del:*' --yes\` with and without \`--backup FILE\` | $(grp "$N_DEL") of $(grp "$TOTAL"), $(label "$SIZE") values | $(secs "plain$SIZE") | $(secs "backed$SIZE") | $(ratio "backed$SIZE" "plain$SIZE") | $(grp "$(med "size$SIZE")") B | $(secs "restore$SIZE") |")
done

echo
echo "== results: median [min-max] of $SAMPLES runs (target, not enforced: --backup / plain <= 2x)"
for SIZE in $SIZES; do
  printf '%-52s %s\n' \
    "keys delete 'del:*' --yes ($(label "$SIZE"))" "$(secs "plain$SIZE")" \
    "keys delete 'del:*' --yes --backup FILE ($(label "$SIZE"))" "$(secs "backed$SIZE")   backup / plain = $(ratio "backed$SIZE" "plain$SIZE")" \
    "server CPU: plain | --backup ($(label "$SIZE"))" "$(secs "cpuplain$SIZE") | $(secs "cpubacked$SIZE")   ratio $(ratio "cpubacked$SIZE" "cpuplain$SIZE")" \
    "floor: server CPU of reading the values ($(label "$SIZE"))" "$(med "floor$SIZE")x the plain delete's" \
    "backup file size ($(label "$SIZE"))" "$(med "size$SIZE") bytes" \
    "keys restore FILE, one run ($(label "$SIZE"))" "$(secs "restore$SIZE")"
done

echo
echo "| Operation | Keys | keys delete | keys delete --backup | --backup / plain | backup file | keys restore |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
