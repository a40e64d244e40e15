"""Reading a request's JSON body: the one set of rules every POST route of the preview follows.

A body is refused while it arrives, as soon as it passes the route's limit (413), so a huge
upload never sits in memory; a declared `Content-Length` over the limit is refused unread. It is
read as strict JSON (RFC 8259): `NaN`, `Infinity` and numbers too large for a double are not
JSON and could not be sent back, integers of more than 4,300 digits are refused as Python's own
`int()` refuses them, and so is nesting deeper than `MAX_DEPTH` levels; each answers 400 with a
message saying which.

Example::

    try:
        body = await read_json(request, limit=1024 * 1024)
    except Problem as problem:
        return problem.response()
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic_core import from_json
from starlette.requests import Request
from starlette.responses import JSONResponse

__all__ = ["MAX_DEPTH", "Problem", "parse_json", "read_body", "read_json"]

# pydantic-core's parser stops at this depth, and so does openai-chatkit's request parsing.
MAX_DEPTH = 200
# A number only overflows a double with a three-digit exponent or 309 digits before it; the
# values are walked for infinities only when the text holds such a number (or looks like it).
_MAY_OVERFLOW = re.compile(rb"[eE]\+?0*[1-9][0-9]{2}|[0-9]{309}")


class Problem(Exception):
    """A request refused, answered as `{"error": {"code", "message", "details"?}, **extra}`: the
    one shape of every refusal the preview sends (its routes, the host guard, `/chatkit` warming
    up). `extra` goes beside `error` (a failed render's `payload` and `diagnostics`)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[dict[str, str]] | None = None,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details
        self.extra, self.headers = extra or {}, headers

    def response(self) -> JSONResponse:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        body = {"error": error, **self.extra}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The body's bytes; `Problem` 413 as soon as more than `limit` bytes are declared or came."""
    too_large = Problem(413, "body_too_large", f"The body is larger than {limit} bytes.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    # The declared length can be absent (chunked) or wrong, so count what actually arrives.
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def parse_json(body: bytes) -> Any:
    """`body` as strict JSON; `Problem` 400 saying what is wrong and where."""
    try:
        value = from_json(body, allow_inf_nan=False)
    except ValueError as exc:
        reason = str(exc)
        if reason.startswith("recursion limit exceeded"):
            reason = f"it nests deeper than {MAX_DEPTH} levels"
        elif reason.startswith("number out of range"):
            reason = f"a number has more than 4,300 digits ({reason})"
        elif b"NaN" in body or b"Infinity" in body:
            reason += " (NaN and Infinity are not JSON)"
        raise Problem(400, "invalid_json", f"The body is not valid JSON: {reason}.") from None
    if _MAY_OVERFLOW.search(body) and not _finite(value):
        message = "The body is not valid JSON: a number is too large for a double (it is Infinity)."
        raise Problem(400, "invalid_json", message)
    return value


async def read_json(request: Request, limit: int) -> Any:
    """`read_body` then `parse_json`."""
    return parse_json(await read_body(request, limit))


def _finite(value: Any) -> bool:
    todo = [value]
    while todo:
        v = todo.pop()
        if type(v) is float and not math.isfinite(v):
            return False
        if type(v) is dict:
            todo += v.values()
        elif type(v) is list:
            todo += v
    return True
