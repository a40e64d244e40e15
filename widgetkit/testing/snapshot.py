"""The `widget_snapshot` fixture: canonical widget JSON compared with one file per snapshot.

```python
from widgetkit import Card, Text

def test_greeting(widget_snapshot):
    widget_snapshot.assert_match(Card(Text("Hello")))     # __widget_snapshots__/test_x/test_greeting[0].json
    assert widget_snapshot == Card(Text("Bye"))           # ...test_greeting[1].json
    widget_snapshot.assert_match({"type": "Card", "children": []}, name="empty")
```
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .jsondiff import changes, unified

if TYPE_CHECKING:
    from .session import SnapshotSession

# Not `__snapshots__`: syrupy (often installed beside us) claims every file under that name,
# reports ours as its unused snapshots, fails the session and deletes them on --snapshot-update.
SNAPSHOT_DIR = "__widget_snapshots__"
UPDATE_FLAG = "--widget-snapshot-update"
SUFFIXES = ("].json", "].png")
# How many pointers a mismatch lists before it says "and N more"; the diff below shows the rest.
MAX_POINTERS = 30

# Characters no file system in common use accepts in a name, plus control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# A name key must not hold brackets: the owning test is found by the file name's last "[".
_UNSAFE_KEY = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\[\]]')
# Leave room under the usual 255-byte name limit for the key and ".json".
_MAX_NAME = 160


class InvalidWidget(Exception):
    """The widget breaks the catalog's rules, so it must not become a snapshot."""


def sanitise(name: str, *, key: bool = False) -> str:
    """A file-name-safe form of a test name or snapshot key; long names keep a stable hash."""
    safe = (_UNSAFE_KEY if key else _UNSAFE).sub("_", name)
    if len(safe.encode()) > _MAX_NAME:
        digest = hashlib.sha1(name.encode()).hexdigest()[:10]
        safe = safe.encode()[: _MAX_NAME - 11].decode(errors="ignore") + "-" + digest
    return safe


def file_name(test_name: str, key: str) -> str:
    return f"{test_name}[{key}].json"


def owner(file: str) -> str | None:
    """The test name a snapshot file (`.json`, or a `widget_image` `.png`) belongs to, or None
    when the file is not one of ours (a failed image check's `.diff.png` is not a snapshot)."""
    suffix = next((s for s in SUFFIXES if file.endswith(s)), None)
    if suffix is None:
        return None
    test, bracket, _ = file[: -len(suffix)].rpartition("[")
    return test if bracket and test else None


def to_payload(widget: object) -> object:
    from widgetkit.builders import Node

    if isinstance(widget, Node):
        return widget.to_dict()
    if isinstance(widget, Mapping):
        return widget
    raise TypeError(
        f"widget_snapshot compares widgets: a builder result (Node) or a payload dict, "
        f"not {type(widget).__name__}"
    )


def checked(widget: object) -> tuple[object, str]:
    """The widget's payload and its compact canonical JSON, after strict validation.

    Raises `InvalidWidget` listing every error the validator finds.
    """
    from widgetkit.diagnostics import errors
    from widgetkit.validate import validate

    payload = to_payload(widget)
    problems = errors(validate(payload))
    if problems:
        lines = "\n".join(f"  {d}" for d in problems)
        raise InvalidWidget(f"{len(problems)} error(s) in widget:\n{lines}")
    try:
        return payload, compact(payload)
    except (TypeError, ValueError) as exc:
        raise InvalidWidget(f"widget is not JSON: {exc}") from None


def compact(payload: object) -> str:
    # json's C encoder only runs without `indent`; the indented form goes through its pure-Python
    # encoder, several times slower. So snapshots are compared in this compact canonical form and
    # the indented text is made only to write a file or show a diff.
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )


