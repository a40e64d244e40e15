"""The preview's HTML pages: the index, a page per widget, and the component reference.

Pages are jinja2 templates with autoescape on; the data a page's script needs travels as one JSON
blob through jinja's `tojson` filter (which escapes `<`, `>`, `&` and `'`), never spliced into
HTML or JavaScript by hand.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from widgetkit.catalog import BY_NAME, COMPONENTS, ROOTS, Component
from widgetkit.catalog.types import (
    ColorStr,
    Const,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)

from .library import Entry, grouped
from .state import CHATKIT_JS, INDEX_PAGE, RENDERERS, ListQuery, Preview, first_scan, widget_details

TEMPLATES = Path(__file__).parent / "templates"
THEMES = ("light", "dark")
WIDTHS = ("sm", "md", "lg", "full")

templates = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
# jinja's tojson sorts keys by default; a widget's keys (and its states) keep their own order.
templates.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}


def routes() -> list[Route]:
    return [
        Route("/", index, name="index"),
        Route("/widget/{entry_id:path}", widget_page, name="widget"),
        Route("/components", components_page, name="components"),
    ]


async def _html(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page drawn in a thread: the index of thousands of widgets takes a good part of a second
    to render, which would hold every other request and event stream on the loop."""
    html = await asyncio.to_thread(templates.get_template(name).render, **context)
    return HTMLResponse(html, status_code=status)


def _choice(request: Request, key: str, options: tuple[str, ...], default: str) -> str:
    value = request.query_params.get(key, default)
    return value if value in options else default


# The theme chosen on any page is kept in this cookie (set by app.js), so the index's choice
# holds on the widget pages its links open; a ?theme= in the URL wins.
THEME_COOKIE = "wk-theme"


def _theme(request: Request) -> str:
    kept = request.cookies.get(THEME_COOKIE, "light")
    return _choice(request, "theme", THEMES, kept if kept in THEMES else "light")


async def index(request: Request) -> Response:
    """The widgets grouped by file, a page at a time (`offset`, `limit`), filtered by `q` and
    `errors` as `/api/widgets` is; the page's script loads the next page as it scrolls."""
    preview: Preview = request.app.state.preview
    building = not await first_scan(preview)
    try:
        query = ListQuery.of(request, default_limit=INDEX_PAGE)
    except ValueError as exc:
        return await _html("missing.html", 400, message=str(exc), theme=_theme(request))
    library = preview.library
    selected = query.select(library)
    shown = query.page(selected)
    files = {e.rel for e in library.entries.values()}
    return await _html(
        "index.html",
        groups=grouped(shown),
        counts=Counter(e.rel for e in selected),
        link=widget_link,
        state_link=widget_link,
        total=len(library.entries),
        files=len(files),
        failing=sum(1 for e in library.entries.values() if e.errors),
        matching=len(selected),
        offset=query.offset,
        limit=query.limit,
        shown=len(shown),
        q=query.q,
        errors=query.errors,
        errors_link=_index_link(q=query.q, errors=not query.errors),
        next_link=_index_link(
            q=query.q, errors=query.errors, offset=query.offset + len(shown), limit=query.limit
        ),
        paths=[str(p) for p in library.paths],
        theme=_theme(request),
        building=building,
        pending=not preview.scanned.is_set(),  # listed, their states still being built
    )


def widget_link(entry: Entry, state: str | None = None) -> str:
    """The preview's page of `entry` (at `state`); an id's odd characters (`#`, `?`, `%`,
    spaces) escaped, as the id is a file's name."""
    href = "/widget/" + quote(entry.id, safe="/:@")
    return href if state is None else f"{href}?state={quote(state, safe='')}"


def _index_link(*, q: str, errors: bool, offset: int = 0, limit: int | None = INDEX_PAGE) -> str:
    params = {
        k: v for k, v in {"q": q, "errors": "1" if errors else "", "offset": offset}.items() if v
    }
    if limit is not None and limit != INDEX_PAGE:
        params["limit"] = limit
    return "/?" + urlencode(params) if params else "/"


async def widget_page(request: Request) -> Response:
    preview: Preview = request.app.state.preview
    await preview.scanned.wait()
    entry_id = request.path_params["entry_id"]
    entry = preview.library.get(entry_id)
    if entry is None:
        message = f'No widget has the id "{entry_id}". It may have been renamed or removed.'
        return await _html("missing.html", 404, message=message, theme=_theme(request))
    state = request.query_params.get("state", "")
    if state not in entry.states:
        state = next(iter(entry.states), "")
    renderer = _choice(request, "renderer", RENDERERS, preview.renderer)
    page = {
        "widget": await widget_details(preview, entry),
        "state": state,
        "theme": _theme(request),
        "width": _choice(request, "width", WIDTHS, "md"),
        "renderer": renderer,
        "chatkit": {"script": CHATKIT_JS, "url": "/chatkit", "domainKey": preview.domain_key},
    }
    return await _html(
        "widget.html",
        entry=entry,
        page=page,
        state=state,
        theme=page["theme"],
        width=page["width"],
        renderer=renderer,
        widths=WIDTHS,
        chatkit_js=CHATKIT_JS,
    )


