"""The preview at scale: generated projects of 10 to 2,000 widgets, this tree beside a baseline.

Each project is modules of 5 builders x 3 sample states (~30-node cards), every module importing
one shared helper module. For each size, and for each of the two trees, the bench starts
`widgetkit.preview` (local renderer) in its own process under uvicorn and measures:

- index ready: from the process start until `/api/widgets` lists every widget, not "building",
  and `GET /` answers;
- ChatKit ready: until `/api/widgets` says the ChatKit server is loaded;
- longest stall of the server's event loop over the whole run until it is told to stop, and in
  each phase (a probe task in the server process sleeps 10 ms in a loop and logs how late it
  wakes; the preview itself is not changed);
- one-module edit p50 / p95: a save of one module until the event stream of a page showing one of
  its widgets delivers that widget's new render;
- shared edit: a save of the helper every module imports, until each of `--pages` open event
  streams (each for another widget) holds its widget's current render in every state; pages left
  stale are those that do not within `--stale-after` seconds of the last message;
- memory: the RSS of the server and all its child processes (the sandbox's workers), once ready
  and after the shared edit.
- then `--starts` more cold starts of each tree, the trees taking turns, each until ChatKit is
  ready: the median and the worst of index ready and of the longest stall. One start on a shared
  machine says little about the next.

The baseline is a commit (`--baseline`, default the last main before issue 18) unpacked with
`git archive` into a temporary folder and put first on PYTHONPATH, so both run in one go on the
same machine and the columns compare.

Run: .venv/bin/python bench/scale.py [--sizes 10,500,2000] [--edits 20] [--pages 8] [--starts 5]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASELINE = "253b171"
PER_MODULE = 5
STATES = ("small", "medium", "large")

HELPER = """\
from widgetkit import Badge, Caption, Row, Spacer

MARK = {mark!r}


def footer(label: str) -> Row:
    return Row(Caption(value=f"{{label}} {{MARK}}"), Spacer(), Badge(label=MARK))
"""

MODULE_HEAD = """\
from widgetkit import Caption, Card, Col, Divider, Row, Text, Title, widget

from helpers import footer

EDIT = {edit!r}
SAMPLES = {{
    "small": {{"name": "Small", "count": 2}},
    "medium": {{"name": "Medium", "count": 5}},
    "large": {{"name": "Large", "count": 7}},
}}
"""

BUILDER = """

@widget(samples=SAMPLES)
def card_{i}(name: str, count: int) -> Card:
    \"\"\"Generated card {i}.\"\"\"
    rows = [Row(Text(value=f"{{name}} line {{n}}"), Caption(value=f"{{EDIT}} #{i}.{{n}}"))
            for n in range(count)]
    return Card(Title(value=f"{{name}} {i}"), Col(*rows), Divider(), footer(name))
"""

# Runs the preview under uvicorn with a loop-lag probe beside it: `sys.argv` is the project,
# the port and the file the probe appends "wall-clock-time lag-ms" lines to.
SERVE = """\
import asyncio, os, sys, time
from pathlib import Path
import uvicorn
from widgetkit.preview.app import create_app

project, port, lag_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
print("widgetkit from", __import__("widgetkit").__file__, file=sys.stderr, flush=True)

async def probe():
    with open(lag_file, "a", buffering=1) as out:
        while True:
            began = time.perf_counter()
            await asyncio.sleep(0.01)
            late = (time.perf_counter() - began - 0.01) * 1000
            if late > 20:
                out.write(f"{time.time():.3f} {late:.1f}\\n")

async def main():
    task = asyncio.create_task(probe())
    app = create_app([Path(project)], renderer="local")
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            timeout_graceful_shutdown=1)
    await uvicorn.Server(config).serve()
    task.cancel()

profile = os.environ.get("SCALE_PROFILE")  # a file for the event loop's cProfile stats
if profile:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
    import signal
    signal.signal(signal.SIGUSR1, lambda *_: profiler.dump_stats(profile))
