"""A Celery app shaped like the pipeline's (WIRE.md §1) for ldp's worker tests
(`monitor workers`, the `workers` health check): heartbeats on (the default),
and a long task that carries the pipeline's `document_uuid` kwarg.

  LDP_TEST_BROKER   broker URL (a throwaway redis-server the test started)
"""
import os
import time

from celery import Celery

BROKER = os.environ["LDP_TEST_BROKER"]
app = Celery("pdf_pipeline", broker=BROKER)
app.conf.update(
    broker_transport_options={"visibility_timeout": 3600},
    task_serializer="json",
    accept_content=["json"],
    task_default_queue="default",
    task_default_priority=5,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    worker_hijack_root_logger=False,
    broker_connection_retry_on_startup=True,
)


@app.task(name="scripts.pdf_tasks.process_pdf_document")
def process_pdf_document(document_uuid, file_path, project_uuid, document_metadata=None,
                         release_key=None):
    """Runs until the test pushes to release_key (at most 120 s), or returns at once."""
    if release_key:
        import redis

        # Short waits: one long BLPOP can outlast the client's socket timeout.
        r = redis.Redis.from_url(BROKER)
        deadline = time.time() + 120
        while time.time() < deadline and not r.blpop([release_key], timeout=1):
            pass
    return document_uuid


@app.task(name="ldp_test.noop")
def noop(n):
    return n


if __name__ == "__main__":
    # `python workers_app.py send QUEUE DOCUMENT RELEASE_KEY`: enqueue one long task.
    import sys

    _, _, queue, doc, release = sys.argv
    r = process_pdf_document.apply_async(
        kwargs={"document_uuid": doc, "file_path": f"s3://b/documents/{doc}.pdf",
                "project_uuid": "p", "release_key": release},
        queue=queue, priority=5)
    print(r.id)
