"""`widgetkit build [PATH...] -o DIR`: the widgets as a static site, for any static host or disk.

What the preview shows, built ahead: an index with a thumbnail of each widget, and a page per
widget with its sample states, light and dark, the widths, the payload, the diagnostics and an
action log (no handler runs; the page says so). The pages draw with the preview's own offline
renderer, loaded through `bundle.module_loader()` so that they work from `file://`; every link is
relative; the gallery's images travel inside the pages as `data:` URLs.

    DIR/index.html
    DIR/widgets/<widget>.html
    DIR/static/            renderer.css, app.css, site.css, modules.js (the renderer's modules),
                           Chart.js, the Inter font, and each vendored package's licence
    DIR/widgetkit-site.json  what was built; marks DIR as a build, which a rebuild replaces

Example::

    built = build_site([Path("gallery")], Path("site"))
    print(built.index)          # site/index.html
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from widgetkit import __version__, discover
from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox import DEFAULT_TIMEOUT, build_files
from widgetkit.sandbox.explain import file_problem

from . import bundle
from .library import Entry, Kind, State, grouped
from .pages import WIDTHS, templates

MANIFEST = "widgetkit-site.json"
# The modules a page imports; the loader carries them and everything they import.
ENTRIES = ("site.js", "shot.js")
_OWN = ("index.html", "widgets", "static", MANIFEST)


class BuildError(Exception):
    """The site cannot be written where asked; the message says why and what to do."""


@dataclass
class Built:
    out: Path
    widgets: int
    states: int
    failing: int
    bytes: int

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def build_site(paths: list[Path], out: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Built:
    """Find, build and validate every widget under `paths`, and write the site to `out`.
    Builders run in the sandbox, as for `widgetkit validate`: one that takes longer than
    `timeout` seconds (or exits) is stopped, and its page says so."""
    _check_out(out)
    entries = _entries(paths, timeout)
    slugs = _slugs(entries)
    assets = bundle.gallery_assets()

    for name in _OWN:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    _copy_static(out / "static")
    (out / "widgets").mkdir(parents=True)

    common = {"version": __version__, "classic_scripts": bundle.CLASSIC_SCRIPTS}
    for entry in entries:
        widget = {
            "title": entry.title,
            "name": entry.name,
            "file": entry.rel,
            "kind": entry.kind,
            "problems": [d.to_dict() for d in entry.problems],
            "states": {
                name: {
                    "payload": s.payload,
                    "data": s.data,
                    "diagnostics": [d.to_dict() for d in s.diagnostics],
                }
                for name, s in entry.states.items()
            },
        }
        page = {"widget": widget, "widths": WIDTHS, "assets": assets.used(widget)}
        html = templates.get_template("site-widget.html").render(
            root="../", entry=entry, page=page, widths=WIDTHS, **common
        )
        (out / "widgets" / f"{slugs[entry.id]}.html").write_text(html, encoding="utf-8")

    thumbs = {
        e.id: next((s.payload for s in e.states.values() if s.payload is not None), None)
        for e in entries
    }
    failing = sum(1 for e in entries if e.errors)
    built_at = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")

    def link(entry: Entry) -> str:
        return f"widgets/{slugs[entry.id]}.html"

    index = templates.get_template("site-index.html").render(
        root="",
        groups=grouped(entries),
        link=link,
        state_link=lambda e, name: f"{link(e)}#state={quote(name, safe='')}",
        total=len(entries),
        failing=failing,
        built=built_at,
        page={"thumbs": thumbs, "widths": WIDTHS, "assets": assets.used(thumbs)},
        **common,
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    manifest = {
        "generator": f"widgetkit {__version__}",
        "built": built_at,
        "widgets": {e.id: f"widgets/{slugs[e.id]}.html" for e in entries},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    states = sum(len(e.states) for e in entries)
    return Built(out, len(entries), states, failing, size)


def _entries(paths: list[Path], timeout: float) -> list[Entry]:
    """Every widget under `paths`, built in the sandbox, as the preview's library names them."""
    results = build_files(paths, list(discover.files(paths)), timeout=timeout)
    entries: list[Entry] = []
    for result in results:
        file = result.file
        rel = _rel(paths, file)
        stem = rel.removesuffix(".py")
        kind: Kind = "builder" if result.kind == "builder" else "payload"
        if result.error is not None:
            line, problem = file_problem(file, result.error)
            entry = Entry(stem, file, rel, file.name, file.name, "", kind, line)
            entry.problems = [problem]
            entries.append(entry)
            continue
        for w in result.widgets:
            entry_id = f"{stem}:{w.name}" if result.kind == "builder" else rel
            entry = Entry(entry_id, file, rel, w.name, w.title, w.doc, kind, w.line)
            for s in w.states:
                diagnostics = [Diagnostic.from_dict(d) for d in s.diagnostics]
                entry.states[s.name] = State(s.name, s.data, s.payload, diagnostics, "", s.line)
            entries.append(entry)
    return entries


