"""The preview's Starlette app: pages, a JSON API, static files and the `/chatkit` endpoint.

Start-up is split so the first page is served at once. The widgets are found and built by the hot
reloader in the sandbox's worker process, so a module that loops or exits at import cannot hang
or kill the server. Until that first build is in, the index and
`/api/widgets` wait at most `SCAN_WAIT` seconds, then answer a "building" state that fills in
over the `/events` `index` message. openai-chatkit's server module (a ~4 s import, see DESIGN.md)
loads after the build in a thread; until it is there, `/chatkit` waits for it (up to
`WARMUP_WAIT` seconds) and then answers 503 with a message saying so. Once loaded, every widget state is seeded as a thread
in the server's store, under an id derived from the widget and state (`library.thread_id_for`).

Example::

    app = create_app([Path("gallery")], renderer="local")
    uvicorn.run(app, port=8000)
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox.render import Rendered

from .broadcast import Broadcast, sse_endpoint
from .calls import Calls
from .library import Entry, Library, State, thread_id_for
from .security import HostGuard

Renderer = Literal["auto", "chatkit", "local"]
RENDERERS: tuple[Renderer, ...] = ("auto", "chatkit", "local")

HERE = Path(__file__).parent
STATIC = HERE / "static"
CHATKIT_JS = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js"
# ChatKit.js accepts this placeholder for a custom backend served from localhost.
DEFAULT_DOMAIN_KEY = "domain_pk_localhost_dev"
WARMUP_WAIT = 15.0
MAX_RENDER_BODY = 1024 * 1024
# How long the index and /api/widgets wait for the first build before answering "building".
SCAN_WAIT = 0.5

Endpoint = Callable[[Request], Awaitable[Response]]


def gallery_path() -> Path:
    """The gallery's folder, found without importing (and so running) the gallery."""
    spec = importlib.util.find_spec("widgetkit.gallery")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - ships with us
        raise RuntimeError("widgetkit.gallery is not installed; reinstall widgetkit.")
    return Path(next(iter(spec.submodule_search_locations)))


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
        # Filled by the reloader's first build in the sandbox, which sets `scanned`: the server
        # process never imports the user's modules.
        self.library = Library(paths)
        self.calls = Calls(paths)  # the data editor's builds, the parameter schema, the handlers
        self.renderer: Renderer = renderer
        self.domain_key = domain_key
        self.server_options = server_options or {}
        self.server: Any = None  # a chatkit_server.PreviewServer once loaded
        self.server_error: str | None = None
        self.scanned = asyncio.Event()
        self.server_ready = asyncio.Event()
        self._endpoint: Endpoint | None = None

    async def start(self) -> None:
        """Wait for the reloader's first build, then load the ChatKit server and seed a thread
        per state."""
        await self.scanned.wait()
        try:
            module = await asyncio.to_thread(
                importlib.import_module, "widgetkit.preview.chatkit_server"
            )
            self.server = module.PreviewServer(**self.server_options)
            self._endpoint = module.chatkit_endpoint(self.server)
            for entry in self.library.entries.values():
                self.seed(entry)
        except Exception as exc:  # a broken openai-chatkit install must not kill the pages
            self.server_error = f"{type(exc).__name__}: {exc}"
        finally:
            self.server_ready.set()

    async def render(self, entry: Entry, data: Any) -> Rendered:
        """Build `entry` with the data editor's `data`, in the sandbox, fresh from source."""
        return await self.calls.render(entry, data)

    async def schema(self, entry: Entry) -> dict[str, Any]:
        return await self.calls.schema(entry)

    def seed(self, entry: Entry) -> None:
        """Put each built state of `entry` in the store as its own thread."""
        for state in entry.states.values():
            self.seed_state(entry, state)

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
            return JSONResponse(
                {"error": {"code": code, "message": message}},
                status_code=503,
                headers={"Retry-After": "1"},
            )
        return await self._endpoint(request)


