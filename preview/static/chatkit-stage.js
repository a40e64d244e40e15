// @ts-check
// The ChatKit.js stage: OpenAI's <openai-chatkit> web component, loaded from OpenAI's CDN and
// pointed at the preview's /chatkit, and what the page shows of it: its errors (in the notice
// line, not the console), its log, the thread it shows and whether a response is streaming.
//
// This file is type-checked against @openai/chatkit's published types (tsconfig.json; scripts/test
// runs tsc): an option ChatKit.js does not define, a wrong shape, a method it lacks or a listener
// for an event it does not emit fails the test command. Everything handed to ChatKit.js goes
// through here, typed with those types; app.js and actions.js only call the stage.

/** @typedef {import("@openai/chatkit").ChatKitOptions} ChatKitOptions */
/** @typedef {import("@openai/chatkit").ChatKitEvents} ChatKitEvents */
/** @typedef {import("@openai/chatkit").OpenAIChatKit} OpenAIChatKit */
/** @typedef {Parameters<OpenAIChatKit["sendCustomAction"]>[0]} CustomAction */

/**
 * What the stage needs of the widget page (app.js's WidgetPage).
 * @typedef {object} StagePage
 * @property {{ chatkit: { url: string, domainKey: string } }} cfg
 * @property {"light" | "dark"} theme
 * @property {(text: string, level?: string) => void} notice
 * @property {(action: CustomAction, ctx: { sender: null, item: { id: string }, kind: "chatkit" }) => Promise<void>} action
 */

const LOG_LIMIT = 200;

/** @type {Promise<void> | null} */
let loading = null;

/**
 * Loads ChatKit.js once; rejects with a sentence saying why when it can't within the timeout.
 * @param {string} src
 * @param {number} timeoutMs
 * @returns {Promise<void>}
 */
