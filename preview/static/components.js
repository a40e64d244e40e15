// One drawing function per ChatKit component. Every function builds DOM with createElement and
// textContent only: widget strings never reach an HTML parser (Markdown excepted, which goes
// through DOMPurify). drawNode() stamps data-wk-type / data-wk-path on each node's element.
import { marked } from "./vendor/marked/marked.esm.js";
import DOMPurify from "./vendor/dompurify/purify.es.mjs";
import { iconSvg } from "./icons.js";
import { drawChart } from "./charts.js";
import { CATALOG } from "./catalog.js";
import { applyBlock, applyBorder, applyFlex, applySides, color, px, str, tok, unit } from "./tokens.js";

/** createElement with classes and optional text (always as textContent). */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = str(text);
  return e;
}
/** RFC 6901: "~" and "/" in a key are escaped. */
export const ptr = (path, ...keys) => path + keys.map((k) => "/" + str(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/** URLs from widget JSON: http(s), relative and data:image/* only; javascript:, data:text/html etc. refused. */
export function safeUrl(u, { image = false } = {}) {
  if (typeof u !== "string" || !u.trim()) return null;
  const s = u.trim();
  if (/^data:/i.test(s)) return image && /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(s) ? s : null;
  let url;
  try { url = new URL(s, document.baseURI); } catch { return null; }
  return /^(https?|blob):$/.test(url.protocol) ? s : null;
}

export function drawNode(node, path, ctx) {
  const type = node && typeof node === "object" && typeof node.type === "string" ? node.type : null;
  const draw = type === null ? null : DRAW[type];
  let e;
  try {
    e = draw ? draw(node, path, ctx) : drawUnknown(node);
  } catch (err) {
    // A node no drawing function expected is a visible placeholder, never a blank page.
    console.warn("widgetkit renderer: could not draw", path, err);
    e = el("div", "wk-unknown", `Could not draw this ${type ?? "node"}`);
  }
  e.dataset.wkType = type ?? "invalid";
  e.dataset.wkPath = path;
  if (node?.id != null) e.dataset.wkId = str(node.id);
  return e;
}
function drawChildren(parent, n, path, ctx) {
  if (!Array.isArray(n.children)) return parent;
  n.children.forEach((c, i) => parent.append(drawNode(c, ptr(path, "children", i), ctx)));
  return parent;
}
function drawUnknown(n) {
  const what = n && typeof n === "object" ? `Unknown component ${JSON.stringify(n.type) ?? "(no type)"}` : `Not a component: ${JSON.stringify(n)}`;
  return el("div", "wk-unknown", what.slice(0, 200));
}
function themed(e, theme) {
  if (theme === "light" || theme === "dark") { e.classList.add("wk-themed", `wk-theme-${theme}`); e.dataset.theme = theme; }
  return e;
}

// ---- roots ---------------------------------------------------------------------------------------

function status(s) {
  if (!s || typeof s !== "object" || s.text == null) return null;
  const row = el("div", "wk-status");
  const fav = safeUrl(s.favicon, { image: true });
  if (fav) {
    const img = el("img", "wk-status-favicon" + (s.frame ? " wk-framed" : ""));
    img.alt = ""; img.referrerPolicy = "no-referrer"; img.src = fav;
    row.append(img);
  } else if (s.icon) row.append(icon(s.icon, "sm"));
  row.append(el("span", "wk-status-text", s.text));
  return row;
}

function Card(n, path, ctx) {
  const size = tok("Card", n, "size");
  const outer = themed(el("div", `wk-card wk-card-${size}`), n.theme);
  const st = status(n.status);
  if (st) outer.append(st);
  // asForm cards are real <form>s so Enter submits and confirm/cancel see the fields.
  const box = el(n.asForm ? "form" : "div", "wk-card-box wk-surface");
  if (n.asForm) { box.noValidate = true; box.classList.add("wk-form"); ctx.bindForm(box, n.confirm?.action, "confirm"); }
  const body = el("div", "wk-card-body wk-dir-col");
  applyFlex(body.style, { padding: n.padding });
  const bg = color(n.background, "background");
  if (bg) box.style.background = bg;
  applyBorder(box.style, n.border);
  drawChildren(body, n, path, ctx);
  box.append(body);
  if (n.confirm || n.cancel) {
    const foot = el("div", "wk-card-footer");
    for (const [key, variant, color_] of [["cancel", "outline", "secondary"], ["confirm", "solid", "primary"]]) {
      const a = n[key];
      if (!a) continue;
      const b = button({ label: a.label, variant, color: color_, block: true }, ctx, "Button");
      b.dataset.wkPart = key;
      if (key === "confirm" && n.asForm) { b.type = "submit"; b._wkAction = a.action; }
      else b.addEventListener("click", () => ctx.fire(a.action, b, key));
      foot.append(b);
    }
    box.append(foot);
  }
  if (n.collapsed) {
    // ChatKit collapses a card's body once its main action is done; keep a way to peek, as a
    // row on the card's own surface.
    outer.classList.add("wk-collapsed");
    const t = el("button", "wk-expand");
    t.type = "button";
    const label = el("span", null, "Show details");
    t.append(label, icon("chevron-right", "sm"));
    t.addEventListener("click", () => { outer.classList.toggle("wk-collapsed"); label.textContent = outer.classList.contains("wk-collapsed") ? "Show details" : "Hide details"; });
    box.prepend(t);
  }
  outer.append(box);
  return outer;
}

function ListView(n, path, ctx) {
  const outer = themed(el("div", "wk-card wk-card-md wk-listview"), n.theme);
  const st = status(n.status);
  if (st) outer.append(st);
  const box = el("div", "wk-card-box wk-surface wk-listview-box");
  const items = Array.isArray(n.children) ? n.children : [];
  const limit = typeof n.limit === "number" ? n.limit : Infinity;
  const expanded = ctx.state.expanded.has(path);
  items.forEach((c, i) => {
    const e = drawNode(c, ptr(path, "children", i), ctx);
    if (i >= limit && !expanded) e.hidden = true;
    box.append(e);
  });
  if (items.length > limit && !expanded) {
    const more = el("button", "wk-show-more");
    more.type = "button";
    more.append(el("span", null, `Show ${items.length - limit} more`), icon("chevron-right", "sm"));
    more.addEventListener("click", () => {
      ctx.state.expanded.add(path);
      box.querySelectorAll(":scope > [hidden]").forEach((h) => (h.hidden = false));
      more.remove();
    });
    box.append(more);
  }
  outer.append(box);
  return outer;
}

function ListViewItem(n, path, ctx) {
  const e = el("div", "wk-lvi wk-dir-row");
  const d = CATALOG.components.ListViewItem.defaults;
  applyFlex(e.style, { gap: n.gap ?? d.gap, align: n.align ?? d.align });
  if (n.onClickAction) {
    e.classList.add("wk-clickable");
    e.tabIndex = 0;
    e.setAttribute("role", "button");
    e.addEventListener("click", () => ctx.fire(n.onClickAction, e, "click"));
    e.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); e.click(); } });
  }
  return drawChildren(e, n, path, ctx);
}