def _rel(paths: list[Path], file: Path) -> str:
    """The file as the index groups it: relative to its root (named when there are several)."""
    for root in paths:
        base = root if root.is_dir() else root.parent
        if file.resolve().is_relative_to(base.resolve()):
            rel = file.resolve().relative_to(base.resolve()).as_posix()
            return f"{base.name}/{rel}" if len(paths) > 1 else rel
    return file.name


def _check_out(out: Path) -> None:
    """`out` must be new, empty, or an earlier build: nothing else in it is ever deleted."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out} is a file; give -o a folder (it is created if missing).")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise BuildError(
            f"{out} is not empty and holds no earlier widgetkit build ({MANIFEST}); "
            "choose a new or empty folder, so that nothing of yours is overwritten."
        )


def _copy_static(static: Path) -> None:
    static.mkdir(parents=True)
    for name in bundle.STYLESHEETS:
        shutil.copyfile(bundle.STATIC / name, static / name)
    modules = bundle.modules(*ENTRIES)
    (static / "modules.js").write_text(bundle.module_loader(*ENTRIES), encoding="utf-8")
    # The vendored files the pages load directly (fonts, Chart.js) and every licence; the
    # modules already inside modules.js are not copied twice.
    vendor = bundle.STATIC / "vendor"
    for file in sorted(vendor.rglob("*")):
        rel = file.relative_to(bundle.STATIC).as_posix()
        if file.is_file() and rel not in modules and file.name != "build.json":
            target = static / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)


def _slugs(entries: list[Entry]) -> dict[str, str]:
    """A file name per widget id: "commerce:order_card" -> "commerce.order_card", unique."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for e in entries:
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", e.id.replace(":", ".").replace("/", ".")).strip(
            "._"
        )
        slug, n = base or "widget", 1
        while slug.lower() in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug.lower())
        out[e.id] = slug
    return out


# ---- the command ---------------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the gallery)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the folder to write (created)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"stop a module's import or a builder after S seconds (default {DEFAULT_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    from .app import gallery_path

    paths = args.paths or [gallery_path()]
    for p in paths:
        if not p.exists():
            print(f"widgetkit build: {p} does not exist", file=sys.stderr)
            return 1
    started = time.perf_counter()
    try:
        built = build_site(paths, args.output, timeout=args.timeout)
    except (BuildError, bundle.BundleError) as exc:
        print(f"widgetkit build: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    failing = f", {built.failing} failing" if built.failing else ""
    print(
        f"built {built.widgets} widget(s) in {built.states} state(s){failing} into {built.out} "
        f"({built.bytes / 1e6:.1f} MB, {seconds:.1f} s); open {built.index}"
    )
    if built.widgets == 0:
        print("no widgets found under " + ", ".join(map(str, paths)), file=sys.stderr)
        return 1
    return 0
