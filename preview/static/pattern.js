// Checks one value against an Input's `pattern`, off the page's thread (forms.js): a pattern such as
// (((a+)+)+)+$ can backtrack for minutes, and only a worker can be stopped while it does.
// As the browser reads a `pattern` attribute (HTML: "compiling ... with the v flag"; one that does
// not compile checks nothing), which is what widgetkit's validator checks too (widgetkit/patterns.py).
self.onmessage = ({ data: [pattern, value] }) => {
  let re = null;
  try { re = new RegExp(`^(?:${pattern})$`, "v"); } catch { /* a bad pattern blocks nothing */ }
  self.postMessage(re ? re.test(value) : true);
};
self.postMessage("ready");