def pretty(payload: object) -> str:
    """The snapshot file text: sorted keys, two-space indent, final newline."""
    return json.dumps(payload, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def canonical(widget: object) -> str:
    """The snapshot text of a widget, validated first (raises `InvalidWidget`)."""
    return pretty(checked(widget)[0])


def same(compact_text: str, stored: str) -> bool:
    """Whether a stored snapshot holds the same JSON (exact types: 1, 1.0 and true differ)."""
    try:
        return compact(json.loads(stored)) == compact_text
    except ValueError:
        return False


def explain_mismatch(stored: str, text: str, where: str) -> str:
    """The failure text for a changed widget: each pointer, then a unified diff of the JSON."""
    lines = [f"widget differs from its snapshot {where}"]
    try:
        found = changes(json.loads(stored), json.loads(text))
    except ValueError:
        found = []
        lines.append("  (the stored snapshot is not valid JSON)")
    for change in found[:MAX_POINTERS]:
        lines.append(f"  {change}")
    if len(found) > MAX_POINTERS:
        lines.append(f"  ... and {len(found) - MAX_POINTERS} more")
    lines += unified(stored, text, "snapshot", "widget")
    lines.append(f"Re-run pytest with {UPDATE_FLAG} to accept the new widget.")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class TestId:
    """Where one test's snapshots live: `<module dir>/__widget_snapshots__/<module stem>/`."""

    directory: Path
    name: str


class Keys:
    """The names of one test's snapshots or images: unnamed ones are numbered in call order
    (`0`, `1`, ...), named ones keyed by their name (so adding one never renumbers the others);
    a name used twice in one test is refused."""

    __slots__ = ("_index", "_seen", "what")

    def __init__(self, what: str) -> None:
        self.what = what  # "snapshot" or "image", for the messages
        self._index = 0
        self._seen: set[str] = set()

    def next(self, name: str | None, test: str) -> str:
        if name is None:
            key = str(self._index)
            self._index += 1
        else:
            if not name:
                raise ValueError(f"a {self.what} name must not be empty")
            key = sanitise(name, key=True)
        if key in self._seen:
            raise ValueError(
                f"{self.what} {key!r} is asserted twice in {test}; give each a distinct name"
            )
        self._seen.add(key)
        return key


class WidgetSnapshot:
    """The `widget_snapshot` fixture object of one test.

    Unnamed snapshots are numbered in call order (`[0]`, `[1]`, ...); named ones are keyed by
    their name, so adding a named snapshot never renumbers the others.
    """

    __slots__ = ("_failure", "_keys", "_session", "test")

    def __init__(self, session: SnapshotSession, test: TestId) -> None:
        self._session = session
        self.test = test
        self._keys = Keys("snapshot")
        self._failure: str | None = None

    def assert_match(self, widget: object, name: str | None = None) -> None:
        """Fail unless `widget` equals its stored snapshot (`--widget-snapshot-update` stores it)."""
        __tracebackhide__ = True
        failure = self._check(widget, name)
        if failure is not None:
            raise AssertionError(failure)

    def __eq__(self, other: object) -> bool:
        # `assert widget_snapshot == widget`; the plugin's assertrepr hook prints `failure`.
        self._failure = self._check(other, None)
        return self._failure is None

    __hash__ = None  # type: ignore[assignment]

    @property
    def failure(self) -> str | None:
        """Why the last `==` comparison failed."""
        return self._failure

    def __repr__(self) -> str:
        return f"<widget_snapshot {self.test.name}>"

    def _check(self, widget: object, name: str | None) -> str | None:
        path = self.test.directory / file_name(
            self.test.name, self._keys.next(name, self.test.name)
        )
        session = self._session
        session.touched.add(path)
        where = session.show(path)
        try:
            payload, compact_text = checked(widget)
        except InvalidWidget as exc:
            session.failed += 1
            return f"refusing to snapshot an invalid widget ({where}): {exc}"
        stored = session.read(path)
        if stored is not None and same(compact_text, stored):
            session.passed += 1
            return None
        text = pretty(payload)
        if session.update:
            session.queue(path, text, new=stored is None)
            return None
        session.failed += 1
        if stored is None:
            session.missing += 1
            return (
                f"widget snapshot {where} does not exist.\n"
                f"Re-run pytest with {UPDATE_FLAG} to create it."
            )
        return explain_mismatch(stored, text, where)
