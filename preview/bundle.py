"""The offline renderer as files that work straight from disk (`file://`), with no server.

Chromium refuses ES modules from `file://` URLs (a module is fetched in CORS mode, and a file has
no origin to allow), while classic scripts and stylesheets load. So a page built for disk gets
the renderer's own modules, unchanged but for their import specifiers, inside one classic
script: `module_loader()` writes it. When it runs it turns each module's text into a `blob:` URL
and registers an import map naming them, so the page's `<script type="module">` imports
`widgetkit/renderer.js` and the browser links the same module graph the preview serves. No
bundler (and so no Node.js) is needed when `widgetkit build` runs from an installed wheel, and
the renderer is never copied or forked: the modules are read from `preview/static/` at build
time.

The one rewrite: a relative specifier (`"./components.js"`) becomes a bare one
(`"widgetkit/components.js"`), because a `blob:` URL has no path to resolve a relative one
against. `import.meta.url` has no such path either; the one module that uses it (charts.js, to
find Chart.js) finds `window.Chart` already loaded, since the pages load Chart.js's classic UMD
build first (`CLASSIC_SCRIPTS`).

`inline_css()` is for the single self-contained file (`widgetkit screenshot --html`): the
stylesheet with its fonts as `data:` URLs.
"""

from __future__ import annotations

import base64
import functools
import importlib
import json
import mimetypes
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STATIC = Path(__file__).parent / "static"
PREFIX = "widgetkit/"
# Scripts the renderer expects to find already loaded, as classic scripts (see above).
CLASSIC_SCRIPTS = ("vendor/chart.js/chart.umd.min.js",)
STYLESHEETS = ("renderer.css", "app.css", "site.css")

# `import x from "./a.js"`, `export {x} from "../b.js"`, `import "./c.js"`, `import("./d.js")`.
_SPECIFIER = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}/[^"'\n]+)\2""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?\s*;""")
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


class BundleError(Exception):
    """A module the renderer imports is missing: the static files are incomplete."""


def module_graph(entry: str, static: Path = STATIC) -> dict[str, str]:
    """Every module reachable from `entry` (a path under `static`), by path, imports rewritten."""
    out: dict[str, str] = {}
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in out:
            continue
        file = static / name
        if not file.is_file():
            raise BundleError(
                f"{file} is missing; the renderer imports it. Build the browser files with "
                "`python scripts/build_assets.py` (scripts/setup does this)."
            )
        base = Path(name).parent

        def bare(m: re.Match[str], base: Path = base) -> str:
            target = _normalise(base / m.group(3))
            todo.append(target)
            return f"{m.group(1)}{m.group(2)}{PREFIX}{target}{m.group(2)}"

        out[name] = _SPECIFIER.sub(bare, file.read_text(encoding="utf-8"))
    return out


def modules(*entries: str, static: Path = STATIC) -> dict[str, str]:
    """The module graphs of `entries`, merged."""
    out: dict[str, str] = {}
    for entry in entries:
        out.update(module_graph(entry, static))
    return out


def module_loader(*entries: str, static: Path = STATIC) -> str:
    """A classic script that makes `import ... from "widgetkit/<entry>"` work in the page it is
    loaded into (before any module script), from disk or any host."""
    sources = json.dumps(modules(*entries, static=static), ensure_ascii=False)
    # json.dumps escapes nothing HTML cares about; "<" is escaped so that the script can also be
    # inlined in a <script> element without "</script>" in a module's text ending it.
    sources = sources.replace("<", "\\u003c")
    return _LOADER.replace("PREFIX", json.dumps(PREFIX)).replace("SOURCES", sources)


_LOADER = """\
// widgetkit's offline renderer for pages opened from disk: its ES modules, registered as blob:
// URLs in an import map (Chromium does not load modules from file:// URLs). Written by
// `widgetkit build` from the modules in widgetkit/preview/static/; see preview/bundle.py.
(() => {
  const modules = SOURCES;
  const imports = {};
  for (const [name, text] of Object.entries(modules)) {
    imports[PREFIX + name] = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  }
  const map = document.createElement("script");
  map.type = "importmap";
  map.textContent = JSON.stringify({ imports });
  document.currentScript.after(map);
})();
"""


