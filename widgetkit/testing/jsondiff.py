"""A small structural JSON diff that names each change by its RFC 6901 pointer."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Literal

Kind = Literal["changed", "added", "removed"]

_MARK: dict[Kind, str] = {"changed": "~", "added": "+", "removed": "-"}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. `pointer` points into the new widget, or into the stored one when removed."""

    kind: Kind
    pointer: str

    def __str__(self) -> str:
        return f"{_MARK[self.kind]} {self.pointer or '/'} ({self.kind})"


def escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def changes(old: object, new: object) -> list[Change]:
    """Every changed, added and removed value between two JSON documents.

    >>> [str(c) for c in changes({"a": 1, "b": [1, 2]}, {"a": 2, "b": [0, 1, 2]})]
    ['~ /a (changed)', '+ /b/0 (added)']
    """
    out: list[Change] = []
    _walk(old, new, "", "", out)
    return out


def _same(a: object, b: object) -> bool:
    # `1 == 1.0 == True` in Python, but they are different JSON values and different snapshots.
    return type(a) is type(b) and a == b


def _walk(old: object, new: object, old_ptr: str, new_ptr: str, out: list[Change]) -> None:
    if type(old) is dict and type(new) is dict:
        if old.get("type") != new.get("type"):
            # A different component in the same place: one change, not one per prop.
            out.append(Change("changed", new_ptr))
            return
        for key in sorted(old.keys() | new.keys()):
            part = "/" + escape(key)
            if key not in new:
                out.append(Change("removed", old_ptr + part))
            elif key not in old:
                out.append(Change("added", new_ptr + part))
            else:
                _walk(old[key], new[key], old_ptr + part, new_ptr + part, out)
    elif type(old) is list and type(new) is list:
        _walk_list(old, new, old_ptr, new_ptr, out)
    elif not _same(old, new):
        out.append(Change("changed", new_ptr))


def _walk_list(
    old: list[object], new: list[object], old_ptr: str, new_ptr: str, out: list[Change]
) -> None:
    if len(old) == len(new):
        # Same length: most likely edited in place, so compare index by index (and cheaply).
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _walk(a, b, f"{old_ptr}/{i}", f"{new_ptr}/{i}", out)
        return
    # Align the elements first, so inserting one child reports one addition rather than a change
    # at every later index (children lists are where widgets grow).
    keys_old = [_key(v) for v in old]
    keys_new = [_key(v) for v in new]
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            i, j = i1 + k, j1 + k
            _walk(old[i], new[j], f"{old_ptr}/{i}", f"{new_ptr}/{j}", out)
        for i in range(i1 + paired, i2):
            out.append(Change("removed", f"{old_ptr}/{i}"))
        for j in range(j1 + paired, j2):
            out.append(Change("added", f"{new_ptr}/{j}"))


def _key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def unified(old_text: str, new_text: str, old_name: str, new_name: str) -> list[str]:
    """A unified diff of two texts, as lines without line endings."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old_text.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            fromfile=old_name,
            tofile=new_name,
        )
    ]
