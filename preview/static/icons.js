// Stand-in icons for ChatKit's icon names. ChatKit's own icon set is not public, so these are our
// own simple 24x24 stroked drawings: same names, similar weight, clearly not the real artwork.
// Each icon is a list of shapes in a tiny notation (kept compact on purpose):
//   "c cx cy r" circle · "r x y w h rx" rect · "e cx cy rx ry" ellipse · anything else: path data.
//   A leading "*" fills the shape; a leading "!" strokes it in the surface colour (a knockout).

const CIRCLE = "c 12 12 9";
const PAGE = ["M6 3h8l4 4v14H6z", "M14 3v4h4"];
const BOOK = ["M5 5.5A2.5 2.5 0 0 1 7.5 3H19v15H7.5A2.5 2.5 0 0 0 5 20.5", "M5 5.5v15A.5.5 0 0 0 5.5 21H19"];
const SQUARE = "r 3.5 3.5 17 17 3.5";
const NOTEBOOK = ["r 5 3 14 18 2", "M9 3v18"];
const STAR = "M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L12 16.9l-5.2 2.8 1-5.9-4.3-4.1 5.9-.8z";
const CARD = "r 3 5 18 14 2.5";
const sparkle = (x, y, s) =>
  `M${x} ${y - s}c.35 ${s * 0.55} ${s * 0.45} ${s * 0.9} ${s} ${s}-${s * 0.55}.1-${s * 0.9} ${s * 0.45}-${s} ${s}-.1-${s * 0.55}-${s * 0.45}-${s * 0.9}-${s}-${s} ${s * 0.55}-.1 ${s * 0.9}-${s * 0.45} ${s}-${s}z`;

