"""`widgetkit screenshot TARGET -o FILE.png`: one widget drawn by the offline renderer in Chromium,
cropped to the widget; `--html` writes the page itself, one self-contained file, instead.

TARGET is a builder (`package.module:function` or `path/to/file.py:function`, drawn in one of
its sample states), a `.json` widget payload or a `.widget` file (drawn with its sample data).

    widgetkit screenshot gallery/commerce.py:order_confirmation --state pending -o order.png
    widgetkit screenshot card.json --theme dark --width sm --scale 2 -o card@2x.png
    widgetkit screenshot invoice.widget --html -o invoice.html

In Python, `Camera` keeps one Chromium open for many drawings (the `widget_image` fixture's)::

    with Camera() as camera:
        png = camera.png(payload, theme="dark")
"""

from __future__ import annotations

import argparse
import base64
import importlib
import importlib.util
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from .diagnostics import Diagnostic
from .sandbox.pool import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

Theme = Literal["light", "dark"]
Width = Literal["sm", "md", "lg", "full"]
THEMES: tuple[Theme, ...] = ("light", "dark")
WIDTHS: tuple[Width, ...] = ("sm", "md", "lg", "full")
# The page is this wide, so that "full" has a width and the narrower widths leave room.
VIEWPORT = {"width": 1024, "height": 768}
# Room around the widget's box in a picture, so that its shadow and focus rings show.
MARGIN = 8


class TargetError(Exception):
    """TARGET cannot be drawn; the message says why."""


@dataclass
class Target:
    """A widget found for drawing: its payload in one state, and what was wrong on the way."""

    name: str
    state: str
    payload: dict[str, Any]
    diagnostics: list[Diagnostic]


def load_target(spec: str, state: str | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> Target:
    """The widget that TARGET names, built in `state` (a builder's sample; default the first).
    A builder runs in the sandbox (its module imported there, fresh), so one that loops or
    exits is stopped after `timeout` seconds; finding a module by name imports its parent
    packages."""
    from .sandbox import build_files
    from .sandbox.explain import file_problem

    path = Path(spec)
    if path.suffix in (".json", ".widget") or (path.exists() and ":" not in path.name):
        if state is not None:
            raise TargetError(f"{spec} has one state; --state is for builders' sample states.")
        return _from_file(path)
    module, _, name = spec.rpartition(":")
    if not module or not name:
        raise TargetError(f"{spec!r} is not MODULE:BUILDER or FILE.py:BUILDER.")
    file = Path(module) if module.endswith(".py") else _module_file(module)
    if not file.is_file():
        raise TargetError(f"{file} does not exist.")
    (result,) = build_files([file], [file], timeout=timeout)
    if result.error is not None:
        line, problem = file_problem(file, result.error)
        raise TargetError(f"{file}{f':{line}' if line else ''}: {problem.message}")
    found = {w.name: w for w in result.widgets}
    if name not in found:
        have = ", ".join(found) or "none"
        raise TargetError(f"{file} has no @widget builder {name!r}; it has {have}.")
    states = {s.name: s for s in found[name].states}
    chosen = next(iter(states)) if state is None else state
    if chosen not in states:
        raise TargetError(f'{name} has no sample state "{state}"; it has {", ".join(states)}.')
    built = states[chosen]
    diagnostics = [Diagnostic.from_dict(d) for d in built.diagnostics]
    if built.payload is None:
        why = "; ".join(str(d) for d in diagnostics) or "no payload"
        raise TargetError(f"{name}[{chosen}] could not be built: {why}")
    return Target(f"{name}[{chosen}]", chosen, built.payload, diagnostics)


def _module_file(module: str) -> Path:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError) as exc:
        raise TargetError(f"cannot find module {module}: {exc}") from exc
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        raise TargetError(f"cannot find module {module} (a .py file) on the Python path.")
    return Path(spec.origin)


def _from_file(path: Path) -> Target:
    from .discover import find

    if not path.is_file():
        raise TargetError(f"{path} does not exist.")
    founds = list(find([path]))
    if not founds:
        raise TargetError(f"{path} holds no widget.")
    f = founds[0]
    return _found(path.name, "default", f.payload, f.diagnostics)


def _found(
    name: str, state: str, payload: dict[str, Any] | None, diagnostics: list[Diagnostic]
) -> Target:
    from .validate import validate

    if payload is None:
        why = "; ".join(str(d) for d in diagnostics) or "no payload"
        raise TargetError(f"{name} could not be built: {why}")
    return Target(name, state, payload, [*diagnostics, *validate(payload)])