def problem(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}, **extra}, status_code=status)


def _preview(request: Request) -> Preview:
    preview: Preview = request.app.state.preview
    return preview


async def first_scan(preview: Preview) -> bool:
    """Wait a moment for the first build; False when it is still going (answer "building")."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(preview.scanned.wait(), SCAN_WAIT)
    return preview.scanned.is_set()


async def api_widgets(request: Request) -> Response:
    preview = _preview(request)
    building = not await first_scan(preview)
    entries = preview.library.entries.values()
    return JSONResponse(
        {
            "widgets": [e.summary() for e in entries],
            "building": building,
            "server": {"ready": preview.server is not None, "error": preview.server_error},
        }
    )


async def api_widget(request: Request) -> Response:
    preview = _preview(request)
    await preview.scanned.wait()
    entry_id = request.path_params["entry_id"]
    entry = preview.library.get(entry_id)
    if entry is None:
        return problem(404, "widget_not_found", f'No widget has the id "{entry_id}".')
    return JSONResponse(await widget_details(preview, entry))


async def widget_details(preview: Preview, entry: Entry) -> dict[str, Any]:
    return {
        **entry.summary(),
        "states": {name: s.to_dict() for name, s in entry.states.items()},
        "schema": await preview.schema(entry),
    }


async def api_show(request: Request) -> Response:
    """`POST /api/show?id=…&state=…`: the page is about to show a sample state (chosen, reset,
    or on load), so its thread goes back to the sample. An action's result stays visible only
    until a state is shown again."""
    preview = _preview(request)
    await preview.scanned.wait()
    entry = preview.library.get(request.query_params.get("id", ""))
    state = entry.states.get(request.query_params.get("state", "")) if entry else None
    if entry is None or state is None:
        return problem(404, "state_not_found", "No widget state has that id and name.")
    preview.seed_state(entry, state)
    return JSONResponse({"thread_id": state.thread_id})


async def api_render(request: Request) -> Response:
    """Build a widget with edited data (or check edited widget JSON) and return the result.

    Body: `{"id": ..., "data": {...}, "state": ...}` runs a builder with `data` (a payload
    entry takes `data` as the widget JSON itself); `{"payload": {...}}` checks any widget JSON.
    Answers `{"payload", "diagnostics", "thread_id"}`; 422 when the data does not fit the
    builder's parameters or the builder fails (with diagnostics saying why).
    """
    preview = _preview(request)
    body = await request.body()
    if len(body) > MAX_RENDER_BODY:
        return problem(413, "body_too_large", f"The body is larger than {MAX_RENDER_BODY} bytes.")
    try:
        request_json = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return problem(400, "invalid_json", f"The body is not valid JSON: {exc}.")
    except RecursionError:  # json.loads recurses per level: a 1 MB body can nest far deeper
        return problem(400, "invalid_json", "The body nests too deeply to read as JSON.")
    if not isinstance(request_json, dict):
        return problem(400, "invalid_request", 'The body must be an object with "id" and "data".')
    await preview.scanned.wait()
    if "payload" in request_json and "id" not in request_json:
        from widgetkit.validate import validate

        payload = request_json["payload"]
        return JSONResponse({"payload": payload, "diagnostics": _dicts(validate(payload))})
    entry_id, data = request_json.get("id"), request_json.get("data")
    if not isinstance(entry_id, str) or "data" not in request_json:
        return problem(
            400, "invalid_request", 'Send {"id": <widget id>, "data": {...}} or {"payload": {...}}.'
        )
    entry = preview.library.get(entry_id)
    if entry is None:
        return problem(404, "widget_not_found", f'No widget has the id "{entry_id}".')
    result = await preview.render(entry, data)
    found = result.data_errors + result.diagnostics
    if not result.ok:
        message = found[0].message if found else "The builder returned no widget."
        return problem(422, "render_failed", message, payload=None, diagnostics=_dicts(found))
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
