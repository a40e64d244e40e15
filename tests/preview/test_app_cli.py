"""`widgetkit preview` as a command: it serves, prints its URL, and refuses what it can't do."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from widgetkit.cli import main
from widgetkit.preview.cli import is_loopback


def test_preview_serves_and_prints_its_url(tmp_path: Path) -> None:
    (tmp_path / "hello.json").write_text('{"type": "Card", "children": []}')
    cmd = [sys.executable, "-m", "widgetkit.cli", "preview", str(tmp_path), "--no-browser"]
    with subprocess.Popen([*cmd, "--port", "0"], stdout=subprocess.PIPE, text=True) as proc:
        try:
            _check_serving(proc)
        finally:
            proc.terminate()
            proc.wait(10)


def _check_serving(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("widgetkit preview: serving on http://127.0.0.1:"), line
    with urllib.request.urlopen(line.split()[4], timeout=10) as response:
        assert 'href="/widget/hello.json"' in response.read().decode()


def test_preview_refuses_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", "/no/such/folder", "--no-browser"]) == 2
    assert "/no/such/folder does not exist" in capsys.readouterr().err


def test_preview_rejects_an_unknown_renderer(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["preview", "--renderer", "fancy"])
    assert "invalid choice: 'fancy'" in capsys.readouterr().err


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.4", "example.com", "::"]))
