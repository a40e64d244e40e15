"""The preview's Starlette app: pages, a JSON API, static files and the `/chatkit` endpoint.

Start-up is split so the first page is served at once. The widgets are found and built by the
hot reloader in the sandbox's worker process, so a module that loops or exits at import cannot
hang or kill the server. That build first imports every module and lists its widgets, then
builds their states. Until the listing is in, the index and `/api/widgets` wait at most
`SCAN_WAIT` seconds, then answer a "building" state that fills in over the `/events` `index`
message; a widget's own page and API wait until the states are built. openai-chatkit's server module (a ~4 s import: it pulls in the Agents SDK) loads after
the build in a thread; until it is there, `/chatkit` waits for it (up to `WARMUP_WAIT` seconds)
and then answers 503 with a message saying so. A widget state's thread, under an id derived from
the widget and state (`library.thread_id_for`), is made in the server's store when first asked
for: a `/chatkit` request naming it, or `POST /api/show`, which also puts it back to the sample.

Example::

    app = create_app([Path("gallery")], renderer="local")
    uvicorn.run(app, port=8000)
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from widgetkit.diagnostics import Diagnostic

from .broadcast import Broadcast, sse_endpoint
from .library import Entry, thread_id_for
from .security import HostGuard
from .state import (
    CHATKIT_JS,
    DEFAULT_DOMAIN_KEY,
    RENDERERS,
    SCAN_WAIT,
    WARMUP_WAIT,
    ListQuery,
    Preview,
    Renderer,
    first_scan,
    preview_of,
    widget_details,
)
from .wire import Problem, read_json

__all__ = [
    "CHATKIT_JS",
    "DEFAULT_DOMAIN_KEY",
    "RENDERERS",
    "SCAN_WAIT",
    "WARMUP_WAIT",
    "Preview",
    "create_app",
    "gallery_path",
]

HERE = Path(__file__).parent
STATIC = HERE / "static"
MAX_RENDER_BODY = 1024 * 1024


def gallery_path() -> Path:
    """The gallery's folder, found without importing (and so running) the gallery."""
    spec = importlib.util.find_spec("widgetkit.gallery")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - ships with us
        raise RuntimeError("widgetkit.gallery is not installed; reinstall widgetkit.")
    return Path(next(iter(spec.submodule_search_locations)))


async def api_widgets(request: Request) -> Response:
    """`GET /api/widgets[?q=…&errors=1&offset=…&limit=…]`: the widgets' summaries, the index's
    filter and paging (every widget by default); `matching` counts them all before paging.
    `building` until the first build has listed every widget, `pending` until it has built
    their states too (each summary's `building` says which are still to come)."""
    preview = preview_of(request)
    building = not await first_scan(preview)
    try:
        query = ListQuery.of(request)
    except ValueError as exc:
        return Problem(400, "invalid_query", str(exc)).response()
    selected = query.select(preview.library)
    # Encoded in a thread: thousands of summaries take tens of milliseconds, and a client
    # polling the list (a page loading, the bench) must not hold the loop that long each time.
    return await asyncio.to_thread(
        JSONResponse,
        {
            "widgets": [e.summary() for e in query.page(selected)],
            "matching": len(selected),
            "offset": query.offset,
            "building": building,
            "pending": not preview.scanned.is_set(),  # listed, their states still being built
            "server": {"ready": preview.server is not None, "error": preview.server_error},
        },
    )


# Enough for every card a screen shows at once, several times over.
MAX_THUMBNAILS = 200


async def api_thumbnails(request: Request) -> Response:
    """`GET /api/thumbnails?id=…&id=…`: for each widget, the first of its states that built,
    which the index draws small as its card scrolls into view. An unknown id is left out."""
    preview = preview_of(request)
    await preview.scanned.wait()
    ids = request.query_params.getlist("id")
    if len(ids) > MAX_THUMBNAILS:
        message = f"Ask for at most {MAX_THUMBNAILS} thumbnails at once, not {len(ids)}."
        return Problem(400, "too_many_ids", message).response()
    thumbnails = {}
    for entry_id in ids:
        entry = preview.library.get(entry_id)
        if entry is not None:
            state = next((s for s in entry.states.values() if s.payload is not None), None)
            thumbnails[entry_id] = {
                "state": state and state.name,
                "payload": state and state.payload,
            }
    return JSONResponse({"thumbnails": thumbnails})


async def api_widget(request: Request) -> Response:
    preview = preview_of(request)
    await preview.scanned.wait()
    entry_id = request.path_params["entry_id"]
    entry = preview.library.get(entry_id)
    if entry is None:
        return Problem(404, "widget_not_found", f'No widget has the id "{entry_id}".').response()
    return JSONResponse(await widget_details(preview, entry))


async def api_show(request: Request) -> Response:
    """`POST /api/show?id=…&state=…`: the page is about to show a sample state (chosen, reset,
    or on load), so its thread goes back to the sample. An action's result stays visible only
    until a state is shown again."""
    preview = preview_of(request)
    await preview.scanned.wait()
    entry = preview.library.get(request.query_params.get("id", ""))
    state = entry.states.get(request.query_params.get("state", "")) if entry else None
    if entry is None or state is None:
        return Problem(404, "state_not_found", "No widget state has that id and name.").response()
    preview.seed_state(entry, state)
    return JSONResponse({"thread_id": state.thread_id})


