"""Click to log entry, and click to the handler's new widget on the page, timed inside the page.

Runs the preview (gallery, local renderer; handlers run in the sandbox's workers, as always) in
this process, opens a
widget page in Chromium and clicks a button from a page script (`button.click()`, not the test
driver's click, whose own overhead is ~50 ms), N times; `performance.now()` brackets each
click. Reports p50 / p95 and where the time goes: the /chatkit request as the browser saw it
(resource timing), the handler inside the server (the log entry's `ms`), and drawing. A bare POST to a trivial endpoint in the same
server is measured side by side as the floor.

    .venv/bin/python bench/actions.py [--clicks 40]
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from playwright.sync_api import sync_playwright
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from widgetkit.preview.app import create_app
from widgetkit.preview.threaded import serve_in_thread

CHROMIUM = "/usr/bin/chromium"
GOAL_P50_MS = 30.0

# One click, timed in the page: resolves with the marks of that action (see actions.js timings).
CLICK = """async ([selector, expect]) => {
  const page = window.widgetkit, actions = page.actions;
  const button = [...document.querySelectorAll('#stage button')].find((b) => b.innerText.trim() === selector);
  if (!button) throw new Error('no button ' + selector);
  const before = actions.timings.length;
  performance.clearResourceTimings();
  const t0 = performance.now();
  button.click();
  const timing = actions.timings[before];
  await new Promise((ok) => { const tick = () => timing.confirmed ? ok() : setTimeout(tick, 0); tick(); });
  if (!document.querySelector('#stage').innerText.includes(expect)) throw new Error('not drawn: ' + expect);
  const r = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/chatkit'));
  const entry = actions.entries.at(-1);
  return {
    drawn: timing.drawn - t0, logged: timing.logged - t0, confirmed: timing.confirmed - t0,
    request: r ? r.responseEnd - r.startTime : null, ttfb: r ? r.responseStart - r.startTime : null,
    handler: entry.ms, render: timing.drawn - timing.events,
  };
}"""

PING = """async () => {
  const t0 = performance.now();
  const res = await fetch('/bench/ping', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await res.json();
  return performance.now() - t0;
}"""


async def ping(request: Request) -> Response:
    await request.body()
    return JSONResponse({"ok": True})


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> str:
    return f"{name:<28} p50 {pct(values, 0.5):6.1f} ms   p95 {pct(values, 0.95):6.1f} ms"


def run(url: str, clicks: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"{url}/widget/content:profile_card?state=ada&renderer=local")
        page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
        for _ in range(5):  # warm up: imports, the first items.list, JIT
            page.evaluate(PING)
        marks = []
        labels = ["Follow", "Following"]
        for n in range(clicks + 4):
            mark = page.evaluate(CLICK, [labels[n % 2], labels[(n + 1) % 2]])
            if n >= 4:
                marks.append(mark)
        results["server action"] = marks
        results["ping"] = [page.evaluate(PING) for _ in range(clicks)]

        page.goto(f"{url}/widget/productivity:task_list?state=typical&renderer=local")
        page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
        sync_marks = []
        toggle = """async () => {
          const actions = window.widgetkit.actions, before = actions.timings.length;
          const box = document.querySelector('#stage input[type=checkbox]');
          performance.clearResourceTimings();
          const t0 = performance.now();
          box.click();
          const timing = actions.timings[before];
          await new Promise((ok) => { const tick = () => timing.confirmed ? ok() : setTimeout(tick, 0); tick(); });
          const r = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/chatkit'));
          return { drawn: timing.drawn - t0, logged: timing.logged - t0, confirmed: timing.confirmed - t0,
                   request: r ? r.responseEnd - r.startTime : null, handler: actions.entries.at(-1).ms,
                   render: timing.drawn - timing.events, ttfb: r ? r.responseStart - r.startTime : null };
        }"""
        for n in range(clicks + 4):
            mark = page.evaluate(toggle)
            if n >= 4:
                sync_marks.append(mark)
        results["sync action"] = sync_marks
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=40)
    args = parser.parse_args()
    app = create_app(renderer="local")
    app.router.routes.append(Route("/bench/ping", ping, methods=["POST"]))
    with serve_in_thread(app) as url:
        results = run(url, args.clicks)

    print(
        f"{args.clicks} clicks each, timed in the page (performance.now), Chromium, local renderer"
    )
    print(summary("bare POST /bench/ping", results["ping"]))
    for name in ("server action", "sync action"):
        marks = results[name]
        print(f"-- {name} ({'profile.follow' if name == 'server action' else 'tasks.toggle'})")
        print(summary("  click -> new widget drawn", [m["drawn"] for m in marks]))
        print(summary("  click -> log entry shown", [m["logged"] for m in marks]))
        print(summary("  click -> server's entry in", [m["confirmed"] for m in marks]))
        print(
            summary("  /chatkit request (browser)", [m["request"] for m in marks if m["request"]])
        )
        print(summary("    of which headers (TTFB)", [m["ttfb"] for m in marks if m["ttfb"]]))
        print(summary("  action in server (log ms)", [m["handler"] for m in marks]))
        print(summary("  apply + draw in the page", [m["render"] for m in marks]))
        p50 = statistics.median(m["drawn"] for m in marks)
        ratio = p50 / statistics.median(results["ping"])
        verdict = "meets" if p50 <= GOAL_P50_MS else "misses"
        print(f"  p50 {p50:.1f} ms {verdict} the {GOAL_P50_MS:g} ms goal; {ratio:.1f}x a bare POST")


if __name__ == "__main__":
    main()