def page_html(
    payload: dict[str, Any], *, theme: Theme = "light", width: Width = "md", title: str = "Widget"
) -> str:
    """One self-contained HTML page drawing `payload`: styles, fonts, scripts and images inlined."""
    # By name: preview/ installs as widgetkit.preview but is not among mypy's files.
    bundle: Any = importlib.import_module("widgetkit.preview.bundle")
    html: str = bundle.widget_page(payload, theme=theme, width=width, title=title)
    return html


class Camera:
    """One Chromium for drawing widgets to PNG; a context manager.

    Playwright's sync API runs an event loop in the thread that starts it, which would clash
    with an asyncio loop there (pytest-asyncio's, an app's); so a camera drives Chromium from a
    thread of its own, and may be used from any one thread at a time.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="widgetkit-camera")
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._pages: dict[float, Page] = {}
        self._errors: list[str] = []  # one per scale, reused: a new page costs ~0.1 s
        self._folder = tempfile.TemporaryDirectory(prefix="widgetkit-shot-")

    def __enter__(self) -> Camera:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def png(
        self,
        payload: dict[str, Any],
        *,
        theme: Theme = "light",
        width: Width = "md",
        scale: float = 1,
    ) -> bytes:
        """`payload` drawn and cropped to what the widget paints (plus MARGIN), as PNG bytes."""
        html = page_html(payload, theme=theme, width=width)
        return self._thread.submit(self._png, html, scale).result()

    def diff(self, a: bytes, b: bytes, tolerance: int) -> tuple[float, bytes]:
        """The share of pixels of two PNGs that differ by more than `tolerance` in a channel,
        and an image of where (red), decoded and compared by the browser's own canvas."""
        return self._thread.submit(self._diff, a, b, tolerance).result()

    def close(self) -> None:
        self._thread.submit(self._close).result()
        self._thread.shutdown()
        self._folder.cleanup()

    # -- in the camera's thread -------------------------------------------------------------------
    def _page(self, scale: float) -> Page:
        from . import browser

        if self._browser is None:
            self._playwright = browser.start()
            try:
                self._browser = browser.launch(self._playwright)
            except BaseException:
                self._close()
                raise
        if scale not in self._pages:
            page = self._browser.new_page(viewport=VIEWPORT, device_scale_factor=scale)  # type: ignore[arg-type]
            page.on("pageerror", lambda exc: self._errors.append(str(exc)))
            self._pages[scale] = page
        return self._pages[scale]

    def _png(self, html: str, scale: float) -> bytes:
        file = Path(self._folder.name) / "widget.html"
        file.write_text(html, encoding="utf-8")
        page = self._page(scale)
        self._errors.clear()
        page.goto(file.as_uri())
        page.wait_for_selector("html[data-wk-shot=ready]", state="attached")
        if self._errors:
            raise RuntimeError(f"the renderer failed: {self._errors[0]}")
        box = page.evaluate(_EXTENT_JS)
        if box is None:  # pragma: no cover - the renderer always draws something
            raise RuntimeError("the renderer drew nothing")
        clip = {
            "x": max(box["x"] - MARGIN, 0),
            "y": max(box["y"] - MARGIN, 0),
            "width": box["width"] + 2 * MARGIN,
            "height": box["height"] + 2 * MARGIN,
        }
        return page.screenshot(clip=clip, full_page=True, animations="disabled")  # type: ignore[arg-type]

    def _diff(self, a: bytes, b: bytes, tolerance: int) -> tuple[float, bytes]:
        page = self._page(1)
        args = [base64.b64encode(a).decode(), base64.b64encode(b).decode(), tolerance]
        share, png = page.evaluate(_DIFF_JS, args)
        return float(share), base64.b64decode(png)

    def _close(self) -> None:
        self._pages.clear()
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


