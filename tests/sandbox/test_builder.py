"""The warm worker: fresh imports from source, dependency tracking, structured errors, and
builds that are stopped without touching the server."""

from __future__ import annotations

import asyncio
import os
import py_compile
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from widgetkit.sandbox import Builder, FileResult

CARD = """\
from widgetkit import Card, Text, widget

@widget
def hello() -> Card:
    return Card(Text({text!r}))
"""


def write(path: Path, source: str) -> Path:
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def texts(result: FileResult) -> list[str]:
    """The Text values of every state's payload, in order."""
    out = []
    for w in result.widgets:
        for s in w.states:
            assert s.payload is not None, s
            out.append(s.payload["children"][0]["value"])
    return out


@pytest.fixture
async def builder(tmp_path: Path) -> AsyncIterator[Builder]:
    b = Builder([tmp_path], timeout=1.0)
    await b.start()
    try:
        yield b
    finally:
        await b.close()


async def test_a_rewrite_is_imported_from_source_even_beside_a_valid_stale_pyc(
    builder: Builder, tmp_path: Path
) -> None:
    file = write(tmp_path / "card.py", CARD.format(text="AAAA"))
    assert texts((await builder.build([file]))[0]) == ["AAAA"]
    # The trap: a pyc of the old text whose recorded mtime and size match the new file, as when
    # a file is rewritten twice within a second at the same size. A plain import would load it.
    py_compile.compile(str(file), doraise=True)
    stat = file.stat()
    for text in ("BBBB", "CCCC"):
        write(file, CARD.format(text=text))
        os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        [result] = await builder.build([file], changed=[file])
        assert texts(result) == [text]


async def test_a_changed_helper_rebuilds_its_importers_and_is_reported_as_a_dependency(
    builder: Builder, tmp_path: Path
) -> None:
    helper = write(tmp_path / "helpers.py", "GREETING = 'Hello'\nCALLS = []\n")
    user = write(
        tmp_path / "user.py",
        """\
        import helpers
        from widgetkit import Card, Text, widget

        helpers.CALLS.append(1)

        @widget
        def hello() -> Card:
            return Card(Text(f"{helpers.GREETING} x{len(helpers.CALLS)}"))
        """,
    )
    loner = write(tmp_path / "loner.py", CARD.format(text="alone"))
    first = await builder.build([helper, user, loner])
    assert first[1].deps == {helper.resolve()}
    assert first[2].deps == set()
    assert texts(first[1]) == ["Hello x1"]

    write(helper, "GREETING = 'Howdy'\nCALLS = []\n")
    [again] = await builder.build([user], changed=[helper])
    # Both modules ran afresh: the new greeting, and no list surviving from the last import.
    assert texts(again) == ["Howdy x1"]


async def test_a_syntax_error_is_the_files_error_with_its_line(
    builder: Builder, tmp_path: Path
) -> None:
    file = write(tmp_path / "broken.py", "from widgetkit import Card\n\ndef oops(:\n    pass\n")
    [result] = await builder.build([file])
    assert result.widgets == []
    assert result.error is not None
    assert result.error.type == "SyntaxError"
    assert (result.error.file, result.error.line) == (str(file), 3)
    assert result.error.traceback[-1].code == "def oops(:"


async def test_an_exception_names_the_file_and_line_with_only_user_frames(
    builder: Builder, tmp_path: Path
) -> None:
    file = write(
        tmp_path / "boom.py",
        """\
        from widgetkit import Card, Text, widget

        def ratio(n):
            return 1 / n

        @widget(samples={"zero": {"n": 0}, "one": {"n": 1}})
        def boom(n: int) -> Card:
            return Card(Text(str(ratio(n))))
        """,
    )
    [result] = await builder.build([file])
    zero, one = result.widgets[0].states
    assert one.ok and one.payload is not None
    assert zero.payload is None and zero.error is not None
    assert zero.error.type == "ZeroDivisionError"
    assert (zero.error.file, zero.error.line, zero.error.label) == (
        str(file),
        4,
        "boom[zero]",
    )
    frames = zero.error.traceback
    assert [f.name for f in frames] == ["boom", "ratio"]
    assert all(f.file == str(file) for f in frames)  # no widgetkit or importlib frames
    assert zero.diagnostics[0]["code"] == "builder-error"


