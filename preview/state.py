"""What one running preview holds: the widget library, the sandbox's calls and, once loaded, the
ChatKit server; and what the pages and the JSON API both read of it.

`app.py` builds the Starlette app around a `Preview`; `pages.py` draws from one. Neither imports
the other.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import Response

from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox.render import Rendered

from . import collector
from .calls import Calls
from .library import Entry, Library, State
from .wire import Problem

__all__ = [
    "CHATKIT_JS",
    "DEFAULT_DOMAIN_KEY",
    "INDEX_PAGE",
    "RENDERERS",
    "SCAN_WAIT",
    "WARMUP_WAIT",
    "ListQuery",
    "Preview",
    "Renderer",
    "first_scan",
    "preview_of",
    "widget_details",
]

Renderer = Literal["auto", "chatkit", "local"]
RENDERERS: tuple[Renderer, ...] = ("auto", "chatkit", "local")

CHATKIT_JS = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js"
# ChatKit.js accepts this placeholder for a custom backend served from localhost.
DEFAULT_DOMAIN_KEY = "domain_pk_localhost_dev"
WARMUP_WAIT = 15.0
# How long the index and /api/widgets wait for the first build's listing before answering
# "building".
SCAN_WAIT = 0.5
# How many widgets the index draws at once; the page's script asks for the next as it scrolls.
INDEX_PAGE = 100

Endpoint = Callable[[Request], Awaitable[Response]]


class Preview:
    """What one running preview holds: the widget library and, once loaded, the ChatKit server.

    `server_options` go to `PreviewServer(...)` as keyword arguments; that is the seam for the
    mock action handlers (`on_action=`, `on_sync_action=`).
    """

    def __init__(
        self,
        paths: list[Path],
        *,
        renderer: Renderer = "auto",
        domain_key: str = DEFAULT_DOMAIN_KEY,
        server_options: dict[str, Any] | None = None,
    ) -> None:
        # Filled by the reloader's first build in the sandbox, which sets `listed` once every
        # widget is in (its states pending) and `scanned` once their states are built: the
        # server process never imports the user's modules.
        self.library = Library(paths)
        self.calls = Calls(paths)  # the data editor's builds, the parameter schema, the handlers
        self.renderer: Renderer = renderer
        self.domain_key = domain_key
        self.server_options = server_options or {}
        self.server: Any = None  # a chatkit_server.PreviewServer once loaded
        self.server_error: str | None = None
        self.listed = asyncio.Event()
        self.scanned = asyncio.Event()
        self.server_ready = asyncio.Event()
        self._endpoint: Endpoint | None = None

    async def start(self) -> None:
        """Wait for the reloader's first build, then load the ChatKit server. Threads are made
        when something asks for one (`thread`), not for every state here: at thousands of
        states that seeding held the event loop for seconds and the memory of every tree."""
        await self.scanned.wait()
        try:
            with collector.held():  # its full passes over the import held the loop
                module = await asyncio.to_thread(
                    importlib.import_module, "widgetkit.preview.chatkit_server"
                )
            self.server = module.PreviewServer(**self.server_options)
            self._endpoint = module.chatkit_endpoint(self.server, on_thread=self.thread)
        except Exception as exc:  # a broken openai-chatkit install must not kill the pages
            self.server_error = f"{type(exc).__name__}: {exc}"
        finally:
            self.server_ready.set()

    async def render(self, entry: Entry, data: Any) -> Rendered:
        """Build `entry` with the data editor's `data`, in the sandbox, fresh from source."""
        return await self.calls.render(entry, data)

    async def schema(self, entry: Entry) -> dict[str, Any]:
        return await self.calls.schema(entry)

    def thread(self, thread_id: str) -> None:
        """Make the thread of a widget state if it is not there yet: ChatKit.js (or a page)
        names it by `library.thread_id_for` before anything put it in the store."""
        if self.server is None or self.server.store.has_thread(thread_id):
            return
        found = self.library.thread(thread_id)
        if found is not None:
            self.seed_state(*found)

    def seed_state(self, entry: Entry, state: State) -> None:
        """(Re)start the state's thread with its sample widget alone: what an action changed in
        it, and the replies it added, are gone."""
        if self.server is None or state.payload is None:
            return
        try:
            self.server.seed(
                state.payload, thread_id=state.thread_id, title=f"{entry.title} · {state.name}"
            )
        except Exception as exc:  # pydantic refuses what is not a Card/ListView/Basic root
            if any(d.code == "not-seedable" for d in state.diagnostics):
                return
            first = str(exc).splitlines()[0]
            message = f"ChatKit cannot hold this widget in a thread: {first}"
            hint = "make the root a Card, ListView or Basic"
            state.diagnostics.append(Diagnostic("", "error", "not-seedable", message, hint))
            entry.changed()

    async def chatkit(self, request: Request) -> Response:
        if not self.server_ready.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.server_ready.wait(), WARMUP_WAIT)
        if self._endpoint is None:
            message = self.server_error or (
                "The ChatKit server is still warming up (openai-chatkit's server module takes a "
                "few seconds to import); retry in a moment."
            )
            code = "server_failed" if self.server_error else "warming_up"
            return Problem(503, code, message, headers={"Retry-After": "1"}).response()
        return await self._endpoint(request)


def preview_of(request: Request) -> Preview:
    preview: Preview = request.app.state.preview
    return preview


async def first_scan(preview: Preview) -> bool:
    """Wait a moment for the first build to list every widget; False when it has not yet
    (answer "building"). Each listed widget's summary says whether its states are still
    `building`; a widget's page waits for `scanned`, when they are all built."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(preview.listed.wait(), SCAN_WAIT)
    return preview.listed.is_set()


async def widget_details(preview: Preview, entry: Entry) -> dict[str, Any]:
    return {
        **entry.summary(),
        "states": {name: s.to_dict() for name, s in entry.states.items()},
        "schema": await preview.schema(entry),
    }


@dataclass(frozen=True)
class ListQuery:
    """Which widgets the index and `/api/widgets` list: those matching `q` (words looked for in
    the title, name, file, id and state names) and, with `errors`, only the failing ones; then
    `limit` of them (all when None) from `offset`."""

    q: str = ""
    errors: bool = False
    offset: int = 0
    limit: int | None = None

    @classmethod
    def of(cls, request: Request, *, default_limit: int | None = None) -> ListQuery:
        """The query a request's parameters ask for; ValueError saying which one is wrong."""
        params = request.query_params
        errors = params.get("errors", "")
        if errors not in ("", "0", "1", "false", "true"):
            raise ValueError(f'"errors" is 1 or 0 (true or false), not "{errors}".')
        limit = _count(params.get("limit"), "limit")
        return cls(
            q=params.get("q", "").strip(),
            errors=errors in ("1", "true"),
            offset=_count(params.get("offset"), "offset") or 0,
            limit=default_limit if limit is None else limit,
        )

    def select(self, library: Library) -> list[Entry]:
        """Every matching entry, in index order (before `offset` and `limit`)."""
        return library.select(self.q, errors=self.errors)

    def page(self, selected: list[Entry]) -> list[Entry]:
        end = None if self.limit is None else self.offset + self.limit
        return selected[self.offset : end]


def _count(value: str | None, name: str) -> int | None:
    if value is None or value == "":
        return None
    if not value.isdigit():
        raise ValueError(f'"{name}" is a whole number, 0 or more, not "{value}".')
    return int(value)
