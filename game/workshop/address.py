"""The address trainees type to reach the door, when it listens on every interface."""

from __future__ import annotations

import socket

WILDCARDS = frozenset({"", "0.0.0.0", "::"})
"""Hosts that mean "every interface": no browser can be sent there."""


def primary_address() -> str:
    """This machine's address on its main network (the one its default route uses).

    Connecting a UDP socket sends nothing; it only makes the system pick the interface
    it would route through, whose address is the one other machines on the network see.
    Falls back to the address of the machine's name, then to loopback.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))  # any routable address; none is contacted
            address = str(probe.getsockname()[0])
        if not address.startswith("0."):
            return address
    except OSError:
        pass
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"


def door_url(host: str, port: int) -> str:
    """The door's address as a trainee types it.

    Args:
        host: the interface the door listens on; for every interface, the machine's
            main address is named instead.
        port: the port it listens on.
    """
    shown = primary_address() if host in WILDCARDS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
