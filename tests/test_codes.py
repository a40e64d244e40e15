"""The diagnostic code registry: every code widgetkit and the preview report is registered with
its severity, and widgetkit's messages follow one style (lower-case, no closing full stop)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from widgetkit.catalog import BY_NAME
from widgetkit.codes import CODES, FAMILIES, lookup

ROOT = Path(__file__).resolve().parents[1]
# Helpers that make a Diagnostic from (code, message) or (path, code, message, hint).
_HELPERS = {"_error", "_problem", "_diag", "_load_error", "report"}


def _calls(folder: str) -> Iterator[tuple[str, ast.Call]]:
    for file in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "Diagnostic" or name in _HELPERS:
                    yield f"{file.relative_to(ROOT)}:{node.lineno}", node


def _code(arg: ast.expr) -> str | None:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
        return str(arg.values[0].value) + "*"  # f"builder-{what}", f"data-{type}"
    return None


def test_every_reported_code_is_registered_with_its_severity() -> None:
    seen = 0
    for folder in ("widgetkit", "preview"):
        for where, call in _calls(folder):
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            args = call.args
            if name == "Diagnostic" and len(args) >= 3:
                severity = args[1].value if isinstance(args[1], ast.Constant) else None
                code = _code(args[2])
            else:
                severity = None
                code = next((c for c in map(_code, args) if c and "-" in c and " " not in c), None)
            if code is None:
                continue
            seen += 1
            if code.endswith("*"):
                prefix = code[:-1]
                assert any(k.startswith(prefix) for k in CODES) or prefix in FAMILIES, where
                continue
            entry = lookup(code)
            assert entry is not None, f"{where}: {code!r} is not in widgetkit.codes.CODES"
            if severity in ("error", "warning"):
                assert entry.severity == severity, f"{where}: {code} is a {entry.severity}"
    assert seen > 40


def test_every_registered_code_says_what_it_means() -> None:
    for code, entry in {**CODES, **FAMILIES}.items():
        assert entry.severity in ("error", "warning"), code
        assert _lower_case(entry.meaning) and not entry.meaning.endswith("."), code


def _lower_case(text: str) -> bool:
    """Starts lower-case, or with a component's name (a proper noun: "Label names field …")."""
    first = text.split(" ", 1)[0]
    return not text[:1].isupper() or first in BY_NAME


def _message(call: ast.Call) -> ast.expr | None:
    name = getattr(call.func, "id", getattr(call.func, "attr", ""))
    if name == "Diagnostic" and len(call.args) >= 4:
        return call.args[3]
    return None


def test_widgetkit_messages_are_lower_case_sentences_without_a_full_stop() -> None:
    for where, call in _calls("widgetkit"):
        msg = _message(call)
        first = msg.values[0] if isinstance(msg, ast.JoinedStr) and msg.values else msg
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
            assert _lower_case(first.value), f"{where}: {first.value!r}"
        last = msg.values[-1] if isinstance(msg, ast.JoinedStr) and msg.values else msg
        if isinstance(last, ast.Constant) and isinstance(last.value, str):
            assert not last.value.endswith("."), f"{where}: {last.value!r}"
