"""Diagnostics: what the validator reports, and the error builders raise."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# A path while walking: a linked list (parent, key) built as the walk descends, turned into an
# RFC 6901 pointer only when something is reported (most nodes never need their pointer).
Path = tuple["Path", str | int] | None


def pointer(path: Path) -> str:
    parts: list[str] = []
    while path is not None:
        path, key = path
        parts.append(str(key).replace("~", "~0").replace("/", "~1"))
    return "".join("/" + p for p in reversed(parts))


def show(value: object, limit: int = 50) -> str:
    """The value as JSON, cut to `limit` characters, for quoting in messages."""
    text = _brief(value, 3, limit + 1)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _brief(value: object, depth: int, budget: int) -> str:
    # Bounded in depth and length, so quoting a value nested 100,000 deep costs nothing.
    if type(value) is dict:
        if depth == 0:
            return "{…}" if value else "{}"
        parts = []
        for k, v in value.items():
            parts.append(
                f"{json.dumps(_key(k), ensure_ascii=False)}: {_brief(v, depth - 1, budget)}"
            )
            if sum(map(len, parts)) > budget:
                break
        return "{" + ", ".join(parts) + "}"
    if type(value) is list:
        if depth == 0:
            return "[…]" if value else "[]"
        items = []
        for v in value:
            items.append(_brief(v, depth - 1, budget))
            if sum(map(len, items)) > budget:
                break
        return "[" + ", ".join(items) + "]"
    if not isinstance(value, (str, int, float, bool, type(None))):
        # Not JSON: named by its type alone, so no user code (__repr__, __str__) runs.
        return f"<a Python {type(value).__name__}>"
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=True)[: budget + 1]
    except (TypeError, ValueError, RecursionError):
        return f"<a Python {type(value).__name__}>"


def _key(k: object) -> str:
    return str(k) if isinstance(k, (str, int, float, bool, type(None))) else f"<{type(k).__name__}>"


def nearest(word: str, choices: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def one_of(values: Iterable[str]) -> str:
    return "use one of " + ", ".join(values)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a widget.

    `path` is an RFC 6901 JSON pointer into the payload (`""` is the root), `code` a stable slug,
    `message` a sentence quoting the bad value, and `hint` the fix.
    """

    path: str
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.path or "/"
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_dict(self) -> dict[str, str]:
        return {
            "path": self.path,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, str]) -> Diagnostic:
        """The inverse of `to_dict`, for diagnostics that crossed a process boundary."""
        severity: Severity = "warning" if d["severity"] == "warning" else "error"
        return cls(d["path"], severity, d["code"], d["message"], d.get("hint", ""))


class WidgetError(ValueError):
    """A widget that breaks the catalog's rules; `diagnostics` lists every problem found."""

    def __init__(self, diagnostics: list[Diagnostic], *, where: str = "") -> None:
        self.diagnostics = diagnostics
        self.where = where  # the builder call that failed, e.g. "Title(…)"; paths are inside it
        errors = [d for d in diagnostics if d.severity == "error"]
        head = f"{where}: " if where else ""
        lines = "\n".join(f"  {d}" for d in errors)
        super().__init__(f"{head}{len(errors)} problem(s) in widget:\n{lines}")


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
