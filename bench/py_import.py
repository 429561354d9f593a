#!/usr/bin/env python3
"""The Python way for bench/import.sh: hash each file and call Celery's
apply_async for process_pdf_document, as the pipeline's importer does.

  py_import.py BROKER_URL PROJECT_UUID DIR
"""
import hashlib
import os
import sys
import uuid

from celery import Celery

broker, project, root = sys.argv[1:4]
app = Celery("pdf_pipeline", broker=broker)
app.conf.update(task_serializer="json", accept_content=["json"], task_default_queue="default",
                task_default_priority=5)
ns = uuid.UUID(project)
n = 0
for dirpath, _, names in os.walk(root):
    for name in sorted(names):
        path = os.path.join(dirpath, name)
        with open(path, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        doc = str(uuid.uuid5(ns, sha))
        app.send_task("scripts.pdf_tasks.process_pdf_document", kwargs={
            "document_uuid": doc, "file_path": path, "project_uuid": project,
            "document_metadata": {"documentId": doc, "name": name, "file_type": "pdf",
                                  "project_uuid": project}}, queue="default", priority=5)
        n += 1
print(n)
