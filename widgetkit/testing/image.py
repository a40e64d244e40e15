"""The `widget_image` fixture: a widget drawn by the offline renderer in Chromium, compared with a
stored PNG beside the test, within a tolerance.

```python
def test_order_card_looks_right(widget_image):
    widget_image.assert_match(order_card(paid=True))                     # ...test_x[0].png
    widget_image.assert_match(order_card(paid=False), name="due", theme="dark", width="sm")
```

The files live with the JSON snapshots (`__widget_snapshots__/<module>/<test>[<key>].png`) and
follow the same rules: `--widget-snapshot-update` writes new and changed images and deletes
unused ones. A failed check writes `<test>[<key>].diff.png` (what differs, in red, over the
stored image faded) and `<test>[<key>].new.png` (the drawing now) beside the stored one; a
passing check removes them. Drawing needs Playwright and Chromium (`widgetkit[screenshot]`);
one Chromium serves the whole session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .snapshot import UPDATE_FLAG, InvalidWidget, Keys, TestId, checked

if TYPE_CHECKING:
    from widgetkit.screenshot import Camera, Theme, Width

    from .session import SnapshotSession

# A pixel differs when a channel moves more than this (anti-aliasing noise stays under it) ...
CHANNEL_TOLERANCE = 24
# ... and an image differs when more than this share of its pixels do.
PIXEL_TOLERANCE = 0.004


class WidgetImage:
    """The `widget_image` fixture object of one test: numbered or named images, like
    `widget_snapshot`'s files."""

    def __init__(self, session: SnapshotSession, test: TestId, camera: Camera) -> None:
        self._session = session
        self.test = test
        self._camera = camera
        self._keys = Keys("image")

    def __repr__(self) -> str:
        return f"<widget_image {self.test.name}>"

    def assert_match(
        self,
        widget: object,
        name: str | None = None,
        *,
        theme: Theme = "light",
        width: Width = "md",
        scale: float = 1,
        tolerance: float = PIXEL_TOLERANCE,
    ) -> None:
        """Fail unless `widget` (a builder's Node or a payload dict) draws like its stored PNG:
        at most `tolerance` of the pixels differ by more than CHANNEL_TOLERANCE in a channel."""
        __tracebackhide__ = True
        failure = self._check(widget, name, theme, width, scale, tolerance)
        if failure is not None:
            raise AssertionError(failure)

    def _check(
        self,
        widget: object,
        name: str | None,
        theme: Theme,
        width: Width,
        scale: float,
        tolerance: float,
    ) -> str | None:
        stem = f"{self.test.name}[{self._keys.next(name, self.test.name)}]"
        path = self.test.directory / f"{stem}.png"
        diff_path, new_path = path.with_name(f"{stem}.diff.png"), path.with_name(f"{stem}.new.png")
        session = self._session
        session.touched.add(path)
        where = session.show(path)
        try:
            payload, _ = checked(widget)
        except InvalidWidget as exc:
            session.failed += 1
            return f"refusing to draw an invalid widget ({where}): {exc}"
        assert isinstance(payload, dict)
        png = self._camera.png(payload, theme=theme, width=width, scale=scale)
        stored = path.read_bytes() if path.is_file() else None
        if stored is not None:
            share, diff = self._camera.diff(stored, png, CHANNEL_TOLERANCE)
            if share <= tolerance:
                session.passed += 1
                _remove(diff_path, new_path)
                return None
        if session.update:
            session.queue(path, png, new=stored is None)
            _remove(diff_path, new_path)
            return None
        session.failed += 1
        if stored is None:
            session.missing += 1
            return f"widget image {where} does not exist.\nRe-run pytest with {UPDATE_FLAG} to create it."
        diff_path.write_bytes(diff)
        new_path.write_bytes(png)
        return (
            f"widget image differs from {where}: {share:.2%} of its pixels changed "
            f"(more than {tolerance:.2%} allowed).\n"
            f"  what changed, in red: {session.show(diff_path)}\n"
            f"  the drawing now:      {session.show(new_path)}\n"
            f"Re-run pytest with {UPDATE_FLAG} to accept the new drawing."
        )


def _remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)
