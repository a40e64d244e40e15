"""The catalog's behaviour as plain JSON data, for code generated in other languages (the offline
renderer's JavaScript) and for tools that read the catalog without importing its types."""

from __future__ import annotations

from typing import Any

from . import aliases, shapes
from .components import COMPONENTS
from .types import ColorStr, Tokens, Type, Union


def behaviour() -> dict[str, Any]:
    """Per component: its defaults, form-field path, what names it, where it may stand, how it
    gathers a form and which runtimes define it (with the source of each); and the alias tables.

    >>> behaviour()["components"]["Card"]["defaults"]
    {'size': 'md'}
    """
    components = {
        c.name: {
            "defaults": c.defaults,
            "default_sources": {f.name: f.default_source for f in c.props if f.default is not None},
            "field": list(c.field_name),
            "label_by": None if c.label_by is None else list(c.label_by),
            "only_in": c.only_in,
            "root": c.root,
            "place_source": c.place_source,
            "form": None
            if c.form is None
            else {"action": list(c.form.action), "when": c.form.when, "source": c.form.source},
            "runtimes": sorted(c.runtimes),
            "runtime_source": c.runtime_source,
            "prop_runtimes": {
                f.name: {"runtimes": sorted(f.runtimes), "source": f.runtime_source}
                for f in c.props
                if len(f.runtimes) == 1
            },
        }
        for c in COMPONENTS
    }
    return {
        "components": components,
        "aliases": {
            "components": dict(aliases.COMPONENT_ALIASES),
            "props": {k: dict(v) for k, v in aliases.PROP_ALIASES.items() if v},
            "tokens": {k: dict(v) for k, v in aliases.TOKEN_ALIASES.items()},
            "icons": dict(aliases.ICON_ALIASES),
        },
    }


def renderer() -> dict[str, Any]:
    """What the offline renderer draws from: per component its defaults and, for each prop that
    takes tokens, the tokens (the JavaScript never holds a list of its own); the colour tokens by
    kind and ChatKit's icon names. `python -m widgetkit.codegen` writes it into
    `preview/static/catalog.js`.

    >>> renderer()["components"]["Badge"]["tokens"]["variant"]
    ['solid', 'soft', 'outline']
    """
    components = {}
    for c in COMPONENTS:
        tokens = {f.name: list(t) for f in c.props if (t := _tokens(f.type))}
        components[c.name] = {"defaults": c.defaults, "tokens": tokens}
    return {
        "components": components,
        "colors": {
            "text": list(shapes.TEXT_COLORS),
            "background": list(shapes.BACKGROUND_COLORS),
            "border": list(shapes.BORDER_COLORS),
            "chart": list(shapes.CHART_COLORS),
        },
        "icons": list(shapes.ICONS),
    }


def _tokens(t: Type) -> tuple[str, ...]:
    """The tokens a prop's type names, directly or as one choice of a union; () for none."""
    if isinstance(t, Tokens | ColorStr):
        return t.values if isinstance(t, Tokens) else t.tokens
    if isinstance(t, Union):
        for option in t.options:
            if found := _tokens(option):
                return found
    return ()
