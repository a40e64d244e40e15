"""The command line runs user code in the sandbox: a module or builder that loops, sleeps or exits
is stopped with a message naming the file and the limit, and Python's raw errors for common
mistakes come out as what to fix.

Each case runs `widgetkit` as a process with an outer timeout, so a hang fails the test instead
of hanging it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LIMIT = "0.5"  # the sandbox's limit for these runs; the outer timeout is far above it


def validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "widgetkit.cli", "validate", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def module(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))
    return path


@pytest.mark.parametrize(
    "source",
    ["while True:\n    pass\n", "import time\ntime.sleep(600)\n"],
    ids=["loops", "sleeps"],
)
def test_a_module_that_never_finishes_importing_is_stopped(tmp_path: Path, source: str) -> None:
    path = module(tmp_path, "stuck.py", source)
    done = validate(path, "--timeout", LIMIT)
    assert done.returncode == 1
    assert f"{path}: /: error: importing stuck.py took longer than 0.5 s and was stopped" in (
        done.stdout
    )
    assert done.stdout.splitlines()[-1].endswith("1 file not loaded: 1 error, 0 warnings")


def test_a_builder_that_loops_is_stopped_and_the_others_still_checked(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        "cards.py",
        """
        from widgetkit import Card, Text, widget

        @widget
        def forever() -> Card:
            while True:
                pass

        @widget
        def fine() -> Card:
            return Card(Text("hi"))
        """,
    )
    done = validate(path, "--timeout", LIMIT)
    assert done.returncode == 1
    assert "builder forever[default] took longer than 0.5 s and was stopped" in done.stdout
    assert done.stdout.splitlines()[-1] == "2 widgets, 2 states checked: 1 error, 0 warnings"


def test_sys_exit_at_import_is_reported_not_obeyed(tmp_path: Path) -> None:
    path = module(tmp_path, "leaves.py", "import sys\nsys.exit(3)\n")
    done = validate(path)
    assert done.returncode == 1  # the checker's verdict, not the module's 3
    assert f"{path}:2: /: error: SystemExit: 3" in done.stdout
    assert "must not call sys.exit()" in done.stdout


def test_sys_exit_in_a_builder_fails_that_builder(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        "cards.py",
        """
        import sys
        from widgetkit import Card, widget

        @widget
        def quits() -> Card:
            sys.exit(0)
        """,
    )
    done = validate(path)
    assert done.returncode == 1
    assert f"{path}:7: quits[default]: /: error: SystemExit: 0" in done.stdout


def test_a_builder_with_required_parameters_and_no_samples_is_told_to_add_samples(
    tmp_path: Path,
) -> None:
    path = module(
        tmp_path,
        "hello.py",
        """
        from widgetkit import Card, Text, widget

        @widget
        def hello(name: str, count: int = 1) -> Card:
            return Card(Text(name * count))
        """,
    )
    done = validate(path)
    assert done.returncode == 1
    assert "hello needs name but has no sample states to call it with" in done.stdout
    assert 'add samples={"default": {"name": …}} to @widget' in done.stdout
    assert "missing 1 required positional argument" not in done.stdout


def test_a_mistyped_keyword_gets_the_line_and_did_you_mean(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        "typo.py",
        """
        from widgetkit import Card, Text, widget

        @widget
        def typo() -> Card:
            return Card(
                Text("hi", wieght="bold"),
            )
        """,
    )
    done = validate(path)
    assert done.returncode == 1
    # The same diagnostic as widget JSON with that prop gets, at the line of the call.
    assert (
        f'{path}:7: typo[default]: /: error: Text has no prop "wieght" (did you mean "weight"?)'
    ) in done.stdout
    assert "unexpected keyword argument" not in done.stdout


def test_a_relative_import_outside_a_package_is_named(tmp_path: Path) -> None:
    module(tmp_path, "cards/helpers.py", "X = 1\n")
    path = module(tmp_path, "cards/main.py", "from .helpers import X\n")
    done = validate(path)
    assert done.returncode == 1
    assert "main.py uses a relative import (line 1) but cards/ is not a package" in done.stdout
    assert "widgetkit_user" not in done.stdout


def test_the_count_names_widgets_and_states(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        "cards.py",
        """
        from widgetkit import Card, Text, widget

        @widget(samples={"a": {"t": "a"}, "b": {"t": "b"}, "c": {"t": "c"}})
        def three(t: str) -> Card:
            return Card(Text(t))
        """,
    )
    done = validate(path)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "1 widget, 3 states checked: 0 errors, 0 warnings"


def export(spec: str, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "widgetkit.cli", "export", spec, "-o", str(out), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_export_stops_a_module_that_loops_at_import(tmp_path: Path) -> None:
    path = module(tmp_path, "stuck.py", "while True:\n    pass\n")
    done = export(f"{path}:card", tmp_path / "card.widget", "--timeout", LIMIT)
    assert done.returncode == 1
    assert f"exporting {path}:card took longer than 0.5 s and was stopped" in done.stderr
    assert not (tmp_path / "card.widget").exists()


def test_export_reports_a_builder_that_exits(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        "cards.py",
        """
        import sys
        from widgetkit import Card, widget

        @widget(samples={"one": {}})
        def card() -> Card:
            sys.exit(4)
        """,
    )
    done = export(f"{path}:card", tmp_path / "card.widget")
    assert done.returncode == 1
    assert f"widgetkit export: SystemExit: 4 ({path}:7 in card)" in done.stderr
