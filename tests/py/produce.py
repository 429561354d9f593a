"""Publish test tasks with Celery's own apply_async.

argv[1] is JSON: [{"queue": Q, "priority": P, "count": N, "task": "noop"|"block"|"record"|"hold",
"arg": ...}, ...]. Prints {"published": total} when done.
"""
import json
import sys

from ldp_celery_app import block, hold, noop, record

TASKS = {"noop": noop, "block": block, "record": record, "hold": hold}

spec = json.loads(sys.argv[1])
total = 0
for item in spec:
    task = TASKS[item.get("task", "noop")]
    for i in range(item["count"]):
        arg = item.get("arg", i)
        task.apply_async(args=[arg], queue=item["queue"], priority=item["priority"])
        total += 1
print(json.dumps({"published": total}))
