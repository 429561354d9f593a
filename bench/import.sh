#!/usr/bin/env bash
# bench/import.sh — `ldp import` of N small files (hashing, registration,
# enqueue; no database) against a Python loop calling Celery's send_task (what
# apply_async does) for the same files (bench/py_import.py), both timed as
# whole commands; then the peak RSS of `ldp import ... -o json` for each size
# in NS, side by side. Not part of CI.
#
# Every timed run is checked: exit status, ldp's own counts (new = N, failed =
# 0, not_enqueued = 0), the Python loop's printed count, and the queue's LLEN
# afterwards (= N). Each run starts from an empty server (FLUSHALL). A failed
# check ends the script with exit 1.
#
# Environment: LDP, PYTHON (needs celery[redis]: pip install -r
# .ci/requirements.txt), SAMPLES (5), N (10000), NS ("10000 100000"),
# FILES_DIR (where the files are made: default /dev/shm when writable, else
# the temp dir; removing 100,000 files from a busy disk took minutes).
set -euo pipefail
BENCH_NAME=import
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-10000}
NS=${NS:-10000 100000}
PROJECT=7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11
QUEUE_KEY=$'default\x06\x163'   # queue "default", priority 5 (kombu's step 3)
"$PY" -c 'import celery' 2>/dev/null || die "$PY has no celery: pip install -r .ci/requirements.txt (or set PYTHON)"
/usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is needed for peak RSS: apt-get install time"

FILES_DIR=${FILES_DIR:-}
if [[ -z $FILES_DIR ]]; then
  if [[ -d /dev/shm && -w /dev/shm ]]; then FILES_DIR=/dev/shm; else FILES_DIR=$TMP; fi
fi
FILES=$(mktemp -d "$FILES_DIR/ldp-bench-import-files.XXXXXX")
rm_files() { rm -rf "$FILES"; }
EXTRA_CLEANUP+=(rm_files)

start_redis
bench_header "ldp import benchmark (bench/import.sh)"
echo "   python: $("$PY" --version 2>&1), celery $("$PY" -c 'import celery; print(celery.__version__)'); files in $FILES_DIR ($(df -P "$FILES_DIR" | awk 'NR == 2 {print $1}'))"

# make_docs N: DIR of N small distinct files (made once per size), printed
make_docs() {
  local dir="$FILES/docs-$1"
  if [[ ! -d $dir ]]; then
    mkdir -p "$dir"
    "$PY" - "$dir" "$1" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    with open(os.path.join(d, f"doc-{i:07}.pdf"), "w") as f:
        f.write(f"%PDF-1.4 small document {i}\n" * 8)
PY
  fi
  echo "$dir"
}
json_fields() { # FILE FIELD...: the fields' values, space-separated
  "$PY" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(" ".join(str(j[k]) for k in sys.argv[2:]))' "$@"
}
# check_ldp_import JSON N: ldp's report and the queue after one ldp import of N files
check_ldp_import() {
  check "ldp import of $2 files: new failed not_enqueued stopped" \
    "$(json_fields "$1" new failed not_enqueued stopped)" "$2 0 0 None"
  check "ldp import of $2 files: LLEN of the default queue" "$(rcli LLEN "$QUEUE_KEY")" "$2"
}
flush() { [[ $(rcli FLUSHALL SYNC) == OK ]] || die "FLUSHALL failed"; }

# --- ldp import against the Python loop -----------------------------------------
DOCS=$(make_docs "$N")
echo
echo "-- $N small files: ldp import against the Python send_task loop (both on an emptied server each run)"
ldp_import() { "$LDP" -u "$URL" import "$DOCS" --project "$PROJECT" -q -o json </dev/null >"$TMP/import.json"; }
py_import() { "$PY" "$HERE/py_import.py" "redis://127.0.0.1:$PORT/0" "$PROJECT" "$DOCS" >"$TMP/py.out"; }
for ((i = 1; i <= SAMPLES; i++)); do
  flush
  sample ldp ldp_import
  t_ldp=$LAST
  check_ldp_import "$TMP/import.json" "$N"
  flush
  sample py py_import
  check "python loop: documents sent" "$(cat "$TMP/py.out")" "$N"
  check "python loop: LLEN of the default queue" "$(rcli LLEN "$QUEUE_KEY")" "$N"
  printf '   run %d: ldp import %.3f s | python loop %.3f s\n' "$i" "$t_ldp" "$LAST"
done
echo "   check ok: every ldp run reported new=$N failed=0 not_enqueued=0; every run of each side left $N tasks queued"

# --- peak RSS by size -------------------------------------------------------------
echo
echo "-- peak RSS of ldp import -o json (/usr/bin/time -v) for N in: $NS"
for n in $NS; do
  dir=$(make_docs "$n")
  ldp_import_rss() {
    /usr/bin/time -v -o "$TMP/rss.time" "$LDP" -u "$URL" import "$dir" --project "$PROJECT" -q -o json </dev/null >"$TMP/rss.json"
  }
  for ((i = 1; i <= SAMPLES; i++)); do
    flush
    sample "rss_t_$n" ldp_import_rss
    check_ldp_import "$TMP/rss.json" "$n"
    add "rss_$n" "$(rss_mib "$TMP/rss.time")"
    printf '   N=%d run %d: %.3f s, peak RSS %s MiB\n' "$n" "$i" "$LAST" "$(rss_mib "$TMP/rss.time")"
  done
done
echo "   check ok: every run reported new=N failed=0 not_enqueued=0 and left N tasks queued"

# --- report -------------------------------------------------------------------------
rss() { awk -v m="$(med "rss_$1")" -v l="$(lo "rss_$1")" -v h="$(hi "rss_$1")" 'BEGIN{printf "%.1f MiB [%.1f-%.1f]", m, l, h}'; }
echo
echo "== results: median [min-max] of $SAMPLES runs (target, not enforced: python / ldp >= 20x)"
printf '%-36s %s\n' \
  "ldp import, $N files" "$(secs ldp)" \
  "python send_task loop, $N files" "$(secs py)   python / ldp = $(ratio py ldp 1)"
for n in $NS; do
  printf '%-36s %s\n' "ldp import -o json, $n files" "$(secs "rss_t_$n"), peak RSS $(rss "$n")"
done

echo
echo "| Operation | ldp | Python loop | python / ldp |"
echo "|---|---:|---:|---:|"
echo "| import (enqueue only) of $(grp "$N") small files | $(secs ldp) | $(secs py) | $(ratio py ldp 1) |"
echo
echo "| \`ldp import -o json\` | time | peak RSS |"
echo "|---|---:|---:|"
for n in $NS; do
  echo "| $(grp "$n") files | $(secs "rss_t_$n") | $(rss "$n") |"
done
