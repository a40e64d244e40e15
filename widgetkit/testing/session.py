"""Snapshot state for one pytest session: queued writes, results, and the unused-snapshot verdict.

Under pytest-xdist every worker holds its own `SnapshotSession`, writes only the files of the tests
it ran (a snapshot file belongs to exactly one test, so workers never share a file) and ships a
summary to the controller in `workeroutput`; the controller merges them and alone decides which
snapshots are unused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .snapshot import SNAPSHOT_DIR, UPDATE_FLAG, owner

WIRE_KEY = "widgetkit_snapshots"


class SnapshotSession:
    def __init__(self, rootdir: Path, *, update: bool, warn_unused: bool) -> None:
        self.rootdir = rootdir
        self.update = update
        self.warn_unused = warn_unused
        self.touched: set[Path] = set()
        self.pending: dict[Path, str | bytes] = {}  # text snapshots and PNG images
        self.written: list[Path] = []
        self.updated: list[Path] = []
        self.deleted: list[Path] = []
        self.unused: list[Path] = []
        self.passed = 0
        self.failed = 0
        self.missing = 0
        # Collected test modules, and per snapshot directory each collected test's name and
        # whether it passed: only a test that passed can have left a snapshot unused.
        self.modules: set[Path] = set()
        self.tests: dict[Path, dict[str, bool]] = {}
        self._spoiled: set[tuple[Path, str]] = set()
        # Why this run cannot judge unused snapshots (a selection, an interruption, ...).
        self.partial: list[str] = []

    # -- during the run ---------------------------------------------------------------------
    def show(self, path: Path) -> str:
        try:
            return os.path.relpath(path, self.rootdir)
        except ValueError:  # another drive on Windows
            return str(path)

    def read(self, path: Path) -> str | None:
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def queue(self, path: Path, text: str | bytes, *, new: bool) -> None:
        self.pending[path] = text
        (self.written if new else self.updated).append(path)

    def collected(self, module: Path, directory: Path, test: str) -> None:
        self.modules.add(module)
        self.tests.setdefault(directory, {}).setdefault(test, False)

    def outcome(self, directory: Path, test: str, *, when: str, passed: bool) -> None:
        # A test counts as passed only if every phase (setup, call, teardown) passed.
        tests = self.tests.setdefault(directory, {})
        if not passed:
            self._spoiled.add((directory, test))
            tests[test] = False
        elif when == "call" and (directory, test) not in self._spoiled:
            tests[test] = True

    def not_whole_suite(self, reason: str) -> None:
        if reason not in self.partial:
            self.partial.append(reason)

    # -- at the end ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Write every queued snapshot (the only writes a run makes)."""
        for path, text in self.pending.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
                continue
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        self.pending.clear()

    def to_wire(self) -> dict[str, Any]:
        """This worker's state as plain data for xdist's `workeroutput`."""
        return {
            "touched": [str(p) for p in self.touched],
            "written": [str(p) for p in self.written],
            "updated": [str(p) for p in self.updated],
            "counts": [self.passed, self.failed, self.missing],
            "modules": [str(p) for p in self.modules],
            "tests": {str(d): t for d, t in self.tests.items()},
            "partial": self.partial,
        }

    def merge(self, wire: dict[str, Any]) -> None:
        self.touched.update(Path(p) for p in wire["touched"])
        self.written += [Path(p) for p in wire["written"]]
        self.updated += [Path(p) for p in wire["updated"]]
        passed, failed, missing = wire["counts"]
        self.passed += passed
        self.failed += failed
        self.missing += missing
        self.modules.update(Path(p) for p in wire["modules"])
        for directory, tests in wire["tests"].items():
            mine = self.tests.setdefault(Path(directory), {})
            for test, ok in tests.items():
                # Every worker collects every test but only one runs it.
                mine[test] = mine.get(test, False) or ok
        for reason in wire["partial"]:
            self.not_whole_suite(reason)

    def judge_unused(self) -> None:
        """Find unused snapshots (and delete them when updating); only after a whole-suite run."""
        if self.partial:
            return
        self.unused = sorted(self._unused())
        if self.update:
            for path in self.unused:
                path.unlink(missing_ok=True)
                _remove_if_empty(path.parent)
            self.deleted, self.unused = self.unused, []

    def _unused(self) -> Iterable[Path]:
        # Only directories beside collected modules are looked at, so running one file of the
        # suite never condemns another file's snapshots.
        for parent in {m.parent for m in self.modules}:
            root = parent / SNAPSHOT_DIR
            if not root.is_dir():
                continue
            for directory in root.iterdir():
                if not directory.is_dir():
                    continue
                tests = self.tests.get(directory)
                if tests is None and (parent / f"{directory.name}.py").exists():
                    continue  # a module that exists but was not collected in this run
                for file in directory.iterdir():
                    test = owner(file.name)
                    if test is None or file in self.touched:
                        continue
                    # A test that failed, was skipped or did not run keeps its snapshots: we
                    # cannot know which it would have asserted.
                    if tests is None or tests.get(test, True):
                        yield file

    def summary(self) -> list[str]:
        """Lines for the terminal summary; empty when no snapshot was involved."""
        lines: list[str] = []
        if self.passed or self.failed:
            counts = [f"{self.passed} passed"]
            if self.failed:
                counts.append(f"{self.failed} failed")
            if self.missing:
                counts.append(f"{self.missing} missing")
            lines.append("widget snapshots: " + ", ".join(counts))
        for label, paths in (
            ("written", self.written),
            ("updated", self.updated),
            ("deleted", self.deleted),
            ("unused", self.unused),
        ):
            if paths:
                lines.append(f"{len(paths)} widget snapshot(s) {label}:")
                lines += [f"  {self.show(p)}" for p in sorted(paths)]
        if self.missing:
            lines.append(f"Re-run pytest with {UPDATE_FLAG} to create missing snapshots.")
        if self.unused:
            lines.append(f"Re-run pytest with {UPDATE_FLAG} to delete unused snapshots.")
        if self.partial and lines:
            lines.append(
                "Unused snapshots were not checked: only part of the suite ran ("
                + ", ".join(self.partial)
                + ")."
            )
        return lines


def _remove_if_empty(directory: Path) -> None:
    try:
        directory.rmdir()
    except OSError:
        return
    # The module's directory went; remove the snapshot root too if it is now empty.
    try:
        directory.parent.rmdir()
    except OSError:
        pass