async def test_an_invalid_widget_answers_the_validators_diagnostics(
    builder: Builder, tmp_path: Path
) -> None:
    file = write(tmp_path / "bad.json", '{"type": "Card", "children": [{"type": "Txet"}]}')
    [result] = await builder.build([file])
    [state] = result.widgets[0].states
    assert not state.ok
    assert [d["path"] for d in state.diagnostics] == ["/children/0/type"]


async def test_an_endless_builder_is_stopped_and_a_fresh_worker_takes_over(
    builder: Builder, tmp_path: Path
) -> None:
    file = write(
        tmp_path / "slow.py",
        """\
        from widgetkit import Card, Text, widget

        @widget(samples={"fast": {"spin": False}, "stuck": {"spin": True}, "after": {"spin": False}})
        def slow(spin: bool) -> Card:
            while spin:
                pass
            return Card(Text("done"))
        """,
    )
    other = write(tmp_path / "other.py", CARD.format(text="other"))
    first_pid = builder.pid
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    started = time.monotonic()
    result, after = await builder.build([file, other])
    elapsed = time.monotonic() - started
    ticker.cancel()
    # The server's event loop kept running while the builder spun.
    assert ticks > 30
    assert elapsed < 5
    states = {s.name: s for s in result.widgets[0].states}
    assert states["fast"].ok and states["after"].ok
    stuck = states["stuck"]
    assert stuck.error is not None and stuck.error.type == "Timeout"
    assert stuck.error.message == "builder slow[stuck] took longer than 1 s and was stopped"
    assert texts(after) == ["other"]
    assert builder.restarts == 1 and builder.pid != first_pid
    write(other, CARD.format(text="still warm"))
    [again] = await builder.build([other], changed=[other])
    assert texts(again) == ["still warm"]


async def test_an_endless_import_and_a_crashing_builder_each_fail_only_their_file(
    builder: Builder, tmp_path: Path
) -> None:
    loop = write(tmp_path / "loop.py", "while True:\n    pass\n")
    crash = write(
        tmp_path / "crash.py",
        """\
        import os
        from widgetkit import Card, widget

        @widget
        def crash() -> Card:
            print("user output must not break the pipe")
            os._exit(3)
        """,
    )
    fine = write(tmp_path / "fine.py", CARD.format(text="fine"))
    looped, crashed, ok = await builder.build([loop, crash, fine])
    assert looped.error is not None
    assert looped.error.message == "importing loop.py took longer than 1 s and was stopped"
    [state] = crashed.widgets[0].states
    assert state.error is not None and state.error.type == "WorkerCrash"
    assert "exited with code 3" in state.error.message
    assert texts(ok) == ["fine"]
    assert builder.restarts == 2


async def test_in_a_package_whose_init_imports_everything_a_module_depends_on_its_imports_only(
    builder: Builder, tmp_path: Path
) -> None:
    pkg = tmp_path / "themes"
    pkg.mkdir()
    write(pkg / "__init__.py", "from . import one, two\n")
    write(pkg / "_common.py", "PREFIX = 'p'\n")
    write(
        pkg / "one.py",
        CARD.format(text="one").replace(
            "from widgetkit", "from ._common import PREFIX\nfrom widgetkit"
        ),
    )
    write(pkg / "two.py", CARD.format(text="two"))
    init, one, two = await builder.build([pkg / "__init__.py", pkg / "one.py", pkg / "two.py"])
    assert one.deps == {(pkg / "_common.py").resolve()}
    assert two.deps == set()
    assert init.deps == {(pkg / n).resolve() for n in ("one.py", "two.py", "_common.py")}
    write(pkg / "two.py", CARD.format(text="two again"))
    _, again = await builder.build([pkg / "__init__.py", pkg / "two.py"], changed=[pkg / "two.py"])
    assert texts(again) == ["two again"]