# The widget's extent: what it paints (boxes with a background, border or shadow; text; images,
# icons, charts), not the stage-wide root element around it.
_EXTENT_JS = """
() => {
  const root = document.querySelector("#stage .wk-root");
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (r) => {
    if (!r.width || !r.height) return;
    x0 = Math.min(x0, r.left); y0 = Math.min(y0, r.top); x1 = Math.max(x1, r.right); y1 = Math.max(y1, r.bottom);
  };
  for (const e of root.querySelectorAll("*")) {
    const s = getComputedStyle(e);
    if (s.visibility === "hidden" || s.display === "none") continue;
    const boxed = s.backgroundColor !== "rgba(0, 0, 0, 0)" || parseFloat(s.borderTopWidth) > 0 || s.boxShadow !== "none";
    if (boxed || e.matches("img, svg, canvas, input, select, textarea, button, hr")) add(e.getBoundingClientRect());
    for (const n of e.childNodes) {
      if (n.nodeType !== Node.TEXT_NODE || !n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      add(range.getBoundingClientRect());
    }
  }
  if (x0 === Infinity) return null;
  return { x: x0 + scrollX, y: y0 + scrollY, width: x1 - x0, height: y1 - y0 };
}
"""

_DIFF_JS = """
async ([a, b, tolerance]) => {
  const load = (b64) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), c => c.charCodeAt(0))], {type: "image/png"}));
  const [x, y] = await Promise.all([load(a), load(b)]);
  const w = Math.max(x.width, y.width), h = Math.max(x.height, y.height);
  const pixels = (img) => { const c = new OffscreenCanvas(w, h); const g = c.getContext("2d"); g.drawImage(img, 0, 0); return g.getImageData(0, 0, w, h).data; };
  const p = pixels(x), q = pixels(y);
  const out = new OffscreenCanvas(w, h), og = out.getContext("2d"), diff = og.createImageData(w, h);
  let differing = 0;
  for (let i = 0; i < p.length; i += 4) {
    const off = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i+1] - q[i+1]), Math.abs(p[i+2] - q[i+2]), Math.abs(p[i+3] - q[i+3]));
    const bad = off > tolerance;
    differing += bad;
    diff.data.set(bad ? [255, 0, 0, 255] : [p[i], p[i+1], p[i+2], 40], i);
  }
  og.putImageData(diff, 0, 0);
  const png = new Uint8Array(await (await out.convertToBlob({type: "image/png"})).arrayBuffer());
  let s = ""; for (const byte of png) s += String.fromCharCode(byte);
  return [differing / (w * h), btoa(s)];
}
"""


# ---- the command ---------------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target", help="MODULE:BUILDER, path/to/file.py:BUILDER, FILE.json or FILE.widget"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="FILE.png (or .html)")
    parser.add_argument("--state", help="a builder's sample state (default: its first)")
    from .sandbox.pool import DEFAULT_TIMEOUT

    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"stop a module's import or a builder after S seconds (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument("--theme", choices=THEMES, default="light")
    parser.add_argument("--width", choices=WIDTHS, default="md")
    parser.add_argument(
        "--scale", type=float, default=1, help="device pixels per CSS pixel (2: retina)"
    )
    parser.add_argument(
        "--html", action="store_true", help="write one self-contained HTML page, not a PNG"
    )


def run(args: argparse.Namespace) -> int:
    from .browser import BrowserMissing

    if not 0.5 <= args.scale <= 4:
        print("widgetkit screenshot: --scale must be between 0.5 and 4", file=sys.stderr)
        return 2
    try:
        target = load_target(args.target, args.state, timeout=args.timeout)
    except TargetError as exc:
        print(f"widgetkit screenshot: {exc}", file=sys.stderr)
        return 1
    for d in target.diagnostics:
        print(f"{target.name}: {d}", file=sys.stderr)
    if args.html:
        title = f"{target.name} · widgetkit"
        html = page_html(target.payload, theme=args.theme, width=args.width, title=title)
        args.output.write_text(html, encoding="utf-8")
    else:
        try:
            with Camera() as camera:
                png = camera.png(
                    target.payload, theme=args.theme, width=args.width, scale=args.scale
                )
        except BrowserMissing as exc:
            print(f"widgetkit screenshot: {exc}", file=sys.stderr)
            return 1
        args.output.write_bytes(png)
    print(f"wrote {args.output} ({target.name}, {args.theme}, {args.width})")
    return 1 if any(d.severity == "error" for d in target.diagnostics) else 0


def payload_of(value: Any) -> dict[str, Any]:
    """A builder result (Node) or a payload dict, as a payload dict."""
    from .builders import Node

    if isinstance(value, Node):
        return value.to_dict()
    if isinstance(value, dict):
        return value
    raise TypeError(
        f"expected a widget (a builder's Node or a payload dict), not {type(value).__name__}"
    )
