// ChatKit's design tokens, turned into CSS values. Widget JSON gives sizes, colours and spacing as
// tokens, numbers or CSS strings; every conversion lives here so components stay declarative.

// Primitive colour tokens (`red-100` .. `gray-900`). ChatKit documents the names but not the values;
// these are the familiar Tailwind ramps, which are close enough for a preview.
const RAMPS = {
  gray: "f5f5f5 e5e5e5 d4d4d4 a3a3a3 737373 525252 404040 262626 171717",
  red: "fee2e2 fecaca fca5a5 f87171 ef4444 dc2626 b91c1c 991b1b 7f1d1d",
  orange: "ffedd5 fed7aa fdba74 fb923c f97316 ea580c c2410c 9a3412 7c2d12",
  yellow: "fef9c3 fef08a fde047 facc15 eab308 ca8a04 a16207 854d0e 713f12",
  green: "dcfce7 bbf7d0 86efac 4ade80 22c55e 16a34a 15803d 166534 14532d",
  teal: "ccfbf1 99f6e4 5eead4 2dd4bf 14b8a6 0d9488 0f766e 115e59 134e4a",
  blue: "dbeafe bfdbfe 93c5fd 60a5fa 3b82f6 2563eb 1d4ed8 1e40af 1e3a8a",
  indigo: "e0e7ff c7d2fe a5b4fc 818cf8 6366f1 4f46e5 4338ca 3730a3 312e81",
  purple: "f3e8ff e9d5ff d8b4fe c084fc a855f7 9333ea 7e22ce 6b21a8 581c87",
  pink: "fce7f3 fbcfe8 f9a8d4 f472b6 ec4899 db2777 be185d 9d174d 831843",
};
const PRIMITIVE = /^([a-z]+)-(50|[1-9]00)$/;

// Semantic tokens per kind of colour; the values are CSS custom properties set per theme in CSS.
const TOKENS = {
  text: ["prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger"],
  background: ["surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary"],
  border: ["default", "subtle", "strong"],
  chart: ["blue", "purple", "orange", "green", "red", "yellow", "pink"],
};
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
  if (TOKENS[kind]?.includes(v)) return `var(${VAR_PREFIX[kind]}${v})`;
  const m = PRIMITIVE.exec(v);
  if (m && RAMPS[m[1]]) return "#" + RAMPS[m[1]].split(" ")[m[2] === "50" ? 0 : m[2] / 100 - 1];
  return safeCss(v);
}

/** Numbers are pixels (sizes, widths); strings are CSS. */
export const px = (v) => (typeof v === "number" && isFinite(v) ? `${v}px` : safeCss(v));
/** Spacing props (gap, padding, margin) count in ChatKit's 4px units. */
export const unit = (v) => (typeof v === "number" && isFinite(v) ? `${v * 4}px` : safeCss(v));

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

export const RADIUS = {
  "2xs": "2px", xs: "4px", sm: "6px", md: "8px", lg: "10px", xl: "12px", "2xl": "16px",
  "3xl": "20px", "4xl": "24px", full: "9999px", "100%": "100%", none: "0",
};

const ALIGN = { start: "flex-start", end: "flex-end", center: "center", baseline: "baseline", stretch: "stretch" };
const JUSTIFY = { start: "flex-start", end: "flex-end", center: "center", between: "space-between", around: "space-around", evenly: "space-evenly", stretch: "stretch" };

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
  if (n.aspectRatio != null) style.aspectRatio = String(safeCss(String(n.aspectRatio)) ?? "");
  if (n.flex != null) style.flex = safeCss(String(n.flex)) ?? "";
  if (RADIUS[n.radius]) style.borderRadius = RADIUS[n.radius];
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