asyncio.run(main())
"""


def generate(root: Path, widgets: int) -> list[str]:
    """Write a project of `widgets` builders; return the module names."""
    root.mkdir(parents=True)
    (root / "helpers.py").write_text(HELPER.format(mark="m0"))
    modules = [f"mod_{m:04d}" for m in range(max(1, widgets // PER_MODULE))]
    for name in modules:
        write_module(root, name, "e0")
    return modules


def write_module(root: Path, name: str, edit: str) -> None:
    body = MODULE_HEAD.format(edit=edit) + "".join(BUILDER.format(i=i) for i in range(PER_MODULE))
    (root / f"{name}.py").write_text(body)


def baseline_tree(commit: str, into: Path) -> Path:
    """`commit` unpacked as an importable `widgetkit` (preview/ and gallery/ inside it, as the
    wheel puts them); the folder to put on PYTHONPATH."""
    src = into / "src"
    src.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    for name in ("preview", "gallery"):
        (src / "widgetkit" / name).symlink_to(src / name)
    vendor = REPO / "preview" / "static" / "vendor"  # built by npm, not in git
    if vendor.is_dir():
        (src / "preview" / "static" / "vendor").symlink_to(vendor)
    return src


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def rss_mb(pid: int) -> float:
    """RSS of `pid` and every process below it, in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


@dataclass
class Page:
    """One open page's event stream for widget `entry_id`: the last render of each state."""

    port: int
    entry_id: str
    last: dict[str, str] = field(default_factory=dict)  # state -> the payload's JSON
    seen: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    messages: int = 0
    hello: threading.Event = field(default_factory=threading.Event)
    changed: threading.Condition = field(default_factory=threading.Condition)
    last_at: float = 0.0

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()
        if not self.hello.wait(120):
            raise RuntimeError(f"the event stream for {self.entry_id} never said hello")

    def _read(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=None)
        conn.request("GET", f"/events?widget={self.entry_id}")
        response = conn.getresponse()
        while True:
            line = response.fp.readline()
            if not line:
                return
            if not line.startswith(b"data: "):
                continue
            msg = json.loads(line[6:])  # what a page does with every message it is sent
            now = time.time()
            with self.changed:
                self.messages += 1
                self.last_at = now
                if msg.get("kind") == "hello":
                    self.hello.set()
                elif msg.get("id") == self.entry_id and "state" in msg:
                    self.last[msg["state"]] = json.dumps(msg.get("payload"))
                    self.seen.append((now, msg))
                self.changed.notify_all()

    def wait(self, done: Callable[[Page], bool], timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: done(self), timeout)

    def current(self, mark: str) -> bool:
        return len(self.last) == len(STATES) and all(mark in p for p in self.last.values())


@dataclass
class Result:
    listed: float = float("nan")  # /api/widgets lists them all
    index_ready: float = float("nan")  # and then GET / answered
    chatkit_ready: float = float("nan")
    stall_ms: float = 0.0
    # start, edits, shared edit: the longest stall (ms) and when (s after the phase began)
    stall_by_phase: dict[str, tuple[float, float]] = field(default_factory=dict)
    stalls_over_100: float = 0.0  # seconds in all
    edit_p50: float = float("nan")
    edit_p95: float = float("nan")
    shared_s: float = float("nan")
    stale: str = ""
    mem_ready: float = float("nan")
    mem_after: float = float("nan")


