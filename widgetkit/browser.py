"""Chromium through Playwright, for drawing widgets outside a browser tab (`widgetkit screenshot`,
the `widget_image` fixture) and for widgetkit's own browser tests.

Playwright is an optional extra (`pip install 'widgetkit[screenshot]'`); the browser is a
system Chromium when there is one (Debian's `/usr/bin/chromium`, or `WIDGETKIT_CHROMIUM`), else
the one `playwright install chromium` downloads. When either is missing, `BrowserMissing` says
how to get it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# Flags for a shared or headless machine: no sandbox (containers), no GPU, nothing that phones
# home or updates itself while a test runs.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "chromium", "chromium-browser")

NO_PLAYWRIGHT = (
    "drawing a widget needs Playwright, an optional extra: pip install 'widgetkit[screenshot]' "
    "(and a Chromium: see below). `widgetkit screenshot --html` needs neither."
)
NO_CHROMIUM = (
    "Chromium was not found{where}. Install it (Debian or Ubuntu: `apt-get install chromium`; "
    "elsewhere `playwright install chromium`), or point WIDGETKIT_CHROMIUM at a Chromium binary."
)


class BrowserMissing(Exception):
    """Playwright or Chromium is not installed; the message says how to install it."""


def executable() -> str | None:
    """The Chromium to launch: WIDGETKIT_CHROMIUM, a system Chromium, or None (Playwright's)."""
    named = os.environ.get("WIDGETKIT_CHROMIUM")
    if named:
        return named
    for candidate in SYSTEM_CHROMIUMS:
        found = candidate if Path(candidate).is_file() else shutil.which(candidate)
        if found:
            return found
    return None


def start() -> Playwright:
    """Playwright, started (stop it with `.stop()`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BrowserMissing(NO_PLAYWRIGHT) from exc
    return sync_playwright().start()


def launch(p: Playwright) -> Browser:
    """A headless Chromium with CHROMIUM_ARGS."""
    from playwright.sync_api import Error

    path = executable()
    if path is not None and not (Path(path).is_file() or shutil.which(path)):
        raise BrowserMissing(NO_CHROMIUM.format(where=f" at {path!r} (WIDGETKIT_CHROMIUM)"))
    try:
        return p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Error as exc:
        if path is None and "Executable doesn't exist" in str(exc):
            raise BrowserMissing(NO_CHROMIUM.format(where="")) from exc
        raise
