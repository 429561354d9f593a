"""Publish test tasks with Celery's own apply_async.

argv[1] is JSON: [{"queue": Q, "priority": P, "count": N, "task": "noop"|"block",
"arg": ...}, ...]. Prints {"published": total} when done.
"""
import json
import sys

from ldp_celery_app import block, noop

spec = json.loads(sys.argv[1])
total = 0
for item in spec:
    task = block if item.get("task") == "block" else noop
    for i in range(item["count"]):
        arg = item.get("arg", i)
        task.apply_async(args=[arg], queue=item["queue"], priority=item["priority"])
        total += 1
print(json.dumps({"published": total}))
