#!/usr/bin/env bash
# bench/purge.sh — `ldp queue purge QUEUE --task NAME` against the obvious
# redis-py loop (LRANGE the list, decode each message, LREM the matching ones
# one by one), on a throwaway redis-server (free port, never 6379) holding one
# queue of N messages, half of them the task to purge. Not part of CI.
#
# Every run starts from the same reseeded queue and is checked: ldp's JSON
# `removed` and the loop's count are N/2, and N/2 messages of the other task
# remain. ldp is also compared with the server's own busy time during its run.
#
# Environment: LDP, PYTHON, SAMPLES (3, for ldp), PY_SAMPLES (1: the loop is
# slow), N (200000 messages).
set -euo pipefail
BENCH_NAME=purge
SAMPLES=${SAMPLES:-3}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${N:-200000}
PY_SAMPLES=${PY_SAMPLES:-1}
"$PY" -c 'import redis' 2>/dev/null || die "pip install redis (for the Python loop)"
(( N % 2 == 0 )) || die "N must be even"
start_redis

# Kombu-shaped envelopes (base64 body, headers.task), alternating the tasks.
"$PY" - "$N" >"$TMP/seed.resp" <<'PY'
import base64, json, sys, uuid
n = int(sys.argv[1])
def cmd(*a):
    out = [b"*%d\r\n" % len(a)]
    for x in a:
        x = x if isinstance(x, bytes) else str(x).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(x), x))
    return b"".join(out)
w = sys.stdout.buffer
for i in range(n):
    task = "scripts.pdf_tasks.process_pdf_document" if i % 2 == 0 else "scripts.ocr_tasks.poll"
    tid = str(uuid.uuid4())
    body = base64.b64encode(json.dumps([[], {"document_uuid": str(uuid.uuid4())}, {}]).encode()).decode()
    env = {"body": body, "content-encoding": "utf-8", "content-type": "application/json",
           "headers": {"lang": "py", "task": task, "id": tid, "retries": 0, "eta": None},
           "properties": {"priority": 0, "body_encoding": "base64", "delivery_tag": str(uuid.uuid4()),
                          "delivery_info": {"exchange": "", "routing_key": "purgeq"}}}
    w.write(cmd("LPUSH", "purgeq", json.dumps(env)))
PY
reseed_queue() {
  rcli DEL purgeq >/dev/null
  local out
  out=$(rcli --pipe <"$TMP/seed.resp")
  [[ $out == *"errors: 0,"* ]] || die "seeding failed: $out"
  check "messages after seeding" "$(rcli LLEN purgeq)" "$N"
}
cat >"$TMP/loop.py" <<'PY'
import json, sys, redis
r = redis.Redis.from_url(sys.argv[1])
task = sys.argv[2]
removed = 0
for raw in r.lrange("purgeq", 0, -1):
    if json.loads(raw)["headers"]["task"] == task:
        removed += r.lrem("purgeq", 1, raw)
print(removed)
PY
TASK=scripts.pdf_tasks.process_pdf_document
run_ldp() { "$LDP" -u "$URL" queue purge purgeq --task "$TASK" --yes -o json >"$TMP/ldp.json"; }
run_py() { "$PY" "$TMP/loop.py" "$URL" "$TASK" >"$TMP/py.out"; }

bench_header "queue purge --task: $(grp "$N") messages, half of them the task"
for ((i = 1; i <= SAMPLES; i++)); do
  reseed_queue
  busy_reset "$PORT"
  sample ldp run_ldp
  busy_read "$PORT"
  add busy "$BUSY"
  check "ldp removed" "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["removed"])' "$TMP/ldp.json")" $((N / 2))
  check "left after ldp" "$(rcli LLEN purgeq)" $((N / 2))
done
for ((i = 1; i <= PY_SAMPLES; i++)); do
  reseed_queue
  sample py run_py
  check "the loop removed" "$(cat "$TMP/py.out")" $((N / 2))
  check "left after the loop" "$(rcli LLEN purgeq)" $((N / 2))
done
echo "ldp queue purge --task:      $(secs ldp)"
echo "server busy during ldp:      $(secs busy) -> ldp / server-busy $(ratio ldp busy)"
echo "redis-py LRANGE+LREM loop:   $(secs py)"
echo "loop / ldp:                  $(ratio py ldp 1)"