class Server:
    """The preview of `project` started in its own process, with its loop-lag probe."""

    def __init__(self, project: Path, env: dict[str, str], log: Path) -> None:
        self.port, self.log, self.lag_file = free_port(), log, log.with_suffix(".lag")
        self.lag_file.write_text("")
        self.began = time.time()
        with log.open("w") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", SERVE, str(project), str(self.port), str(self.lag_file)],
                env=env, stderr=stderr, cwd=project.parent,  # not a folder holding widgetkit/
            )  # fmt: skip
        self.base = f"http://127.0.0.1:{self.port}"

    def index_ready(self, widgets: int, out: Result) -> dict[str, Any]:
        """Wait until the index lists all `widgets` and `GET /` answers; the last answer."""
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited; see {self.log}")
            try:
                answer: dict[str, Any] = get_json(f"{self.base}/api/widgets")
            except OSError:
                time.sleep(0.02)
                continue
            if not answer["building"] and len(answer["widgets"]) >= widgets:
                out.listed = time.time() - self.began
                with urllib.request.urlopen(f"{self.base}/", timeout=60) as r:
                    r.read()
                out.index_ready = time.time() - self.began
                return answer
            time.sleep(0.02)

    def chatkit_ready(self, answer: dict[str, Any], out: Result) -> None:
        """Wait, from the index's last `answer`, until the ChatKit server is loaded."""
        while not answer["server"]["ready"]:
            time.sleep(0.05)
            answer = get_json(f"{self.base}/api/widgets")
        out.chatkit_ready = time.time() - self.began

    def stop(self) -> list[tuple[float, float]]:
        """End the server; the probe's lags while it served: (when, by the clock; ms). Its
        shutdown (workers killed, streams closed) is not serving, and is left out."""
        stopping = time.time()
        if os.environ.get("SCALE_PROFILE"):
            self.proc.send_signal(signal.SIGUSR1)
            time.sleep(3)
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        lines = [line.split() for line in self.lag_file.read_text().splitlines() if line]
        lags = [(float(when), float(lag)) for when, lag in lines]
        return [(when, lag) for when, lag in lags if when - lag / 1000 < stopping]


def starts(project: Path, widgets: int, env: dict[str, str], log: Path) -> tuple[float, float]:
    """One more cold start, until the ChatKit server is ready: its index-ready time and its
    longest stall."""
    server, out = Server(project, env, log), Result()
    try:
        server.chatkit_ready(server.index_ready(widgets, out), out)
    finally:
        lags = server.stop()
    return out.index_ready, max((lag for _, lag in lags), default=0.0)


def run_one(project: Path, modules: list[str], widgets: int, env: dict[str, str],
            args: argparse.Namespace, log: Path) -> Result:  # fmt: skip
    server, out = Server(project, env, log), Result()
    port, began, proc = server.port, server.began, server.proc
    phases = {"start": began}  # each phase's beginning, by the clock
    try:
        server.chatkit_ready(server.index_ready(widgets, out), out)
        time.sleep(1.0)
        out.mem_ready = rss_mb(proc.pid)

        edited = Page(port, f"{modules[0]}:card_0")
        step = max(1, len(modules) // args.pages)
        pages = [Page(port, f"{m}:card_{i % PER_MODULE}")
                 for i, m in enumerate(modules[::step][: args.pages])]  # fmt: skip
        for page in [edited, *pages]:
            page.start()

        phases["edits"] = time.time()
        times = []
        for k in range(1, args.edits + 3):
            mark = f"e{k}"
            written = time.time()
            write_module(project, modules[0], mark)
            if not edited.wait(lambda p, mark=mark: mark in p.last.get(STATES[0], ""), 60):
                raise RuntimeError(f"edit {k} never arrived")
            at = next(t for t, m in edited.seen if mark in json.dumps(m.get("payload")))
            if k > 2:  # the first two warm the path up
                times.append((at - written) * 1000)
            time.sleep(0.2)
        out.edit_p50 = statistics.median(times)
        out.edit_p95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]

        written = phases["shared edit"] = time.time()
        (project / "helpers.py").write_text(HELPER.format(mark="m1"))
        deadline = written + args.shared_timeout
        for page in pages:
            page.wait(lambda p: p.current("m1"), max(0.0, deadline - time.time()))
        # Then until the streams are quiet: a late message could still make a page stale.
        while time.time() < deadline:
            quiet = time.time() - max(p.last_at for p in [edited, *pages])
            if quiet > args.stale_after:
                break
            time.sleep(0.2)
        done = [p for p in pages if p.current("m1")]
        if len(done) == len(pages):
            out.shared_s = max(max(t for t, m in p.seen if "m1" in json.dumps(m.get("payload")))
                               for p in pages) - written  # fmt: skip
        out.stale = f"{len(pages) - len(done)}/{len(pages)}"
        out.mem_after = rss_mb(proc.pid)
    finally:
        lags = server.stop()
    out.stall_ms = max((lag for _, lag in lags), default=0.0)
    out.stalls_over_100 = sum(lag for _, lag in lags if lag > 100) / 1000
    bounds = [*phases.values(), float("inf")]
    for (phase, begin), end in zip(phases.items(), bounds[1:], strict=False):
        inside = [(lag, t - begin) for t, lag in lags if begin <= t < end]
        out.stall_by_phase[phase] = max(inside, default=(0.0, 0.0))
    return out


