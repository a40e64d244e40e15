// Widget actions on the preview page, sent the way ChatKit.js sends them, and the action log.
//
// Server actions go to /chatkit as `threads.custom_action` (an SSE stream whose events are
// applied to the thread's items as they arrive, so streamed text shows up word by word); sync
// actions (`streaming: false`) as `threads.sync_custom_action`; client actions (`handler:
// "client"`) stay on the page, as ChatKit.js hands them to `widgets.onAction`: they are logged,
// and the log offers to forward them to the server the way `sendCustomAction(action, itemId)` does.
// A form's values are merged into the payload, keyed by field name, as ChatKit.js does.
//
// The log itself lives in the server (/api/actions), so it survives hot and full reloads.
import { renderWidget } from "./renderer.js";

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
const FILTER_KEY = "wk-action-filter";
const SCOPE_KEY = "wk-action-scope"; // "widget" (this widget's actions) or "all"
const CHATKIT_POLL_MS = 1000;

async function post(url, body, signal) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
}

/** ChatKit's SSE: yields one parsed event per `data:` line, per network chunk (as arrays). */
async function* sseChunks(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const cut = buffer.lastIndexOf("\n\n");
    if (cut < 0) continue;
    const whole = buffer.slice(0, cut);
    buffer = buffer.slice(cut + 2);
    yield whole.split("\n").filter((l) => l.startsWith("data: ")).map((l) => JSON.parse(l.slice(6)));
  }
}

/** The node with `id` in a widget tree (streamed text and component updates name their target). */
function byId(node, id) {
  if (!node || typeof node !== "object") return null;
  if (Array.isArray(node)) { for (const n of node) { const hit = byId(n, id); if (hit) return hit; } return null; }
  if (node.id === id) return node;
  return byId(node.children, id);
}

function merged(action, formValues) {
  const form = formValues ?? {};
  if (!Object.keys(form).length) return { type: action.type, payload: action.payload };
  return { type: action.type, payload: { ...(action.payload ?? {}), ...form } };
}

export class Actions {
  constructor(page) {
    this.page = page;
    this.threadId = null;
    this.items = [];        // [{id, widget}] of the current thread; the first is the previewed one
    this.lastId = 0;
    this.entries = [];
    this.timings = [];      // per action, for bench/actions.py: where the time goes
    this.replies = el("div", { className: "wk-replies", id: "wk-replies" });
    page.stageEl.after(this.replies);
    document.head.append(el("link", { rel: "stylesheet", href: "/static/actions.css" }));
    this.initPanel();
    this.refreshLog();
    if (page.stage?.kind === "chatkit") setInterval(() => this.refreshLog(), CHATKIT_POLL_MS);
  }

  /** A new state (or widget) is shown: forget the old thread's items. */
  reset() { this.threadId = null; this.items = []; this.replies.replaceChildren(); }

  /** A hot reload redrew the widget: read the thread's items again before the next action. */
  stale() { this.threadId = null; }

  /** The thread's items as /chatkit holds them: the sender ids, and replies from before a reload. */
  async load() {
    const threadId = this.page.threadId;
    if (!threadId || threadId === this.threadId) return;
    const res = await post("/chatkit", { type: "items.list", params: { thread_id: threadId, limit: 100, order: "asc" } });
    const answer = await res.json();
    if (!res.ok) throw new Error(answer.error?.message ?? `/chatkit answered ${res.status}`);
    this.threadId = threadId;
    this.items = answer.data.filter((i) => i.type === "widget").map((i) => ({ id: i.id, widget: i.widget }));
    this.drawReplies();
  }

