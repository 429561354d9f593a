"""S3 checks for the intake tests, with boto3 (an independent client) against
the moto server the harness started.

  LDP_TEST_S3   the server's endpoint (http://127.0.0.1:PORT)

  s3_tool.py create BUCKET   create a bucket
  s3_tool.py dump BUCKET     JSON {objects: [{key, size, sha256, content_type,
                             metadata}], uploads: <open multipart uploads>}
"""
import hashlib
import json
import os
import sys

import boto3

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["LDP_TEST_S3"],
    aws_access_key_id="testing",
    aws_secret_access_key="testing",
    region_name="us-east-1",
)

cmd, bucket = sys.argv[1], sys.argv[2]
if cmd == "create":
    s3.create_bucket(Bucket=bucket)
elif cmd == "dump":
    objects = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for o in page.get("Contents", []):
            got = s3.get_object(Bucket=bucket, Key=o["Key"])
            body = got["Body"].read()
            objects.append(
                {
                    "key": o["Key"],
                    "size": len(body),
                    "sha256": hashlib.sha256(body).hexdigest(),
                    "content_type": got.get("ContentType"),
                    "metadata": got.get("Metadata", {}),
                }
            )
    uploads = s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    print(json.dumps({"objects": objects, "uploads": len(uploads)}))
else:
    sys.exit(f"unknown command {cmd}")
