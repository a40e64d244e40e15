"""How fast `widgetkit preview` starts, draws its first widget, and serves a 100-widget index.

Run: .venv/bin/python bench/preview_start.py [--runs 3]

Prints, side by side in one run:
- start of `widgetkit preview --no-browser` to its first page served (goal <= 1 s), next to a bare
  `import chatkit.server` (what the start would cost if that import sat on the path);
- start to the first widget drawn by the offline renderer in Chromium, from the builder's payload
  and then from the widget's ChatKit thread (which waits for the background server import);
- a generated 100-widget folder: start to the index served, and the index served warm.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(paths: list[str]) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start the preview; return it, its URL and the moment it was started."""
    port = free_port()
    cmd = [PY, "-m", "widgetkit.cli", "preview", *paths, "--no-browser", "--port", str(port)]
    cmd += ["--renderer", "local"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}", t0


def first_page(url: str, t0: float, timeout: float = 30) -> float:
    while time.perf_counter() - t0 < timeout:
        try:
            with urllib.request.urlopen(url + "/", timeout=5) as r:
                if r.status == 200:
                    r.read()
                    return time.perf_counter() - t0
        except OSError:
            time.sleep(0.005)
    raise SystemExit(f"{url} served nothing within {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    proc.wait(10)


def bare_import(module: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([PY, "-c", f"import {module}"], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def generate(folder: Path, n: int = 100, per_file: int = 10) -> None:
    for f in range(n // per_file):
        lines = ["from widgetkit import Badge, Card, Row, Spacer, Text, Title, widget", ""]
        for i in range(per_file):
            k = f * per_file + i
            lines += textwrap.dedent(
                f'''
                @widget(samples={{"a": {{"n": {k}}}, "b": {{"n": {k + 1}}}}})
                def widget_{k}(n: int) -> Card:
                    """Generated widget {k}."""
                    return Card(Row(Title(f"Widget {{n}}"), Spacer(), Badge("new")), Text("body"))
                '''
            ).splitlines()
        (folder / f"module_{f}.py").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs

    chatkit_import = statistics.median(bare_import("chatkit.server") for _ in range(runs))
    python_floor = statistics.median(bare_import("starlette") for _ in range(runs))

    starts, drawn_builder, drawn_thread = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        for _ in range(runs):
            proc, url, t0 = start([])
            try:
                starts.append(first_page(url, t0))
                page.goto(f"{url}/widget/commerce:order_confirmation")
                page.wait_for_selector("#stage[data-drawn]", timeout=30_000)
                drawn_builder.append(time.perf_counter() - t0)
                page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
                drawn_thread.append(time.perf_counter() - t0)
            finally:
                stop(proc)

        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp))
            proc, url, t0 = start([tmp])
            try:
                index_cold = first_page(url, t0)
                warm = []
                for _ in range(20):
                    t = time.perf_counter()
                    with urllib.request.urlopen(url + "/") as r:
                        body = r.read()
                    warm.append(time.perf_counter() - t)
                t = time.perf_counter()
                page.goto(url + "/")
                page.wait_for_selector("html[data-wk-ready]")
                index_browser = time.perf_counter() - t
                cards = page.locator(".card").count()
            finally:
                stop(proc)
        browser.close()

    ms = lambda s: f"{s * 1000:7.0f} ms"  # noqa: E731
    print(f"python + starlette import (floor)         {ms(python_floor)}")
    print(f"python + chatkit.server import            {ms(chatkit_import)}")
    print(f"preview start -> first page served        {ms(statistics.median(starts))}"
          f"   goal <= 1000 ms; {chatkit_import / statistics.median(starts):.1f}x faster than"
          " importing chatkit.server")  # fmt: skip
    print(f"preview start -> first widget drawn       {ms(statistics.median(drawn_builder))}"
          "   (offline renderer, builder payload)")  # fmt: skip
    print(f"preview start -> widget drawn from thread {ms(statistics.median(drawn_thread))}"
          "   (via /chatkit items.list, after the background import)")  # fmt: skip
    print(f"100 widgets: start -> index served        {ms(index_cold)}   ({cards} cards)")
    print(f"100 widgets: index served warm (median)   {ms(statistics.median(warm))}"
          f"   {len(body) // 1024} KiB")  # fmt: skip
    print(f"100 widgets: index loaded in Chromium     {ms(index_browser)}")


if __name__ == "__main__":
    main()
