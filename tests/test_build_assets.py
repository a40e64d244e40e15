"""The build step (scripts/build_assets.py): it leaves current files alone, which is how an sdist
builds into a wheel without npm, and says what to do when it would need npm and has none."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The build module pointed at a copy of its inputs in tmp_path, with no npm on PATH."""
    spec = importlib.util.spec_from_file_location(
        "build_assets", ROOT / "scripts" / "build_assets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in module.INPUTS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, tmp_path / name)
    vendor = tmp_path / "preview" / "static" / "vendor"
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENDOR_DIR", vendor)
    monkeypatch.setattr(module, "STAMP", vendor / "build.json")
    monkeypatch.setattr(module, "INSTALLED", tmp_path / "node_modules" / ".widgetkit-installed")
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    return module


def stamp(assets: ModuleType, files: list[str]) -> None:
    assets.VENDOR_DIR.mkdir(parents=True)
    for name in files:
        (assets.VENDOR_DIR / name).parent.mkdir(parents=True, exist_ok=True)
        (assets.VENDOR_DIR / name).write_text("built")
    record = {"inputs": assets.inputs_digest(), "files": files}
    assets.STAMP.write_text(json.dumps(record))


def test_current_files_are_left_alone_without_npm(assets: ModuleType) -> None:
    stamp(assets, ["marked/marked.esm.js"])
    assert assets.build() is False
    assert (assets.VENDOR_DIR / "marked" / "marked.esm.js").read_text() == "built"


@pytest.mark.parametrize("change", ["input edited", "file missing", "no stamp"])
def test_stale_files_without_npm_fail_saying_what_to_do(assets: ModuleType, change: str) -> None:
    stamp(assets, ["marked/marked.esm.js"])
    if change == "input edited":
        (assets.ROOT / "package-lock.json").write_text("{}\n")
    elif change == "file missing":
        (assets.VENDOR_DIR / "marked" / "marked.esm.js").unlink()
    else:
        assets.STAMP.unlink()
    with pytest.raises(assets.BuildError, match=r"needs npm \(Node\.js\), which is not on PATH"):
        assets.build()
    assert assets.main([]) == 1


def test_dev_tools_installed_from_the_current_lock_are_left_alone(assets: ModuleType) -> None:
    assets.INSTALLED.parent.mkdir()
    assets.INSTALLED.write_text(assets._lock_digest())
    assert assets.install_dev_tools() is False


@pytest.mark.parametrize("change", ["lock edited", "never installed"])
def test_dev_tools_missing_without_npm_fail_saying_what_to_do(
    assets: ModuleType, change: str
) -> None:
    stamp(assets, ["marked/marked.esm.js"])
    if change == "lock edited":
        assets.INSTALLED.parent.mkdir()
        assets.INSTALLED.write_text(assets._lock_digest())
        (assets.ROOT / "package-lock.json").write_text("{}\n")
        stamp_again = {"inputs": assets.inputs_digest(), "files": ["marked/marked.esm.js"]}
        assets.STAMP.write_text(json.dumps(stamp_again))  # the vendor files are current
    with pytest.raises(assets.BuildError, match=r"TypeScript.*needs npm \(Node\.js\)"):
        assets.install_dev_tools()
    assert assets.main(["--dev"]) == 1
    assert assets.main([]) == 0  # the vendor files alone need no npm


def test_an_unknown_argument_is_refused(assets: ModuleType) -> None:
    assert assets.main(["--frobnicate"]) == 2
