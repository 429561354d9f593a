"""A Celery app shaped like the pipeline's (WIRE.md §1), for ldp's interop tests.

Configured from the environment so one module serves every test:
  LDP_TEST_BROKER   broker URL (a throwaway redis-server the test started)
  LDP_TEST_LAYOUT   "kombu" (default: steps [0,3,6,9], separator \\x06\\x16)
                    or "colon" (steps 0..9, separator ":")
  LDP_TEST_PREFIX   optional kombu global_keyprefix
"""
import os

from celery import Celery

app = Celery("pdf_pipeline", broker=os.environ["LDP_TEST_BROKER"])

options = {"visibility_timeout": 3600}
if os.environ.get("LDP_TEST_LAYOUT", "kombu") == "colon":
    options.update(
        priority_steps=list(range(10)), sep=":", queue_order_strategy="priority"
    )
if os.environ.get("LDP_TEST_PREFIX"):
    options["global_keyprefix"] = os.environ["LDP_TEST_PREFIX"]

app.conf.update(
    broker_transport_options=options,
    task_serializer="json",
    accept_content=["json"],
    task_default_queue="default",
    task_default_priority=5,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    worker_hijack_root_logger=False,
    broker_connection_retry_on_startup=True,
)


@app.task(name="ldp_test.noop")
def noop(n):
    return n


@app.task(name="ldp_test.block")
def block(release_key):
    """Hold the message unacked (acks_late) until the test pushes to release_key."""
    import redis

    r = redis.Redis.from_url(os.environ["LDP_TEST_BROKER"])
    r.blpop([release_key], timeout=120)
    return "released"


@app.task(name="ldp_test.record", bind=True)
def record(self, n):
    """Append this task's id to ldp_test:ran: the order tasks ran in."""
    import redis

    redis.Redis.from_url(os.environ["LDP_TEST_BROKER"]).rpush("ldp_test:ran", self.request.id)
    return n


@app.task(name="ldp_test.hold", bind=True)
def hold(self, release_key):
    """Hold the message unacked until released, then record the run."""
    import redis

    r = redis.Redis.from_url(os.environ["LDP_TEST_BROKER"])
    r.blpop([release_key], timeout=120)
    r.rpush("ldp_test:ran", self.request.id)
    return "released"
