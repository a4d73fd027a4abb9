"""A guard in front of Zensical's live preview: it answers only requests addressed to it.

Zensical's server answers whatever ``Host`` a request names, so a web page the reader visits could
read the preview through DNS rebinding (MkDocs' preview refuses those: :mod:`generator.site.hosts`).
So Zensical listens on a port of loopback that only leap knows, and the guard listens at the
address asked for: each connection whose first request names that address is passed on to Zensical
byte for byte (the live reload's WebSocket too); any other is answered 421 Misdirected Request.
A browser opens a connection of its own for each host name, so one named otherwise never reaches
Zensical.
"""

from __future__ import annotations

import selectors
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ...errors import LeapError
from ..hosts import REFUSED, allowed_hosts

HEAD_LIMIT = 64 * 1024  # a request's line and headers, at most
BUFFER = 64 * 1024


def split_address(address: str) -> tuple[str, int]:
    """``IP:PORT`` (``[::1]:8000`` for IPv6) as its host and port."""
    host, _, port = address.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def host_of(head: bytes) -> str | None:
    """The ``Host`` header of a request's head, if it has exactly one."""
    found = [
        line.split(b":", 1)[1].strip().decode("latin-1")
        for line in head.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]
        if line.split(b":", 1)[0].strip().lower() == b"host" and b":" in line
    ]
    return found[0] if len(found) == 1 else None


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address: tuple[str, int], target: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.target = target
        self.allowed = allowed_hosts(address[0], address[1])
        super().__init__(address, _Connection)


class _Connection(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        client: socket.socket = self.request
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(BUFFER)
            if not chunk or len(head) + len(chunk) > HEAD_LIMIT:
                return
            head += chunk
        host = host_of(head)
        if host is None or not self.server.allowed(host):
            body = REFUSED.encode("utf-8")
            client.sendall(
                b"HTTP/1.1 421 Misdirected Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode("ascii")
                + body
            )
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.server.target), timeout=30)
        except OSError:
            return
        with upstream:
            upstream.settimeout(None)
            upstream.sendall(head)
            _pipe(client, upstream)


def _pipe(one: socket.socket, other: socket.socket) -> None:
    """Pass bytes both ways until either side closes."""
    with selectors.DefaultSelector() as selector:
        selector.register(one, selectors.EVENT_READ, other)
        selector.register(other, selectors.EVENT_READ, one)
        while True:
            for key, _ in selector.select():
                source: socket.socket = key.fileobj  # type: ignore[assignment]
                try:
                    data = source.recv(BUFFER)
                    if not data:
                        return
                    key.data.sendall(data)
                except OSError:
                    return


@contextmanager
def guarded(address: str, target: int) -> Iterator[None]:
    """The guard, listening at ``address`` and passing what is addressed to it on to ``target``
    (a port of loopback), for as long as the context lasts."""
    try:
        server = _Server(split_address(address), target)
    except (OSError, ValueError) as err:
        raise LeapError(f"cannot serve at {address}: {getattr(err, 'strerror', None) or err}") from None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
