#!/usr/bin/env python3
"""Write N_DEL keys del:{i}:entities and N_KEEP keys keep:{i}:entities as
redis-cli --pipe input on stdout: each an entity-cache-like JSON array of
about SIZE bytes (entities with text, label, offset and score, as the
pipeline's extraction caches hold), with a one-hour TTL.

  json_values.py SIZE N_DEL N_KEEP

Deterministic (seeded); 500 distinct values are reused, so generating is fast.
"""
import json
import random
import sys

from seed_pipeline import cmd  # one RESP encoder for the bench scripts

WORDS = ["court", "plaintiff", "defendant", "section", "agreement", "party", "shall",
         "pursuant", "entity", "Acme", "Corp", "LLC", "2024", "New", "York"]


def value(rng, size):
    ents = []
    while len(json.dumps(ents)) < size:
        ents.append({
            "text": " ".join(rng.choice(WORDS) for _ in range(3)),
            "label": rng.choice(["ORG", "PERSON", "DATE"]),
            "start": rng.randint(0, 9999),
            "score": round(rng.random(), 3),
        })
    return json.dumps(ents).encode()


def main():
    size, n_del, n_keep = (int(a) for a in sys.argv[1:4])
    rng = random.Random(1)
    values = [value(rng, size) for _ in range(500)]
    w = sys.stdout.buffer
    for prefix, n in (("del", n_del), ("keep", n_keep)):
        for i in range(n):
            w.write(cmd("SET", f"{prefix}:{i}:entities", values[i % 500], "EX", 3600))


if __name__ == "__main__":
    main()
