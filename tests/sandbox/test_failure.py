"""One shape for a failure of user code, whichever worker call it came from."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from widgetkit.handlers import ActionContext
from widgetkit.preview.calls import Calls, CallTimeout, HandlerError
from widgetkit.sandbox import Builder, Failure

MODULE = """\
from widgetkit import Card, Text, widget
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

@widget(samples={"zero": {"n": 0}})
def ratio(n: int) -> Card:
    return Card(Text(str(1 / n)))

@actions.on("crash")
def crash(payload: dict) -> None:
    raise KeyError("no such counter")

@actions.on("spin")
def spin(payload: dict) -> None:
    while True:
        pass
"""


async def test_builds_actions_and_stops_fail_in_one_shape(tmp_path: Path) -> None:
    file = tmp_path / "cards.py"
    file.write_text(textwrap.dedent(MODULE), encoding="utf-8")
    (tmp_path / "broken.py").write_text("def oops(:\n    pass\n", encoding="utf-8")
    builder = Builder([tmp_path])
    await builder.start()
    calls = Calls([tmp_path], timeout=1.0)
    try:
        built, broken = await builder.build([file, tmp_path / "broken.py"])
        raised = built.widgets[0].states[0].error
        assert broken.error is not None and raised is not None
        with pytest.raises(HandlerError) as handler:
            await calls.action("crash", {}, ActionContext(type="crash"), near=file, timeout=1)
        with pytest.raises(CallTimeout) as stopped:
            await calls.action("spin", {}, ActionContext(type="spin"), near=file, timeout=0.5)
    finally:
        await calls.close()
        await builder.close()
    failures = [broken.error, raised, handler.value.cause, stopped.value.cause]
    assert all(isinstance(f, Failure) for f in failures)
    assert len({tuple(f.to_dict()) for f in failures}) == 1  # the same keys on the wire
    assert [f.type for f in failures] == ["SyntaxError", "ZeroDivisionError", "KeyError", "Timeout"]
    assert (raised.file, raised.line, raised.label) == (str(file), 8, "ratio[zero]")
    assert handler.value.cause.where == f"{file}:12 in crash"
    assert broken.error.traceback[-1].column == 10  # where the overlay's caret goes
    for f in failures:  # what the worker sent is what the server reads
        assert Failure.from_dict(f.to_dict()) == f
