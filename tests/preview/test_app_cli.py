"""`widgetkit preview` as a command: it serves, prints its URL, and refuses what it can't do."""

from __future__ import annotations

import json
import subprocess
import sys
import time
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
    url = line.split()[4]
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200  # at once: "building" while the worker's first build runs
    deadline = time.monotonic() + 30
    while True:
        with urllib.request.urlopen(url + "api/widgets", timeout=10) as response:
            if not json.loads(response.read())["building"]:
                break
        assert time.monotonic() < deadline, "the first build never came in"
        time.sleep(0.05)
    with urllib.request.urlopen(url, timeout=10) as response:
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
