"""Sharing widgets without a server: `widgetkit build` on the gallery, and time per screenshot.

    .venv/bin/python bench/share.py [--runs N]

Side by side in one run:
- build: `build_site()` on the gallery (find, build, validate, write) against its own first part,
  `Library.scan()` alone (what `widgetkit validate` and the preview's first build also do), so
  the ratio is the cost of writing the site; plus the site's size, and the largest file.
- screenshot: the `widgetkit screenshot` command, a process of its own each time (Python start,
  Chromium launch, draw, crop), against a warm `Camera` (one Chromium for many pictures, as
  the `widget_image` fixture holds), on the same gallery widgets.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from widgetkit.gallery import WIDGETS
from widgetkit.preview.app import gallery_path
from widgetkit.preview.library import Library
from widgetkit.preview.site import build_site
from widgetkit.screenshot import Camera

SHOTS = ["order_confirmation", "metrics_dashboard", "invoice", "task_list"]


def seconds(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    gallery = gallery_path()
    work = Path(tempfile.mkdtemp(prefix="widgetkit-bench-"))

    build_site([gallery], work / "warmup")  # imports and the gallery's modules, once
    scan = seconds(lambda: Library([gallery]).scan(), runs)
    build = seconds(lambda: build_site([gallery], work / "site"), runs)
    files = [p for p in (work / "site").rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    largest = max(files, key=lambda p: p.stat().st_size)
    print(f"build (gallery, {len(WIDGETS)} widgets), median of {runs}:")
    print(f"  Library.scan() alone       {scan * 1000:7.0f} ms")
    print(f"  build_site()               {build * 1000:7.0f} ms   ({build / scan:.1f}x the scan)")
    print(
        f"  site: {size / 1e6:.2f} MB in {len(files)} files; largest "
        f"{largest.relative_to(work / 'site')} {largest.stat().st_size / 1e3:.0f} kB"
    )

    by_name = {w.name: w for w in WIDGETS}
    payloads = [by_name[n].build().to_dict() for n in SHOTS]
    cli = []
    for name in SHOTS:
        out = work / f"{name}.png"
        target = f"widgetkit.gallery.{by_name[name].fn.__module__.rsplit('.', 1)[-1]}:{name}"
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "widgetkit.cli", "screenshot", target, "-o", str(out)],
            check=True,
            capture_output=True,
        )
        cli.append(time.perf_counter() - began)
    with Camera() as camera:
        camera.png(payloads[0])  # Chromium's launch, once
        warm = []
        for payload in payloads:
            began = time.perf_counter()
            camera.png(payload)
            warm.append(time.perf_counter() - began)
    c, w = statistics.median(cli), statistics.median(warm)
    print(f"screenshot ({len(SHOTS)} gallery widgets, md, scale 1), median:")
    print(f"  `widgetkit screenshot` (own process, Chromium launched)  {c * 1000:6.0f} ms")
    print(f"  warm Camera.png() (one Chromium, as widget_image)       {w * 1000:6.0f} ms")
    print(f"  ratio command / warm: {c / w:.1f}x")


if __name__ == "__main__":
    main()
