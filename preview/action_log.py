"""The preview's action log: every action a page sent, and what its handler answered.

It lives in the server's memory, so it survives hot reloads and page reloads; pages read it with
`GET /api/actions?after=<id>`. An export (`GET /api/actions/export`) is JSON that `replay` feeds
through `/chatkit` again, e.g. in a test that pins how handlers answer:

    log = client.get("/api/actions/export").json()
    assert replay(log, client) == []     # every answer the same as when it was logged

Each entry: `id`, `time` (ISO), `ms` (handler time), `mode` ("stream" | "sync" | "client"),
`handler` (the action config's "server" or "client"), `type`, `payload`, `form`, `thread_id`,
`item_id`, `item_index` (the sender's place in its thread, since a fresh server makes new item
ids), `outcome` (update, reply, notice, unchanged, stream, failed, unhandled, error, timeout,
client), `events` (the ChatKit events sent back, as JSON), `error` (a `Failure`'s dict:
"type", "message", "where", the user's frames, when the handler raised), `diagnostics` (the
warnings of the widget it answered, as the sandbox found them) and `note` (a sentence for the log
panel).
"""

from __future__ import annotations

import json
import time
import traceback
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from widgetkit.sandbox.failure import Failure, Frame

__all__ = ["MAX_ENTRIES", "ActionLog", "Entry", "cause", "normalise", "replay"]

MAX_ENTRIES = 2000  # a long session keeps its newest actions, not unbounded memory

Entry = dict[str, Any]


class ActionLog:
    def __init__(self, limit: int = MAX_ENTRIES) -> None:
        self._entries: deque[Entry] = deque(maxlen=limit)
        self._next = 1

    def begin(self, **fields: Any) -> Entry:
        """A new entry, listed at once (a slow handler shows as pending); fill it as it answers."""
        entry: Entry = {
            "id": self._next,
            "time": datetime.now().isoformat(timespec="milliseconds"),
            "ms": None,
            "mode": "stream",
            "handler": "server",
            "type": "",
            "payload": None,
            "form": {},
            "thread_id": None,
            "item_id": None,
            "item_index": None,
            "outcome": "pending",
            "events": [],
            "error": None,
            "diagnostics": [],
            "note": "",
            **fields,
        }
        entry["_t0"] = time.perf_counter()
        self._next += 1
        self._entries.append(entry)
        return entry

    @staticmethod
    def finish(entry: Entry, outcome: str, note: str = "") -> None:
        entry["outcome"] = outcome
        if note:
            entry["note"] = note
        started = entry.pop("_t0", None)
        if started is not None:
            entry["ms"] = round((time.perf_counter() - started) * 1000, 2)

    def entries(self, after: int = 0) -> list[Entry]:
        return [_public(e) for e in self._entries if e["id"] > after]

    def clear(self) -> None:
        self._entries.clear()

    def export(self) -> dict[str, Any]:
        return {"widgetkit_action_log": 1, "entries": self.entries()}


def _public(entry: Entry) -> Entry:
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def cause(exc: BaseException) -> Failure:
    """What the log shows of an exception in this process: its type, message and the innermost
    frame outside widgetkit's own code (openai-chatkit sends the page a bare error event)."""
    frames: tuple[Frame, ...] = ()
    here = Path(__file__).resolve().parent.parent
    for f in traceback.extract_tb(exc.__traceback__):
        file = Path(f.filename).resolve()
        if not file.is_relative_to(here / "widgetkit") and "site-packages" not in file.parts:
            frames = (Frame(f.filename, f.lineno or 0, f.name, (f.line or "").strip()),)
    at = frames[-1] if frames else Frame("", 0, "", "")
    if isinstance(exc, TimeoutError) and not str(exc):
        return Failure(
            "Timeout", "the handler did not answer in time", at.file, at.line, "", frames
        )
    return Failure(type(exc).__name__, str(exc), at.file, at.line, "", frames)


_SKIPPED_EVENTS = {"stream_options", "thread.updated"}  # not answers: stream settings, titles


def normalise(events: list[dict[str, Any]], sender_id: str | None) -> list[dict[str, Any]]:
    """Events with the ids and times a fresh server makes anew replaced, so two runs of one
    action compare equal: the sender's id becomes `<sender>`, new items `<item N>`."""
    ids: dict[str, str] = {} if sender_id is None else {sender_id: "<sender>"}

    def item_id(value: Any) -> Any:
        return ids.setdefault(value, f"<item {len(ids)}>") if isinstance(value, str) else value

    def item(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        out = {k: v for k, v in value.items() if k != "created_at"}
        out["id"] = item_id(value.get("id"))
        out["thread_id"] = "<thread>"
        return out

    out = []
    for event in events:
        if event.get("type") in _SKIPPED_EVENTS:
            continue
        e = dict(event)
        for key in ("item", "updated_item"):
            if key in e:
                e[key] = item(e[key])
        if "item_id" in e:
            e["item_id"] = item_id(e["item_id"])
        out.append(e)
    return out


class Poster(Protocol):
    """An HTTP client with `post(url, json=...)`: Starlette's TestClient or an httpx.Client."""

    def post(self, url: str, *, json: Any) -> Any: ...


def replay(log: dict[str, Any], client: Poster, url: str = "/chatkit") -> list[str]:
    """Send the logged server actions of an export through `/chatkit` again, in order, and
    return a sentence for each answer that differs (empty: all the same).

    Run it against a freshly started preview, so each sender is in the state it was logged in.
    """
    problems: list[str] = []
    for entry in log.get("entries", []):
        if entry.get("mode") not in ("stream", "sync") or entry.get("outcome") == "pending":
            continue
        thread_id = entry["thread_id"]
        item_id = _item_at(client, url, thread_id, entry.get("item_index"))
        params = {"thread_id": thread_id, "item_id": item_id,
                  "action": {"type": entry["type"], "payload": entry["payload"]}}  # fmt: skip
        if entry["mode"] == "sync":
            answer = client.post(url, json={"type": "threads.sync_custom_action", "params": params})
            got = [answer.json()] if answer.status_code == 200 else []
        else:
            answer = client.post(url, json={"type": "threads.custom_action", "params": params})
            got = [json.loads(line[6:]) for line in answer.text.splitlines()
                   if line.startswith("data: ")]  # fmt: skip
        want = normalise(entry["events"], entry.get("item_id"))
        if normalise(got, item_id) != want:
            problems.append(
                f"action #{entry['id']} {entry['type']!r} answered differently: "
                f"logged {json.dumps(want)[:300]}, now {json.dumps(normalise(got, item_id))[:300]}"
            )
    return problems


def _item_at(client: Poster, url: str, thread_id: str, index: Any) -> str | None:
    if not isinstance(index, int):
        return None
    body = {"type": "items.list", "params": {"thread_id": thread_id, "limit": 100, "order": "asc"}}
    items = client.post(url, json=body).json().get("data", [])
    return str(items[index]["id"]) if index < len(items) else None
