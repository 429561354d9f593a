#!/usr/bin/env python3
"""The Python way for bench/intake.sh: what the pipeline's importer does per
file, one file after another — hash, boto3 put_object with the pipeline's
metadata, a psycopg INSERT into source_documents (committed), Celery's
apply_async of process_pdf_document, then the row's celery_task_id/status
UPDATE (committed).

  py_intake.py BROKER_URL DATABASE_URL S3_ENDPOINT BUCKET PROJECT_UUID DIR
"""
import datetime
import hashlib
import os
import sys
import uuid

import boto3
import psycopg
from celery import Celery

broker, dsn, endpoint, bucket, project, root = sys.argv[1:7]
app = Celery("pdf_pipeline", broker=broker)
app.conf.update(task_serializer="json", accept_content=["json"], task_default_queue="default",
                task_default_priority=5)
process_pdf_document = app.signature("scripts.pdf_tasks.process_pdf_document")
s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing",
                  aws_secret_access_key="testing", region_name="us-east-1")
conn = psycopg.connect(dsn)
project_id = conn.execute("SELECT id FROM projects WHERE project_id = %s", (project,)).fetchone()[0]
session = uuid.uuid4()
conn.execute("INSERT INTO import_sessions (session_uuid, project_uuid, manifest_data) VALUES (%s, %s, '{}')",
             (session, project))
conn.commit()
ns = uuid.UUID(project)
n = 0
for dirpath, _, names in os.walk(root):
    for name in sorted(names):
        path = os.path.join(dirpath, name)
        with open(path, "rb") as f:
            body = f.read()
        doc = str(uuid.uuid5(ns, hashlib.sha256(body).hexdigest()))
        ext = os.path.splitext(name)[1].lower()
        key = f"documents/{doc}{ext}"
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/pdf", Metadata={
            "original-filename": name, "document-uuid": doc,
            "upload-timestamp": datetime.datetime.utcnow().isoformat(), "content-type": "application/pdf"})
        conn.execute(
            "INSERT INTO source_documents (document_uuid, project_uuid, project_fk_id, import_session_id, "
            "file_name, original_file_name, original_file_path, file_path, file_type, file_size_bytes, "
            "s3_key, s3_bucket, s3_region, status) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'pending')",
            (doc, project, project_id, session, name, name, path, f"s3://{bucket}/{key}", "pdf", len(body),
             key, bucket, "us-east-1"))
        conn.commit()
        r = app.send_task("scripts.pdf_tasks.process_pdf_document", kwargs={
            "document_uuid": doc, "file_path": f"s3://{bucket}/{key}", "project_uuid": project,
            "document_metadata": {"documentId": doc, "name": name, "file_type": "pdf",
                                  "project_uuid": project}}, queue="default", priority=5)
        conn.execute("UPDATE source_documents SET celery_task_id = %s, status = 'processing' WHERE document_uuid = %s",
                     (r.id, doc))
        conn.commit()
        n += 1
conn.execute("UPDATE import_sessions SET total_documents = %s, processed_documents = %s, status = 'completed', "
             "completed_at = now() WHERE session_uuid = %s", (n, n, session))
conn.commit()
print(n)