export function loadChatKit(src, timeoutMs) {
  loading ??= new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ChatKit.js did not load within ${timeoutMs / 1000} s`)), timeoutMs);
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onerror = () => { clearTimeout(timer); reject(new Error(`ChatKit.js could not be fetched from ${new URL(src).host} (offline?)`)); };
    script.onload = () => customElements.whenDefined("openai-chatkit").then(() => { clearTimeout(timer); resolve(); });
    document.head.append(script);
  });
  return loading;
}

/**
 * Every event ChatKit.js documents (@openai/chatkit's ChatKitEvents), what the stage does with it,
 * and the line it adds to the stage's log. Keyed by exactly the published event names: a name
 * ChatKit.js does not emit, or one it emits that is missing here (after an upgrade), fails the
 * type check.
 * @type {{ [K in keyof ChatKitEvents]: (stage: ChatKitStage, detail: ChatKitEvents[K]["detail"]) => string }}
 */
const EVENTS = {
  "chatkit.ready": (stage) => { stage.el.dataset.chatkit = "ready"; return "ready"; },
  "chatkit.error": (stage, { error }) => {
    const message = error?.message ?? String(error);
    stage.page.notice(`ChatKit.js reported an error: ${message}`, "error");
    return `error: ${message}`;
  },
  "chatkit.log": (_, { name, data }) => (data ? `log ${name} ${JSON.stringify(data)}` : `log ${name}`),
  "chatkit.effect": (_, { name, data }) => (data ? `effect ${name} ${JSON.stringify(data)}` : `effect ${name}`),
  "chatkit.deeplink": (_, { name, data }) => (data ? `deeplink ${name} ${JSON.stringify(data)}` : `deeplink ${name}`),
  "chatkit.history.open": () => "history opened",
  "chatkit.history.close": () => "history closed",
  "chatkit.tool.change": (_, { toolId }) => `tool ${toolId ?? "(none)"}`,
  "chatkit.thread.change": (stage, { threadId }) => { stage.threadId = threadId; return `thread ${threadId ?? "(new thread)"}`; },
  "chatkit.thread.load.start": (_, { threadId }) => `loading thread ${threadId}`,
  "chatkit.thread.load.end": (_, { threadId }) => `loaded thread ${threadId}`,
  "chatkit.response.start": (stage) => { stage.el.dataset.responding = ""; return "response started"; },
  "chatkit.response.end": (stage) => { delete stage.el.dataset.responding; return "response ended"; },
};

export class ChatKitStage {
  kind = "chatkit";

  /**
   * Puts a fresh <openai-chatkit> on the stage (ChatKit.js must have loaded: loadChatKit).
   * @param {HTMLElement} el the stage
   * @param {StagePage} page
   */
  constructor(el, page) {
    this.el = el;
    this.page = page;
    this.ck = document.createElement("openai-chatkit");
    this.ck.className = "chatkit";
    /** The thread ChatKit.js shows (it follows chatkit.thread.change); null before the first show. @type {string | null} */
    this.threadId = null;
    this.started = false;
    this.log = Object.assign(document.createElement("details"), { className: "chatkit-log", id: "chatkit-log" });
    this.summary = document.createElement("summary");
    this.lines = document.createElement("ol");
    this.log.append(this.summary, this.lines);
    this.listen();
    this.status();
    el.replaceChildren(this.ck);
    (el.parentElement ?? el).after(this.log);
    document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/static/chatkit-stage.css" }));
  }

  /**
   * The options for ChatKit.js: a full set each time, as setOptions does not merge.
   * @param {string | null} threadId
   * @returns {ChatKitOptions}
   */
  options(threadId) {
    const { url, domainKey } = this.page.cfg.chatkit;
    return {
      // ChatKit.js sends custom-backend requests through api.fetch when given one: the host
      // page's own fetch makes them same-origin, which the preview's Origin check (security.py)
      // requires of every POST.
      api: { url, domainKey, fetch: (input, init) => fetch(input, init) },
      initialThread: threadId,
      theme: { colorScheme: this.page.theme },
      history: { enabled: false },
      // ChatKit.js hands onAction the actions a widget marks `handler: "client"`.
      widgets: { onAction: (action, item) => this.page.action(action, { sender: null, item, kind: "chatkit" }) },
    };
  }

  /**
   * Shows a thread: the first time through the options (initialThread applies only when ChatKit
   * mounts), then by switching threads, or by fetching again when the thread is the same one
   * (its items changed on the server: a reset sample, a hot reload).
   * @param {string} threadId
   */
  show(threadId) {
    if (!this.started) {
      this.started = true;
      this.threadId = threadId;
      this.guard("setOptions", () => this.ck.setOptions(this.options(threadId)));
    } else if (threadId !== this.threadId) {
      this.threadId = threadId;
      this.guard("setThreadId", () => this.ck.setThreadId(threadId));
    } else {
      this.guard("fetchUpdates", () => this.ck.fetchUpdates());
    }
    this.status();
    this.el.dataset.drawn = "chatkit";
  }

  /** The theme changed or the previewed widget was rebuilt: new options, then the thread again. */
  redraw() {
    if (!this.started) return;
    this.guard("setOptions", () => this.ck.setOptions(this.options(this.threadId)));
    this.guard("fetchUpdates", () => this.ck.fetchUpdates());
  }

  /**
   * Sends an action on to the server through ChatKit.js (a client action the log forwards).
   * @param {CustomAction} action
   * @param {string | undefined} itemId the widget item it came from
   */
  send(action, itemId) {
    return this.ck.sendCustomAction(action, itemId);
  }

  /** Listens to every event in EVENTS. */
  listen() {
    for (const name of /** @type {(keyof ChatKitEvents)[]} */ (Object.keys(EVENTS))) {
      this.ck.addEventListener(name, (event) => {
        const handle = /** @type {(stage: ChatKitStage, detail: unknown) => string} */ (EVENTS[name]);
        this.append(name, handle(this, event.detail));
      });
    }
  }

  /**
   * Adds a line to the log (the newest last; the oldest go past LOG_LIMIT).
   * @param {keyof ChatKitEvents} name the event it records
   * @param {string} line
   */
  append(name, line) {
    const li = Object.assign(document.createElement("li"), { textContent: line });
    li.dataset.event = name;
    if (name === "chatkit.error") li.className = "chatkit-log-error";
    this.lines.append(li);
    while (this.lines.children.length > LOG_LIMIT) this.lines.firstElementChild?.remove();
    this.status();
  }

  /** The log's summary line: the thread shown, whether a response streams, how many errors. */
  status() {
    const errors = this.lines.querySelectorAll(".chatkit-log-error").length;
    const parts = [`ChatKit.js · thread ${this.threadId ?? "(new thread)"}`];
    if ("responding" in this.el.dataset) parts.push("responding…");
    if (errors) parts.push(`${errors} error${errors > 1 ? "s" : ""}`);
    parts.push(`log (${this.lines.children.length})`);
    this.summary.textContent = parts.join(" · ");
  }

  /**
   * Calls ChatKit.js; what it throws or rejects with shows in the page (and the log).
   * @param {string} what
   * @param {() => void | Promise<void>} call
   */
  guard(what, call) {
    /** @param {unknown} err */
    const fail = (err) => {
      const error = err instanceof Error ? err : new Error(String(err));
      this.append("chatkit.error", `error: ${what}: ${error.message}`);
      this.page.notice(`ChatKit.js ${what} failed: ${error.message}`, "error");
    };
    try {
      Promise.resolve(call()).catch(fail);
    } catch (err) {
      fail(err);
    }
  }
}