async def api_render(request: Request) -> Response:
    """Build a widget with edited data (or check edited widget JSON) and return the result.

    Body: `{"id": ..., "data": {...}, "state": ...}` runs a builder with `data` (a payload
    entry takes `data` as the widget JSON itself); `{"payload": {...}}` checks any widget JSON.
    Answers `{"payload", "diagnostics", "thread_id"}`; 422 when the data does not fit the
    builder's parameters or the builder fails (with diagnostics saying why).
    """
    preview = preview_of(request)
    try:
        request_json = await read_json(request, MAX_RENDER_BODY)
    except Problem as refused:
        return refused.response()
    if not isinstance(request_json, dict):
        message = 'The body must be an object with "id" and "data".'
        return Problem(400, "invalid_request", message).response()
    await preview.scanned.wait()
    if "payload" in request_json and "id" not in request_json:
        from widgetkit.validate import validate

        payload = request_json["payload"]
        return JSONResponse({"payload": payload, "diagnostics": _dicts(validate(payload))})
    entry_id, data = request_json.get("id"), request_json.get("data")
    if not isinstance(entry_id, str) or "data" not in request_json:
        message = 'Send {"id": <widget id>, "data": {...}} or {"payload": {...}}.'
        return Problem(400, "invalid_request", message).response()
    entry = preview.library.get(entry_id)
    if entry is None:
        return Problem(404, "widget_not_found", f'No widget has the id "{entry_id}".').response()
    result = await preview.render(entry, data)
    found = result.data_errors + result.diagnostics
    if not result.ok:
        message = found[0].message if found else "The builder returned no widget."
        extra = {"payload": None, "diagnostics": _dicts(found)}
        return Problem(422, "render_failed", message, extra=extra).response()
    thread_id = _seed_scratch(preview, entry, request_json.get("state"), result.payload)
    return JSONResponse(
        {"payload": result.payload, "diagnostics": _dicts(found), "thread_id": thread_id}
    )


def _seed_scratch(preview: Preview, entry: Entry, state: Any, payload: Any) -> str | None:
    """Put an edited widget in a thread of its own, so ChatKit.js can show it too.

    The sample state's thread is left alone: a reload shows the sample again.
    """
    if preview.server is None or not isinstance(payload, dict):
        return None
    thread_id = thread_id_for(entry.id, f"{state}*edited")
    try:
        preview.server.seed(payload, thread_id=thread_id, title=f"{entry.title} · edited")
    except Exception:  # not a root: the diagnostics already say so
        return None
    return thread_id


def _dicts(diagnostics: list[Diagnostic]) -> list[dict[str, str]]:
    return [d.to_dict() for d in diagnostics]


async def _start_calls(preview: Preview) -> None:
    """Start the calls worker once the first build is in: on a small machine its warm-up (which
    imports every module) would otherwise compete with that build for the first index."""
    await preview.scanned.wait()
    preview.calls.start()


def create_app(
    paths: list[Path] | None = None,
    *,
    renderer: Renderer = "auto",
    domain_key: str = DEFAULT_DOMAIN_KEY,
    server_options: dict[str, Any] | None = None,
    reload: bool = True,
    host: str = "127.0.0.1",
    allow_hosts: Sequence[str] = (),
) -> Starlette:
    """The preview app for the widgets under `paths` (default: the gallery).

    `host` is the interface the server binds: requests naming another Host (DNS rebinding) or
    changing state from another origin are refused (security.py); `allow_hosts` adds Host names.
    The widgets are built in the sandbox (`widgetkit.sandbox`) in every mode; with `reload`, a
    watch task also rebuilds what a save changes and pushes it to the pages over `/events`
    (see watch.py).
    """
    from . import pages

    if renderer not in RENDERERS:
        raise ValueError(f'Renderer "{renderer}" is not one of {", ".join(RENDERERS)}.')
    chosen = [Path(p) for p in paths] if paths else [gallery_path()]
    preview = Preview(
        chosen,
        renderer=renderer,
        domain_key=domain_key,
        server_options=server_options,
    )
    # The mock action handlers and the action log (see actions.py); before start() builds the server.
    from .actions import ActionService

    actions = ActionService(preview)

    broadcast = Broadcast()
    stop = asyncio.Event()  # set at shutdown: ends the watch task and every open event stream

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(preview.start())
        calls = asyncio.create_task(_start_calls(preview))
        from .watch import Reloader

        app.state.reloader = Reloader(preview, broadcast, follow=reload)
        watching = asyncio.create_task(app.state.reloader.run(stop))
        try:
            yield
        finally:
            stop.set()
            for t in (task, calls, watching):
                if t is not None:
                    t.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await t
            await preview.calls.close()

    routes = [
        *pages.routes(),
        Route("/api/widgets", api_widgets),
        Route("/api/thumbnails", api_thumbnails),
        Route("/api/widget/{entry_id:path}", api_widget),
        Route("/api/render", api_render, methods=["POST"]),
        Route("/api/show", api_show, methods=["POST"]),
        Route("/chatkit", preview.chatkit, methods=["POST"]),
        *actions.routes(),
        Route("/events", sse_endpoint(broadcast, stop=stop)),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Mount(
            "/gallery-assets",
            StaticFiles(directory=gallery_path() / "assets", check_dir=False),
            name="gallery-assets",
        ),
    ]
    guard = Middleware(HostGuard, bind=host, allow_hosts=allow_hosts)
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[guard])
    app.state.preview = preview
    app.state.actions = actions
    app.state.broadcast = broadcast
    return app
