// ChatKit's icons, drawn with OpenAI's design system's own (@openai/apps-sdk-ui, taken at build time
// by scripts/design_system.mjs into vendor/). Every ChatKit icon name is the design system's icon of
// the same name, but for four it has none of, drawn with the nearest it has (NEAREST):
//   keys -> Key, profile -> AvatarProfile, profile-card -> BuilderProfileCard, write -> EditPencil.
// `lucide:` and `vendor:` names (and names ChatKit doesn't have) get one neutral glyph, a visible
// stand-in: iconSvg marks it data-wk-icon="stand-in" so the page can say so where one is drawn.
import { ICON_NAMES } from "./catalog.js";
import { ICONS } from "./vendor/apps-sdk-ui/design-system.js";

export { ICON_NAMES };
/** ChatKit icon names drawn with a differently named design-system icon, and that icon's name. */
export const NEAREST = Object.freeze(Object.fromEntries(ICON_NAMES.filter((n) => ICONS[n].source !== pascal(n)).map((n) => [n, ICONS[n].source])));
export const STAND_IN_ICONS_NOTICE =
  "Some icons here are stand-ins: lucide: and vendor: icons (and unknown names) are drawn as one neutral glyph.";

const SVG = "http://www.w3.org/2000/svg";
const KNOWN = new Set(ICON_NAMES); // a Set: "constructor" or "__proto__" is not an icon
const STAND_IN = ["svg", { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": "1.75" }, [
  ["rect", { x: "4", y: "4", width: "16", height: "16", rx: "4" }, []],
  ["circle", { cx: "12", cy: "12", r: "2", fill: "currentColor" }, []],
]];

function pascal(name) {
  return name.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

function build([tag, attrs, children]) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(build(c));
  return e;
}

/** An inline <svg> for `name` (never throws; names ChatKit doesn't have get the stand-in glyph). */
export function iconSvg(name) {
  const known = KNOWN.has(name);
  const svg = build(known ? ["svg", ICONS[name].attrs, ICONS[name].children] : STAND_IN);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "wk-icon-svg");
  svg.dataset.wkIcon = known ? name : "stand-in";
  return svg;
}
