"""Save-to-screen latency of hot reload, beside uvicorn's own `--reload` as the baseline.

Writes a builder file N times and measures, inside Chromium, when the new text is on the page:
an init script watches the DOM (MutationObserver), waits for the next frame and logs `Date.now()`
against the wall-clock time the bench wrote the file (both read the same system clock).

- widgetkit: `widgetkit.preview` (local renderer) in its own process: watchfiles, the warm
  worker, SSE, a redraw in place.
- uvicorn --reload: a tiny Starlette app serving the same builder's output drawn by the same
  renderer, run by `uvicorn --reload` with its defaults; its page polls the server every 10 ms
  and reloads when a new process answers (what livereload-style setups do).

Run: .venv/bin/python bench/reload.py [--edits 30]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, sync_playwright

HERE = Path(__file__).resolve().parent
STATIC = HERE.parent / "preview" / "static"
CHROMIUM = os.environ.get("WIDGETKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

BUILDER = """\
from widgetkit import Card, Text, widget

@widget
def note() -> Card:
    return Card(Text({text!r}))
"""

# Runs in every document, reloads included: log the stage's text once a frame shows it.
WATCH_PAGE = """
new MutationObserver(() => requestAnimationFrame(() => {
  const text = document.querySelector('#stage [data-wk-type="Text"]')?.textContent;
  if (text && text !== window.__wkLast) { window.__wkLast = text; console.log("wk-seen " + Date.now() + " " + text); }
})).observe(document, { subtree: true, childList: true, characterData: true });
"""

BASELINE_APP = """\
import json, os
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
import cards

BOOT = str(os.getpid())
PAGE = '''<!doctype html><html><body><div id="stage"></div><script type="module">
import {{ renderWidget }} from "/static/renderer.js";
renderWidget(__PAYLOAD__, document.getElementById("stage"), {{ theme: "light", onAction() {{}} }});
const boot = "__BOOT__";
setInterval(() => fetch("/boot").then((r) => r.text()).then((b) => {{ if (b !== boot) location.reload(); }}, () => {{}}), 10);
</script></body></html>'''

async def index(request):
    payload = json.dumps(cards.note.build().to_dict())
    return HTMLResponse(PAGE.replace("__PAYLOAD__", payload).replace("__BOOT__", BOOT))

async def boot(request):
    return PlainTextResponse(BOOT)

app = Starlette(routes=[Route("/", index), Route("/boot", boot),
                       Mount("/static", StaticFiles(directory={static!r}))])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_http(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def wait_ready(port: int, timeout: float = 30) -> None:
    """Until the preview has loaded openai-chatkit: that import holds the GIL for seconds and
    would be measured as reload latency."""
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/api/widgets"
    while time.monotonic() < deadline:
        with urllib.request.urlopen(url, timeout=5) as response:
            if json.load(response)["server"]["ready"]:
                time.sleep(0.5)  # and the reloader's first build
                return
        time.sleep(0.1)
    raise RuntimeError("the preview's ChatKit server never became ready")


class Seen:
    """The texts the page logged, with the page's clock."""

    def __init__(self, page: Page) -> None:
        self.at: dict[str, float] = {}
        self.page = page
        page.on("console", self.log)

    def log(self, msg: ConsoleMessage) -> None:
        if msg.text.startswith("wk-seen "):
            _, ms, text = msg.text.split(" ", 2)
            self.at.setdefault(text, float(ms))

    def wait(self, text: str, timeout: float = 15) -> float:
        deadline = time.monotonic() + timeout
        while text not in self.at:
            if time.monotonic() > deadline:
                raise TimeoutError(f'"{text}" never showed')
            self.page.wait_for_timeout(2)
        return self.at[text]


def measure(page: Page, url: str, file: Path, edits: int, settle: float, tag: str) -> list[float]:
    seen = Seen(page)
    page.goto(url)
    seen.wait(f"{tag} 0")
    out = []
    for i in range(1, edits + 3):
        text = f"{tag} {i}"
        written = time.time() * 1000
        file.write_text(BUILDER.format(text=text))
        shown = seen.wait(text)
        if i > 2:  # the first two warm the path up
            out.append(shown - written)
        page.wait_for_timeout(settle * 1000)
    return out


def report(name: str, ms: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(ms, n=20)
    p50, p95 = statistics.median(ms), q[18]
    if os.environ.get("BENCH_VERBOSE"):
        print(name, [round(x) for x in ms])
    print(f"{name:16} n={len(ms):3}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
          f"min {min(ms):6.1f}  max {max(ms):7.1f}")  # fmt: skip
    return p50, p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as ours_dir, tempfile.TemporaryDirectory() as base_dir:
        ours, base = Path(ours_dir), Path(base_dir)
        (ours / "cards.py").write_text(BUILDER.format(text="wk 0"))
        (base / "cards.py").write_text(BUILDER.format(text="uv 0"))
        (base / "baseline_app.py").write_text(BASELINE_APP.format(static=str(STATIC)))
        ours_port, base_port = free_port(), free_port()
        serve = textwrap.dedent(f"""
            import uvicorn
            from pathlib import Path
            from widgetkit.preview.app import create_app
            app = create_app([Path({ours_dir!r})], renderer="local")
            uvicorn.run(app, host="127.0.0.1", port={ours_port}, log_level="warning",
                        timeout_graceful_shutdown=1)
        """)
        procs = [
            subprocess.Popen([sys.executable, "-c", serve], env=env),
            subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "baseline_app:app", "--reload", "--port",
                 str(base_port), "--log-level", "warning", "--reload-dir", base_dir],
                cwd=base_dir, env=env,
            ),
        ]  # fmt: skip
        try:
            wait_http(ours_port)
            wait_http(base_port)
            wait_ready(ours_port)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                context = browser.new_context()
                context.add_init_script(WATCH_PAGE)
                page = context.new_page()
                url = f"http://127.0.0.1:{ours_port}/widget/cards:note"
                wk = measure(page, url, ours / "cards.py", args.edits, 0.25, "wk")
                page = context.new_page()
                url = f"http://127.0.0.1:{base_port}/"
                uv = measure(page, url, base / "cards.py", args.edits, 0.5, "uv")
                browser.close()
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(10)
    print(f"save -> new text on the page, {args.edits} edits each, Chromium, local renderer")
    wk50, wk95 = report("widgetkit", wk)
    uv50, uv95 = report("uvicorn --reload", uv)
    print(f"ratio (uvicorn --reload / widgetkit): p50 {uv50 / wk50:.1f}x  p95 {uv95 / wk95:.1f}x")
    print(f"goal p50 <= 50 ms, p95 <= 120 ms: {'met' if wk50 <= 50 and wk95 <= 120 else 'NOT met'}")


if __name__ == "__main__":
    main()
