"""CI: widgetkit as a user gets it, on a machine without node.

1. An sdist is built from a clean clone of HEAD (npm runs here: build time), then a wheel from
   that sdist with node and npm failing (shims first on PATH), as pip builds one from PyPI.
2. The wheel is installed into a fresh venv, node and npm still failing, and from there:
   `widgetkit --version`; `widgetkit validate` on a small app; the snapshot plugin runs a small
   test; `widgetkit preview` serves the gallery, and real Chromium (Playwright, run from the dev
   venv: the user's venv has no dev tools) draws every gallery widget with no failed request;
   `widgetkit build` writes the gallery's static site and `widgetkit screenshot --html` one
   widget's page, both drawn in Chromium from file:// with nothing fetched off the disk, and
   `widgetkit screenshot` to PNG says how to get Playwright (the user's venv lacks the extra).

Run by .ci/run with the dev venv's Python: `.venv/bin/python .ci/package.py [--keep]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Response, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import chromium  # noqa: E402  (tests/browser/chromium.py: how every browser check launches it)

CARDS = textwrap.dedent(
    """
    from widgetkit import Badge, Card, Text, Title, widget

    @widget(samples={"paid": {"paid": True}, "due": {"paid": False}})
    def status(paid: bool) -> Card:
        return Card(Title("Order A-17"), Badge("Paid" if paid else "Due"), Text("Thanks!"))
    """
)
TEST_CARDS = textwrap.dedent(
    """
    from cards import status

    def test_status(widget_snapshot):
        widget_snapshot.assert_match(status(paid=True))
    """
)
BAD = '{"type": "Card", "children": [{"type": "Title", "value": "Hi", "size": "6xl"}]}'


class Failed(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder (screenshots)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="widgetkit-package-"))
    try:
        check(work)
    except Failed as exc:
        print(f"package check: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"package check: work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("package check: passed")
    return 0


def check(work: Path) -> None:
    no_node = no_node_env(work)
    dist = work / "dist"

    if run(["git", "status", "--porcelain"], cwd=ROOT).stdout.strip():
        step("note: uncommitted changes are not in the package (it is built from HEAD)")
    run(["git", "clone", "--quiet", str(ROOT), str(work / "clone")])
    step("sdist from a clean clone (npm runs here, at build time)")
    run([sys.executable, "-m", "build", "--sdist", "--outdir", str(dist), str(work / "clone")])
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(work / "unpacked", filter="data")
    (unpacked,) = (work / "unpacked").iterdir()
    step("wheel from the sdist, node and npm failing")
    run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(unpacked)],
        env=no_node,
    )
    (wheel,) = dist.glob("*.whl")
    step(f"sizes: wheel {kib(wheel)}, sdist {kib(sdist)}")

    user = work / "user"
    run([sys.executable, "-m", "venv", str(user)], env=no_node)
    began = time.monotonic()
    run([str(user / "bin" / "pip"), "install", "--quiet", str(wheel)], env=no_node)
    step(f"installed into a fresh venv in {time.monotonic() - began:.1f} s")
    for tool in ("node", "npm"):
        if run([tool, "--version"], env=no_node, check=False).returncode == 0:
            raise Failed(f"{tool} still works in the user's environment; the check proves nothing")

    app = work / "app"
    app.mkdir()
    (app / "cards.py").write_text(CARDS)
    (app / "test_cards.py").write_text(TEST_CARDS)
    (app / "bad.json").write_text(BAD)
    bin_ = user / "bin"
    version = run([str(bin_ / "widgetkit"), "--version"], cwd=app, env=no_node).stdout.strip()
    step(f"`widgetkit --version`: {version}")
    validate_app(bin_, app, no_node)
    snapshot_plugin(bin_, app, no_node)
    preview_gallery(bin_, app, no_node, work)
    share(bin_, app, no_node, work)


def validate_app(bin_: Path, app: Path, env: dict[str, str]) -> None:
    good = run([str(bin_ / "widgetkit"), "validate", "cards.py"], cwd=app, env=env)
    expect("1 widget, 2 states checked: 0 errors" in good.stdout, good.stdout)
    bad = run([str(bin_ / "widgetkit"), "validate", "bad.json"], cwd=app, env=env, check=False)
    expect(bad.returncode == 1 and "/children/0/size" in bad.stdout, bad.stdout + bad.stderr)
    step("`widgetkit validate`: a good builder passes, a bad payload fails at its pointer")


def snapshot_plugin(bin_: Path, app: Path, env: dict[str, str]) -> None:
    run([str(bin_ / "pip"), "install", "--quiet", "pytest"], env=env)
    pytest = [str(bin_ / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    made = run([*pytest, "--widget-snapshot-update"], cwd=app, env=env, check=False)
    expect(made.returncode == 0 and (app / "__widget_snapshots__").is_dir(), made.stdout)
    again = run(pytest, cwd=app, env=env, check=False)
    expect(again.returncode == 0 and "1 passed" in again.stdout, again.stdout)
    (app / "cards.py").write_text(CARDS.replace("Thanks!", "Thank you!"))
    changed = run(pytest, cwd=app, env=env, check=False)
    expect(changed.returncode == 1 and "Thank you!" in changed.stdout, changed.stdout)
    (app / "cards.py").write_text(CARDS)
    step("snapshot plugin: writes a snapshot, passes on it, fails with the change")


def preview_gallery(bin_: Path, app: Path, env: dict[str, str], work: Path) -> None:
    server = subprocess.Popen(
        [str(bin_ / "widgetkit"), "preview", "--no-browser", "--port", "0", "--renderer", "local"],
        cwd=app,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # blocks until it serves, or it exits
        found = re.search(r"serving on (http://\S+)", line)
        if not found:
            raise Failed(f"`widgetkit preview` did not start: {line}{server.stdout.read()}")
        url = found.group(1).rstrip("/")
        step(f"`widgetkit preview` serves {url}")
        drawn = draw_gallery(url, work)
        step(f"Chromium drew {drawn} gallery widgets from the wheel, with no failed request")
    finally:
        server.terminate()
        server.wait(timeout=60)


def draw_gallery(url: str, work: Path) -> int:
    failed: list[str] = []

    def response(r: Response) -> None:
        if r.status >= 400:
            failed.append(f"{r.status} {r.url}")

    with sync_playwright() as p:
        browser = chromium.launch(p)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.set_default_timeout(60_000)
        page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
        page.on("response", response)
        page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: failed.append(f"pageerror: {e}"))
        page.goto(url + "/")
        # Until the first build is in, the index says "building" and fills in over SSE.
        page.wait_for_selector("main.index:not([data-building])")
        links = sorted(set(page.locator("a.card-link").evaluate_all(HREFS)))
        expect(len(links) >= 20, f"the index lists {len(links)} gallery widgets")
        for href in links:
            page.goto(url + href)
            page.wait_for_selector("#stage[data-drawn=thread]")
            expect(page.locator('#stage [data-wk-path=""]').count() == 1, f"{href}: not drawn")
            expect(not failed, f"{href}: " + "; ".join(failed))
            if "metrics_dashboard" in href:
                check_vendor_modules(page, href)
                page.screenshot(path=str(work / "metrics_dashboard.png"))
        browser.close()
    return len(links)


HREFS = "as => as.map(a => a.getAttribute('href'))"


def share(bin_: Path, app: Path, env: dict[str, str], work: Path) -> None:
    """`widgetkit build` and `widgetkit screenshot` from the wheel, opened from disk."""
    widgetkit = str(bin_ / "widgetkit")
    run([widgetkit, "build", "-o", str(work / "site")], cwd=app, env=env)
    html = work / "status.html"
    run([widgetkit, "screenshot", "cards.py:status", "--html", "-o", str(html)], cwd=app, env=env)
    png = run(
        [widgetkit, "screenshot", "cards.py:status", "-o", "s.png"], cwd=app, env=env, check=False
    )
    expect(png.returncode == 1 and "widgetkit[screenshot]" in png.stderr, png.stdout + png.stderr)
    problems: list[str] = []
    with sync_playwright() as p:
        browser = chromium.launch(p)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.set_default_timeout(60_000)
        page.on("requestfailed", lambda r: problems.append(f"{r.failure} {r.url}"))
        page.on(
            "request",
            lambda r: (
                None if r.url.startswith(("file:", "data:", "blob:")) else problems.append(r.url)
            ),
        )
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.goto((work / "site" / "index.html").as_uri())
        page.wait_for_selector("html[data-wk-site=ready]", state="attached")
        thumbs = page.locator(".thumb .wk-root").count()
        expect(thumbs >= 20, f"the built index drew {thumbs} thumbnails")
        page.goto(html.as_uri())
        page.wait_for_selector("html[data-wk-shot=ready]", state="attached")
        expect(page.locator("#stage .wk-root").count() == 1, "the --html page drew no widget")
        browser.close()
    expect(not problems, "; ".join(problems))
    step(f"`widgetkit build` drew {thumbs} thumbnails from disk; `screenshot --html` drew its "
         "widget; `screenshot` to PNG names the extra it needs")  # fmt: skip


def check_vendor_modules(page: Page, href: str) -> None:
    """The built browser modules are the wheel's: a chart on a canvas, Inter loaded."""
    expect(page.locator("#stage canvas").count() > 0, f"{href}: no chart canvas")
    page.wait_for_function("document.fonts.status === 'loaded'")
    expect(page.evaluate("document.fonts.check('600 14px Inter')"), f"{href}: Inter not loaded")


def no_node_env(work: Path) -> dict[str, str]:
    """The environment with node, npm and npx failing: shims first on PATH."""
    shims = work / "no-node"
    shims.mkdir()
    for tool in ("node", "npm", "npx"):
        shim = shims / tool
        shim.write_text(f"#!/bin/sh\necho '{tool} is not available here' >&2\nexit 127\n")
        shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{shims}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise Failed(f"`{' '.join(cmd)}` exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def expect(ok: Any, what: str) -> None:
    if not ok:
        raise Failed(what)


def step(text: str) -> None:
    print(f"package check: {text}", flush=True)


def kib(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KiB"


if __name__ == "__main__":
    sys.exit(main())