function Basic(n, path, ctx) {
  const dir = n.direction === "row" ? "row" : "col";
  const e = themed(el("div", `wk-basic wk-box wk-dir-${dir}` + (n.align ? " wk-aligned" : "")), n.theme);
  applyFlex(e.style, n);
  return drawChildren(e, n, path, ctx);
}

// ---- layout --------------------------------------------------------------------------------------

const box = (dir, tag = "div") => (n, path, ctx) => {
  const d = n.direction === "row" || n.direction === "col" ? n.direction : dir;
  const e = el(tag, `wk-box wk-dir-${d}` + (n.align ? " wk-aligned" : ""));
  applyFlex(e.style, n);
  applyBlock(e.style, n);
  if (tag === "form") { e.noValidate = true; e.classList.add("wk-form"); ctx.bindForm(e, n.onSubmitAction, "submit"); }
  return drawChildren(e, n, path, ctx);
};

function Spacer(n) {
  const e = el("div", "wk-spacer");
  const m = px(n.minSize);
  if (m) e.style.setProperty("--wk-min", m);
  return e;
}

function Divider(n) {
  const e = el("div", "wk-divider" + (n.flush ? " wk-flush" : ""));
  const c = color(n.color, "border");
  if (c) e.style.setProperty("--wk-divider-color", c);
  const s = px(n.size);
  if (s) e.style.setProperty("--wk-divider-size", s);
  const sp = unit(n.spacing);
  if (sp) e.style.setProperty("--wk-divider-spacing", sp);
  return e;
}

