// Form values and validation for Form and asForm Card. Fields are the elements components marked
// with data-wk-name; a field belongs to the nearest enclosing <form>, so nested forms stay apart.

/** The fields that belong to `form` itself (not to a form nested inside it). */
const fieldsOf = (form) => [...form.querySelectorAll("[data-wk-name]")].filter((f) => f.closest("form") === form);

function valueOf(f) {
  if (f.classList.contains("wk-radiogroup")) return f.querySelector("input:checked")?.value ?? null;
  if (f.type === "checkbox") return f.checked;
  if (f.tagName === "SELECT" || f.type === "date") return f.value || null;
  return f.value;
}

/** Sets a.b.c = value, creating objects on the way ("address.city" nests into {address: {city}}).
 * Every object is made without a prototype, so a field named "__proto__.x" or "constructor.y" is
 * a key like any other (it wrote to every object's prototype) and JSON sends it as written. */
function setPath(obj, name, value) {
  const keys = name.split(".");
  let o = obj;
  keys.slice(0, -1).forEach((k) => { if (typeof o[k] !== "object" || o[k] === null) o[k] = Object.create(null); o = o[k]; });
  o[keys.at(-1)] = value;
}

/** The form's values as a nested object (no prototypes); empty when there is no form. */
export function formValues(form) {
  const out = Object.create(null);
  if (form) for (const f of fieldsOf(form)) setPath(out, f.dataset.wkName, valueOf(f));
  return out;
}

/** How long a pattern may take on one value before the check is stopped. */
export const PATTERN_LIMIT_MS = 500;

/** Whether `value` matches `pattern` (true for a pattern that isn't a valid RegExp), checked in a
 * worker that is stopped PATTERN_LIMIT_MS after it starts the check: then "slow", and the tab never
 * freezes. (The clock starts when the worker is up, so a slow worker start is not a slow pattern.) */
function matches(pattern, value) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./pattern.js", import.meta.url));
    let timer = null;
    const done = (answer) => { clearTimeout(timer); worker.terminate(); resolve(answer); };
    worker.onmessage = ({ data }) => {
      if (data !== "ready") return done(data === true);
      timer = setTimeout(() => done("slow"), PATTERN_LIMIT_MS);
      worker.postMessage([pattern, value]);
    };
    worker.onerror = () => done(true);
  });
}

async function problem(f) {
  const v = valueOf(f);
  const required = f.required || "wkRequired" in f.dataset;
  if (required && (v === null || v === false || v === "")) return f.type === "checkbox" ? "Please check this box." : "This field is required.";
  if (typeof v === "string" && v !== "" && f.dataset.wkPattern != null) {
    const ok = await matches(f.dataset.wkPattern, v);
    if (ok === "slow") return "This value could not be checked: the field's pattern took too long.";
    if (!ok) return "Please match the requested format.";
  }
  if (f.validity && (f.validity.typeMismatch || f.validity.badInput)) return f.validationMessage || "Please enter a valid value.";
  return null;
}

/** The element that shows the error: the field's component element (e.g. the Select wrapper). */
const shell = (f) => f.closest("[data-wk-type]") ?? f;

export function clearError(f) {
  const s = shell(f);
  s.classList.remove("wk-invalid");
  f.removeAttribute("aria-invalid");
  if (s.nextElementSibling?.classList.contains("wk-field-error")) s.nextElementSibling.remove();
}

/** Checks required / pattern / type on every field; marks failures on the field. Resolves to true
 * when valid. */
export async function validate(form) {
  let first = null;
  const fields = fieldsOf(form);
  fields.forEach(clearError);
  const problems = await Promise.all(fields.map((f) => (f.disabled ? null : problem(f))));
  for (const [i, f] of fields.entries()) {
    const msg = problems[i];
    if (!msg) continue;
    const s = shell(f);
    s.classList.add("wk-invalid");
    f.setAttribute("aria-invalid", "true");
    const note = document.createElement("div");
    note.className = "wk-field-error";
    note.setAttribute("role", "alert");
    note.textContent = msg;
    s.after(note);
    // The error goes away as soon as the user edits the field.
    const off = () => { clearError(f); f.removeEventListener("input", off); f.removeEventListener("change", off); };
    f.addEventListener("input", off);
    f.addEventListener("change", off);
    first ??= f;
  }
  (first?.matches("input, select, textarea") ? first : first?.querySelector("input"))?.focus();
  return first === null;
}