export const ICONS = {
  agent: ["r 4.5 8 15 11.5 3.5", "M12 4.5V8", "*c 12 4 1.3", "*c 9.3 13.5 1.2", "*c 14.7 13.5 1.2", "M2.5 13v2.5", "M21.5 13v2.5"],
  analytics: ["M3.5 20.5h17", "M6.5 17v-5", "M11 17V7", "M15.5 17v-7", "M20 17V4.5"],
  atom: ["*c 12 12 1.6", "e 12 12 9.5 3.6", "M7.3 3.8c1.8-1 5.2 2 7.6 6.2s3.3 8.8 1.5 9.9-5.2-2-7.6-6.2-3.3-8.8-1.5-9.9z", "M16.7 3.8c1.8 1 .9 5.6-1.5 9.9s-5.8 7.2-7.6 6.2-.9-5.6 1.5-9.9 5.8-7.2 7.6-6.2z"],
  batch: ["r 8 8 12.5 12.5 2.5", "M4 16V6.5A2.5 2.5 0 0 1 6.5 4H16"],
  bolt: ["M13.5 2.5L4.5 14H12l-1.5 7.5 9-11.5H12z"],
  "book-open": ["M12 7v13", "M12 7C10 5 7 4.5 3 5v13c4-.5 7 0 9 2 2-2 5-2.5 9-2V5c-4-.5-7 0-9 2z"],
  "book-closed": [...BOOK, "M9 7.5h6"],
  "book-clock": [...BOOK, "c 12 10 3.5", "M12 8.5V10l1 1"],
  bug: ["r 7 8 10 12.5 5", "M9 8.5a3 3 0 0 1 6 0", "M12 12v8.5", "M3.5 13.5H7", "M17 13.5h3.5", "M4.5 8.5l2.8 1.8", "M19.5 8.5l-2.8 1.8", "M4.5 19l2.8-1.8", "M19.5 19l-2.8-1.8"],
  calendar: ["r 3.5 5 17 15.5 2.5", "M3.5 10h17", "M8 3v4", "M16 3v4"],
  chart: ["M4 4v16h16", "M7.5 15l4-4 3 3 5-6"],
  check: ["M5 12.5l4.5 4.5L19 7.5"],
  "check-circle": [CIRCLE, "M8 12.5l2.7 2.7L16 9.8"],
  "check-circle-filled": ["*" + CIRCLE, "!M8 12.5l2.7 2.7L16 9.8"],
  "chevron-left": ["M14.5 5.5L8 12l6.5 6.5"],
  "chevron-right": ["M9.5 5.5L16 12l-6.5 6.5"],
  "circle-question": [CIRCLE, "M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.6v.6", "*c 12 16.8 1"],
  clock: [CIRCLE, "M12 7v5l3.2 2"],
  compass: [CIRCLE, "M15.5 8.5l-2 5-5 2 2-5z"],
  confetti: ["M4 20l4-11 7 7z", "M13 3.5l.8 2", "M20.5 11l-2 .6", "M17.5 4.5l-2.5 2.5", "*c 19.5 7 .9", "*c 11 8 .9"],
  cube: ["M12 3l8 4.5v9L12 21l-8-4.5v-9z", "M4 7.5l8 4.5 8-4.5", "M12 12v9"],
  desktop: ["r 3 4 18 12 2", "M8 20h8", "M12 16v4"],
  document: [...PAGE, "M9 12h6", "M9 16h6"],
  dot: ["*c 12 12 3.5"],
  "dots-horizontal": ["*c 5.5 12 1.6", "*c 12 12 1.6", "*c 18.5 12 1.6"],
  "dots-vertical": ["*c 12 5.5 1.6", "*c 12 12 1.6", "*c 12 18.5 1.6"],
  "empty-circle": ["c 12 12 8"],
  "external-link": ["M14 4h6v6", "M20 4l-9 9", "M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"],
  globe: [CIRCLE, "M3 12h18", "e 12 12 4 9"],
  keys: ["c 8 16 4.5", "M11.2 12.8L20 4", "M17 7l3 3", "M14.5 9.5l2 2"],
  lab: ["M9 3h6", "M10 3v6.5l-5.3 9A1.7 1.7 0 0 0 6.2 21h11.6a1.7 1.7 0 0 0 1.5-2.5L14 9.5V3", "M7.2 15h9.6"],
  images: ["r 7.5 3.5 13 13 2.5", "M4 7.5V18a2.5 2.5 0 0 0 2.5 2.5H17", "c 12 8 1.4", "M20.5 12.5l-3.5-3.5-7.5 7.5"],
  info: [CIRCLE, "M12 11v5.5", "*c 12 7.8 1"],
  lifesaver: [CIRCLE, "c 12 12 4", "M5.6 5.6l3.6 3.6", "M14.8 14.8l3.6 3.6", "M18.4 5.6l-3.6 3.6", "M9.2 14.8l-3.6 3.6"],
  lightbulb: ["M9 18h6", "M10 21h4", "M12 3a6 6 0 0 0-3.5 10.9c.3.3.5.7.5 1.1v1h6v-1c0-.4.2-.8.5-1.1A6 6 0 0 0 12 3z"],
  mail: ["r 3 5 18 14 2.5", "M3.5 7.5l8.5 6 8.5-6"],
  "map-pin": ["M12 21s7-6.2 7-11.5a7 7 0 0 0-14 0C5 14.8 12 21 12 21z", "c 12 9.5 2.5"],
  maps: ["M9 4L3 6.5V20l6-2.5 6 2.5 6-2.5V4l-6 2.5z", "M9 4v13.5", "M15 6.5V20"],
  mobile: ["r 6.5 2.5 11 19 2.5", "M11 18.5h2"],
  name: ["M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l9 9-8.7 8.7z", "*c 8 8 1.4"],
  notebook: [...NOTEBOOK, "M12.5 8H16", "M12.5 12H16"],
  "notebook-pencil": [...NOTEBOOK, "M12 16.5l4.5-4.5 1.5 1.5-4.5 4.5H12z"],
  "page-blank": PAGE,
  phone: ["M5 3.5h3.5l1.5 4.5-2.2 1.4a11 11 0 0 0 6.8 6.8l1.4-2.2 4.5 1.5V19a1.5 1.5 0 0 1-1.6 1.5C10.6 20 4 13.4 3.5 5.1A1.5 1.5 0 0 1 5 3.5z"],
  play: ["M8 5.5v13l10.5-6.5z"],
  plus: ["M12 5v14", "M5 12h14"],
  profile: [CIRCLE, "c 12 10 3", "M6.3 18.3c1.2-1.8 3.3-2.8 5.7-2.8s4.5 1 5.7 2.8"],
  "profile-card": [CARD, "c 9 11 2", "M5.8 16c.5-1.4 1.7-2.2 3.2-2.2s2.7.8 3.2 2.2", "M14.5 10h4", "M14.5 13.5h3"],
  reload: ["M20 12a8 8 0 1 1-2.4-5.7", "M20 4v4.5h-4.5"],
  star: [STAR],
  "star-filled": ["*" + STAR],
  search: ["c 11 11 6.5", "M20 20l-4.3-4.3"],
  sparkle: [sparkle(12, 12, 9)],
  "sparkle-double": [sparkle(10, 13.5, 7.5), sparkle(18.5, 5.5, 3)],
  "square-code": [SQUARE, "M10 9.5L7.5 12l2.5 2.5", "M14 9.5l2.5 2.5-2.5 2.5"],
  "square-image": [SQUARE, "c 9 9 1.5", "M20.5 15l-5-5L5 20.5"],
  "square-text": [SQUARE, "M8 9h8", "M8 12.5h8", "M8 16h5"],
  suitcase: ["r 3 7 18 13 2.5", "M8.5 7V5.5A1.5 1.5 0 0 1 10 4h4a1.5 1.5 0 0 1 1.5 1.5V7", "M3 12.5h18"],
  "settings-slider": ["M4 7h10", "M18 7h2", "M4 17h2", "M10 17h10", "c 16 7 2", "c 8 17 2"],
  user: ["c 12 8 4", "M4.5 20.5c.8-3.6 3.8-5.5 7.5-5.5s6.7 1.9 7.5 5.5"],
  wreath: ["M8 19.5C4.5 17.5 3 13.5 4 9", "M16 19.5c3.5-2 5-6 4-10.5", "M5.4 15l2.2-.8", "M4.3 11.7l2.2.2", "M18.6 15l-2.2-.8", "M19.7 11.7l-2.2.2", "M9.5 20.5h5"],
  write: ["M4 20h4L19 9l-4-4L4 16z", "M13.5 6.5l4 4"],
  "write-alt": ["M11 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-5", "M18.5 3.5l2 2L12 14l-3 1 1-3z"],
  "write-alt2": ["M12 20h8", "M16.5 3.5l4 4L8 20H4v-4z"],
};
// `vendor:`/`lucide:` names (and any name we don't know) get one neutral glyph, so they are
// visibly "some icon" without pretending to be the real one.
const GENERIC = ["r 4 4 16 16 4", "*c 12 12 2"];