  /** The page's onAction for both renderers; returns a promise the renderer shows as loading. */
  async handle(action, ctx) {
    const t0 = performance.now();
    const detail = { action, formValues: ctx.formValues ?? null, kind: ctx.kind, widget: this.page.widget.id, threadId: this.page.threadId };
    window.dispatchEvent(new CustomEvent("wk:action", { detail }));
    const sent = merged(action, ctx.formValues);
    const timing = { type: action.type, t0, mode: "stream", answer: [] };
    this.timings.push(timing);
    try {
      if (!ctx.item) await this.load();
      const itemId = ctx.item?.id ?? ctx.itemId ?? this.items[0]?.id ?? null;
      timing.itemId = itemId;
      // ChatKit.js hands widgets.onAction only its client actions (and without the handler field).
      if (action.handler === "client" || ctx.kind === "chatkit") {
        timing.mode = "client";
        await post("/api/actions", { action: sent, thread_id: this.page.threadId, item_id: itemId, form: ctx.formValues ?? {} });
      } else if (action.streaming === false) {
        timing.mode = "sync";
        await this.sync(sent, itemId, timing);
      } else {
        await this.stream(sent, itemId, timing);
      }
    } catch (err) {
      timing.answer.push({ type: "error", message: err.message });
      this.page.notice(`Action "${action.type}" failed: ${err.message}`, "error");
    }
    timing.answered = performance.now();
    // The entry shows at once from what the page sent and received; the server's own copy (with
    // the handler's time, and the cause when it raised) replaces it a moment later.
    if (timing.mode !== "client") this.provisional(sent, ctx, timing);
    timing.logged = performance.now();
    this.logged = this.refreshLog().then(() => { timing.confirmed = performance.now(); });
  }

  provisional(sent, ctx, timing) {
    const kinds = timing.answer.map((e) => e.type ?? (e.updated_item ? "updated_item" : "none"));
    const outcome = kinds.includes("error") ? "error" : kinds.includes("notice") ? "notice"
      : kinds.some((k) => k === "thread.item.replaced" || k === "updated_item") ? "update"
      : kinds.includes("thread.item.done") ? "reply" : kinds.includes("thread.item.updated") ? "stream" : "answered";
    this.entries.push({
      id: `page-${this.timings.length}`, provisional: true, time: new Date().toISOString().replace("Z", ""),
      mode: timing.mode, handler: ctx.kind === "forward" ? "client" : "server", type: sent.type, payload: sent.payload, thread_id: this.page.threadId,
      form: ctx.formValues ?? {}, item_id: timing.itemId, outcome, events: timing.answer, ms: null,
      note: "As the page received it; the server's entry follows.",
    });
    this.renderLog();
  }

  params(action, itemId) { return { thread_id: this.page.threadId, item_id: itemId, action }; }