def widget_page(payload: dict[str, Any], *, theme: str, width: str, title: str) -> str:
    """One self-contained HTML page drawing `payload` (templates/shot.html): styles, fonts,
    Chart.js, the renderer's modules and the gallery's images it uses, all inlined."""
    from widgetkit import __version__

    from .pages import templates

    scripts, styles = _inlined(_stamp())
    page = {"payload": payload, "theme": theme, "assets": gallery_assets().used(payload)}
    return templates.get_template("shot.html").render(
        title=title, theme=theme, width=width, styles=styles, scripts=scripts, page=page,
        version=__version__,
    )  # fmt: skip


def _stamp() -> tuple[float, ...]:
    """When the static files last changed: a drawing after an edit inlines the edited files."""
    return tuple(p.stat().st_mtime for p in sorted(STATIC.rglob("*.*")))


@functools.lru_cache(maxsize=1)
def _inlined(stamp: tuple[float, ...]) -> tuple[list[str], list[str]]:
    """The scripts and stylesheets a self-contained page inlines (read once per `stamp`)."""
    scripts = [(STATIC / s).read_text(encoding="utf-8") for s in CLASSIC_SCRIPTS]
    scripts.append(module_loader("shot.js"))
    styles = [inline_css(name) for name in STYLESHEETS]
    for text, end in [*((s, "</script") for s in scripts), *((c, "</style") for c in styles)]:
        if end in text.lower():  # the files are ours; this guards the inlining itself
            raise BundleError(f"an inlined file holds {end!r}, which would end its element")
    return scripts, styles


def inline_css(name: str, static: Path = STATIC) -> str:
    """The stylesheet `name` with what it `@import`s inlined in place and every other relative
    `url()` it names (fonts) as a `data:` URL, each resolved from its own stylesheet's folder."""
    return _inline_css(static / name)


def _inline_css(file: Path) -> str:
    def data_url(m: re.Match[str]) -> str:
        ref = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I) or ref.startswith("#"):
            return m.group(0)
        target = (file.parent / ref).resolve()
        kind = mimetypes.guess_type(target.name)[0] or _FONT_TYPES.get(target.suffix, "")
        encoded = base64.b64encode(target.read_bytes()).decode()
        return f'url("data:{kind};base64,{encoded}")'

    def imported(m: re.Match[str]) -> str:
        return _inline_css((file.parent / m.group(2)).resolve())

    text = _CSS_IMPORT.sub(imported, file.read_text(encoding="utf-8"))
    # The imported text's own url()s are data: URLs by now, which this pass leaves alone.
    return _CSS_URL.sub(data_url, text)


_FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff"}


class Assets:
    """The gallery's own images (the preview serves them at /gallery-assets/), as data: URLs,
    for pages with no server behind them (see static/local-assets.js)."""

    def __init__(self) -> None:
        from .app import gallery_path

        # By name: gallery/ installs as widgetkit.gallery, which mypy does not map.
        common = importlib.import_module("widgetkit.gallery._common")
        self.prefix = f"{common.ASSETS_URL}/"
        self.folder = gallery_path() / "assets"
        self.cache: dict[str, str | None] = {}

    def used(self, value: Any) -> dict[str, str]:
        """The data: URL of every asset URL in `value`, by URL."""
        out: dict[str, str] = {}
        for s in _strings(value):
            if s.startswith(self.prefix):
                url = self.data_url(s)
                if url is not None:
                    out[s] = url
        return out

    def data_url(self, ref: str) -> str | None:
        if ref not in self.cache:
            file = self.folder / ref[len(self.prefix) :]
            ok = file.is_file() and file.resolve().parent == self.folder.resolve()
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            self.cache[ref] = (
                f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode()}" if ok else None
            )
        return self.cache[ref]


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


def gallery_assets() -> Assets:
    return Assets()


def _normalise(path: Path) -> str:
    parts: list[str] = []
    for part in path.as_posix().split("/"):
        if part == "..":
            if not parts:
                raise BundleError(f"{path} leaves the static folder")
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)
