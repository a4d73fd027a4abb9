"""Which requests a live preview answers: those addressed to it (their ``Host`` header), so that a
web page the reader visits cannot read the preview through DNS rebinding. Both builders' previews
ask this: MkDocs' server through a wrapper of its app, Zensical's through a guard in front of it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

REFUSED = "This preview server only answers requests addressed to it.\n"


def allowed_hosts(host: str, port: int) -> Callable[[str], bool]:
    """Whether a request's Host header names this server: its own address, or loopback names
    when it listens on loopback; any address of this machine when it listens on all of them."""
    names = {host.lower().strip("[]"), "localhost", "127.0.0.1", "::1"}
    everywhere = host in ("0.0.0.0", "::")
    if everywhere:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}

    def allowed(header: str) -> bool:
        try:
            parts = urlsplit("//" + header)
            name, given_port = parts.hostname or "", parts.port
        except ValueError:
            return False
        if given_port != port:
            return False
        if name in names:
            return True
        try:
            return everywhere and bool(ipaddress.ip_address(name))
        except ValueError:
            return False

    return allowed
