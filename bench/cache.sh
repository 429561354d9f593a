#!/usr/bin/env bash
# bench/cache.sh — `ldp cache clear` for 10 vs 1,000 documents, and against the
# per-document redis-cli idiom, in a 200k-key database seeded like the
# pipeline (bench/seed_pipeline.py: 10,000 documents x 23 keys, per-chunk
# entity caches included). Prints figures
# and ratios; exits 1 only when a correctness check fails. Not part of CI.
#
# Environment: LDP (binary; default: cargo build --release), DOCS (10000),
# IDIOM_DOCS (5: documents timed with the idiom, scaled to 1,000).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
DOCS=${DOCS:-10000}
IDIOM_DOCS=${IDIOM_DOCS:-5}
die() { echo "cache.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-cache.XXXXXX")
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
eval "$(python3 "$HERE/refpass.py" freeport)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PID=$!
python3 "$HERE/refpass.py" wait "$PORT" >/dev/null || die "redis-server did not start"
URL="redis://127.0.0.1:$PORT/0"
rcli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

echo "== ldp cache clear benchmark: $(nproc) cores, redis $(redis-server --version | awk '{print $3}')"
python3 "$HERE/seed_pipeline.py" "$DOCS" "$TMP" | rcli --pipe >/dev/null
echo "   seeded DBSIZE $(rcli DBSIZE) ($DOCS documents)"
sed -n '1,10p' "$TMP/all.txt" >"$TMP/ten.txt"
sed -n '11,1010p' "$TMP/all.txt" >"$TMP/thousand.txt"
sed -n "1011,$((1010 + IDIOM_DOCS))p" "$TMP/all.txt" >"$TMP/idiom.txt"

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.4f", b-a}'; }
FAILS=0
check_docs() { # derived keys gone, bookkeeping kept, for the listed documents
  local d
  while read -r d; do
    [[ $(rcli EXISTS "cache:doc:ocr:$d" "doc:ocr:$d" "emb:doc:$d:0") == 0 ]] || { echo "FAIL: derived keys of $d left"; FAILS=1; }
    [[ $(rcli EXISTS "cache:doc:state:$d" "doc:metadata:$d") == 2 ]] || { echo "FAIL: bookkeeping of $d gone"; FAILS=1; }
  done <"$1"
}

t0=$(now); "$LDP" -u "$URL" cache clear --docs-from "$TMP/ten.txt" --yes -q >/dev/null; T10=$(since "$t0")
t0=$(now); "$LDP" -u "$URL" cache clear --docs-from "$TMP/thousand.txt" --yes -q >/dev/null; T1000=$(since "$t0")
t0=$(now)
while read -r d; do rcli --scan --pattern "*$d*" | xargs -r redis-cli -h 127.0.0.1 -p "$PORT" unlink >/dev/null; done <"$TMP/idiom.txt"
TIDIOM=$(since "$t0")
TIDIOM1000=$(awk -v t="$TIDIOM" -v n="$IDIOM_DOCS" 'BEGIN{printf "%.2f", t/n*1000}')

check_docs "$TMP/ten.txt"
check_docs "$TMP/thousand.txt"
# ldp clears 19 keys a document (16 derived + 3 per-chunk caches); the idiom's
# MATCH *uuid* finds 20 (and misses the per-chunk caches).
WANT=$((DOCS * 23 - 1010 * 19 - IDIOM_DOCS * 20))
echo "   DBSIZE after: $(rcli DBSIZE) (expected $WANT)"
[[ $(rcli DBSIZE) == "$WANT" ]] || { echo "FAIL: DBSIZE"; FAILS=1; }

echo
printf 'ldp cache clear   10 docs: %ss\n' "$T10"
printf 'ldp cache clear 1000 docs: %ss  (1000/10 = %s, target <= 2x)\n' "$T1000" "$(awk -v a="$T1000" -v b="$T10" 'BEGIN{printf "%.2fx", a/b}')"
printf 'redis-cli idiom   %d docs: %ss -> 1000 docs ~ %ss  (idiom/ldp = %s, target >= 100x)\n' \
  "$IDIOM_DOCS" "$TIDIOM" "$TIDIOM1000" "$(awk -v a="$TIDIOM1000" -v b="$T1000" 'BEGIN{printf "%.0fx", a/b}')"
exit "$FAILS"
