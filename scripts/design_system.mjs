// Builds preview/static/vendor/apps-sdk-ui/ from OpenAI's design system, @openai/apps-sdk-ui:
// what the offline renderer draws with. `npm run build` runs it (scripts/build_assets.py runs that);
// nothing here reaches the page but the two files it writes.
//
// design-system.css  its primitive, semantic and component variables (light and dark: they follow
//                    [data-theme]) and its Badge and Button styles, compiled by Tailwind 4 (the
//                    package's CSS is Tailwind source: `@theme static` blocks hold the radii, font
//                    weights and spacing unit). Every colour, variant, size, pill and uniform rule
//                    comes as the package wrote it.
// design-system.js   ICONS: for each ChatKit icon name (preview/static/catalog.js, generated from the
//                    catalog), the SVG of the design system's icon of that name, as data:
//                    [tag, attributes, children]. React builds each icon's element tree here, at
//                    build time; the page gets plain data and never React. COLORS: the names
//                    of its primitive colours (`blue-400`, `gray-1000`), which a widget may name.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile } from "tailwindcss";
import { ICON_NAMES } from "../preview/static/catalog.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PKG = join(ROOT, "node_modules", "@openai", "apps-sdk-ui");
const ES = join(PKG, "dist", "es");
const OUT = join(ROOT, "preview", "static", "vendor", "apps-sdk-ui");

// The stylesheets taken, in the order the package's own index.css imports them. Its base.css
// (a page reset), globals.css (body styles) and tailwind-utilities.css (utility classes) style
// a whole page, not a widget, and are left out.
export const STYLESHEETS = [
  "styles/variables-primitive.css",
  "styles/variables-semantic.css",
  "styles/variables-components.css",
  "components/Badge/Badge.module.css",
  "components/Button/Button.module.css",
];

// ChatKit icon names the design system has no icon of that name for, and the nearest it has.
// (Every other name is the same word in PascalCase: check-circle-filled is CheckCircleFilled.)
export const NEAREST_ICON = {
  keys: "Key",
  profile: "AvatarProfile",
  "profile-card": "BuilderProfileCard",
  write: "EditPencil",
};

const pascal = (name) => name.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");

async function css() {
  const source = (await Promise.all(STYLESHEETS.map((f) => readFile(join(ES, f), "utf8")))).join("\n");
  // `@layer theme, base, components, utilities;` is what Tailwind's own index.css declares first.
  const compiler = await compile(`@layer theme, base, components, utilities;\n${source}`, { base: ES });
  return compiler.build([]);
}

/** A React element tree as [tag, attributes, children], attribute names as SVG spells them. */
function plain(element) {
  const { children, ...props } = element.props;
  const attrs = {};
  for (const [k, v] of Object.entries(props)) {
    if (v == null || typeof v === "object" || typeof v === "function" || k === "className") continue;
    attrs[k === "viewBox" ? k : k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())] = String(v);
  }
  const kids = (Array.isArray(children) ? children : children ? [children] : []).filter((c) => c && typeof c === "object");
  return [element.type, attrs, kids.map(plain)];
}

async function icons() {
  const out = {};
  for (const name of ICON_NAMES) {
    const source = NEAREST_ICON[name] ?? pascal(name);
    const file = join(ES, "components", "Icon", "svg", `${source}.js`);
    const mod = await import(pathToFileURL(file).href).catch(() => null);
    if (!mod) throw new Error(`@openai/apps-sdk-ui has no icon ${source} for ChatKit's "${name}"; add the nearest to NEAREST_ICON in scripts/design_system.mjs`);
    const [, attrs, children] = plain(mod.default({}));
    delete attrs.width; delete attrs.height; // 1em in the package; the renderer sizes icons
    out[name] = { source, attrs, children };
  }
  return out;
}

/** The primitive colour variables (`--red-400: #fa423e`) the compiled CSS defines, by name. */
const primitives = (compiled) => [...new Set([...compiled.matchAll(/^\s*--([a-z]+-\d+):\s*#/gm)].map((m) => m[1]))];

const version = JSON.parse(await readFile(join(PKG, "package.json"), "utf8")).version;
const banner = `@openai/apps-sdk-ui ${version} (MIT, see LICENSE), built by scripts/design_system.mjs`;
await mkdir(OUT, { recursive: true });
const compiled = await css();
await writeFile(join(OUT, "design-system.css"), `/* ${banner} */\n${compiled}`);
await writeFile(
  join(OUT, "design-system.js"),
  `// ${banner}.\nexport const VERSION = ${JSON.stringify(version)};\n` +
    `// ChatKit icon name -> {source: the design system's icon, attrs: <svg> attributes, children}.\n` +
    `export const ICONS = ${JSON.stringify(await icons())};\n` +
    `export const COLORS = ${JSON.stringify(primitives(compiled))};\n`,
);
await writeFile(join(OUT, "LICENSE"), await readFile(join(PKG, "LICENSE"), "utf8"));
