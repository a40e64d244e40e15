"""How every real-browser check launches Chromium: Debian's build through Playwright (Playwright's
own download cannot run here), with the flags a shared, offline machine needs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Playwright

from widgetkit.browser import CHROMIUM_ARGS

CHROMIUM = os.environ.get("WIDGETKIT_CHROMIUM", "/usr/bin/chromium")
MISSING = (
    f"Chromium was not found at {CHROMIUM!r}; the browser tests need it. "
    "Install it with `apt-get install -y chromium` (scripts/setup --dev does this) "
    "or point WIDGETKIT_CHROMIUM at a Chromium binary."
)


def found() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def launch(p: Playwright) -> Browser:
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# Marks a page once its /events stream is open (its first message, `hello`, arrived): a save
# before that would be missed, so the live-reload tests wait for the mark.
MARK_EVENTS_OPEN = """
const Native = window.EventSource;
window.EventSource = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (e) => {
      if (JSON.parse(e.data).kind === "hello") document.documentElement.dataset.testEvents = "open";
    });
  }
};
"""

# The `serve_preview` fixture (conftest.py): `with serve_preview(app) as url:` once built.
ServePreview = Callable[[Any], AbstractContextManager[str]]