async def components_page(request: Request) -> Response:
    preview: Preview = request.app.state.preview
    await preview.scanned.wait()
    examples = _gallery_examples(preview)
    items = []
    for c in COMPONENTS:
        found = examples.get(c.name)
        example = found[1] if found else minimal_example(c)
        items.append(
            {
                "name": c.name,
                "doc": c.doc,
                "runtimes": sorted(c.runtimes),
                "root": c.root,
                "children": _children_rule(c),
                "props": [_prop_row(p) for p in c.props],
                "example": example,
                "example_from": found[0] if found else None,
            }
        )
    theme = _theme(request)
    return await _html("components.html", components=items, page={"components": items}, theme=theme)


# ---- the component reference ---------------------------------------------------------------


def _prop_row(p: Any) -> dict[str, Any]:
    from widgetkit.checks import describe

    return {
        "name": p.name,
        "type": describe(p.type),
        "tokens": _tokens(p.type),
        "required": p.required,
        "runtimes": sorted(p.runtimes),
        "doc": p.doc,
    }


def _tokens(t: Type) -> list[str]:
    match t:
        case Tokens(_, values):
            return list(values)
        case ColorStr(_, tokens):
            return list(tokens)
        case Union(options):
            return [v for o in options for v in _tokens(o)]
        case _:
            return []


def _children_rule(c: Component) -> str:
    if c.children is None:
        return "none (a leaf)"
    what = {
        "component": "any component but roots",
        "component-or-root": "any component, roots included",
    }.get(c.children.group, f"{c.children.group} only")
    return f"exactly one: {what}" if c.children.single else what


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every component node in a widget tree, the root first."""
    if isinstance(node, dict):
        if isinstance(node.get("type"), str):
            yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


# Big enough to show a component in context, small enough to read at a glance.
_EXAMPLE_BUDGET = 1200


def _gallery_examples(preview: Preview) -> dict[str, tuple[str, dict[str, Any]]]:
    """For each component, a node of that type cut from a previewed widget, made a root."""
    best: dict[str, tuple[int, str, dict[str, Any]]] = {}
    for entry, state in preview.library.states():
        if state.failed or state.payload is None:
            continue
        label = widget_link(entry, state.name).removeprefix("/widget/")
        for node in _nodes(state.payload):
            name = node["type"]
            if name not in BY_NAME:
                continue
            size = len(json.dumps(node))
            known = best.get(name)
            # The largest example within the budget; failing that, the smallest there is.
            if (
                known is None
                or (known[0] > _EXAMPLE_BUDGET and size < known[0])
                or (known[0] < size <= _EXAMPLE_BUDGET)
            ):
                best[name] = (size, label, node)
    return {name: (label, _as_root(_calm(node))) for name, (_, label, node) in best.items()}


def _calm(node: Any) -> Any:
    """A copy without autoFocus: thirty examples on one page must not fight for focus."""
    if isinstance(node, dict):
        return {k: _calm(v) for k, v in node.items() if k != "autoFocus"}
    if isinstance(node, list):
        return [_calm(v) for v in node]
    return node


def _sample(t: Type) -> Any:
    """A valid value for a prop type, for generated examples."""
    match t:
        case Scalar("str"):
            return "Example"
        case Scalar("bool"):
            return True
        case Scalar("int") | Scalar("number"):
            return 1
        case Scalar():
            return None
        case Tokens(_, values):
            return values[0]
        case Const(value):
            return value
        case ColorStr(_, tokens):
            return tokens[0] if tokens else "blue-500"
        case IsoDate():
            return "2025-01-01"
        case IconRef():
            return "star"
        case Regex():
            return ".*"
        case Union(options):
            return _sample(options[0])
        case ListOf(item):
            return [_sample(item)]
        case MapOf():
            return {}
        case Shape(_, _, fields):
            return {f.name: _sample(f.type) for f in fields if f.required}
        case Tagged(_, _, variants):
            return _sample(variants[0])


_TEXT = {"type": "Text", "value": "Example"}


def minimal_example(c: Component) -> dict[str, Any]:
    """The smallest widget showing `c`: its required props, one child, and a root around it."""
    node: dict[str, Any] = {"type": c.name}
    node.update({p.name: _sample(p.type) for p in c.props if p.required})
    # Tree rules ask for more than required props: a Form must send its values somewhere.
    if c.name == "Form":
        node["onSubmitAction"] = {"type": "example.submit"}
    if c.name == "Label":  # and a Label must name a field that exists
        return {"type": "Card", "children": [node, {"type": "Input", "name": node["fieldName"]}]}
    if c.children is not None:
        child = {
            "ListViewItem": {"type": "ListViewItem", "children": [_TEXT]},
            "Table.Row": {
                "type": "Table.Row",
                "children": [{"type": "Table.Cell", "children": [_TEXT]}],
            },
            "Table.Cell": {"type": "Table.Cell", "children": [_TEXT]},
        }.get(c.children.group, _TEXT)
        node["children"] = child if c.children.single else [child]
    return _as_root(node)


def _as_root(node: dict[str, Any]) -> dict[str, Any]:
    """`node` inside the smallest parents that make a valid widget root."""
    name = node["type"]
    if name in ROOTS:
        return node
    if name == "ListViewItem":
        return {"type": "ListView", "children": [node]}
    if name == "Table.Cell":
        node = {"type": "Table.Row", "children": [node]}
    if name in ("Table.Row", "Table.Cell"):
        node = {"type": "Table", "children": [node]}
    return {"type": "Card", "children": [node]}
