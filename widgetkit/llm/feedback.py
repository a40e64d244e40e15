"""What to tell a model whose widget has problems: short, one line per kind of mistake.

```python
feedback(validate(payload))
# '2 errors in the widget; fix them and send the whole widget again:
#  - /children/0/size, /children/2/size: "6xl" is not a TitleSize token; fix: did you mean "xl"? …'
```
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic

BUDGET = 1500  # characters: enough for a dozen kinds of mistake, small beside a widget
_PATHS_SHOWN = 3


def feedback(
    diagnostics: Iterable[Diagnostic], *, budget: int = BUDGET, subject: str = "the widget"
) -> str:
    """A compact message for a model: each problem's JSON pointer, what is wrong and the fix.

    The same mistake at several places is one line listing the places; errors come before
    warnings; lines past `budget` characters are counted, not written.
    """
    groups: dict[tuple[str, str, str, str], list[str]] = {}
    for d in sorted(diagnostics, key=lambda d: d.severity != "error"):
        groups.setdefault((d.severity, d.code, d.message, d.hint), []).append(d.path or "/")
    if not groups:
        return f"No problems: {subject} is valid."
    n_err = sum(len(paths) for (sev, *_), paths in groups.items() if sev == "error")
    n_warn = sum(len(paths) for paths in groups.values()) - n_err
    counts = " and ".join(
        f"{n} {word}{'s' if n != 1 else ''}"
        for n, word in ((n_err, "error"), (n_warn, "warning"))
        if n
    )
    head = f"{counts} in {subject}; fix {'them' if n_err + n_warn > 1 else 'it'} and send it again:"
    lines = [head]
    size = len(head)
    left = 0
    for (severity, _, message, hint), paths in groups.items():
        shown = ", ".join(dict.fromkeys(paths[:_PATHS_SHOWN]))
        more = len(paths) - _PATHS_SHOWN
        where = shown + (f" (and {more} more)" if more > 0 else "")
        mark = "" if severity == "error" else "warning: "
        line = f"- {where}: {mark}{message}" + (f"; fix: {hint}" if hint else "")
        if size + len(line) + 1 > budget:
            left += len(paths)
            continue
        lines.append(line)
        size += len(line) + 1
    if left:
        lines.append(f"- … and {left} more; fix these first.")
    return "\n".join(lines)
