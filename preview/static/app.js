// The preview's page shell: theme and width toggles, the sample-state switcher, the data editor,
// diagnostics and payload panels, and the choice between ChatKit.js and the offline renderer.
// Everything a page needs arrives as one JSON blob (#wk-page); every choice a designer makes
// lives in the URL query, so a reload (or a hot reload) comes back to the same view.
//
// Seams for what comes next: window.widgetkit.show(payload, diagnostics) redraws without a fetch
// (hot reload over SSE), and every widget action is dispatched as a "wk:action" event on window
// before the default handling (the action log).
import { renderWidget, STAND_IN_ICONS_NOTICE } from "./renderer.js";
import { follow, Overlay } from "./live.js";
import { Actions } from "./actions.js";
import { ChatKitStage, loadChatKit } from "./chatkit-stage.js";

// The page's own elements by id, found once before any widget is drawn: an id in widget content
// (Markdown's HTML) can't stand in for the Payload or Diagnostics panel (DOM clobbering).
const OWN = new Map([...document.querySelectorAll("[id]")].map((e) => [`#${e.id}`, e]));
const $ = (sel, root = document) => (root === document ? OWN.get(sel) : null) ?? root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const CHATKIT_TIMEOUT_MS = 3000;

const data = JSON.parse($("#wk-page")?.textContent ?? "null");

function setParam(key, value) {
  const url = new URL(location.href);
  url.searchParams.set(key, value);
  history.replaceState(history.state, "", url);
}

/** A segmented control ([data-control=name]): one pressed button, a callback on change. */
function segmented(name, onChange) {
  const group = $(`[data-control="${name}"]`);
  if (!group) return;
  group.addEventListener("click", (ev) => {
    const button = ev.target.closest("button[data-value]");
    if (!button || button.getAttribute("aria-pressed") === "true") return;
    for (const b of $$("button", group)) b.setAttribute("aria-pressed", String(b === button));
    setParam(name, button.dataset.value);
    onChange(button.dataset.value);
  });
}

// The theme chosen on one page holds on the others (preview/pages.py reads it back).
const THEME_COOKIE = "wk-theme";

