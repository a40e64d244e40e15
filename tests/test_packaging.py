"""The wheel's contents are declared in pyproject.toml; these keep the declaration whole."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_in_the_tree_is_in_the_wheel() -> None:
    # setuptools is given the package list (gallery/ and preview/ install under widgetkit.), so a
    # new subpackage left off it would be missing from every user's install.
    found = set()
    for name, folder in CONFIG["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((name, *parts)))
    assert found == set(CONFIG["packages"])
