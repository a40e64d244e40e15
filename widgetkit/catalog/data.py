"""The catalog's behaviour as plain JSON data, for code generated in other languages (the offline
renderer's JavaScript) and for tools that read the catalog without importing its types."""

from __future__ import annotations

from typing import Any

from . import aliases
from .components import COMPONENTS


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
