"""The loader reads a module's imports from its bytecode, and falls back to its syntax tree where
the bytecode is not laid out as expected; both readings must name the same imports."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from widgetkit.sandbox.loader import _compiled_imports, _imported_names

ROOT = Path(__file__).resolve().parents[2]

FORMS = {
    "import": "import json",
    "dotted, aliased": "import os.path as p, xml.dom",
    "from": "from helpers import footer, MARK",
    "parenthesised": "from helpers import (\n    footer,\n    MARK as M,\n)",
    "star": "from helpers import *",
    "relative": "from ._common import sample",
    "relative package": "from . import _common, layout",
    "two levels up": "from .. import sibling",
    "beyond the top": "from ...... import nowhere",
    "in a function": "def f():\n    from helpers import footer\n    return footer",
    "in a method": "class C:\n    def m(self):\n        import csv\n        return csv",
    "in a class": "class C:\n    import decimal",
    "conditional": "import sys\nif sys.version_info >= (3, 12):\n    import tomllib\nelse:\n    import toml",
    "try": "try:\n    import yaml\nexcept ImportError:\n    yaml = None\nfinally:\n    pass",
    "match": "match 1:\n    case 1:\n        import heapq",
    "with": "with open(__file__) as f:\n    import bisect",
    "async": "async def f():\n    import asyncio\n    async with x:\n        import queue",
    "loop": "for i in range(2):\n    import random\nwhile i:\n    import string",
    "nested function": "def f():\n    def g():\n        from .deep.er import thing\n    return g",
    "future": "from __future__ import annotations\nimport typing",
}


@pytest.mark.parametrize("package", ["", "gallery", "gallery.sub"])
@pytest.mark.parametrize("form", FORMS)
def test_the_bytecode_names_what_the_syntax_tree_names(form: str, package: str) -> None:
    source = FORMS[form]
    code = compile(source, "m.py", "exec", dont_inherit=True)
    from_code = _compiled_imports(code, package)
    assert from_code is not None, "the bytecode of every common import form is read"
    assert from_code == _imported_names(source.encode(), package)
    if package == "gallery.sub" and form != "beyond the top":
        assert from_code  # deep enough for every relative import to resolve


def test_the_gallery_and_the_project_read_the_same_both_ways() -> None:
    files = sorted((ROOT / "gallery").glob("*.py")) + sorted((ROOT / "widgetkit").rglob("*.py"))
    assert len(files) > 50
    for file in files:
        source = file.read_bytes()
        code = compile(source, str(file), "exec", dont_inherit=True)
        from_code = _compiled_imports(code, "widgetkit.sub")
        assert from_code is not None, file
        assert from_code == _imported_names(source, "widgetkit.sub"), file


def test_an_index_past_one_byte_is_left_to_the_syntax_tree() -> None:
    # Over 256 constants before the import: its level and from-list need an EXTENDED_ARG.
    source = "".join(f"c{i} = {i}.5\n" for i in range(300)) + "from helpers import footer\n"
    code = compile(source, "m.py", "exec", dont_inherit=True)
    assert _compiled_imports(code, "") is None
    assert _imported_names(source.encode(), "") == {("helpers", "footer")}


def test_a_module_past_one_byte_still_has_its_imports_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from widgetkit.sandbox import loader

    monkeypatch.setattr(loader, "_imports", {})
    monkeypatch.setattr(loader, "_stamps", {})

    many = "".join(f"c{i} = {i}.5\n" for i in range(300))
    (tmp_path / "helpers.py").write_text("footer = 1\n")
    user = tmp_path / "user.py"
    user.write_text(textwrap.dedent(many + "from helpers import footer\n"))
    module = loader.FreshLoader("wk_test_user_past_a_byte", str(user))
    module.get_code("wk_test_user_past_a_byte")
    assert loader._imports["wk_test_user_past_a_byte"] == {("helpers", "footer")}