function Transition(n, path, ctx) {
  const e = el("div", "wk-transition");
  // Transition holds ONE child object; tolerate a list too.
  if (Array.isArray(n.children)) drawChildren(e, n, path, ctx);
  else if (n.children) e.append(drawNode(n.children, ptr(path, "children"), ctx));
  return e;
}

// ---- text ----------------------------------------------------------------------------------------

function textStyle(e, type, n, defaultColor) {
  e.style.color = color(n.color, "text") ?? `var(--wk-text-${defaultColor})`;
  const weight = tok(type, n, "weight");
  if (weight) e.classList.add(`wk-w-${weight}`);
  const align = tok(type, n, "textAlign");
  if (align) e.style.textAlign = align;
  if (n.truncate) e.classList.add("wk-truncate");
  if (Number.isInteger(n.maxLines) && n.maxLines > 0) { e.classList.add("wk-clamp"); e.style.webkitLineClamp = str(n.maxLines); }
  if (Number.isInteger(n.minLines) && n.minLines > 0) e.style.minHeight = `${n.minLines}lh`;
  if (n.italic) e.style.fontStyle = "italic";
  if (n.lineThrough) e.style.textDecoration = "line-through";
  const w = px(n.width);
  if (w) e.style.width = w;
  if (n.streaming) e.classList.add("wk-streaming");
  return e;
}

function Text(n, path, ctx) {
  const size = tok("Text", n, "size");
  if (n.editable && typeof n.editable === "object") {
    const ed = n.editable;
    // More than one line (minLines, or newlines in the value) is a textarea: an input drops newlines.
    const value = n.value == null ? "" : str(n.value);
    const lines = Math.max(Number.isInteger(n.minLines) ? n.minLines : 1, value.split("\n").length);
    const input = field(el(lines > 1 ? "textarea" : "input", `wk-text wk-text-${size} wk-text-editable`), ed, ctx);
    if (lines > 1) {
      input.rows = Number.isInteger(n.minLines) && n.minLines > 0 ? n.minLines : lines;
      const fit = () => { input.style.height = "auto"; input.style.height = `${input.scrollHeight}px`; };
      input.addEventListener("input", fit);
      requestAnimationFrame(fit);
    } else input.type = "text";
    input.value = value;
    if (ed.autoComplete) input.autocomplete = str(ed.autoComplete);
    return textStyle(input, "Text", n, "prose");
  }
  return textStyle(el("div", `wk-text wk-text-${size}`, n.value ?? ""), "Text", n, "prose");
}
function Title(n) {
  const size = tok("Title", n, "size");
  const e = textStyle(el("div", `wk-title wk-title-${size}`, n.value ?? ""), "Title", n, "primary");
  e.setAttribute("role", "heading");
  return e;
}
function Caption(n) {
  const size = tok("Caption", n, "size");
  return textStyle(el("div", `wk-caption wk-caption-${size}`, n.value ?? ""), "Caption", n, "secondary");
}
function Label(n) {
  const size = tok("Label", n, "size");
  const e = textStyle(el("label", `wk-label wk-text-${size}`, n.value ?? ""), "Label", n, "primary");
  if (n.fieldName) e.dataset.wkFor = str(n.fieldName); // linked to its field after the render
  return e;
}

// Links open in a new tab without access to this page; javascript:/data: links and non-image
// data: sources are removed. The hook is global to this DOMPurify instance, which only we use.
// Remote fetches from Markdown: an <img> keeps its src, with no referrer (below); every other way
// Markdown has to fetch a URL (srcset, SVG <image>, video poster and sources, audio, table
// backgrounds) is removed, as is any id or name (prefixed by DOMPurify: widget content must not
// shadow the page's own elements, DOM clobbering).
const MARKDOWN = {
  RETURN_DOM_FRAGMENT: true, // hands back nodes, so sanitised HTML is never re-parsed (no mXSS window)
  SANITIZE_NAMED_PROPS: true,
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "video", "audio", "source", "track", "picture", "image", "feImage", "use"],
  FORBID_ATTR: ["style", "srcset", "background", "poster", "xlink:href"],
};
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = safeUrl(node.getAttribute("href") ?? "");
    if (href) { node.setAttribute("target", "_blank"); node.setAttribute("rel", "noopener noreferrer"); }
    else node.removeAttribute("href");
  }
  if (node.tagName === "IMG") {
    const src = safeUrl(node.getAttribute("src") ?? "", { image: true });
    if (src) node.setAttribute("referrerpolicy", "no-referrer"); else node.removeAttribute("src");
  }
});
function Markdown(n) {
  const e = el("div", "wk-markdown" + (n.streaming ? " wk-streaming" : ""));
  const html = marked.parse(str(n.value ?? ""), { async: false, gfm: true, breaks: false });
  e.append(DOMPurify.sanitize(html, MARKDOWN));
  return e;
}

