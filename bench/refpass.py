#!/usr/bin/env python3
"""Helper for the bench/*.sh scripts: free-port picking and readiness wait.

Speaks RESP over a raw socket (no redis-py needed). Output is KEY=VALUE
lines, so that the shell scripts can eval it.

  freeport                       pick a free 127.0.0.1 TCP port (never 6379)
  wait PORT [TIMEOUT_S]          wait until the server answers PING
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


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd, args = argv[0], argv[1:]
    if cmd == "freeport":
        cmd_freeport()
    elif cmd == "wait":
        cmd_wait(int(args[0]), *(float(a) for a in args[1:2]))
    else:
        sys.exit("unknown sub-command %r\n%s" % (cmd, __doc__))


if __name__ == "__main__":
    main(sys.argv[1:])
