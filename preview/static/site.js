// The static site's pages (`widgetkit build`; templates/site-*.html): the index with live
// thumbnails and a filter, and a page per widget with its sample states, theme and width, the
// payload, the diagnostics and an action log. Everything comes from the page's #wk-site JSON;
// nothing is fetched, so the pages work from disk. The view (state, theme, width) lives in the
// URL's hash, which file: URLs keep, and the index's links carry the theme along.
import { renderWidget, STAND_IN_ICONS_NOTICE } from "./renderer.js";
import { withAssets } from "./local-assets.js";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const page = JSON.parse($("#wk-site").textContent);
const view = new URLSearchParams(location.hash.slice(1));

function remember(key, value) {
  view.set(key, value);
  history.replaceState(null, "", "#" + view.toString());
}

/** A segmented control ([data-control=name]): one pressed button, a callback on change. */
function segmented(name, initial, onChange) {
  const group = $(`[data-control="${name}"]`);
  if (!group) return;
  const press = (value) => { for (const b of $$("button", group)) b.setAttribute("aria-pressed", String(b.dataset.value === value)); };
  if (initial != null) press(initial);
  group.addEventListener("click", (ev) => {
    const button = ev.target.closest("button[data-value]");
    if (!button || button.getAttribute("aria-pressed") === "true") return;
    press(button.dataset.value);
    remember(name, button.dataset.value);
    onChange(button.dataset.value);
  });
}

const THEMES = ["light", "dark"];
let theme = THEMES.includes(view.get("theme")) ? view.get("theme") : "light";

function applyTheme() {
  document.documentElement.dataset.theme = theme;
  document.body.classList.remove("wk-theme-light", "wk-theme-dark");
  document.body.classList.add(`wk-theme-${theme}`);
  // Links to other pages take the theme with them.
  for (const a of $$("a[href]")) {
    const [path, hash = ""] = a.getAttribute("href").split("#");
    if (/^[a-z]+:/i.test(path)) continue;
    const params = new URLSearchParams(hash);
    params.set("theme", theme);
    a.setAttribute("href", `${path}#${params}`);
  }
}

const draw = (payload, el, options = {}) => renderWidget(withAssets(payload, page.assets), el, { theme, ...options });

// ---- index ---------------------------------------------------------------------------------------

function initIndex() {
  const thumbs = () => Promise.all($$(".card[data-id]").map((card) => {
    const payload = Object.hasOwn(page.thumbs, card.dataset.id) ? page.thumbs[card.dataset.id] : null;
    return payload == null ? null : draw(payload, $(".thumb-stage", card)).ready;
  }));
  const input = $("#filter");
  const filter = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of $$(".group")) {
      let inGroup = 0;
      for (const card of $$(".card", group)) {
        const hit = words.every((w) => card.dataset.search.includes(w));
        card.hidden = !hit;
        inGroup += hit;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    $("#no-match").hidden = shown > 0 || !$$(".card").length;
  };
  input.value = view.get("q") ?? "";
  input.addEventListener("input", () => { remember("q", input.value); filter(); });
  filter();
  segmented("theme", theme, (t) => { theme = t; applyTheme(); thumbs(); });
  return thumbs();
}

// ---- widget page ---------------------------------------------------------------------------------

function diagnostic(d) {
  const li = document.createElement("li");
  li.className = `diag diag-${d.severity}`;
  const head = document.createElement("div");
  const where = document.createElement("code");
  where.textContent = d.path || "/";
  const code = document.createElement("span");
  code.className = "diag-code";
  code.textContent = ` ${d.severity} · ${d.code}`;
  head.append(where, code);
  const msg = document.createElement("div");
  msg.className = "diag-msg";
  msg.textContent = d.message;
  li.append(head, msg);
  if (d.hint) {
    const hint = document.createElement("div");
    hint.className = "diag-hint";
    hint.textContent = d.hint;
    li.append(hint);
  }
  return li;
}

function initWidget() {
  const widget = page.widget;
  const names = Object.keys(widget.states);
  let state = names.includes(view.get("state")) ? view.get("state") : names[0];
  const log = [];

  const showLog = () => {
    const list = $("#actions");
    $("#action-count").textContent = log.length ? `${log.length} logged` : "";
    if (!log.length) {
      const none = Object.assign(document.createElement("li"), { className: "none", textContent: "No action yet: click a button or submit a form in the widget." });
      list.replaceChildren(none);
      return;
    }
    list.replaceChildren(...log.map((a) => {
      const li = document.createElement("li");
      const type = document.createElement("code");
      type.textContent = a.type;
      const kind = Object.assign(document.createElement("span"), { className: "action-kind", textContent: `${a.kind} · ${a.state}` });
      const body = document.createElement("pre");
      body.textContent = JSON.stringify({ payload: a.payload, formValues: a.formValues, sender: a.sender }, null, 2);
      li.append(type, kind, body);
      return li;
    }));
  };
  const onAction = (action, { sender, formValues, kind }) => {
    log.unshift({ type: String(action.type), payload: action.payload ?? null, formValues, kind, state, sender: sender.dataset.wkPath ?? sender.dataset.wkPart ?? null });
    showLog();
  };

  const stage = $("#stage");
  const show = () => {
    const s = widget.states[state];
    const diags = [...widget.problems, ...(s?.diagnostics ?? [])];
    const errors = diags.filter((d) => d.severity === "error").length;
    $("#diag-count").textContent = diags.length ? `${errors} error(s), ${diags.length - errors} warning(s)` : "";
    $("#diagnostics").replaceChildren(...(diags.length ? diags.map(diagnostic)
      : [Object.assign(document.createElement("li"), { className: "diag-none", textContent: "No problems: the widget is valid." })]));
    $("#payload").textContent = s?.payload == null ? "(no payload: this state failed to build)" : JSON.stringify(s.payload, null, 2);
    if ($("#data")) $("#data").textContent = JSON.stringify(s?.data ?? null, null, 2);
    if (s?.payload == null) {
      stage.replaceChildren(Object.assign(document.createElement("div"), {
        className: "stage-empty", textContent: names.length ? "No widget: this state failed to build. The diagnostics say why." : "No widget: the file failed before any state was built. The diagnostics say why.",
      }));
      return Promise.resolve();
    }
    return draw(s.payload, stage, { onAction }).ready;
  };

  segmented("state", state, (s) => { state = s; show(); });
  segmented("theme", theme, (t) => { theme = t; applyTheme(); show(); });
  const width = page.widths.includes(view.get("width")) ? view.get("width") : "md";
  $("#stage-frame").dataset.width = width;
  segmented("width", width, (w) => { $("#stage-frame").dataset.width = w; });
  $("#footnote").textContent = STAND_IN_ICONS_NOTICE;
  showLog();
  return show();
}

applyTheme();
await (document.body.dataset.page === "index" ? initIndex() : initWidget());
await document.fonts.ready;
document.documentElement.dataset.wkSite = "ready";