// ---- content -------------------------------------------------------------------------------------

/** Badge and Button are the design system's own (its classes and data-* props, its CSS). */
function designProps(e, type, n, props) {
  for (const p of props) e.dataset[p] = tok(type, n, p);
  for (const flag of ["pill", "uniform", "block"]) if (n[flag]) e.dataset[flag] = "";
  return e;
}
function Badge(n) {
  return designProps(el("span", "Badge wk-badge", n.label ?? ""), "Badge", n, ["color", "variant", "size"]);
}

export function icon(name, size = "md", extra = "") {
  const e = el("span", `wk-icon wk-icon-${size} ${extra}`.trim());
  e.append(iconSvg(str(name)));
  return e;
}
function Icon(n) {
  const e = icon(n.name, tok("Icon", n, "size"));
  const c = color(n.color, "text");
  if (c) e.style.color = c;
  return e;
}

function Image(n) {
  const src = safeUrl(n.src, { image: true });
  const e = src ? el("img", "wk-image") : el("div", "wk-image wk-image-refused");
  if (src) {
    e.src = src;
    e.alt = n.alt != null ? str(n.alt) : "";
    e.referrerPolicy = "no-referrer";
    e.loading = "lazy";
    e.style.objectFit = tok("Image", n, "fit");
    const pos = tok("Image", n, "position");
    if (pos) e.style.objectPosition = pos;
  } else {
    e.setAttribute("role", "img");
    e.setAttribute("aria-label", "Image URL refused");
    e.title = "Image URL refused (only http(s), relative and data:image URLs are drawn)";
    e.append(icon("square-image", "lg"));
  }
  if (n.frame) e.classList.add("wk-framed");
  if (n.flush) e.classList.add("wk-flush");
  applyBlock(e.style, n);
  const bg = color(n.background, "background");
  if (bg) e.style.background = bg;
  return e;
}

// ---- controls ------------------------------------------------------------------------------------

/** The design system's Button with ChatKit's props; used by Button and card footers.
 * (`style: "secondary"` is the older spelling of color secondary, variant outline.) */
function button(n) {
  const preset = n.style === "secondary" ? { color: "secondary", variant: "outline" } : {};
  const b = designProps(el("button", "Button wk-button"), "Button", { ...preset, ...n }, ["color", "variant", "size", "iconSize"]);
  b.type = "button";
  const inner = el("span", "ButtonInner");
  if (n.iconStart) inner.append(icon(n.iconStart, b.dataset.iconSize));
  if (n.label != null && n.label !== "") inner.append(el("span", "wk-button-label", n.label));
  if (n.iconEnd) inner.append(icon(n.iconEnd, b.dataset.iconSize));
  b.append(inner);
  if (!n.label && (n.iconStart || n.iconEnd)) b.setAttribute("aria-label", str(n.iconStart || n.iconEnd));
  // uniform is a square icon button; one with a label is at least square and shows its label
  // (the design system's uniform zeroes the gutter and fixes the width, which cut it to a letter).
  if (n.uniform && n.label) { delete b.dataset.uniform; b.classList.add("wk-uniform-label"); }
  b.disabled = !!n.disabled;
  if (n.disabled) b.dataset.disabled = "";
  return b;
}
function Button(n, path, ctx) {
  const b = button(n);
  if (n.submit) { b.type = "submit"; b._wkAction = n.onClickAction; } // the form's submit handler fires it
  else if (n.onClickAction) b.addEventListener("click", () => ctx.fire(n.onClickAction, b, "click"));
  return b;
}

