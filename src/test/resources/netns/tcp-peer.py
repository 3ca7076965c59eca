#!/usr/bin/env python3
"""TCP probe for the network-namespace tests; standard library only.

serve ADDRESS PORT LOG LIFETIME_SECONDS
    Listens on ADDRESS:PORT, writes "listening" to LOG once ready, then for every client writes
    "peer <client address>" to LOG and sends the same line back. Exits after LIFETIME_SECONDS
    so a leaked server cannot outlive the test run for long.
connect ADDRESS PORT TIMEOUT_SECONDS
    Connects from this namespace and prints "local <own address> <line the server sent>".
    Exit 0 on an answer, 3 on timeout, 4 on any other network error.
"""
import socket
import sys
import time


def serve(address, port, log_path, lifetime):
    deadline = time.monotonic() + lifetime
    with socket.create_server((address, port)) as server, open(log_path, "a") as log:
        server.settimeout(0.2)
        print("listening", file=log, flush=True)
        while time.monotonic() < deadline:
            try:
                conn, peer = server.accept()
            except socket.timeout:
                continue
            with conn:
                line = f"peer {peer[0]}"
                print(line, file=log, flush=True)
                conn.settimeout(2)
                try:
                    conn.sendall((line + "\n").encode())
                except OSError:
                    pass
    return 0


def connect(address, port, timeout):
    try:
        with socket.create_connection((address, port), timeout=timeout) as conn:
            local = conn.getsockname()[0]
            answer = b""
            while not answer.endswith(b"\n"):
                chunk = conn.recv(256)
                if not chunk:
                    break
                answer += chunk
            print(f"local {local} {answer.decode().strip()}")
            return 0
    except socket.timeout:
        print("timeout")
        return 3
    except OSError as e:
        print(f"error {e.errno} {e.strerror}")
        return 4


def main(argv):
    if len(argv) == 5 and argv[0] == "serve":
        return serve(argv[1], int(argv[2]), argv[3], float(argv[4]))
    if len(argv) == 4 and argv[0] == "connect":
        return connect(argv[1], int(argv[2]), float(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
