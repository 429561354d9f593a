#!/usr/bin/env bash
# bench/cache.sh — `ldp cache clear` for 10 and for 1,000 documents, against
# the server's own busy time during ldp's run and against the per-document
# redis-cli idiom (`redis-cli --scan --pattern '*<uuid>*' | xargs redis-cli
# unlink`, timed on IDIOM_DOCS documents and scaled to 1,000), in a database
# seeded like the pipeline (bench/seed_pipeline.py: DOCS documents x 23 keys,
# per-chunk entity caches included). Not part of CI.
#
# Every run starts from the same seed (FLUSHALL, then the same RESP file
# piped in), and every timed run is checked: exit status, ldp's own `deleted`
# count (19 keys a document: 16 derived + 3 per-chunk caches), DBSIZE after,
# and for each document cleared by ldp that its derived keys are gone and its
# bookkeeping (state, metadata) kept; the idiom's summed UNLINK replies (20
# keys a document: it matches the bookkeeping too, and misses the per-chunk
# caches). A failed check ends the script with exit 1.
#
# Environment: LDP, PYTHON, SAMPLES (5), DOCS (10000), IDIOM_DOCS (5).
set -euo pipefail
BENCH_NAME=cache
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DOCS=${DOCS:-10000}
IDIOM_DOCS=${IDIOM_DOCS:-5}
((DOCS >= 1010 + IDIOM_DOCS)) || die "DOCS must be at least $((1010 + IDIOM_DOCS))"
SEEDED=$((DOCS * 23))

start_redis
bench_header "ldp cache clear benchmark (bench/cache.sh)"

