"""How fast `widgetkit.validate` is, beside openai-chatkit's own check and `json.dumps`.

Run: `.venv/bin/python bench/validate.py`. Goals (issue 2): validate at least 20x faster than
`TypeAdapter(WidgetRoot).validate_python(p).model_dump_json()`, and a 5,000-node widget costing at
most 1.5x per node what the 184-node card costs. All figures are measured side by side in one run.
"""

from __future__ import annotations

import json
import statistics
import timeit
import warnings
from collections.abc import Callable
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # openai-chatkit's import-time notice
    from chatkit.widgets import WidgetRoot
from pydantic import TypeAdapter

from widgetkit import validate

Payload = dict[str, Any]


def row(i: int) -> Payload:
    return {
        "type": "Row",
        "children": [
            {"type": "Icon", "name": "star", "color": "secondary"},
            {"type": "Text", "value": f"Item {i}", "weight": "medium"},
            {"type": "Spacer"},
            {"type": "Badge", "label": "New", "color": "success"},
            {
                "type": "Button",
                "label": "Open",
                "onClickAction": {"type": "item.open", "payload": {"id": i}},
                "size": "sm",
            },
        ],
    }


def card(rows: int) -> Payload:
    """A Title, `rows` Rows of five, a Divider and a Caption: 6 * rows + 4 nodes."""
    return {
        "type": "Card",
        "size": "md",
        "children": [
            {"type": "Title", "value": "Inbox", "size": "lg"},
            *(row(i) for i in range(rows)),
            {"type": "Divider"},
            {"type": "Caption", "value": "Updated just now"},
        ],
    }


def count(node: Payload) -> int:
    kids = node.get("children")
    items = [kids] if isinstance(kids, dict) else kids or []
    return 1 + sum(count(k) for k in items)


def side_by_side(fns: dict[str, Callable[[], object]], *, rounds: int = 9) -> dict[str, float]:
    """Seconds per call of each function: the minimum over `rounds`, the functions interleaved
    round by round so a noisy neighbour on the machine slows them all alike."""
    timers = {k: timeit.Timer(fn) for k, fn in fns.items()}
    numbers = {k: t.autorange()[0] for k, t in timers.items()}
    runs: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(rounds):
        for k, t in timers.items():
            runs[k].append(t.timeit(numbers[k]) / numbers[k])
    return {k: min(v) for k, v in runs.items()} | {
        f"{k} median": statistics.median(v) for k, v in runs.items()
    }


def main() -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(WidgetRoot)
    small, large = card(30), card(833)
    assert validate(small) == [] and validate(large) == []
    results: dict[str, dict[str, float]] = {}
    for label, payload in (("184-node card", small), (f"{count(large)}-node card", large)):
        n = count(payload)
        r = side_by_side(
            {
                "ours": lambda p=payload: validate(p),
                "theirs": lambda p=payload: adapter.validate_python(p).model_dump_json(),
                "dumps": lambda p=payload: json.dumps(p),
            }
        )
        ours, theirs, dumps = r["ours"], r["theirs"], r["dumps"]
        results[label] = {"n": n, "ours": ours}
        print(f"{label}: min (median) of 9 interleaved rounds")
        for name, key in (
            ("widgetkit.validate", "ours"),
            ("openai-chatkit TypeAdapter", "theirs"),
            ("json.dumps", "dumps"),
        ):
            print(f"  {name:28}{r[key] * 1e6:10.1f} µs  ({r[key + ' median'] * 1e6:.1f})")
        print(f"  widgetkit per node          {ours / n * 1e9:10.0f} ns")
        print(f"  pydantic / widgetkit        {theirs / ours:10.1f} x   (goal >= 20x)")
        print(f"  widgetkit / json.dumps      {ours / dumps:10.2f} x")
    a, b = results.values()
    per_node = (b["ours"] / b["n"]) / (a["ours"] / a["n"])
    print(f"per-node cost, large / small   {per_node:.2f} x   (goal <= 1.5x)")


if __name__ == "__main__":
    main()
