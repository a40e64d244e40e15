// Pages built for disk (`widgetkit build`, `widgetkit screenshot`) have no server to answer the
// preview's own asset URLs (/gallery-assets/...), and the renderer refuses file: URLs; so such a
// page carries those images as data: URLs, and widgets are drawn with each reference swapped.

/** A copy of `value` with every string that is a key of `assets` replaced by its data: URL. */
export function withAssets(value, assets) {
  if (typeof value === "string") return Object.hasOwn(assets, value) ? assets[value] : value;
  if (Array.isArray(value)) return value.map((v) => withAssets(v, assets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withAssets(v, assets)]));
  }
  return value;
}