"$PY" "$HERE/seed_pipeline.py" "$DOCS" "$TMP" >"$TMP/seed.resp"
sed -n '1,10p' "$TMP/all.txt" >"$TMP/ten.txt"
sed -n '11,1010p' "$TMP/all.txt" >"$TMP/thousand.txt"
sed -n "1011,$((1010 + IDIOM_DOCS))p" "$TMP/all.txt" >"$TMP/idiom.txt"
reseed_pipeline() {
  local out
  [[ $(rcli FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"
  out=$(rcli --pipe <"$TMP/seed.resp")
  [[ $out == *"errors: 0, replies: $SEEDED"* ]] || die "seeding failed: $out"
  check "DBSIZE after seeding" "$(rcli DBSIZE)" "$SEEDED"
}
echo "   database: $DOCS documents x 23 keys = $SEEDED keys, reseeded before every run"

ldp_clear() { "$LDP" -u "$URL" cache clear --docs-from "$1" --yes -q -o json </dev/null >"$TMP/clear.json"; }
json_field() { "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
# check_cleared DOCLIST: ldp's report and the keyspace after ldp cleared DOCLIST
check_cleared() {
  local n bad
  n=$(wc -l <"$1")
  check "cache clear $n docs: deleted" "$(json_field "$TMP/clear.json" deleted)" $((n * 19))
  check "cache clear $n docs: documents" "$(json_field "$TMP/clear.json" documents)" "$n"
  check "DBSIZE after cache clear of $n docs" "$(data_keys)" $((SEEDED - n * 19))
  # Derived keys gone (0 of 3 exist), bookkeeping kept (2 of 2), per document,
  # over one connection.
  bad=$(awk '{print "EXISTS cache:doc:ocr:" $1 " doc:ocr:" $1 " emb:doc:" $1 ":0"; print "EXISTS cache:doc:state:" $1 " doc:metadata:" $1}' "$1" |
    rcli | awk 'NR % 2 == 1 && $1 != 0 || NR % 2 == 0 && $1 != 2 {b++} END {printf "%d", b + (NR != 2 * n) }' n="$n")
  check "documents of $1 with derived keys left or bookkeeping gone" "$bad" 0
}
idiom_clear() {
  local d n=0 u
  while read -r d; do
    u=$(rcli --scan --pattern "*$d*" | xargs -r redis-cli -h 127.0.0.1 -p "$PORT" unlink | awk '{s += $1} END {printf "%d", s}')
    n=$((n + u))
  done <"$TMP/idiom.txt"
  check "redis-cli idiom: keys unlinked for $IDIOM_DOCS docs" "$n" $((IDIOM_DOCS * 20))
}

for ((i = 1; i <= SAMPLES; i++)); do
  reseed_pipeline
  busy_reset "$PORT"
  sample c10 ldp_clear "$TMP/ten.txt"
  t10=$LAST
  busy_read "$PORT"
  b10=$BUSY c10cpu=$BUSY_CPU
  add c10_busy "$BUSY"; add c10_cpu "$BUSY_CPU"
  check_cleared "$TMP/ten.txt"

  reseed_pipeline
  busy_reset "$PORT"
  sample c1000 ldp_clear "$TMP/thousand.txt"
  t1000=$LAST
  busy_read "$PORT"
  b1000=$BUSY c1000cpu=$BUSY_CPU
  add c1000_busy "$BUSY"; add c1000_cpu "$BUSY_CPU"
  check_cleared "$TMP/thousand.txt"

  reseed_pipeline
  sample idiom idiom_clear
  add idiom1000 "$(awk -v t="$LAST" -v n="$IDIOM_DOCS" 'BEGIN{printf "%.6f", t / n * 1000}')"
  check "DBSIZE after the idiom" "$(data_keys)" $((SEEDED - IDIOM_DOCS * 20))
  printf '   run %d: ldp 10 docs %.4f s (server-busy %.4f s, CPU %.4f s) | ldp 1000 docs %.4f s (server-busy %.4f s, CPU %.4f s) | idiom %d docs %.3f s\n' \
    "$i" "$t10" "$b10" "$c10cpu" "$t1000" "$b1000" "$c1000cpu" "$IDIOM_DOCS" "$LAST"
done
echo "   check ok: every ldp run deleted 19 keys a document and kept the bookkeeping; every idiom run unlinked 20 a document"

echo
echo "== results: median [min-max] of $SAMPLES runs (targets, not enforced: 1000/10 <= 2x, idiom/ldp >= 100x)"
echo "server-busy: the server's own time executing commands during ldp's run (INFO commandstats usec, wall clock);"
echo "server CPU: its CPU time over the same run (INFO cpu, user + sys), network I/O and parsing included."
printf '%-44s %s\n' \
  "ldp cache clear   10 docs" "$(secs c10 1000 ms)" \
  "  server-busy during ldp's run" "$(secs c10_busy 1000 ms)   ldp / server-busy = $(ratio c10 c10_busy)" \
  "  server CPU during ldp's run" "$(secs c10_cpu 1000 ms)   ldp / server CPU = $(ratio c10 c10_cpu)" \
  "ldp cache clear 1000 docs" "$(secs c1000 1000 ms)   1000 / 10 docs = $(ratio c1000 c10)" \
  "  server-busy during ldp's run" "$(secs c1000_busy 1000 ms)   ldp / server-busy = $(ratio c1000 c1000_busy)" \
  "  server CPU during ldp's run" "$(secs c1000_cpu 1000 ms)   ldp / server CPU = $(ratio c1000 c1000_cpu)" \
  "redis-cli idiom $IDIOM_DOCS docs" "$(secs idiom)" \
  "redis-cli idiom scaled to 1000 docs" "$(secs idiom1000)   idiom / ldp (1000 docs) = $(ratio idiom1000 c1000 0)"

echo
echo "| Operation ($(grp "$SEEDED") keys) | ldp | server-busy during ldp | ldp / server-busy | server CPU during ldp | redis-cli idiom | idiom / ldp |"
echo "|---|---:|---:|---:|---:|---:|---:|"
echo "| \`cache clear --docs-from\`, 10 docs | $(secs c10 1000 ms) | $(secs c10_busy 1000 ms) | $(ratio c10 c10_busy) | $(secs c10_cpu 1000 ms) | | |"
echo "| \`cache clear --docs-from\`, 1,000 docs | $(secs c1000 1000 ms) | $(secs c1000_busy 1000 ms) | $(ratio c1000 c1000_busy) | $(secs c1000_cpu 1000 ms) | $(secs idiom1000) (scaled from $IDIOM_DOCS docs) | $(ratio idiom1000 c1000 0) |"
echo "| 1,000 docs / 10 docs | $(ratio c1000 c10) | | | | | |"
