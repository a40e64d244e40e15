"""Who may talk to the preview: a Host check (DNS rebinding) and an Origin check (cross-site
requests), as one pure ASGI middleware.

A local dev server is reachable from every web page the user has open. Two attacks follow:

- **DNS rebinding**: evil.example resolves first to its own server, then to 127.0.0.1, and its
  page reads and drives the preview as if same-origin. The browser still sends
  `Host: evil.example:8000`, so a request whose Host is not the host the preview was bound to
  is refused (421, which tells a browser the request reached the wrong server).
- **Cross-site requests**: any page can POST to http://127.0.0.1:8000/chatkit (a "simple"
  request needs no CORS preflight) and make a handler run. Browsers send `Origin` with every
  POST/PUT/DELETE and `Sec-Fetch-Site` with every request, so a state-changing request from
  another origin is refused (403). A request with neither (curl, scripts, tests) comes from no
  web page and passes.

A header read twice is read the way the attacker chose (Starlette keeps the last `Origin`, a
proxy may keep the first), so a request with more than one `Host` (400, as RFC 9112 asks) or
more than one `Origin` or `Sec-Fetch-Site` (403) is refused rather than interpreted.

Example::

    app = Starlette(routes=..., middleware=[Middleware(HostGuard, bind="127.0.0.1")])
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from .wire import Problem

__all__ = ["LOOPBACK_NAMES", "HostGuard", "split_host"]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_WILDCARDS = frozenset({"0.0.0.0", "::", ""})
_SINGLE = ("host", "origin", "sec-fetch-site")  # headers the guard decides on: one each at most


def split_host(value: str) -> tuple[str, int | None] | None:
    """`Host` header → (lower-case name without brackets, port or None); None when malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, sep, rest = value[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    else:
        name, sep, port_text = value.rpartition(":")
        if not sep:
            name, port_text = value, None
        elif ":" in name:  # an unbracketed IPv6 literal has no port
            name, port_text = value, None
    if not name:
        return None
    if port_text is None:
        return name, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return None
    return name, int(port_text)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    return name == "localhost" or (_is_ip(name) and ipaddress.ip_address(name).is_loopback)


class HostGuard:
    """Refuse requests for another Host (421) and state-changing requests from another origin (403).

    `bind` is the interface the server listens on. Bound to loopback, the Host must name a
    loopback address (127.0.0.1, localhost, [::1]); bound to every interface (0.0.0.0, ::), any
    IP literal and localhost; bound to one name or address, that one. `allow_hosts` adds names
    (`widgetkit preview --allow-host NAME`). The port, when the Host gives one, must be the port
    the request arrived on.
    """

    def __init__(self, app: ASGIApp, *, bind: str = "127.0.0.1", allow_hosts: Iterable[str] = ()):
        self.app = app
        self.bind = bind.strip("[]").lower()
        self.names = {n.strip("[]").lower() for n in allow_hosts}
        self.wildcard = self.bind in _WILDCARDS
        if _is_loopback(self.bind) or self.wildcard:
            self.names |= LOOPBACK_NAMES if _is_loopback(self.bind) else {"localhost"}
        else:
            self.names.add(self.bind)

    def host_allowed(self, name: str) -> bool:
        if name in self.names:
            return True
        if self.wildcard:
            return _is_ip(name)
        return _is_loopback(self.bind) and _is_ip(name) and ipaddress.ip_address(name).is_loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, code, message = refusal
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
            return
        await Problem(status, code, message).response()(scope, receive, send)

    def refusal(self, scope: Scope) -> tuple[int, str, str] | None:
        headers, repeated = _headers(scope)
        if repeated:
            name = repeated[0]
            message = (
                f"The request has more than one {name.title()} header; send exactly one, "
                "so there is no doubt which one the preview checked."
            )
            return (400 if name == "host" else 403), f"duplicate_{name.replace('-', '_')}", message
        host_header = headers.get("host", "")
        host = split_host(host_header)
        server = scope.get("server")
        port = server[1] if server else None
        if (
            host is None
            or not self.host_allowed(host[0])
            or (host[1] is not None and port is not None and host[1] != port)
        ):
            allowed = ", ".join(sorted(self.names)) + (
                " or any IP address" if self.wildcard else ""
            )
            message = (
                f"The Host {host_header!r} is not one this preview serves (it answers {allowed}"
                f"{f' on port {port}' if port else ''}). If you opened it under another name on "
                "purpose, restart it with `widgetkit preview --allow-host NAME`."
            )
            return 421, "wrong_host", message
        if scope.get("method", "GET") not in _UNSAFE:
            return None
        origin = headers.get("origin")
        scheme = scope.get("scheme", "http")
        if origin is not None and origin.lower() != f"{scheme}://{host_header}".lower():
            message = (
                f"A {scope.get('method')} from the origin {origin!r} is refused: only pages "
                f"served by this preview ({scheme}://{host_header}) may change its state."
            )
            return 403, "cross_origin", message
        if headers.get("sec-fetch-site") == "cross-site":
            message = (
                f"A cross-site {scope.get('method')} is refused: only pages served by this "
                "preview may change its state."
            )
            return 403, "cross_origin", message
        return None


def _headers(scope: Scope) -> tuple[dict[str, str], list[str]]:
    """The request's headers by lower-case name, and which of `_SINGLE` came more than once."""
    headers: dict[str, str] = {}
    repeated: list[str] = []
    for raw_name, raw_value in scope.get("headers", ()):
        name = raw_name.decode("latin-1").lower()
        if name in headers and name in _SINGLE:
            repeated.append(name)
        headers[name] = raw_value.decode("latin-1")
    return headers, repeated
