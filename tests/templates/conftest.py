from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# The project's own `.widget` files, written here in Widget Studio's format: each `X.widget` with
# the payload its sample data (or `X.data.json`) renders to in `X.json`. See its README.md.
OWN_CORPUS = Path(__file__).resolve().parent / "corpus"

# The external conformance corpus: real files written outside this project, beside the
# repository (../shared/corpus) or in the folder WIDGETKIT_CORPUS names. Tests that read it are
# marked `corpus` and form an extra suite (see tests/conftest.py for what a run without it does).
CORPUS_ROOT = Path(
    os.environ.get("WIDGETKIT_CORPUS")
    or Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
).resolve()
CORPUS = CORPUS_ROOT / "widgets"


def strip_empty_children(value: Any) -> Any:
    """The widget without `"children": []` on its leaves (what a builder writes)."""
    if isinstance(value, dict):
        return {
            k: strip_empty_children(v)
            for k, v in value.items()
            if not (k == "children" and v == [])
        }
    if isinstance(value, list):
        return [strip_empty_children(v) for v in value]
    return value
