// widgetkit's offline renderer: draws a ChatKit widget JSON tree with ChatKit's look, for when
// ChatKit.js (OpenAI's CDN) can't load, and for tests. Plain ES modules, no build step.
//
//   import { renderWidget } from "./renderer.js";
//   const view = renderWidget(widgetJson, document.querySelector("#out"), {
//     theme: "dark", onAction: async (action, { sender, formValues, kind }) => { ... },
//   });
//   await view.ready;            // charts drawn
//   renderWidget(updatedJson, sameContainer, sameOptions);   // streamed update: just render again
import { DRAW, drawNode, el } from "./components.js";
import { formValues, validate } from "./forms.js";

export { ICON_NAMES, NEAREST, STAND_IN_ICONS_NOTICE, iconSvg } from "./icons.js";
export { formValues } from "./forms.js";

/** Every component type this renderer draws (a test derived from the catalog checks coverage). */
export const COMPONENTS = Object.keys(DRAW);

let renders = 0;

/**
 * Draws `widget` (a Card / ListView / Basic root, any component, or a ChatKit WidgetItem holding
 * one) into `container`, replacing what was there.
 *
 * options.onAction(action, {sender, formValues, kind}): called for onClickAction, onSubmitAction,
 *   onChangeAction and card confirm / cancel (kind: click | submit | change | confirm | cancel).
 *   If it returns a promise, action.loadingBehavior decides what shows as busy until it settles.
 * options.theme: "light" (default) | "dark" | "auto" (follows prefers-color-scheme).
 *
 * Returns {element, ready}: the root element and a promise that resolves once async parts
 * (charts) are drawn. Never throws on bad input: unknown nodes are drawn as visible placeholders.
 */
export function renderWidget(widget, container, options = {}) {
  if (widget && typeof widget === "object" && widget.widget && !DRAW[widget.type]) widget = widget.widget;
  const state = (container.__wkState ??= { expanded: new Set(), charts: [] });
  const keep = remember(container);
  for (const c of state.charts.splice(0)) c.destroy();

  const theme = options.theme === "auto" ? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light") : options.theme === "dark" ? "dark" : "light";
  const root = el("div", `wk-root wk-theme-${theme}`);
  root.dataset.theme = theme; // the design system's variables follow [data-theme]
  const ctx = {
    uid: `wk${++renders}`,
    state,
    pending: [],
    fire: (action, sender, kind) => fire(action, sender, kind, options),
    bindForm: (form, action, kind) => bindForm(form, action, kind, options),
  };
  root.append(drawNode(widget, "", ctx));
  linkLabels(root, ctx.uid);
  container.replaceChildren(root);
  restore(container, keep);
  const ready = Promise.allSettled(ctx.pending).then((results) => {
    for (const r of results) if (r.status === "rejected") console.error("widgetkit renderer:", r.reason);
    return root;
  });
  return { element: root, ready };
}

// ---- actions -------------------------------------------------------------------------------------

async function fire(action, sender, kind, options, { form = sender.closest("form.wk-form"), check = false } = {}) {
  if (!action || typeof action !== "object") return;
  if (sender.closest(".wk-busy")) return; // a container is already waiting on an action
  if (check && form && !(await validate(form))) return;
  let result;
  try {
    result = options.onAction?.(action, { sender, formValues: formValues(form), kind });
  } catch (err) {
    console.error("widgetkit renderer: onAction threw", err);
    return;
  }
  if (result && typeof result.then === "function") showLoading(action, sender, kind, result);
}

/** Submit (Enter, a submit Button, an asForm card's confirm) validates first, then fires. */
function bindForm(form, action, kind, options) {
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ev.stopPropagation(); // a nested Form's submit is its own, not its card's
    const submitter = ev.submitter ?? form;
    const a = submitter._wkAction ?? action;
    fire(a, submitter, submitter.dataset?.wkPart === "confirm" ? "confirm" : "submit", options, { form, check: true });
  });
}

/** loadingBehavior: self = the control; container = the whole widget; auto = container for submits. */
function showLoading(action, sender, kind, promise) {
  let how = action.loadingBehavior ?? "auto";
  if (how === "none") return;
  if (how === "auto") how = kind === "submit" || kind === "confirm" ? "container" : "self";
  const target = how === "container" ? (sender.closest('[data-wk-path=""]') ?? sender) : sender;
  const wasDisabled = target.disabled;
  target.classList.add(how === "container" ? "wk-busy" : "wk-loading");
  target.setAttribute("aria-busy", "true");
  if (how === "self" && "disabled" in target) target.disabled = true;
  const done = () => {
    target.classList.remove("wk-busy", "wk-loading");
    target.removeAttribute("aria-busy");
    if (how === "self" && "disabled" in target) target.disabled = wasDisabled;
  };
  promise.then(done, (err) => { done(); console.warn("widgetkit renderer: action failed", err); });
}

// ---- after drawing -------------------------------------------------------------------------------

/** Label.fieldName points at a field by name; give the field an id so clicking the label focuses it. */
function linkLabels(root, uid) {
  let fields = 0;
  for (const label of root.querySelectorAll("label[data-wk-for]")) {
    const scope = label.closest("form") ?? root;
    const target = [...scope.querySelectorAll("[data-wk-name]")].find((f) => f.dataset.wkName === label.dataset.wkFor);
    const input = target?.matches("input, select, textarea") ? target : target?.querySelector("input");
    if (!input) continue;
    input.id ||= `${uid}-field-${++fields}`;
    label.htmlFor = input.id;
  }
  const auto = root.querySelector("[data-wk-autofocus]");
  if (auto) requestAnimationFrame(() => auto.focus({ preventScroll: true })); // the host page stays where it is
}

/** Re-rendering replaces the DOM; keep the focused field (value, caret) and scroll positions. */
function remember(container) {
  const a = document.activeElement;
  const node = a && container.contains(a) ? a.closest("[data-wk-path]") : null;
  return {
    scroll: [container.scrollTop, container.scrollLeft],
    focus: node && {
      path: node.dataset.wkPath, name: a.dataset?.wkName, value: a.value,
      sel: "selectionStart" in a ? [a.selectionStart, a.selectionEnd] : null,
    },
  };
}
function restore(container, keep) {
  [container.scrollTop, container.scrollLeft] = keep.scroll;
  const f = keep.focus;
  if (!f) return;
  const node = container.querySelector(`[data-wk-path="${CSS.escape(f.path)}"]`);
  const input = node?.matches("input, textarea, select, button") ? node : node?.querySelector("input, textarea, select, button");
  if (!input) return;
  if (f.name != null && input.dataset.wkName === f.name && typeof f.value === "string") input.value = f.value;
  input.focus({ preventScroll: true });
  try { if (f.sel && input.setSelectionRange) input.setSelectionRange(...f.sel); } catch { /* not a text field */ }
}
