// ChatKit's design tokens, turned into CSS values. Widget JSON gives sizes, colours and spacing as
// tokens, numbers or CSS strings; every conversion lives here so components stay declarative.
import { CATALOG } from "./catalog.js";
import { COLORS } from "./vendor/apps-sdk-ui/design-system.js";

// Colours are OpenAI's design system's variables (@openai/apps-sdk-ui, vendor/apps-sdk-ui/): its
// primitives by name (`blue-400`, `gray-1000`) and, for ChatKit's semantic tokens, the --wk-*
// variables renderer.css defines from its semantic ones. The token lists are the catalog's.
const PRIMITIVES = new Set(COLORS);
const TOKENS = Object.fromEntries(Object.entries(CATALOG.colors).map(([kind, names]) => [kind, new Set(names)]));
const VAR_PREFIX = { text: "--wk-text-", background: "--wk-", border: "--wk-border-", chart: "--wk-chart-" };

// CSS strings come from widget JSON: anything that could fetch or smuggle (url(), image-set(),
// expression(), a second declaration) is dropped rather than passed to the style engine.
const UNSAFE_CSS = /url\s*\(|image-set|expression\s*\(|javascript:|[;{}<>\\]/i;
export const safeCss = (v) => (typeof v === "string" && !UNSAFE_CSS.test(v) ? v : null);

/** A colour prop (token, primitive, CSS string or {light, dark}) as a CSS value, or null. */
export function color(v, kind = "text") {
  if (v && typeof v === "object") {
    // light-dark() follows the color-scheme that .wk-theme-light/.wk-theme-dark set, so a forced
    // theme on a subtree (Card.theme) picks the right half too.
    const l = color(v.light, kind), d = color(v.dark, kind);
    return l && d ? `light-dark(${l}, ${d})` : l || d;
  }
  if (typeof v !== "string") return null;
  if (TOKENS[kind]?.has(v)) return `var(${VAR_PREFIX[kind]}${v})`;
  if (PRIMITIVES.has(v)) return `var(--${v})`;
  return safeCss(v);
}

/** A widget value as text. Not String(v): JSON's {"toString": 1} makes String() throw. */
export const str = (v) => (typeof v === "string" ? v : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v));

/** Numbers are pixels (sizes, widths); strings are CSS. */
export const px = (v) => (typeof v === "number" && isFinite(v) ? `${v}px` : safeCss(v));
/** Spacing props (gap, padding, margin) count in ChatKit's 4px units. */
export const unit = (v) => (typeof v === "number" && isFinite(v) ? `calc(var(--spacing) * ${v})` : safeCss(v));

/** padding/margin: unit, CSS string or {top, right, bottom, left, x, y}; returns the four sides. */
export function sides(v) {
  if (v == null) return null;
  if (typeof v !== "object") { const s = unit(v); return s && { top: s, right: s, bottom: s, left: s }; }
  const pick = (a, b) => unit(v[a] ?? v[b]) ?? "0px";
  return { top: pick("top", "y"), right: pick("right", "x"), bottom: pick("bottom", "y"), left: pick("left", "x") };
}
export function applySides(style, prop, v) {
  const s = sides(v);
  if (!s) return null;
  for (const k of ["top", "right", "bottom", "left"]) style[prop + k[0].toUpperCase() + k.slice(1)] = s[k];
  return s;
}

/** border: number (px), Border {size, color, style} or Borders per edge (x / y shorthands). */
export function applyBorder(style, v) {
  const one = (b) => {
    if (typeof b === "number") return `${b}px solid var(--wk-border-default)`;
    if (!b || typeof b !== "object") return null;
    const st = /^(solid|dashed|dotted|double|groove|ridge|inset|outset)$/.test(b.style) ? b.style : "solid";
    return `${Number(b.size) || 0}px ${st} ${color(b.color, "border") ?? "var(--wk-border-default)"}`;
  };
  if (v == null) return;
  if (typeof v === "number" || "size" in Object(v)) { style.border = one(v) ?? ""; return; }
  for (const [side, a, b] of [["Top", "top", "y"], ["Right", "right", "x"], ["Bottom", "bottom", "y"], ["Left", "left", "x"]]) {
    const css = one(v[a] ?? v[b]);
    if (css) style["border" + side] = css;
  }
}

/** A radius token as CSS: the design system's --radius-* (the catalog's tokens), or null. */
export function radius(v) {
  if (v === "none") return "0";
  if (v === "100%") return "100%";
  return CATALOG.components.Box.tokens.radius.includes(v) ? `var(--radius-${v})` : null;
}

// Flex keywords for the catalog's align / justify tokens (null-prototype: a widget's "constructor"
// finds nothing).
const ALIGN = Object.assign(Object.create(null), { start: "flex-start", end: "flex-end", center: "center", baseline: "baseline", stretch: "stretch" });
const JUSTIFY = Object.assign(Object.create(null), { start: "flex-start", end: "flex-end", center: "center", between: "space-between", around: "space-around", evenly: "space-evenly", stretch: "stretch" });

/** Size, margin, radius and flex props that every block-level component shares. */
export function applyBlock(style, n) {
  for (const k of ["height", "width", "minHeight", "minWidth", "maxHeight", "maxWidth"]) {
    const v = px(n[k]);
    if (v) style[k] = v;
  }
  for (const [k, w, h] of [["size", "width", "height"], ["minSize", "minWidth", "minHeight"], ["maxSize", "maxWidth", "maxHeight"]]) {
    const v = px(n[k]);
    if (v) { style[w] = v; style[h] = v; }
  }
  if (n.aspectRatio != null) style.aspectRatio = safeCss(str(n.aspectRatio)) ?? "";
  if (n.flex != null) style.flex = safeCss(str(n.flex)) ?? "";
  const r = radius(n.radius);
  if (r) style.borderRadius = r;
  applySides(style, "margin", n.margin);
}

/** Flex container props (Box, Row, Col, Form, Basic, ListViewItem). */
export function applyFlex(style, n) {
  if (ALIGN[n.align]) style.alignItems = ALIGN[n.align];
  if (JUSTIFY[n.justify]) style.justifyContent = JUSTIFY[n.justify];
  if (/^(nowrap|wrap|wrap-reverse)$/.test(n.wrap)) style.flexWrap = n.wrap;
  const gap = unit(n.gap);
  if (gap) style.gap = gap;
  const pad = applySides(style, "padding", n.padding);
  // Flush children (Divider, Image) pull out by the padding of their container.
  if (pad) { style.setProperty("--wk-pad-l", pad.left); style.setProperty("--wk-pad-r", pad.right); }
  applyBorder(style, n.border);
  const bg = color(n.background, "background");
  if (bg) style.background = bg;
}

/** True when a token is one of `allowed`, so class names are never built from arbitrary strings. */
export const token = (v, allowed, fallback) => (allowed.includes(v) ? v : fallback);

/** Component `type`'s prop `prop` as one of the catalog's tokens for it, else the catalog's default. */
export function tok(type, n, prop, fallback = null) {
  const c = CATALOG.components[type];
  return token(n[prop], c.tokens[prop], c.defaults[prop] ?? fallback);
}
