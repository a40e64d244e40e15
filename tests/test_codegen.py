"""The generated builders are derived from the catalog, never edited by hand."""

from __future__ import annotations

import inspect

from widgetkit import codegen
from widgetkit import components as generated
from widgetkit.catalog import COMPONENTS


def test_the_generated_builders_are_fresh() -> None:
    on_disk = codegen.TARGET.read_text(encoding="utf-8")
    assert codegen.generate() == on_disk, "stale: run `python -m widgetkit.codegen`"


def test_every_component_has_a_builder_taking_every_prop() -> None:
    for comp in COMPONENTS:
        builder = getattr(generated, comp.name.replace(".", ""))
        params = inspect.signature(builder).parameters
        assert set(comp.by_name) <= set(params), comp.name
        if comp.main is not None:
            assert params[comp.main].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        if comp.children is None:
            assert "children" not in params and "child" not in params, comp.name


def test_the_renderers_catalog_module_is_fresh() -> None:
    on_disk = codegen.JS_TARGET.read_text(encoding="utf-8")
    assert codegen.generate_js() == on_disk, "stale: run `python -m widgetkit.codegen`"
