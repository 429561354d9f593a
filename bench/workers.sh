#!/usr/bin/env bash
# bench/workers.sh — what `ldp monitor workers` costs against Celery's own
# way of asking the same thing, `celery -A app inspect stats` + `active`,
# with N_WORKERS real Celery workers (tests/py/workers_app.py, threads pool,
# heartbeats on) on a throwaway redis-server (free port, never 6379); one
# worker runs a long process_pdf_document so `active` has a task to show.
#
# Compared, in one run, RUNS samples each (wall clock, min/median/max):
#   ldp      `ldp monitor workers -o json` (its default 1 s reply window; it
#            stops as soon as every pidbox subscriber answered)
#   py-once  one Python process: app.control.inspect().stats() and .active()
#            (a Python start and two round trips, each waiting Celery's 1 s)
#   cli      `celery -A workers_app inspect stats` then `... inspect active`
#            (two Python starts, as an operator types them)
# Checks the results agree (the same workers; the task's document) and that
# ldp answered within its window + 100 ms. Not part of CI; exits 1 when a
# check fails.
#
# Environment: LDP (binary; default: cargo build --release), PYTHON (with
# celery[redis]; default $LDP_TEST_PYTHON, else python3), N_WORKERS (4),
# RUNS (5).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
PY_DIR="$REPO/tests/py"
N_WORKERS=${N_WORKERS:-4}
RUNS=${RUNS:-5}
PYTHON=${PYTHON:-${LDP_TEST_PYTHON:-python3}}
die() { echo "workers.sh: $*" >&2; exit 2; }
for tool in redis-server redis-cli python3 awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
"$PYTHON" -c 'import celery' 2>/dev/null || die "$PYTHON has no celery (pip install -r .ci/requirements.txt, or set PYTHON)"
if [[ -z "${LDP:-}" ]]; then
  (cd "$REPO" && cargo build --release) >&2
  LDP="${CARGO_TARGET_DIR:-$REPO/target}/release/ldp"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ldp-bench-workers.XXXXXX")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 -- "-$p" 2>/dev/null || kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
eval "$(python3 "$HERE/refpass.py" freeport)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PIDS+=($!)
python3 "$HERE/refpass.py" wait "$PORT" >/dev/null || die "redis-server did not start"
URL="redis://127.0.0.1:$PORT/0"
export LDP_TEST_BROKER="$URL" PYTHONPATH="$PY_DIR" PYTHONDONTWRITEBYTECODE=1

# The workers, each in its own process group (killed on exit).
for ((i = 1; i <= N_WORKERS; i++)); do
  setsid "$PYTHON" -m celery -A workers_app worker -Q default -P threads -c 2 \
    -n "bench$i@ldp-bench" -l warning --without-gossip --without-mingle \
    >"$TMP/worker$i.log" 2>&1 </dev/null &
  PIDS+=($!)
done
DOC=0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab
(cd "$PY_DIR" && "$PYTHON" workers_app.py send default "$DOC" bench-release >/dev/null)

# Wait (up to 90 s) until every worker answers and one runs the task.
names() { python3 -c 'import json,sys; j=json.load(sys.stdin); print(" ".join(sorted(w["worker"] for w in j)))'; }
running_doc() { python3 -c 'import json,sys; print(" ".join(t["document"] or "-" for w in json.load(sys.stdin) for t in w["active"]))'; }
want=$(for ((i = 1; i <= N_WORKERS; i++)); do echo "bench$i@ldp-bench"; done | sort | tr '\n' ' ' | sed 's/ $//')
for ((t = 0; t < 450; t++)); do
  j=$("$LDP" -u "$URL" monitor workers -o json 2>/dev/null || echo '[]')
  [[ $(names <<<"$j") == "$want" && $(running_doc <<<"$j") == "$DOC" ]] && break
  sleep 0.2
done
[[ $(names <<<"$j") == "$want" ]] || die "the workers did not come up: $(names <<<"$j") (logs in $TMP)"