export const ICON_NAMES = Object.keys(ICONS);
export const STAND_IN_ICONS_NOTICE =
  "Icons are widgetkit stand-ins: ChatKit's own icon set is not public, so shapes differ from ChatKit.js.";

const SVG = "http://www.w3.org/2000/svg";

/** An inline <svg> for `name` (never throws; unknown names get the generic glyph). */
export function iconSvg(name) {
  const shapes = ICONS[name] ?? GENERIC;
  const svg = document.createElementNS(SVG, "svg");
  for (const [k, v] of [["viewBox", "0 0 24 24"], ["fill", "none"], ["stroke", "currentColor"],
    ["stroke-width", "1.75"], ["stroke-linecap", "round"], ["stroke-linejoin", "round"],
    ["aria-hidden", "true"], ["class", "wk-icon-svg"]]) svg.setAttribute(k, v);
  svg.dataset.wkIcon = ICONS[name] ? name : "generic";
  for (let spec of shapes) {
    const mode = spec[0] === "*" || spec[0] === "!" ? spec[0] : "";
    if (mode) spec = spec.slice(1);
    const [kind, ...n] = spec.split(" ");
    let el;
    if (kind === "c") el = shape("circle", { cx: n[0], cy: n[1], r: n[2] });
    else if (kind === "r") el = shape("rect", { x: n[0], y: n[1], width: n[2], height: n[3], rx: n[4] });
    else if (kind === "e") el = shape("ellipse", { cx: n[0], cy: n[1], rx: n[2], ry: n[3] });
    else el = shape("path", { d: spec });
    if (mode === "*") el.setAttribute("fill", "currentColor");
    if (mode === "!") el.setAttribute("style", "stroke: var(--wk-surface)");
    svg.append(el);
  }
  return svg;
}

function shape(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
