"""The typed builders under mypy: a wrong token is a type error, correct code passes."""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

HERE = Path(__file__).parent / "typecheck"


def _mypy(name: str) -> tuple[str, int]:
    out, err, status = api.run(
        ["--strict", "--no-incremental", "--no-error-summary", str(HERE / name)]
    )
    return out + err, status


def test_correct_builder_code_type_checks() -> None:
    out, status = _mypy("typing_ok.py")
    assert status == 0, out


def test_wrong_tokens_and_values_are_type_errors() -> None:
    out, status = _mypy("typing_bad.py")
    assert status == 1, out
    flagged = {int(m) for m in re.findall(r"typing_bad\.py:(\d+): error", out)}
    source = (HERE / "typing_bad.py").read_text(encoding="utf-8").splitlines()
    marked = {i for i, line in enumerate(source, 1) if "# error" in line}
    assert flagged == marked, out
    assert "Literal['6xl']" in out
