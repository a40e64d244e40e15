"""Real-Chromium fixtures for the offline renderer: Debian's chromium driven by Playwright, and
preview/static served over a local HTTP server (ES modules do not load from file:// URLs)."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from widgetkit.preview.threaded import serve_in_thread

# Beside this file (pytest puts a conftest's folder, not in a package, on sys.path).
import chromium  # isort: skip

STATIC = Path(__file__).resolve().parents[2] / "preview" / "static"


# Every image the page began to load has loaded or failed, so its onload / onerror has run:
# what a test that asserts nothing ran waits for, rather than a fixed time. (A lazy image that
# has not started has no currentSrc; it runs nothing yet.)
IMAGES_SETTLED = "[...document.images].every((i) => i.complete || !i.currentSrc)"


def _settle(page: Page) -> None:
    page.wait_for_function(IMAGES_SETTLED)
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.fixture(scope="session")
def settle() -> Callable[[Page], None]:
    """`settle(page)` waits until the page's images have loaded or failed."""
    return _settle


@pytest.fixture(scope="session", autouse=True)
def generous_expect_timeout() -> None:
    # Playwright's expect() gives up after 5 s; a machine busy with other test suites can take
    # longer to draw. It waits only as long as it must, so a generous limit costs nothing.
    expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not chromium.found():
        pytest.fail(chromium.MISSING)
    if not (STATIC / "vendor" / "build.json").is_file():
        pytest.fail(
            "preview/static/vendor is missing; run scripts/setup "
            "(it builds the browser files with `python scripts/build_assets.py`)."
        )
    with sync_playwright() as p:
        b = chromium.launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def serve_preview() -> chromium.ServePreview:
    """`with serve_preview(app) as url:` serves a preview app from a thread, once its first
    build is in: until then /api/widgets says its states are "pending" (the build runs in a
    worker, which a busy machine may take a while to start)."""

    @contextmanager
    def serve(app: Any) -> Iterator[str]:
        with serve_in_thread(app) as url:
            deadline = time.monotonic() + 120
            while httpx.get(f"{url}/api/widgets", timeout=60).json()["pending"]:
                assert time.monotonic() < deadline, "the first build did not finish in 120 s"
            yield url

    return serve


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def static_url() -> Iterator[str]:
    """preview/static served on 127.0.0.1 at a free port, from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(STATIC))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Harness:
    """A page on harness.html that records console errors, page errors and dialogs."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("dialog", self._dialog)

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.errors.append(msg.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def render(self, widget: Any, **options: Any) -> None:
        """Renders `widget` and waits for charts and fonts."""
        self.page.evaluate("([w, o]) => window.wk.render(w, o)", [widget, options])

    def settle(self) -> None:
        """Waits until the page's images have loaded or failed (their handlers have run)."""
        _settle(self.page)

    def actions(self) -> list[dict[str, Any]]:
        return self.page.evaluate("window.__wkActions")

    def at(self, pointer: str) -> Any:
        """The element drawn for the node at JSON pointer `pointer`."""
        return self.page.locator(f'[data-wk-path="{pointer}"]')


@pytest.fixture
def harness(browser: Browser, static_url: str) -> Iterator[Harness]:
    context = browser.new_context(viewport={"width": 560, "height": 720}, device_scale_factor=2)
    page = context.new_page()
    h = Harness(page)
    # A trap any executed payload would spring: tests assert it stays unset.
    page.add_init_script(
        "Object.defineProperty(window, '__pwned', {value: undefined, writable: true})"
    )
    page.goto(f"{static_url}/harness.html")
    page.wait_for_selector("html[data-wk-harness=ready]")
    yield h
    context.close()
