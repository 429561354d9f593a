#!/usr/bin/env bash
# bench/all.sh — run every bench script in turn against one ldp binary built
# at one commit, and keep their raw outputs in one folder, from which
# bench/render.sh writes BENCHMARKS.md.
#
#   bench/all.sh [OUTDIR]
#
# OUTDIR (default bench/results/<UTC time>-<commit>) gets meta.txt (commit,
# date, machine, versions, sizes), NAME.out and NAME.err per script (stdout
# and stderr), and status.txt (exit status and wall time per script). Every
# script runs even when one fails; all.sh exits 1 if any failed, 2 on a
# usage or set-up error.
#
# Environment:
#   LDP          the binary to measure; default: `cargo build --release
#                --locked` here, once, so the binary is this checkout's
#   ALLOW_DIRTY  1 to run from a checkout with uncommitted changes (the
#                figures would then belong to no commit); default: refuse
#   SCRIPTS      which scripts, in order (default: keys cache import intake
#                lock monitor queues purge sandbox backup)
#   PYTHON, SAMPLES and each script's sizes pass through to the scripts.
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SCRIPTS=${SCRIPTS:-keys cache import intake lock monitor queues purge sandbox backup}
die() { echo "all.sh: $*" >&2; exit 2; }

commit=$(git -C "$REPO" rev-parse --short HEAD) || die "$REPO is not a git checkout"
if ! git -C "$REPO" diff --quiet HEAD; then
  [[ ${ALLOW_DIRTY:-} == 1 ]] || die "uncommitted changes in $REPO: commit them, or set ALLOW_DIRTY=1 (the figures would then belong to no commit)"
  commit="$commit-dirty"
fi
for s in $SCRIPTS; do [[ -x $HERE/$s.sh ]] || die "no script bench/$s.sh"; done

if [[ -z ${LDP:-} ]]; then
  echo "all.sh: cargo build --release --locked in $REPO ..." >&2
  (cd "$REPO" && cargo build --release --locked) >&2
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir = /* ]] || target_dir="$REPO/$target_dir"
  LDP="$target_dir/release/ldp"
  LDP_ORIGIN="built here by all.sh at $commit"
else
  LDP_ORIGIN="given by LDP (all.sh cannot tell which commit built it)"
fi
[[ -x $LDP ]] || die "ldp binary not found: $LDP"
LDP=$(readlink -f "$LDP")
export LDP

OUT=${1:-$HERE/results/$(date -u +%Y%m%dT%H%MZ)-$commit}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PY=${PYTHON:-python3}
{
  echo "commit:  $commit"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "ldp:     $("$LDP" --version) at $LDP, sha256 $(sha256sum "$LDP" | cut -c1-12), $LDP_ORIGIN"
  echo "cpu:     $(nproc) cores, $(awk -F': *' '/^model name/{print $2; exit}' /proc/cpuinfo)"
  echo "memory:  $(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "system:  $(uname -sr)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
  echo "redis:   $(redis-server --version)"
  echo "python:  $("$PY" --version 2>&1) ($PY)"
  echo "scripts: $SCRIPTS"
  echo "env:     $(env | { grep -E '^(SAMPLES|RUNS|N|NS|N_[A-Z]+|DOCS|IDIOM_DOCS|MSGS|LOCK_OTHER|INTAKE_N|SIZE_KIB|JOBS|FILES_DIR|TMPDIR|PYTHON)=' || true; } | sort | tr '\n' ' ')"
  echo "command: bench/all.sh $*"
} >"$OUT/meta.txt"
cat "$OUT/meta.txt"
echo

: >"$OUT/status.txt"
failed=()
for s in $SCRIPTS; do
  echo "all.sh: bench/$s.sh ..." >&2
  t0=$EPOCHREALTIME
  rc=0
  "$HERE/$s.sh" >"$OUT/$s.out" 2>"$OUT/$s.err" </dev/null || rc=$?
  secs=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.0f", b-a}')
  printf '%-8s exit %d  %5s s\n' "$s" "$rc" "$secs" | tee -a "$OUT/status.txt"
  ((rc == 0)) || failed+=("$s")
done
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end" >>"$OUT/meta.txt"
# The scripts name the checkout's commit: it must not have moved meanwhile.
end=$(git -C "$REPO" rev-parse --short HEAD)
git -C "$REPO" diff --quiet HEAD || end="$end-dirty"
if [[ $end != "$commit" ]]; then
  echo "commit:  CHANGED during the run: $commit at the start, $end at the end" | tee -a "$OUT/meta.txt"
  failed+=("(checkout changed)")
fi

echo
echo "raw outputs in $OUT"
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]} (see $OUT/NAME.out and NAME.err)"
  exit 1
fi
echo "all passed; write BENCHMARKS.md with: bench/render.sh $OUT > BENCHMARKS.md"
