"""redis-py's Lock, driven by tests/lock.rs for interop checks.

usage: lockpy.py URL acquire KEY TIMEOUT      -> prints the token (exit 3 if busy)
       lockpy.py URL try KEY COUNT INTERVAL   -> non-blocking tries; prints "acquired=N tries=M"
       lockpy.py URL release KEY TOKEN        -> prints "released" or "not-owned"

URL may start with "cluster+" (cluster+redis://host:port) for RedisCluster.
"""
import sys
import time

import redis
from redis.exceptions import LockNotOwnedError


def client(url):
    if url.startswith("cluster+"):
        return redis.cluster.RedisCluster.from_url(url[len("cluster+"):])
    return redis.Redis.from_url(url)


def main(argv):
    url, op, key = argv[1], argv[2], argv[3]
    r = client(url)
    if op == "acquire":
        lock = r.lock(key, timeout=float(argv[4]))
        if not lock.acquire(blocking=False):
            return 3
        print(lock.local.token.decode())
        return 0
    if op == "try":
        count, interval = int(argv[4]), float(argv[5])
        acquired = 0
        for i in range(count):
            lock = r.lock(key, timeout=10)
            if lock.acquire(blocking=False):
                acquired += 1
                lock.release()
            if i + 1 < count:
                time.sleep(interval)
        print(f"acquired={acquired} tries={count}")
        return 0
    if op == "release":
        lock = r.lock(key, timeout=10)
        lock.local.token = argv[4].encode()
        try:
            lock.release()
            print("released")
        except LockNotOwnedError:
            print("not-owned")
        return 0
    print(f"unknown operation {op}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