function applyTheme(theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; SameSite=Strict`;
  document.documentElement.dataset.theme = theme;
  document.body.classList.remove("wk-theme-light", "wk-theme-dark");
  document.body.classList.add(`wk-theme-${theme}`);
}

// ---- index ---------------------------------------------------------------------------------------
// The server draws the cards a page at a time (preview/pages.py `index`): the next page comes as
// #more scrolls into view, the filter asks the server, and a thumbnail is drawn only on screen.
// The page's own cards: a thumbnail's widget content may name a class "card" too.
const CARDS = "main.index > .group > .cards > .card";

/** The index's thumbnails: each card's first built state, drawn small once the card is near the
 * screen (fetched from /api/thumbnails a screenful at a time), again when its widget rebuilds. */
class Thumbnails {
  constructor(theme) {
    this.theme = theme; // () => the page's theme
    this.known = new Map(); // widget id -> { state, payload }, as fetched or as a rebuild sent it
    this.near = new Set(); // the cards near the screen
    this.observer = new IntersectionObserver((seen) => {
      for (const e of seen) if (e.isIntersecting) this.near.add(e.target); else this.near.delete(e.target);
      this.drawNear();
    }, { rootMargin: "200px 0px" });
  }

  watch(cards) { for (const card of cards) this.observer.observe(card); }

  /** The cards changed (a new filter, a hot reload): watch these instead. */
  reset(cards) {
    this.observer.disconnect();
    this.near.clear();
    this.watch(cards);
  }

  /** Every thumbnail is drawn again as it is next near the screen (the theme changed). */
  redrawAll() {
    for (const card of $$(`${CARDS}[data-thumb=drawn]`)) card.dataset.thumb = "stale";
    return this.drawNear();
  }

  /** What the widgets are may have changed (an `index` message): fetch them again. */
  forget() { this.known.clear(); return this.redrawAll(); }

  /** A state rebuilt (a `widget` message): a thumbnail showing it takes its new payload (one
   * the message does not carry is fetched again). */
  rebuilt(msg) {
    if (this.known.get(msg.id)?.state === msg.state && "payload" in msg) this.known.set(msg.id, { state: msg.state, payload: msg.payload });
    else this.known.delete(msg.id);
    for (const card of $$(`${CARDS}[data-thumb][data-id="${CSS.escape(msg.id)}"]`)) card.dataset.thumb = "stale";
    return this.drawNear();
  }

  async drawNear() {
    if (this.drawing) { this.again = true; return this.drawing; }
    this.drawing = (async () => {
      do {
        this.again = false;
        const todo = [...this.near].filter((c) => c.isConnected && c.dataset.thumb !== "drawn" && c.dataset.thumb !== "none");
        const missing = [...new Set(todo.map((c) => c.dataset.id))].filter((id) => !this.known.has(id));
        if (missing.length) {
          const query = new URLSearchParams(missing.map((id) => ["id", id]));
          const answer = await (await fetch(`/api/thumbnails?${query}`)).json().catch(() => ({}));
          for (const id of missing) this.known.set(id, answer.thumbnails?.[id] ?? { payload: null });
        }
        await Promise.all(todo.map((card) => this.draw(card)));
      } while (this.again);
    })().finally(() => { this.drawing = null; });
    return this.drawing;
  }

  draw(card) {
    const payload = this.known.get(card.dataset.id)?.payload;
    if (payload == null) { card.dataset.thumb = "none"; return null; }
    card.dataset.thumb = "drawn";
    return renderWidget(payload, card.querySelector(".thumb-stage"), { theme: this.theme(), onAction: () => {} }).ready;
  }
}

function initIndex() {
  const main = $("main.index");
  const input = $("#filter");
  const more = $("#more");
  let theme = document.documentElement.dataset.theme;
  const thumbs = new Thumbnails(() => theme);
  const filter = { q: input.value, errors: new URLSearchParams(location.search).get("errors") === "1" };
  let asked = 0; // a newer question makes the answers to older ones stale
  let loading = null;

  const indexUrl = (extra = {}) => {
    const url = new URL("/", location.href);
    const params = { q: filter.q.trim(), errors: filter.errors ? "1" : "", ...extra };
    for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
    return url;
  };
  const fetchPage = async (url) => new DOMParser().parseFromString(await (await fetch(url, { cache: "no-store" })).text(), "text/html");
  const shown = () => Number(more.dataset.shown);

  /** Shows the index page `fresh` (as fetched): its cards after ours with `append` (a file cut
   * across two pages goes on in its group), else in their place (drawn thumbnails kept). */
  const show = (fresh, append) => {
    const groups = $$("main.index > .group", fresh);
    const cards = groups.flatMap((g) => $$(".card", g));
    if (append) {
      const last = $$(":scope > .group", main).at(-1);
      if (last && last.dataset.file === groups[0]?.dataset.file) $(".cards", last).append(...$$(".card", groups.shift()));
    } else {
      const kept = new Map($$(`${CARDS}:is([data-thumb=drawn], [data-thumb=stale])`).map((c) => [c.dataset.id, c.querySelector(".thumb-stage")]));
      for (const card of cards) {
        const stage = kept.get(card.dataset.id);
        if (stage) { card.querySelector(".thumb-stage").replaceWith(stage); card.dataset.thumb = "stale"; }
      }
      for (const old of $$(":scope > .group, :scope > .empty:not(#no-match)", main)) old.remove();
    }
    $("#no-match").before(...$$("main.index > .empty:not(#no-match)", fresh), ...groups);
    $(".index-head p.muted").replaceWith($(".index-head p.muted", fresh));
    $("#no-match").hidden = $("#no-match", fresh).hidden;
    const next = $("#more", fresh);
    const count = (append ? shown() : 0) + cards.length;
    more.replaceChildren(...next.childNodes);
    more.dataset.matching = next.dataset.matching;
    more.dataset.shown = String(count);
    const range = more.querySelector(".muted");
    if (range) range.textContent = range.textContent.replace(/^\d+–\d+/, `1–${count}`);
    if ("building" in $("main.index", fresh).dataset) main.dataset.building = "";
    else delete main.dataset.building;
    if (append) thumbs.watch(cards);
    else thumbs.reset($$(CARDS));
    recheck();
  };
  // #more looked at again: if it is still in view, the next page comes.
  const recheck = () => { pager.unobserve(more); pager.observe(more); };

  const loadMore = () => {
    if (loading || shown() >= Number(more.dataset.matching)) return loading;
    const gen = asked;
    loading = fetchPage(indexUrl({ offset: String(shown()) }))
      .then((fresh) => { if (gen === asked) show(fresh, true); })
      .finally(() => { loading = null; recheck(); });
    return loading;
  };
  /** Asks the server again: the filter changed, or the widgets did (then as many as shown). */
  const reload = () => {
    const gen = ++asked;
    const limit = Math.max(shown(), Number(more.dataset.page));
    return fetchPage(indexUrl({ limit: String(limit) })).then((fresh) => { if (gen === asked) show(fresh, false); });
  };
  const refilter = () => {
    const url = new URL(location.href);
    for (const [k, v] of [["q", filter.q], ["errors", filter.errors ? "1" : ""]]) if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
    url.searchParams.delete("offset");
    history.replaceState(history.state, "", url);
    more.dataset.shown = "0";
    return reload();
  };

  const pager = new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) loadMore(); }, { rootMargin: "600px 0px" });
  pager.observe(more);
  thumbs.watch($$(CARDS));
  let typing = null;
  input.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(() => { filter.q = input.value; refilter(); }, 150); });
  input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { clearTimeout(typing); filter.q = input.value; refilter(); } });
  main.addEventListener("click", (ev) => {
    const link = ev.target.closest("#errors-only, #more a");
    if (!link || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    if (link.id === "errors-only") { filter.errors = !filter.errors; refilter(); } else loadMore();
  });
  segmented("theme", (t) => { theme = t; applyTheme(t); thumbs.redrawAll(); });
  // Hot reload: the cards follow the files (what is typed in the filter stays), and a thumbnail
  // its widget's rebuilds.
  follow((msg) => {
    if (msg.kind === "index") reload().then(() => thumbs.forget());
    else if (msg.kind === "widget") thumbs.rebuilt(msg);
  }, () => location.reload(), "?index");
  // Served while the first build was still going: look again until it is in (the index message
  // may have gone out before this page's event stream opened).
  const settle = () => {
    if (!("building" in main.dataset)) return;
    setTimeout(() => reload().then(settle, settle), 400);
  };
  settle();
}

/** What the Diagnostics panel lists while a hot-reload error shows: the message's diagnostics
 * that fail, else one made from the exception (an import or builder error has none). */
function errorDiagnostics(msg) {
  const failing = (msg.diagnostics ?? []).filter((d) => d.severity === "error");
  if (failing.length) return msg.diagnostics;
  const e = msg.error ?? {};
  const at = e.line ? ` (${e.file}:${e.line})` : "";
  return [{ path: "", severity: "error", code: e.type === "Timeout" ? "builder-timeout" : "builder-error", message: `${e.type ?? "Error"}: ${e.message ?? msg.message ?? "the widget failed to build"}${at}`, hint: "" }];
}

// ---- renderers -----------------------------------------------------------------------------------

/** Reads a thread's items through /chatkit, as ChatKit.js does, and returns its last widget. */
async function threadWidget(threadId, signal) {
  const body = { type: "items.list", params: { thread_id: threadId, limit: 100, order: "asc" } };
  const res = await fetch("/chatkit", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal,
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(answer.error?.message ?? `/chatkit answered ${res.status}`);
  return answer.data.find((item) => item.type === "widget")?.widget ?? null;
}

class LocalStage {
  kind = "local";
  constructor(el, page) { this.el = el; this.page = page; this.payload = null; }
  draw(payload, source) {
    this.payload = payload;
    this.el.dataset.source = source;
    this.el.dataset.draws = String(Number(this.el.dataset.draws ?? 0) + 1); // for tests: draws per view
    if (payload == null) {
      this.el.replaceChildren(Object.assign(document.createElement("div"), {
        className: "stage-empty", textContent: "No widget: this state failed to build. The diagnostics say why.",
      }));
      this.el.dataset.drawn = source;
      return Promise.resolve();
    }
    const view = renderWidget(payload, this.el, { theme: this.page.theme, onAction: (a, ctx) => this.page.action(a, ctx) });
    // The stand-in notice stands where a stand-in icon is drawn (lucide:, vendor:), only there.
    $("#footnote").textContent = view.element.querySelector('[data-wk-icon="stand-in"]') ? STAND_IN_ICONS_NOTICE : "";
    return view.ready.then(() => { this.el.dataset.drawn = source; });
  }
  redraw() { return this.payload === undefined ? null : this.draw(this.payload, this.el.dataset.source); }
}

// ---- widget page ---------------------------------------------------------------------------------

/** A small banner saying ChatKit.js didn't load; dismissed, it stays away for the session. */
function offlineBanner(text) {
  if (sessionStorage.getItem("wk-offline-dismissed")) return;
  const bar = document.createElement("div");
  bar.className = "offline-banner";
  bar.setAttribute("role", "status");
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Dismiss");
  close.addEventListener("click", () => { bar.remove(); sessionStorage.setItem("wk-offline-dismissed", "1"); });
  bar.append(Object.assign(document.createElement("span"), { textContent: text }), close);
  $("#notice").before(bar);
}

class WidgetPage {
  constructor(cfg) {
    this.cfg = cfg;
    this.widget = cfg.widget;
    this.stateName = cfg.state;
    this.theme = cfg.theme;
    this.stageEl = $("#stage");
    this.editor = $("#data-editor");
    this.generation = 0; // a newer draw makes older async answers stale
    this.payload = null;
    this.diagnostics = [];
    this.threadId = null;
  }

  get state() { return this.widget.states[this.stateName] ?? null; }

  async start() {
    segmented("theme", (t) => { this.theme = t; applyTheme(t); this.stage?.redraw(); });
    segmented("width", (w) => { $("#stage-frame").dataset.width = w; });
    segmented("state", (s) => this.selectState(s));
    this.initEditor();
    this.initPanels();
    $("#schema").textContent = JSON.stringify(this.widget.schema, null, 2);
    this.stage = await this.chooseStage(this.cfg.renderer);
    this.actions = new Actions(this);
    this.selectState(this.stateName);
    this.overlay = new Overlay($("#stage-frame"));
    follow((msg) => this.hot(msg), () => location.reload(), `?widget=${encodeURIComponent(this.widget.id)}`);
  }

  /** A hot-reload message (preview/watch.py): redraw in place, keeping state, theme, width and
   * scroll; an error shows over the last good render until the next good message. */
  hot(msg) {
    const w = this.widget;
    if (msg.kind === "removed") {
      if (msg.id === w.id) this.overlay.show({ message: `"${w.id}" is gone: its file was deleted or the widget renamed.` });
      return null;
    }
    if (!(msg.id ? msg.id === w.id : msg.ids?.includes(w.id) || msg.file === w.file)) return null;
    const failed = msg.kind === "error";
    // A file's error (no state named) fails every state of its widgets.
    for (const name of msg.state ? [msg.state] : Object.keys(w.states)) this.stateButton(name, failed);
    if (failed) {
      const shown = !msg.state || msg.state === this.stateName;
      if (msg.state) w.states[msg.state] ??= { name: msg.state, payload: null, diagnostics: [], data: msg.data };
      if (msg.state) w.states[msg.state].failing = errorDiagnostics(msg);
      else w.problems = errorDiagnostics(msg);
      if (shown) {
        this.overlay.show(msg);
        this.diagnostics = errorDiagnostics(msg);
        this.renderDiagnostics();
      }
      return null;
    }
    if (msg.state) delete (w.states[msg.state] ?? {}).failing;
    w.problems = [];
    const state = (w.states[msg.state] ??= { name: msg.state });
    Object.assign(state, { payload: msg.payload, diagnostics: msg.diagnostics, thread_id: msg.thread_id, data: msg.data ?? state.data });
    if (msg.state !== this.stateName) return null;
    this.overlay.clear();
    if (w.kind === "builder" && document.activeElement !== this.editor) this.editor.value = JSON.stringify(state.data ?? {}, null, 2);
    // Redrawing the stage and refilling the panels must not move what the designer scrolled to.
    const kept = [document.scrollingElement, ...$$(".panels, .payload")].filter(Boolean).map((e) => [e, e.scrollLeft, e.scrollTop]);
    const restore = () => { for (const [e, left, top] of kept) e.scrollTo(left, top); };
    const drawn = this.show(msg.payload, msg.diagnostics);
    restore();
    return Promise.resolve(drawn).then(restore);
  }

  /** Keeps the state switcher in step with hot reloads: a sample state first seen in one gets
   * its button (the switcher is made when the page had a single state or none), and a state's
   * button shows whether its last build failed. Runs before the new state is recorded. */
  stateButton(name, failed) {
    const make = (n) => {
      const b = Object.assign(document.createElement("button"), { type: "button", textContent: n });
      b.dataset.value = n;
      b.setAttribute("aria-pressed", String(n === this.stateName));
      return b;
    };
    let group = $('[data-control="state"]');
    if (!group) {
      if (name in this.widget.states) return; // still the only state: nothing to switch to
      group = Object.assign(document.createElement("div"), { className: "seg states" });
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Sample state");
      group.dataset.control = "state";
      group.append(...Object.keys(this.widget.states).map(make));
      $(".state-one")?.remove();
      $(".stage-tools").prepend(group);
      segmented("state", (s) => this.selectState(s));
    }
    let button = $$("button", group).find((b) => b.dataset.value === name);
    if (!button) group.append((button = make(name)));
    button.classList.toggle("has-error", failed);
  }

  async chooseStage(renderer) {
    const badge = $("#renderer-badge");
    if (renderer === "local") { badge.textContent = "local renderer"; return new LocalStage(this.stageEl, this); }
    try {
      await loadChatKit(this.cfg.chatkit.script, renderer === "chatkit" ? 15000 : CHATKIT_TIMEOUT_MS);
      badge.textContent = "ChatKit.js";
      return new ChatKitStage(this.stageEl, this);
    } catch (err) {
      const how = renderer === "auto" ? "showing widgetkit's offline renderer instead" : "showing widgetkit's offline renderer (asked for chatkit)";
      offlineBanner(`${err.message}; ${how}, which draws the same thread items with OpenAI's design system.`);
      badge.textContent = "local renderer (fallback)";
      return new LocalStage(this.stageEl, this);
    }
  }

  /** A line above the stage; `level` "error" for what failed, "warning" for what to know. */
  notice(text, level = "warning") {
    const n = $("#notice");
    n.textContent = text;
    n.dataset.level = level;
    n.hidden = !text;
  }

  /** The Payload panel follows the stage: after an action it shows what the stage draws. */
  showPayload(payload) {
    this.payload = payload;
    $("#payload").textContent = payload == null ? "(no payload)" : JSON.stringify(payload, null, 2);
  }

  /** Every thread this widget's page shows (its states', and an edit's): the action log's scope. */
  threads() {
    return new Set([...Object.values(this.widget.states).map((s) => s.thread_id), this.threadId].filter(Boolean));
  }

  /** Shows a sample state: drawn from the builder at once, then from its ChatKit thread, which
   * the server first puts back to the sample (an action's result lasts until a state is shown). */
  selectState(name) {
    this.stateName = name;
    this.actions?.reset();
    const state = this.state;
    const gen = ++this.generation;
    this.editor.value = JSON.stringify(this.widget.kind === "builder" ? state?.data ?? {} : state?.payload ?? {}, null, 2);
    this.setStatus("");
    const problems = state?.failing ?? (this.widget.problems?.length ? this.widget.problems : state?.diagnostics) ?? [];
    this.setResult(state?.payload ?? null, problems, state?.thread_id ?? null);
    if (!state) return this.stage.kind === "local" ? this.stage.draw(null, "builder") : null;
    const ctl = new AbortController();
    this.abort?.abort();
    this.abort = ctl;
    const query = new URLSearchParams({ id: this.widget.id, state: name });
    const shown = state.payload == null ? Promise.resolve()
      : fetch(`/api/show?${query}`, { method: "POST", signal: ctl.signal }).catch(() => null);
    if (this.stage.kind === "chatkit") return shown.then(() => { if (gen === this.generation) this.stage.show(state.thread_id); });
    const first = this.stage.draw(state.payload, "builder");
    if (state.payload == null) return first;
    return shown.then(() => threadWidget(state.thread_id, ctl.signal)).then(
      (widget) => {
        if (gen !== this.generation || !widget) return null;
        // The thread holds the sample just drawn (the usual case): mark it, don't draw it again.
        if (JSON.stringify(widget) === JSON.stringify(state.payload)) return first.then(() => { if (gen === this.generation) this.stageEl.dataset.drawn = "thread"; });
        return this.stage.draw(widget, "thread");
      },
      (err) => { if (gen === this.generation && err.name !== "AbortError") this.notice(`Drawn from the builder directly: ${err.message}`, "error"); },
    );
  }

  /** The hot reloader's seam: show a new payload without refetching. */
  show(payload, diagnostics = []) {
    this.generation++;
    this.actions?.stale();
    this.setResult(payload, diagnostics, this.threadId);
    return this.stage.kind === "local" ? this.stage.draw(payload, "update") : this.stage.redraw();
  }

  setResult(payload, diagnostics, threadId) {
    this.diagnostics = diagnostics;
    this.threadId = threadId;
    this.showPayload(payload);
    this.renderDiagnostics();
  }

  renderDiagnostics() {
    const list = $("#diagnostics");
    const errors = this.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = this.diagnostics.length - errors;
    $("#diag-count").textContent = this.diagnostics.length ? `${errors} error(s), ${warnings} warning(s)` : "none";
    $("#diag-count").className = `status ${errors ? "bad" : warnings ? "warn" : "good"}`;
    list.replaceChildren(...this.diagnostics.map((d) => {
      const li = document.createElement("li");
      li.className = `diag diag-${d.severity}`;
      li.tabIndex = 0;
      li.dataset.path = d.path;
      const head = document.createElement("div");
      const ptr = Object.assign(document.createElement("code"), { textContent: d.path || "/" });
      const code = Object.assign(document.createElement("span"), { className: "diag-code", textContent: d.code });
      head.append(ptr, " ", code);
      const msg = Object.assign(document.createElement("div"), { className: "diag-msg", textContent: d.message });
      li.append(head, msg);
      if (d.hint) li.append(Object.assign(document.createElement("div"), { className: "diag-hint", textContent: d.hint }));
      return li;
    }));
    if (!this.diagnostics.length) list.append(Object.assign(document.createElement("li"), { className: "diag-none", textContent: "No problems found." }));
  }

  /** Outlines the element drawn for `pointer`, or its nearest drawn ancestor. */
  highlight(pointer) {
    for (const e of $$(".wk-highlight")) e.classList.remove("wk-highlight");
    let p = pointer;
    for (;;) {
      const hit = $$("[data-wk-path]", this.stageEl).find((e) => e.dataset.wkPath === p);
      if (hit) { hit.classList.add("wk-highlight"); hit.scrollIntoView({ block: "nearest", behavior: "smooth" }); return hit; }
      if (!p) return null;
      p = p.slice(0, p.lastIndexOf("/"));
    }
  }

  initPanels() {
    const list = $("#diagnostics");
    const pick = (ev) => { const li = ev.target.closest("li[data-path]"); if (li) this.highlight(li.dataset.path); };
    list.addEventListener("click", pick);
    list.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(ev); } });
    for (const button of $$("[data-copy]")) {
      button.addEventListener("click", async () => {
        const how = button.dataset.copy;
        const text = how === "thread" ? this.threadId ?? "" : JSON.stringify(this.payload, null, how === "pretty" ? 2 : 0);
        const was = button.textContent;
        try { await navigator.clipboard.writeText(text); button.textContent = "Copied"; } catch { button.textContent = "Copy failed"; }
        setTimeout(() => { button.textContent = was; }, 1200);
      });
    }
  }

  initEditor() {
    let timer = null;
    this.editor.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => this.submitEdit(), 150); });
    this.editor.addEventListener("keydown", (ev) => {
      if (ev.key !== "Tab" || ev.shiftKey) return;
      ev.preventDefault();
      this.editor.setRangeText("  ", this.editor.selectionStart, this.editor.selectionEnd, "end");
    });
    $("#data-reset").addEventListener("click", () => this.selectState(this.stateName));
  }

  setStatus(text, cls = "") {
    const s = $("#data-status");
    s.textContent = text;
    s.className = `status ${cls}`;
  }

  /** Sends the editor's JSON to /api/render and draws what comes back; the last good render stays on failure. */
  async submitEdit() {
    let value;
    try { value = JSON.parse(this.editor.value); } catch (err) {
      this.generation++; // an answer still on its way is for the previous input
      this.diagnostics = [{ path: "", severity: "error", code: "invalid-json", message: `the data is not JSON: ${err.message}`, hint: "fix the JSON in the data editor" }];
      this.renderDiagnostics();
      this.setStatus(`Not JSON: ${err.message}`, "bad");
      return;
    }
    const gen = ++this.generation;
    this.abort?.abort();
    this.setStatus("rendering…");
    const res = await fetch("/api/render", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: this.widget.id, data: value, state: this.stateName }),
    });
    const answer = await res.json().catch(() => ({ error: { message: `HTTP ${res.status}` } }));
    if (gen !== this.generation) return;
    if (!res.ok) {
      this.diagnostics = answer.diagnostics ?? [{ path: "", severity: "error", code: answer.error?.code ?? "error", message: answer.error?.message ?? "", hint: "" }];
      this.renderDiagnostics();
      this.setStatus(answer.error?.message ?? "failed", "bad");
      return;
    }
    this.setStatus("edited", "good");
    this.setResult(answer.payload, answer.diagnostics, answer.thread_id ?? this.threadId);
    if (this.stage.kind === "local") await this.stage.draw(answer.payload, "edit");
    else if (answer.thread_id) this.stage.show(answer.thread_id);
  }

  /** Every widget action, from either renderer: sent through /chatkit and logged (actions.js). */
  action(action, ctx) {
    return this.actions.handle(action, ctx);
  }
}

// ---- component reference -------------------------------------------------------------------------

async function initComponents() {
  let theme = document.documentElement.dataset.theme;
  const draw = () => Promise.all($$("[data-example]").map((el) => {
    const c = data.components[Number(el.dataset.example)];
    const view = renderWidget(c.example, el, { theme, onAction: () => {} });
    for (const e of $$(`[data-wk-type="${CSS.escape(c.name)}"]`, el)) e.classList.add("wk-example-focus");
    return view.ready;
  }));
  segmented("theme", (t) => { theme = t; applyTheme(t); draw(); });
  await draw();
  document.documentElement.dataset.wkReady = "true";
}

async function main() {
  const kind = document.body.dataset.page;
  if (kind === "index") initIndex();
  else if (kind === "components") await initComponents();
  else if (kind === "widget") {
    const page = new WidgetPage(data);
    window.widgetkit = page;
    await page.start();
  } else segmented("theme", applyTheme);
  document.documentElement.dataset.wkReady = "true";
}

main().catch((err) => console.error("widgetkit preview:", err));