def _stall(r: Result, phase: str) -> str:
    lag, at = r.stall_by_phase.get(phase, (0.0, 0.0))
    return f"{lag:.0f} ms ({at:.1f} s)"


ROWS: list[tuple[str, Callable[[Result], str]]] = [
    ("/api/widgets lists all", lambda r: f"{r.listed:.2f} s"),
    ("index ready (and GET /)", lambda r: f"{r.index_ready:.2f} s"),
    ("ChatKit ready", lambda r: f"{r.chatkit_ready:.2f} s"),
    ("longest loop stall", lambda r: f"{r.stall_ms:.0f} ms"),
    ("  while starting (at)", lambda r: _stall(r, "start")),
    ("  while editing one module (at)", lambda r: _stall(r, "edits")),
    ("  on the shared edit (at)", lambda r: _stall(r, "shared edit")),
    ("stalls > 100 ms, in all", lambda r: f"{r.stalls_over_100:.1f} s"),
    ("one-module edit p50", lambda r: f"{r.edit_p50:.0f} ms"),
    ("one-module edit p95", lambda r: f"{r.edit_p95:.0f} ms"),
    ("shared edit, all pages current", lambda r: f"{r.shared_s:.2f} s"),
    ("pages left stale", lambda r: r.stale),
    ("memory, ready", lambda r: f"{r.mem_ready:.0f} MB"),
    ("memory, after shared edit", lambda r: f"{r.mem_after:.0f} MB"),
]


def _p50(values: list[tuple[float, float]], at: int) -> float:
    return statistics.median(v[at] for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,500,2000", help="widget counts, comma-separated")
    parser.add_argument("--edits", type=int, default=20, help="one-module edits measured")
    parser.add_argument("--pages", type=int, default=8, help="open event streams on a shared edit")
    parser.add_argument(
        "--baseline", default=BASELINE, help="the commit to compare with ('' for none)"
    )
    parser.add_argument(
        "--starts", type=int, default=5, help="more cold starts, for index ready and stalls"
    )
    parser.add_argument("--stale-after", type=float, default=3.0)
    parser.add_argument("--shared-timeout", type=float, default=120.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="wk-scale-"))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)
    trees = {"this tree": env}
    if args.baseline:
        base = baseline_tree(args.baseline, tmp / "baseline")
        trees[f"baseline {args.baseline}"] = {**env, "PYTHONPATH": str(base)}
    try:
        for size in sizes:
            results: dict[str, Result] = {}
            for name, tree_env in trees.items():
                project = tmp / f"{size}-{name.split()[0]}"
                modules = generate(project, size)
                widgets = len(modules) * PER_MODULE
                log = tmp / f"{project.name}.log"
                results[name] = run_one(project, modules, widgets, tree_env, args, log)
            # More cold starts, the trees taking turns, so a noisy moment hits both alike.
            again: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
            for k in range(args.starts):
                for name, tree_env in trees.items():
                    project = tmp / f"{size}-{name.split()[0]}"
                    log = tmp / f"{project.name}-start{k + 1}.log"
                    again[name].append(starts(project, widgets, tree_env, log))
            states = widgets * len(STATES)
            print(f"\n{widgets} widgets ({states} states)")
            print(f"{'':32}" + "".join(f"{n:>22}" for n in results))
            for label, cell in ROWS:
                print(f"{label:32}" + "".join(f"{cell(r):>22}" for r in results.values()))
            if args.starts:
                rows = {
                    f"{args.starts} more starts: index p50": lambda v: f"{_p50(v, 0):.2f} s",
                    "                       max": lambda v: f"{max(x[0] for x in v):.2f} s",
                    "   longest stall, p50": lambda v: f"{_p50(v, 1):.0f} ms",
                    "                  max": lambda v: f"{max(x[1] for x in v):.0f} ms",
                }
                for label, cell in rows.items():
                    print(f"{label:32}" + "".join(f"{cell(v):>22}" for v in again.values()))
            sys.stdout.flush()
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
