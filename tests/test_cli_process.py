"""The `widgetkit` command as a process: its version, and output into a pipe closed early."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import widgetkit


def widgetkit_command(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "widgetkit.cli", *args], stderr=subprocess.PIPE, **kwargs
    )


def test_version_is_the_installed_distributions() -> None:
    done = widgetkit_command("--version", stdout=subprocess.PIPE)
    assert done.returncode == 0
    assert done.stdout.decode() == f"widgetkit {importlib.metadata.version('widgetkit')}\n"
    assert importlib.metadata.version("widgetkit") == widgetkit.__version__


@pytest.mark.parametrize(
    "args",
    [["schema"], ["validate", "{tmp}"], ["--help"], ["--version"]],
    ids=["schema (large output)", "validate", "--help", "--version"],
)
def test_output_into_a_closed_pipe_ends_quietly(args: list[str], tmp_path: Path) -> None:
    # `widgetkit ... | head`: the reader is gone before the command writes (a pipe whose read
    # end is closed), so every write fails; Python would print a BrokenPipeError traceback.
    (tmp_path / "card.json").write_text(json.dumps({"type": "Card", "children": []}))
    read, write = os.pipe()
    os.close(read)
    try:
        done = widgetkit_command(*(a.format(tmp=tmp_path) for a in args), stdout=write)
    finally:
        os.close(write)
    assert done.stderr.decode() == ""
    # 1 where widgetkit saw the pipe close (argparse swallows it for --help and --version);
    # never 120, Python's exit code when flushing stdout at exit fails.
    assert done.returncode == (0 if args[0].startswith("--") else 1)
