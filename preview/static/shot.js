// The page of one widget in one file (templates/shot.html): draws it, then marks the page ready
// for `widgetkit screenshot` to photograph the widget's own box.
import { renderWidget } from "./renderer.js";
import { withAssets } from "./local-assets.js";

const page = JSON.parse(document.getElementById("wk-shot").textContent);
const view = renderWidget(withAssets(page.payload, page.assets), document.getElementById("stage"), {
  theme: page.theme,
  // Nothing answers actions here; the console says what would have been sent.
  onAction: (action, { formValues, kind }) => console.info("widgetkit: action (no handler runs here)", kind, action, formValues),
});
await view.ready;
await document.fonts.ready;
document.documentElement.dataset.wkShot = "ready";
