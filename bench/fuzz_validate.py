"""Fuzz `widgetkit.validate` with hostile JSON: at least 10,000 fresh hypothesis-drawn values.

Run: `.venv/bin/python bench/fuzz_validate.py [COUNT]` (default 10,000). Each value is checked
for every runtime (None, "js", "python"); the script prints how many values were tried, how long
it took, the slowest single call, and whether any call raised (it exits 1 if one did, with the
first value and error).
tests/test_fuzz_validate.py runs a smaller, seeded share of the same strategy in CI.
"""

from __future__ import annotations

import sys
import time
import traceback

from hypothesis import HealthCheck, given, settings

from widgetkit import validate
from widgetkit.diagnostics import show
from widgetkit.testing.hostile import hostile_json


def main(count: int) -> int:
    tried = 0
    calls = 0
    slowest = (0.0, "")
    failures: list[tuple[object, str]] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(hostile_json())
    def fuzz(value: object) -> None:
        nonlocal tried, calls, slowest
        tried += 1
        for runtime in (None, "js", "python"):
            calls += 1
            try:
                began = time.perf_counter()
                validate(value, runtime=runtime)  # type: ignore[arg-type]
                took = time.perf_counter() - began
                if took > slowest[0]:
                    slowest = (took, f"{show(value, 80)} (runtime={runtime})")
            except Exception:  # the finding: recorded and reported, not raised into hypothesis
                if not failures:
                    failures.append((value, traceback.format_exc()))
                return

    started = time.perf_counter()
    fuzz()
    elapsed = time.perf_counter() - started
    print(f"values tried:     {tried:,}")
    print(f"validate() calls: {calls:,}")
    print(f"time:             {elapsed:.1f} s ({elapsed / max(tried, 1) * 1000:.1f} ms a value)")
    print(f"slowest call:     {slowest[0] * 1000:.1f} ms on {slowest[1]}")
    if failures:
        value, error = failures[0]
        print(f"EXCEPTION on {show(value, 300)}:\n{error}")
        return 1
    print("exceptions:       none")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