/** Shared form-field wiring: name (gathered by forms.js), required, pattern, placeholder, focus. */
function field(e, n, ctx) {
  e.classList.add("wk-field");
  if (n.name != null) { e.dataset.wkName = str(n.name); e.name = str(n.name); }
  if (n.required) e.required = true;
  if (typeof n.pattern === "string") e.dataset.wkPattern = n.pattern;
  if (n.placeholder != null) e.placeholder = str(n.placeholder);
  if (n.disabled) e.disabled = true;
  if (n.autoFocus) e.dataset.wkAutofocus = "";
  if (n.autoSelect) e.addEventListener("focus", () => e.select?.());
  if (!n.allowAutofillExtensions) e.autocomplete = "off";
  if (n.onChangeAction) e.addEventListener("change", () => ctx.fire(n.onChangeAction, e, "change"));
  return e;
}
function controlClasses(e, type, n) {
  e.classList.add(`wk-control`, `wk-${tok(type, n, "variant")}`, `wk-size-${tok(type, n, "size")}`);
  if (n.pill) e.classList.add("wk-pill");
  if (n.block) e.classList.add("wk-block");
  const g = CATALOG.components[type].tokens.gutterSize ? tok(type, n, "gutterSize") : null;
  if (g) e.classList.add(`wk-gutter-${g}`);
  return e;
}

function Input(n, path, ctx) {
  const e = controlClasses(field(el("input", "wk-input"), n, ctx), "Input", n);
  e.type = tok("Input", n, "inputType");
  if (n.defaultValue != null) e.value = str(n.defaultValue);
  return e;
}
function Textarea(n, path, ctx) {
  const e = controlClasses(field(el("textarea", "wk-textarea"), n, ctx), "Textarea", n);
  e.rows = Number.isInteger(n.rows) && n.rows > 0 ? n.rows : 3;
  if (n.defaultValue != null) e.value = str(n.defaultValue);
  if (n.autoResize) {
    const max = Number.isInteger(n.maxRows) ? n.maxRows : Infinity;
    const fit = () => { e.style.height = "auto"; e.style.height = `min(${e.scrollHeight + 2}px, ${max}lh + 20px)`; };
    e.addEventListener("input", fit);
    requestAnimationFrame(fit);
  }
  return e;
}

/** Select and DatePicker: a native control in a wrapper that draws the chevron / clear button. */
function wrapControl(type, n, control, iconName) {
  const w = controlClasses(el("span", "wk-select"), type, n);
  w.append(control, icon(iconName, "sm", "wk-select-icon"));
  if (n.clearable) {
    const x = el("button", "wk-clear", "×");
    x.type = "button";
    x.setAttribute("aria-label", "Clear");
    const sync = () => (x.hidden = !control.value || control.disabled);
    x.addEventListener("click", () => { control.value = ""; control.dispatchEvent(new Event("change", { bubbles: true })); });
    control.addEventListener("change", sync);
    sync();
    w.append(x);
  }
  return w;
}
function Select(n, path, ctx) {
  const s = field(el("select"), n, ctx);
  const opts = Array.isArray(n.options) ? n.options : [];
  const ph = el("option", "wk-placeholder", n.placeholder ?? "Select…");
  ph.value = ""; ph.disabled = true;
  s.append(ph);
  for (const o of opts) {
    const opt = el("option", null, o?.label ?? o?.value ?? "");
    opt.value = str(o?.value ?? "");
    if (o?.disabled) opt.disabled = true;
    if (o?.description) opt.title = str(o.description);
    s.append(opt);
  }
  s.value = n.defaultValue != null && opts.some((o) => str(o?.value) === str(n.defaultValue)) ? str(n.defaultValue) : "";
  const sync = () => s.classList.toggle("wk-empty", !s.value);
  s.addEventListener("change", sync);
  sync();
  return wrapControl("Select", n, s, "chevron-right");
}
function DatePicker(n, path, ctx) {
  const d = field(el("input"), n, ctx);
  d.type = "date";
  const day = (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : "");
  d.value = day(n.defaultValue);
  if (day(n.min)) d.min = day(n.min);
  if (day(n.max)) d.max = day(n.max);
  if (n.placeholder) d.title = str(n.placeholder);
  return wrapControl("DatePicker", n, d, "calendar");
}
function Checkbox(n, path, ctx) {
  const e = el("label", "wk-checkbox" + (n.disabled ? " wk-disabled" : ""));
  const input = field(el("input"), n, ctx);
  input.type = "checkbox";
  input.checked = !!n.defaultChecked;
  e.append(input);
  if (n.label != null) e.append(el("span", null, n.label));
  return e;
}
function RadioGroup(n, path, ctx) {
  const g = el("div", `wk-radiogroup wk-dir-${tok("RadioGroup", n, "direction")} wk-field`);
  g.setAttribute("role", "radiogroup");
  if (n.ariaLabel) g.setAttribute("aria-label", str(n.ariaLabel));
  if (n.name != null) g.dataset.wkName = str(n.name);
  if (n.required) g.dataset.wkRequired = "";
  // Native radio names must be unique per render so two widgets on a page don't share a group.
  const native = `${ctx.uid}:${path}`;
  for (const o of Array.isArray(n.options) ? n.options : []) {
    const l = el("label", "wk-radio" + (n.disabled || o?.disabled ? " wk-disabled" : ""));
    const r = el("input");
    r.type = "radio"; r.name = native; r.value = str(o?.value ?? "");
    r.checked = n.defaultValue != null && r.value === str(n.defaultValue);
    r.disabled = !!(n.disabled || o?.disabled);
    if (n.onChangeAction) r.addEventListener("change", () => ctx.fire(n.onChangeAction, g, "change"));
    l.append(r, el("span", null, o?.label ?? o?.value ?? ""));
    g.append(l);
  }
  return g;
}