echo "== ldp monitor workers benchmark: $(nproc) cores, redis $(redis-server --version | awk '{print $3}'), $("$PYTHON" -c 'import celery; print("celery", celery.__version__)'), $N_WORKERS workers, $RUNS samples"

cat >"$TMP/inspect_once.py" <<'EOF'
import json
from workers_app import app
i = app.control.inspect(timeout=1.0)
stats, active = i.stats() or {}, i.active() or {}
print(json.dumps({"workers": sorted(stats), "docs": [t["kwargs"].get("document_uuid") for ts in active.values() for t in ts]}))
EOF
now() { echo "$EPOCHREALTIME"; }
ldp_run() { "$LDP" -u "$URL" monitor workers -o json; }
py_once() { "$PYTHON" "$TMP/inspect_once.py"; }
cli_two() { "$PYTHON" -m celery -A workers_app inspect stats; "$PYTHON" -m celery -A workers_app inspect active; }
# "min median max" of RUNS wall times of "$@" (output to $TMP/last.out).
timed() {
  local i t0 ts=()
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now); "$@" >"$TMP/last.out" 2>/dev/null || true
    ts+=("$(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.4f", b-a}')")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END{printf "%s %s %s\n", a[1], a[int((NR+1)/2)], a[NR]}'
}

FAILS=0
read -r L_MIN L_MED L_MAX < <(timed ldp_run)
LDP_OUT=$(cat "$TMP/last.out")
read -r P_MIN P_MED P_MAX < <(timed py_once)
PY_OUT=$(cat "$TMP/last.out")
read -r C_MIN C_MED C_MAX < <(timed cli_two)
CLI_OUT=$(cat "$TMP/last.out")

# The answers agree: the same workers, the running task's document.
[[ $(names <<<"$LDP_OUT") == "$want" ]] || { echo "FAIL: ldp listed $(names <<<"$LDP_OUT")"; FAILS=1; }
[[ $(running_doc <<<"$LDP_OUT") == "$DOC" ]] || { echo "FAIL: ldp's running document: $(running_doc <<<"$LDP_OUT")"; FAILS=1; }
py_workers=$(python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["workers"]))' <<<"$PY_OUT")
[[ $py_workers == "$want" ]] || { echo "FAIL: Celery's inspect listed $py_workers"; FAILS=1; }
grep -q "$DOC" <<<"$PY_OUT" || { echo "FAIL: Celery's active lacks $DOC: $PY_OUT"; FAILS=1; }
n_cli=$(grep -c '^->  bench' <<<"$CLI_OUT" || true)
[[ $n_cli == $((2 * N_WORKERS)) ]] || { echo "FAIL: celery inspect stats + active: $n_cli answers, not $((2 * N_WORKERS))"; FAILS=1; }
grep -q "$DOC" <<<"$CLI_OUT" || { echo "FAIL: celery inspect active lacks $DOC"; FAILS=1; }
awk -v m="$L_MAX" 'BEGIN{exit !(m <= 1.100)}' || { echo "FAIL: ldp took $L_MAX s, over its 1 s window + 100 ms"; FAILS=1; }

echo
printf '%-62s %8s %8s %8s\n' "method ($N_WORKERS workers; seconds)" min median max
printf '%-62s %8s %8s %8s\n' "ldp monitor workers -o json (ping+stats+active+active_queues)" "$L_MIN" "$L_MED" "$L_MAX"
printf '%-62s %8s %8s %8s\n' "python: inspect().stats() + .active() (one start)" "$P_MIN" "$P_MED" "$P_MAX"
printf '%-62s %8s %8s %8s\n' "celery -A app inspect stats; celery -A app inspect active" "$C_MIN" "$C_MED" "$C_MAX"
echo
awk -v a="$P_MED" -v b="$C_MED" -v l="$L_MED" 'BEGIN{printf "median ratios: python once / ldp %.0fx, celery CLI twice / ldp %.0fx\n", a/l, b/l}'
echo "ldp ends when every pidbox subscriber answered (PUBLISH counts them); Celery's"
echo "inspect waits its whole 1 s timeout per method, since it cannot know how many will answer."
exit "$FAILS"
