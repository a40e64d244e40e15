"""Input and Textarea `pattern`s, checked as the browser reads them.

ChatKit's forms use native validation (docs-form-validation), so a pattern is an HTML `pattern`
attribute: the browser compiles `^(?:pattern)$` as an ECMAScript regular expression with the `v`
flag, and ignores a pattern that does not compile (html-pattern). Python's `re` reads another
dialect (it rejects `\\p{L}` and `(?<name>…)`, accepts `(?P<name>…)`), so the syntax is checked with
`regress`, an ECMAScript engine. Nested quantifiers such as `(a+)+` backtrack exponentially on a
value that almost matches and freeze the page on Submit; they get a warning of their own.
"""

from __future__ import annotations

import re

import regress

from .diagnostics import Diagnostic, Path, pointer, show

Out = list[Diagnostic]

_BOUNDED = re.compile(r"\{(\d+)(,(\d*))?\}")
# A bounded repeat this large around an unbounded one is as slow as a nested `*` in practice:
# `(.*a){20}` tries n^20 splits.
_MANY = 10


def check_pattern(pattern: str, path: Path, out: Out) -> None:
    try:
        regress.Regex(f"^(?:{pattern})$", "v")
    except regress.RegressError as exc:
        out.append(
            Diagnostic(
                pointer(path),
                "warning",
                "bad-pattern",
                f"{show(pattern)} is not a regular expression the browser can compile with the v flag ({exc})",
                "fix the pattern; the browser ignores an invalid one and checks nothing",
            )
        )
        return
    nested = nested_quantifier(pattern)
    if nested is not None:
        out.append(
            Diagnostic(
                pointer(path),
                "warning",
                "slow-pattern",
                f"{show(pattern)} repeats a group that itself repeats ({show(nested, 30)}), so "
                "checking a long value that almost matches can freeze the page",
                "repeat once: write (a+)+ as a+, (\\w+\\s?)* as [\\w\\s]*",
            )
        )


def _quantifier(pattern: str, i: int) -> tuple[int, bool, bool] | None:
    """The quantifier at `i`: (its length, unbounded, many); None if there is none."""
    if i >= len(pattern):
        return None
    ch = pattern[i]
    if ch in "*+":
        length = 2 if pattern[i + 1 : i + 2] in ("?", "+") else 1
        return length, True, True
    if ch == "?":
        return (2 if pattern[i + 1 : i + 2] == "?" else 1), False, False
    m = _BOUNDED.match(pattern, i)
    if m is None:
        return None
    length = m.end() - i + (1 if pattern[m.end() : m.end() + 1] == "?" else 0)
    unbounded = m.group(2) is not None and not m.group(3)
    top = int(m.group(3) or m.group(1)) if not unbounded else 0
    return length, unbounded, unbounded or top >= _MANY


def nested_quantifier(pattern: str) -> str | None:
    """The first group that repeats (unboundedly, or many times) while holding an unbounded
    repeat, as its source text; None if the pattern has none. Iterative: any depth is safe."""
    # Per open group: where it starts, and whether something inside it repeats unboundedly.
    frames: list[list[int]] = [[0, 0]]
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        inner = 0
        start = i
        if ch == "\\":
            i += 2
        elif ch == "[":
            depth, i = 1, i + 1
            while i < n and depth:
                if pattern[i] == "\\":
                    i += 1
                elif pattern[i] == "[":
                    depth += 1
                elif pattern[i] == "]":
                    depth -= 1
                i += 1
        elif ch == "(":
            frames.append([i, 0])
            i += 1
            continue
        elif ch == ")" and len(frames) > 1:
            start, inner = frames.pop()
            i += 1
        else:
            i += 1
        q = _quantifier(pattern, i)
        if q is None:
            frames[-1][1] |= inner
            continue
        length, unbounded, many = q
        if inner and many:
            return pattern[start : i + length]
        frames[-1][1] |= inner | unbounded
        i += length
    return None
