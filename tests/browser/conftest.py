"""Real-Chromium fixtures for the offline renderer: Debian's chromium driven by Playwright, and
preview/static served over a local HTTP server (ES modules do not load from file:// URLs)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

STATIC = Path(__file__).resolve().parents[2] / "preview" / "static"
CHROMIUM = os.environ.get("WIDGETKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium was not found at {CHROMIUM!r}; the browser tests need it. "
            "Install it with `apt-get install -y chromium` (scripts/setup does this) "
            "or point WIDGETKIT_CHROMIUM at a Chromium binary."
        )
    if not (STATIC / "vendor" / "build.json").is_file():
        pytest.fail(
            "preview/static/vendor is missing; run scripts/setup "
            "(it builds the browser files with `python scripts/build_assets.py`)."
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


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
