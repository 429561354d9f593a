"""The pipeline's Celery app as its workers see it (WIRE.md §1): app name
`pdf_pipeline`, the real task names and signatures, JSON only, acks late.
The tasks record what they were given, so ldp's import tests can check that
every document ran exactly once with the right kwargs and priority.

  LDP_TEST_BROKER   broker URL (a throwaway redis-server the test started)
"""
import json
import os

import redis
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
_r = redis.Redis.from_url(BROKER)


def _record(task, kwargs):
    info = task.request.delivery_info or {}
    _r.rpush(
        "ldp_test:executed",
        json.dumps(
            {
                "task": task.name,
                "id": task.request.id,
                "kwargs": kwargs,
                "routing_key": info.get("routing_key"),
                "priority": info.get("priority"),
            }
        ),
    )


@app.task(bind=True, name="scripts.pdf_tasks.process_pdf_document")
def process_pdf_document(self, document_uuid, file_path, project_uuid, document_metadata=None):
    _record(
        self,
        {
            "document_uuid": document_uuid,
            "file_path": file_path,
            "project_uuid": project_uuid,
            "document_metadata": document_metadata,
        },
    )


def _batch(name):
    @app.task(bind=True, name=f"scripts.batch_tasks.{name}")
    def run(self, batch_manifest):
        _record(self, {"batch_manifest": batch_manifest})

    return run


process_batch_high = _batch("process_batch_high")
process_batch_normal = _batch("process_batch_normal")
process_batch_low = _batch("process_batch_low")