// ---- data ----------------------------------------------------------------------------------------

function Table(n, path, ctx) {
  const wrap = el("div", "wk-table-wrap");
  const t = el("table", "wk-table");
  const body = el("tbody");
  drawChildren(body, n, path, ctx);
  t.append(body);
  wrap.append(t);
  return wrap;
}
function TableRow(n, path, ctx) {
  const tr = el("tr", n.header ? "wk-table-header" : "");
  (Array.isArray(n.children) ? n.children : []).forEach((c, i) => {
    // Header rows make their cells <th>; the cell drawing reads the flag from ctx.
    const cell = drawNode(c, ptr(path, "children", i), { ...ctx, headerRow: !!n.header });
    tr.append(cell);
  });
  return tr;
}
// Column widths per colSize token, in the design system's spacing unit (48px .. 240px).
const COL_SIZE = Object.assign(Object.create(null), { xs: 12, sm: 20, md: 30, lg: 45, xl: 60 });
const V_ALIGN = Object.assign(Object.create(null), { start: "top", center: "middle", end: "bottom" });
const FLEX_ALIGN = Object.assign(Object.create(null), { start: "flex-start", center: "center", end: "flex-end" });
function TableCell(n, path, ctx) {
  const c = el(ctx.headerRow ? "th" : "td", "wk-table-cell");
  if (Number.isInteger(n.colSpan) && n.colSpan > 1) c.colSpan = n.colSpan;
  if (Number.isInteger(n.rowSpan) && n.rowSpan > 1) c.rowSpan = n.rowSpan;
  const align = tok("Table.Cell", n, "align"), vAlign = tok("Table.Cell", n, "vAlign"), colSize = tok("Table.Cell", n, "colSize");
  if (align) c.style.textAlign = align;
  if (vAlign) c.style.verticalAlign = V_ALIGN[vAlign];
  const w = px(n.width) ?? (colSize ? unit(COL_SIZE[colSize]) : null);
  if (w) c.style.width = w;
  applySides(c.style, "padding", n.padding);
  // Cells hold components; a column of them lines up like ChatKit's cell content.
  const inner = el("div", "wk-cell-inner wk-dir-col");
  if (align) inner.style.alignItems = FLEX_ALIGN[align];
  c.append(drawChildren(inner, n, path, ctx));
  return c;
}

function Chart(n, path, ctx) {
  const e = el("div", "wk-chart");
  applyBlock(e.style, n);
  if (!e.style.height && !e.style.aspectRatio) e.style.height = "200px";
  ctx.pending.push(drawChart(n, e, ctx));
  return e;
}

// No prototype: a widget's `"type": "constructor"` or `"toString"` is an unknown component.
export const DRAW = Object.assign(Object.create(null), {
  Card, ListView, ListViewItem, Basic,
  Box: box("col"), Row: box("row"), Col: box("col"), Form: box("col", "form"), Spacer, Divider, Transition,
  Text, Title, Caption, Markdown, Label, Badge, Icon, Image,
  Button, Input, Textarea, Select, DatePicker, Checkbox, RadioGroup,
  Chart, Table, "Table.Row": TableRow, "Table.Cell": TableCell,
});