  async sync(action, itemId, timing) {
    const res = await post("/chatkit", { type: "threads.sync_custom_action", params: this.params(action, itemId) });
    timing.response = performance.now();
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer.error?.message ?? `the handler failed (HTTP ${res.status}); the action log says why`);
    timing.answer.push(answer);
    if (answer.updated_item) await this.apply([{ type: "thread.item.replaced", item: answer.updated_item }], timing);
  }

  async stream(action, itemId, timing) {
    const res = await post("/chatkit", { type: "threads.custom_action", params: this.params(action, itemId) });
    timing.response = performance.now();
    if (!res.ok) {
      const answer = await res.json().catch(() => ({}));
      throw new Error(answer.error?.message ?? `/chatkit answered ${res.status}`);
    }
    timing.chunks = 0;
    for await (const events of sseChunks(res)) {
      timing.chunks++;
      timing.answer.push(...events.filter((e) => e.type !== "stream_options"));
      await this.apply(events, timing);
    }
  }

  /** Applies ChatKit events to the thread's items, then redraws what changed (once per chunk). */
  async apply(events, timing) {
    const changed = new Set();
    for (const ev of events) {
      const at = (id) => this.items.find((i) => i.id === id);
      if (ev.type === "thread.item.replaced" || ev.type === "thread.item.done" || ev.type === "thread.item.added") {
        if (ev.item.type !== "widget") continue;
        const item = at(ev.item.id);
        if (item) item.widget = ev.item.widget;
        else this.items.push({ id: ev.item.id, widget: ev.item.widget });
        changed.add(ev.item.id);
      } else if (ev.type === "thread.item.updated") {
        const item = at(ev.item_id);
        const u = ev.update;
        if (!item) continue;
        if (u.type === "widget.root.updated") item.widget = u.widget;
        else if (u.type === "widget.streaming_text.value_delta") {
          const node = byId(item.widget, u.component_id);
          if (node) { node.value = (node.value ?? "") + u.delta; node.streaming = !u.done; }
        } else if (u.type === "widget.component.updated") {
          const node = byId(item.widget, u.component_id);
          if (node) { for (const k of Object.keys(node)) delete node[k]; Object.assign(node, u.component); }
        }
        changed.add(ev.item_id);
      } else if (ev.type === "notice") {
        this.page.notice(ev.message, ev.level === "danger" ? "error" : ev.level ?? "info");
      } else if (ev.type === "error") {
        this.page.notice(ev.message ?? "The handler failed; the action log says why.", "error");
      }
    }
    if (!changed.size) return;
    timing.events = performance.now();
    await this.draw(changed);
    timing.drawn = performance.now();
  }

  async draw(changed) {
    const first = this.items[0];
    const waits = [];
    if (first && changed.has(first.id)) {
      this.page.showPayload(first.widget);
      if (this.page.stage.kind === "local") waits.push(this.page.stage.draw(first.widget, "action"));
    }
    if (this.items.slice(1).some((i) => changed.has(i.id))) this.drawReplies();
    window.dispatchEvent(new CustomEvent("wk:items", { detail: { items: this.items, changed: [...changed] } }));
    await Promise.all(waits);
  }

  /** Items after the previewed one (a handler's Reply) are drawn under it, each its own sender. */
  drawReplies() {
    this.replies.replaceChildren(...this.items.slice(1).map((item) => {
      const box = el("div", { className: "wk-reply" });
      box.dataset.itemId = item.id;
      renderWidget(item.widget, box, { theme: this.page.theme, onAction: (a, c) => this.handle(a, { ...c, itemId: item.id }) });
      return box;
    }));
  }

  /** Sends a logged client action to the server, as ChatKit.js's sendCustomAction(action, itemId). */
  async forward(entry) {
    const action = { type: entry.type, payload: entry.payload };
    if (this.page.stage.kind === "chatkit") {
      await this.page.stage.send(action, entry.item_id ?? undefined);
      return this.refreshLog();
    }
    return this.handle({ ...action, handler: "server" }, { kind: "forward", itemId: entry.item_id });
  }

  // ---- the log panel -----------------------------------------------------------------------------

  initPanel() {
    this.filter = el("input", { type: "search", placeholder: "Filter: type, outcome, payload…", className: "wk-log-filter", id: "action-filter" });
    this.filter.value = sessionStorage.getItem(FILTER_KEY) ?? "";
    this.filter.addEventListener("input", () => { sessionStorage.setItem(FILTER_KEY, this.filter.value); this.renderLog(); });
    const clear = el("button", { type: "button", className: "btn", id: "action-clear", textContent: "Clear" });
    clear.addEventListener("click", async () => { await fetch("/api/actions", { method: "DELETE" }); this.entries = []; this.renderLog(); });
    const exportLink = el("a", { className: "btn", id: "action-export", href: "/api/actions/export", textContent: "Export JSON" });
    exportLink.download = "widgetkit-actions.json";
    this.count = el("span", { className: "status", id: "action-count" });
    // This widget's actions by default; every widget's on request.
    this.all = el("input", { type: "checkbox", id: "action-all", checked: sessionStorage.getItem(SCOPE_KEY) === "all" });
    this.all.addEventListener("change", () => { sessionStorage.setItem(SCOPE_KEY, this.all.checked ? "all" : "widget"); this.renderLog(); });
    const scope = el("label", { className: "wk-log-scope", title: "Show the actions of every widget, not only this one's" }, this.all, " all widgets");
    this.list = el("ol", { className: "wk-log", id: "action-log" });
    this.list.addEventListener("click", (ev) => {
      const button = ev.target.closest("button[data-forward]");
      const entry = button && this.entries.find((e) => String(e.id) === button.dataset.forward);
      if (entry) this.forward(entry);
    });
    const panel = el("section", { className: "panel", id: "panel-actions" },
      el("header", {}, el("h2", { textContent: "Actions" }), this.count, scope, clear, exportLink),
      this.filter, this.list);
    // After the data editor, which the designer keeps in view; the log's list scrolls in place.
    const data = $("#panel-data");
    if (data) data.after(panel); else $(".panels")?.prepend(panel);
  }

  async refreshLog() {
    const res = await fetch(`/api/actions?after=${this.lastId}`).catch(() => null);
    if (!res?.ok) return;
    const { entries } = await res.json();
    if (!entries.length && this.entries.length && this.lastId) return;
    if (entries.length) this.entries = this.entries.filter((e) => !e.provisional);
    for (const e of entries) {
      const i = this.entries.findIndex((x) => x.id === e.id);
      if (i >= 0) this.entries[i] = e; else this.entries.push(e);
    }
    // A pending entry (a slow handler) is asked for again next time.
    const pending = this.entries.find((e) => e.outcome === "pending");
    this.lastId = pending ? pending.id - 1 : Math.max(this.lastId, ...this.entries.filter((e) => !e.provisional).map((e) => e.id));
    this.renderLog();
  }

  renderLog() {
    const words = this.filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    // Views and search text are made once per entry (an entry never changes once the server has
    // it), so a long log costs little on the click-to-entry path.
    const views = (this.views ??= new Map());
    const live = new Set(this.entries);
    for (const key of views.keys()) if (!live.has(key)) views.delete(key);
    const view = (e) => {
      if (!views.has(e)) views.set(e, { li: this.entryView(e), text: JSON.stringify(e).toLowerCase() });
      return views.get(e);
    };
    const threads = this.page.threads();
    const mine = this.all.checked ? this.entries : this.entries.filter((e) => threads.has(e.thread_id) || e.thread_id == null);
    const shown = mine.filter((e) => words.every((w) => view(e).text.includes(w)));
    this.count.textContent = `${shown.length}${shown.length === this.entries.length ? "" : ` of ${this.entries.length}`}`;
    this.list.replaceChildren(...shown.slice().reverse().map((e) => view(e).li));
  }

  entryView(e) {
    const li = el("li", { className: "wk-log-entry" });
    Object.assign(li.dataset, { entryId: e.id, type: e.type, outcome: e.outcome, mode: e.mode });
    const time = e.time?.slice(11) ?? "";
    const head = el("div", { className: "wk-log-head" },
      el("code", { className: "wk-log-type", textContent: e.type }),
      el("span", { className: "wk-log-badge", textContent: e.mode === "client" ? "client" : `${e.handler} · ${e.mode}` }),
      el("span", { className: "wk-log-outcome", textContent: e.outcome }),
      el("span", { className: "wk-log-time", textContent: `${time}${e.ms != null ? ` · ${e.ms} ms` : ""}` }));
    li.append(head);
    if (e.note) li.append(el("div", { className: "wk-log-note", textContent: e.note }));
    if (e.error) li.append(el("div", { className: "wk-log-error", textContent: `${e.error.type}: ${e.error.message}${e.error.where ? ` (${e.error.where})` : ""}` }));
    for (const d of e.diagnostics ?? []) li.append(el("div", { className: "wk-log-warning", textContent: `${d.severity} ${d.code}${d.path ? ` at ${d.path}` : ""}: ${d.message}` }));
    const details = el("details", {}, el("summary", { textContent: "payload, form values, answer" }));
    const field = (name, value) => el("div", { className: "wk-log-field" }, el("span", { textContent: name }), el("pre", { textContent: JSON.stringify(value, null, 2) }));
    details.append(field("payload", e.payload), field("form values", e.form), field("sender item", e.item_id), field("answer (ChatKit events)", e.events));
    li.append(details);
    if (e.mode === "client") {
      const fwd = el("button", { type: "button", className: "btn", textContent: "Forward to server" });
      fwd.dataset.forward = e.id;
      li.append(fwd);
    }
    return li;
  }
}
