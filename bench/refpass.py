#!/usr/bin/env python3
"""Helper for bench/keys.sh: free-port picking, readiness wait and the
server-side "floor" reference passes.

Speaks RESP over a raw socket (no redis-py needed). The client's own speed
does not matter: the floors are read from INFO commandstats (server-side
usec spent inside the SCAN / UNLINK commands), not from wall time.

Sub-commands (all output is KEY=VALUE lines, numeric values only, so that the
shell script can eval it):

  freeport                       pick a free 127.0.0.1 TCP port (never 6379)
  wait PORT [TIMEOUT_S]          wait until the server answers PING
  scan PORT PATTERN [COUNT]      CONFIG RESETSTAT; SCAN .. MATCH .. COUNT ..
                                 until cursor 0; read cmdstat_scan
  delete PORT PATTERN [COUNT] [BATCH]
                                 CONFIG RESETSTAT; SCAN collecting keys;
                                 UNLINK them in batches; read cmdstat_scan +
                                 cmdstat_unlink
"""

import socket
import sys
import time


class Resp:
    def __init__(self, port, host="127.0.0.1", timeout=60.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.rfile = self.sock.makefile("rb", buffering=1 << 20)

    @staticmethod
    def encode(*args):
        out = [b"*%d\r\n" % len(args)]
        for a in args:
            if isinstance(a, str):
                a = a.encode()
            elif isinstance(a, int):
                a = str(a).encode()
            out.append(b"$%d\r\n%s\r\n" % (len(a), a))
        return b"".join(out)

    def read(self):
        line = self.rfile.readline()
        if not line:
            raise ConnectionError("connection closed by server")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RuntimeError("server error: " + rest.decode(errors="replace"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.rfile.read(n + 2)
            return data[:-2]
        if kind == b"*":
            n = int(rest)
            if n < 0:
                return None
            return [self.read() for _ in range(n)]
        raise RuntimeError("unexpected RESP type byte %r" % kind)

    def call(self, *args):
        self.sock.sendall(self.encode(*args))
        return self.read()

    def close(self):
        try:
            self.rfile.close()
        finally:
            self.sock.close()


def commandstats(r):
    """Parse INFO commandstats into {name: {'calls': int, 'usec': int}}."""
    text = r.call("INFO", "commandstats").decode()
    stats = {}
    for line in text.splitlines():
        if not line.startswith("cmdstat_"):
            continue
        name, _, fields = line.partition(":")
        kv = dict(f.split("=", 1) for f in fields.split(","))
        stats[name[len("cmdstat_"):]] = {
            "calls": int(kv.get("calls", 0)),
            "usec": int(kv.get("usec", 0)),
        }
    return stats


def cmd_freeport():
    while True:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        if port != 6379:
            print("PORT=%d" % port)
            return


def cmd_wait(port, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            r = Resp(port, timeout=2.0)
            try:
                if r.call("PING") == b"PONG":
                    print("READY=1")
                    return
            finally:
                r.close()
        except (OSError, ConnectionError, RuntimeError):
            pass
        if time.monotonic() > deadline:
            sys.exit("redis on port %d not ready after %.0fs" % (port, timeout))
        time.sleep(0.05)


def scan_all(r, pattern, count):
    cursor = b"0"
    while True:
        cursor, keys = r.call("SCAN", cursor, "MATCH", pattern, "COUNT", count)
        yield keys
        if cursor == b"0":
            return


def cmd_scan(port, pattern, count=10000):
    r = Resp(port)
    r.call("CONFIG", "RESETSTAT")
    t0 = time.perf_counter()
    seen = set()
    returned = 0
    for keys in scan_all(r, pattern, count):
        returned += len(keys)
        seen.update(keys)
    wall = time.perf_counter() - t0
    st = commandstats(r).get("scan", {"calls": 0, "usec": 0})
    r.close()
    print("SCAN_CALLS=%d" % st["calls"])
    print("SCAN_USEC=%d" % st["usec"])
    print("FLOOR_USEC=%d" % st["usec"])
    print("KEYS_RETURNED=%d" % returned)
    print("KEYS_DISTINCT=%d" % len(seen))
    print("CLIENT_WALL=%.6f" % wall)


def cmd_delete(port, pattern, count=10000, batch=1000):
    r = Resp(port)
    r.call("CONFIG", "RESETSTAT")
    t0 = time.perf_counter()
    # Collect first, then UNLINK: deleting while iterating can shrink the
    # dict mid-scan, which makes SCAN's work less deterministic.
    keys = set()
    for chunk in scan_all(r, pattern, count):
        keys.update(chunk)
    keys = list(keys)
    unlinked = 0
    window = 16  # pipeline depth; purely a client-side convenience
    batches = [keys[i:i + batch] for i in range(0, len(keys), batch)]
    for w in range(0, len(batches), window):
        group = batches[w:w + window]
        r.sock.sendall(b"".join(Resp.encode("UNLINK", *b) for b in group))
        for _ in group:
            unlinked += r.read()
    wall = time.perf_counter() - t0
    stats = commandstats(r)
    r.close()
    sc = stats.get("scan", {"calls": 0, "usec": 0})
    ul = stats.get("unlink", {"calls": 0, "usec": 0})
    print("SCAN_CALLS=%d" % sc["calls"])
    print("SCAN_USEC=%d" % sc["usec"])
    print("UNLINK_CALLS=%d" % ul["calls"])
    print("UNLINK_USEC=%d" % ul["usec"])
    print("FLOOR_USEC=%d" % (sc["usec"] + ul["usec"]))
    print("KEYS_DISTINCT=%d" % len(keys))
    print("KEYS_UNLINKED=%d" % unlinked)
    print("CLIENT_WALL=%.6f" % wall)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd, args = argv[0], argv[1:]
    if cmd == "freeport":
        cmd_freeport()
    elif cmd == "wait":
        cmd_wait(int(args[0]), *(float(a) for a in args[1:2]))
    elif cmd == "scan":
        cmd_scan(int(args[0]), args[1], *(int(a) for a in args[2:3]))
    elif cmd == "delete":
        cmd_delete(int(args[0]), args[1], *(int(a) for a in args[2:4]))
    else:
        sys.exit("unknown sub-command %r\n%s" % (cmd, __doc__))


if __name__ == "__main__":
    main(sys.argv[1:])
