"""Every diagnostic code widgetkit reports: its severity and what it means, in one place.

The validator, the `.widget` tools, discovery and the preview all report through these codes, so
a code means one thing wherever it appears and a tool (an editor, CI, a model told to repair its
output) can act on it. Messages follow one style: a lower-case sentence quoting the bad value,
with no closing full stop; the hint is the fix::

    /children/0/size: error: "6xl" is not a TitleSize token (did you mean "5xl"? use one of ...)

>>> CODES["bad-token"].severity
'error'
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity


@dataclass(frozen=True)
class Code:
    severity: Severity
    meaning: str


def _e(meaning: str) -> Code:
    return Code("error", meaning)


def _w(meaning: str) -> Code:
    return Code("warning", meaning)


CODES: dict[str, Code] = {
    # -- the widget's shape ----------------------------------------------------------------
    "not-object": _e("the payload is not a widget object (a string, a list, a wrapper, ...)"),
    "bad-root": _e("the root is a component that cannot be a root (only Card, ListView, Basic)"),
    "unknown-component": _e("a node's type is not a ChatKit component"),
    "unknown-prop": _e("a component or shape has no prop of that name"),
    "missing-prop": _e("a required prop (or children) is absent or null"),
    "wrong-type": _e("a value is not of the JSON kind the prop takes"),
    "not-finite": _e("a number is NaN or infinite, which JSON cannot carry"),
    "not-json": _e("a Python value that is not JSON (an object, a set, a non-string key)"),
    "cycle": _e("the structure contains itself, which JSON cannot"),
    "bad-token": _e("a string is not one of the prop's tokens (or icon names)"),
    "bad-date": _e("a date that ChatKit.js's Date or openai-chatkit cannot read"),
    "bad-value": _e("a value of the right kind that cannot work (min after max, limit 0, ...)"),
    "bad-option": _e("a duplicate option value, or a defaultValue that is not an option"),
    "unsafe-url": _e("a javascript: URL, or an empty image source"),
    "leaf-children": _e("a component without children holds some"),
    "child-count": _e("Transition holds one child object, not a list"),
    "bad-child": _e("a component where its parent cannot hold it"),
    "duplicate-id": _e("two nodes share an id"),
    "duplicate-key": _e("two siblings share a key, so ChatKit cannot tell them apart in updates"),
    "duplicate-field": _e("two fields of one form share a name"),
    "label-field": _e("a Label names a field that no field has"),
    "confirm-not-form": _e("fields in a Card whose confirm action never receives them (no asForm)"),
    "too-many": _e("the check stopped after too many problems"),
    "bad-color": _w("a colour string that is no token, primitive or CSS colour"),
    "bad-pattern": _w("a pattern the browser cannot compile, so it checks nothing"),
    "slow-pattern": _w("a pattern with nested quantifiers, which can freeze the page"),
    "runtime-drift": _w("only the other runtime defines this component, prop or icon"),
    "no-submit": _w("form values that no action carries, or a submit Button outside any form"),
    "a11y-alt": _w("an Image with no alt text"),
    "a11y-label": _w("a control or button with no accessible name"),
    # -- .widget files -------------------------------------------------------------------------
    "load-error": _e("a file that cannot be read or is not a .widget file"),
    "no-sample": _w("a .widget file without sample data, so it was not rendered"),
    "data-schema": _e("the data breaks the file's jsonSchema"),
    "template-syntax": _e("the template is not valid Jinja"),
    "template-unsafe": _e("the template reaches outside its data, and the sandbox refused it"),
    "render-error": _e("the template raised while rendering"),
    "render-json": _e("the template renders text that is not JSON"),
    "not-a-root": _e("the template renders something other than a widget root"),
    "missing-variable": _e("the template reads a variable the data lacks"),
    "preview-drift": _w("the rendered widget differs from the file's outputJsonPreview"),
    # -- builders and the preview ----------------------------------------------------------
    "import-error": _e("a builder module fails to import"),
    "builder-error": _e("a builder raised"),
    "builder-timeout": _e("a builder ran past its time limit and was stopped"),
    "builder-crash": _e("a builder's worker process died"),
    "not-an-object": _e("widget JSON or sample data that is not a JSON object"),
    "not-seedable": _e("a widget the preview's ChatKit server cannot load"),
    "no-answer": _e("the preview's worker answered nothing"),
}

# Codes made of a prefix and a detail, e.g. `data-missing` (pydantic's error type after "data-").
FAMILIES: dict[str, Code] = {
    "data-": _e("the sample data breaks the builder's parameter types (pydantic's error type)"),
}


def lookup(code: str) -> Code | None:
    """The registry's entry for `code`, a family's for `data-missing`; None if it has none."""
    found = CODES.get(code)
    if found is not None:
        return found
    return next((c for prefix, c in FAMILIES.items() if code.startswith(prefix)), None)
