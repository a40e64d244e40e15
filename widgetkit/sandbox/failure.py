"""The one shape of a failure of user code, as it travels from a worker to the server.

A module that did not import, a builder or handler that raised, and a worker stopped after its
limit (`Timeout`) or killed by its code (`WorkerCrash`) are each a `Failure`: the worker sends
`failure.to_dict()` in its answer, the server reads it back with `Failure.from_dict`, and the
pages, the action log and the command line show its fields.

    {"type": "KeyError", "message": "'id'", "file": "/…/cards.py", "line": 12, "label": "",
     "where": "/…/cards.py:12 in pay",
     "traceback": [{"file": "/…/cards.py", "line": 12, "name": "pay", "code": "…"}]}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Failure", "Frame"]


@dataclass(frozen=True)
class Frame:
    """One frame of the user's own code (frames in widgetkit and libraries are left out)."""

    file: str
    line: int
    name: str
    code: str
    column: int | None = None  # a syntax error's, counted in `code` (where a caret goes)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "line": self.line, "name": self.name,
                               "code": self.code}  # fmt: skip
        if self.column is not None:
            out["column"] = self.column
        return out


@dataclass(frozen=True)
class Failure:
    """An exception of user code: its type and message, the innermost user frame (`file`,
    `line`), the sample state it happened in (`label`, e.g. `hello[empty]`), and the user's
    frames."""

    type: str
    message: str
    file: str = ""
    line: int = 0
    label: str = ""
    traceback: tuple[Frame, ...] = field(default_factory=tuple)

    @property
    def where(self) -> str:
        """The innermost user frame as `file:line in name`, for a log line; "" when unknown."""
        if self.traceback:
            last = self.traceback[-1]
            return f"{last.file}:{last.line} in {last.name}"
        return f"{self.file}:{self.line}" if self.file and self.line else self.file

    def __str__(self) -> str:
        return f"{self.type}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "message": self.message, "file": self.file,
                "line": self.line, "label": self.label, "where": self.where,
                "traceback": [f.to_dict() for f in self.traceback]}  # fmt: skip

    @classmethod
    def from_dict(cls, msg: dict[str, Any]) -> Failure:
        frames = tuple(Frame(**f) for f in msg.get("traceback", ()))
        return cls(str(msg.get("type", "Error")), str(msg.get("message", "")),
                   str(msg.get("file") or ""), int(msg.get("line") or 0),
                   str(msg.get("label") or ""), frames)  # fmt: skip
