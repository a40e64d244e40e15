// Hot reload on the page: the /events stream (see preview/watch.py for its messages), and the
// error overlay that sits over the last good render until the next good save.

/**
 * Follows /events and calls onMessage for each message. `query` says what the page shows
 * ("?index", "?widget=<id>"; see preview/broadcast.py), so the server sends only that, coalesced
 * per widget state (latest wins). On a reconnect the server replays what the page missed (the
 * browser sends the last event id); when it restarted meanwhile its hello says `stale` and
 * onStale is called, since the page's picture is older than anything it can replay.
 */
export function follow(onMessage, onStale, query = "") {
  if (typeof EventSource === "undefined") return null;
  const source = new EventSource(`/events${query}`);
  source.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.kind === "hello") {
      if (msg.stale) onStale();
      return;
    }
    onMessage(msg);
  };
  return source;
}

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/** Where an error happened, as the designer's editor names it: file:line. */
function where(file, line) {
  return line ? `${file}:${line}` : file || "";
}

/** One traceback frame: where, the line of code, and a caret under the column if known. */
function frame(f) {
  const caret = f.column ? `\n    ${" ".repeat(Math.max(0, f.column - 1))}^` : "";
  return `${where(f.file, f.line)} in ${f.name}\n    ${f.code}${caret}\n`;
}

/** The overlay's content: the error, the user's traceback frames, and the diagnostics. */
function describe(msg) {
  const error = msg.error;
  const failing = (msg.diagnostics ?? []).filter((d) => d.severity === "error");
  const body = el("div", { className: "wk-overlay-panel" });
  if (error) {
    body.append(el("div", { className: "wk-overlay-title", textContent: `${error.type}: ${error.message}` }));
    // The traceback's last frame names the place; without frames, say it once here.
    const at = where(error.file, error.line);
    if (at && !error.traceback?.length) body.append(el("div", { className: "wk-overlay-where", textContent: at }));
    if (error.traceback?.length) body.append(el("pre", { className: "wk-overlay-trace" }, ...error.traceback.map(frame)));
  } else if (failing.length) {
    const what = `${failing.length} problem${failing.length === 1 ? "" : "s"} in ${msg.id ?? msg.file}`;
    body.append(el("div", { className: "wk-overlay-title", textContent: `The widget is not valid: ${what}` }));
  } else {
    body.append(el("div", { className: "wk-overlay-title", textContent: msg.message ?? "The widget failed to build." }));
  }
  if (failing.length && !error) {
    body.append(el("ul", { className: "wk-overlay-diags" }, ...failing.map((d) => el(
      "li", {}, el("code", { textContent: d.path || "/" }), ` ${d.message}`, d.hint ? ` (${d.hint})` : "",
    ))));
  }
  body.append(el("div", { className: "wk-overlay-note", textContent: "Showing the last good render underneath; save a fix to clear this." }));
  return body;
}

/** An overlay over `frame` (the stage): show(msg) with an error message, clear() on a good one. */
export class Overlay {
  constructor(frame) { this.frame = frame; this.node = null; }

  show(msg) {
    if (getComputedStyle(this.frame).position === "static") this.frame.style.position = "relative";
    this.node?.remove();
    this.node = el("div", { role: "alert", className: "wk-overlay" }, describe(msg));
    this.node.dataset.wkOverlay = msg.error?.type ?? "invalid";
    // Inline styles: the overlay must read the same whatever the page's stylesheet does. A scrim
    // dims the last good render; the message sits on an opaque panel above it.
    Object.assign(this.node.style, {
      position: "absolute", inset: "0", padding: "16px", overflow: "auto", zIndex: "50",
      background: "rgb(24 24 27 / 0.45)",
    });
    const panel = this.node.querySelector(".wk-overlay-panel");
    Object.assign(panel.style, {
      background: "#18181b", color: "#fafafa", border: "1px solid #3f3f46", borderRadius: "10px",
      padding: "14px 16px", boxShadow: "0 8px 24px rgb(0 0 0 / 0.35)", maxWidth: "720px", margin: "0 auto",
      font: "13px/1.5 ui-monospace, monospace",
    });
    for (const pre of this.node.querySelectorAll("pre")) Object.assign(pre.style, { whiteSpace: "pre-wrap", margin: "8px 0" });
    const title = this.node.querySelector(".wk-overlay-title");
    Object.assign(title.style, { color: "#fca5a5", fontWeight: "600", fontSize: "14px" });
    this.frame.append(this.node);
  }

  clear() { this.node?.remove(); this.node = null; }

  get shown() { return this.node !== null; }
}
