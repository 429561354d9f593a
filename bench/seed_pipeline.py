#!/usr/bin/env python3
"""Write a pipeline-shaped keyspace as redis-cli --pipe input on stdout.

  seed_pipeline.py DOCS DOCLIST_DIR

DOCS documents, each with the keys the pipeline writes (prefixed and legacy
derived caches, per-chunk entity/structured keys, state, metadata, import,
lock, batch keys, and the per-chunk entity caches entity:chunk:{chunk}:{md5[:8]}: two
named by the document's chunk list, one only by its value): 23 keys per document. Document ids are written to
DOCLIST_DIR/all.txt, one per line. Values are the JSON shapes of KEYSPACE.md.
"""
import hashlib
import json
import os
import sys
import uuid


def cmd(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def main():
    docs, outdir = int(sys.argv[1]), sys.argv[2]
    project = str(uuid.uuid4())
    w = sys.stdout.buffer
    ids = []
    for _ in range(docs):
        d = str(uuid.uuid4())
        ids.append(d)
        state = json.dumps({"pipeline": {"status": "completed", "timestamp": "2026-11-25T10:00:00.123456",
                                         "metadata": {"project_uuid": project}},
                            "last_update": {"stage": "pipeline", "status": "completed",
                                            "timestamp": "2026-11-25T10:00:00.123456"}})
        ocr = json.dumps({"text": "Lorem ipsum " * 20, "length": 240, "method": "textract"})
        listed = [str(uuid.uuid4()) for _ in range(2)]
        chunk_list = json.dumps([{"chunk_uuid": c, "chunk_index": i} for i, c in enumerate(listed)])
        keys = [
            (f"cache:doc:state:{d}", state, 86400),
            (f"cache:doc:ocr:{d}", ocr, 259200),
            (f"doc:ocr:{d}", ocr, 259200),
            (f"cache:doc:chunks:{d}", chunk_list, 86400),
            (f"doc:metadata:{d}", json.dumps({"project_uuid": project}), 86400),
            (f"doc:import:{d}", json.dumps({"document_uuid": d, "project_uuid": project}), 3600),
            (f"doc:entity_mentions:{d}", "[]", 86400),
            (f"doc:all_mentions:{d}", "[]", 43200),
            (f"doc:canonical_entities:{d}", "[]", 86400),
            (f"doc:resolved_mentions:{d}", "{}", 43200),
            (f"doc:relationships:{d}", "[]", 86400),
            (f"textract:result:{d}", json.dumps({"text": "x"}), 259200),
            (f"cache:doc:lock:{d}", uuid.uuid1().hex, 300),
        ]
        for c in range(3):
            chunk = str(uuid.uuid4())
            keys.append((f"cache:doc:entities:{d}:{chunk}", "[]", 43200))
            keys.append((f"cache:doc:structured:{d}:{chunk}", "{}", 86400))
        keys.append((f"emb:doc:{d}:0", "0.1,0.2", 86400))
        mention = json.dumps([{"text": "ACME", "type": "ORG", "document_uuid": d}])
        for i, c in enumerate(listed + [str(uuid.uuid4())]):
            tail = hashlib.md5(f"{d} chunk {i}".encode()).hexdigest()[:8]
            keys.append((f"entity:chunk:{c}:{tail}", "[]" if i == 0 else mention, 43200))
        for k, v, ttl in keys:
            w.write(cmd("SET", k, v, "EX", ttl))
    with open(os.path.join(outdir, "all.txt"), "w") as f:
        f.write("\n".join(ids) + "\n")


if __name__ == "__main__":
    main()
