#!/usr/bin/env python3
"""The floor under any backup: what the server spends just to read the
values it is about to delete. Sends, on one raw socket, batches of 1000 of
the N_DEL keys (in a shuffled order, as SCAN hands them out rather than the
order they were written) as either

  unlink  UNLINK of the batch (what a plain delete costs the server), or
  read    MGET of the batch, PTTL of each key, then UNLINK of the batch
          (the least a backup must do: no atomicity, no type check, no DUMP)

and drains the replies on a thread until the end. bench/backup.sh measures
the server's CPU around each (read - unlink = the cost of reading).

  read_floor.py PORT MODE N_DEL KEYFORMAT      e.g. 6400 read 200000 del:%d
"""
import random
import socket
import sys
import threading

from seed_pipeline import cmd  # one RESP encoder for the bench scripts

END = b"END-OF-READ-FLOOR"


def stream(mode, n, fmt):
    order = list(range(n))
    random.Random(7).shuffle(order)
    out = []
    for s in range(0, n, 1000):
        keys = [fmt % i for i in order[s:s + 1000]]
        if mode == "read":
            out.append(cmd("MGET", *keys))
            out.extend(cmd("PTTL", k) for k in keys)
        out.append(cmd("UNLINK", *keys))
    out.append(cmd("ECHO", END))
    return b"".join(out)


def main():
    port, mode, n, fmt = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    data = stream(mode, n, fmt)
    sock = socket.create_connection(("127.0.0.1", port))

    def drain():
        tail = b""
        while END not in tail:
            got = sock.recv(1 << 20)
            if not got:
                raise SystemExit("the server closed the connection")
            tail = (tail + got)[-64:]

    reader = threading.Thread(target=drain)
    reader.start()
    sock.sendall(data)
    reader.join()


if __name__ == "__main__":
    main()
