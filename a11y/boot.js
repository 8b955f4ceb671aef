/* Applies the saved accessibility preferences to <html> before first paint.
 * Inlined into every page's <head>; a11y/prefs.js reuses window.portalPrefs.
 * A link with ?elder=1 (or ?elder=0) switches elder mode and remembers it. */
(function () {
  var KEY = "portal.prefs";
  var root = document.documentElement;
  function read() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(prefs) {
    try { localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode: apply only */ }
  }
  function flag(name, on) {
    if (on) root.setAttribute(name, "true"); else root.removeAttribute(name);
  }
  // The kiosk is always in elder mode: large type and targets for everyone at the terminal.
  var kiosk = /(^|\/)kiosk(\/|$)/.test(location.pathname);
  function apply(prefs) {
    flag("data-kiosk", kiosk);
    flag("data-elder", prefs.elder || kiosk);
    root.style.setProperty("--text-scale", String(prefs.textScale || 1));
    root.setAttribute("data-text-scale", String(prefs.textScale || 1));
    if (prefs.contrast) root.setAttribute("data-contrast", prefs.contrast); else root.removeAttribute("data-contrast");
    if (prefs.cursor) root.setAttribute("data-cursor", "large"); else root.removeAttribute("data-cursor");
    flag("data-guide", prefs.guide);
    flag("data-text-only", prefs.textOnly);
  }
  var prefs = read();
  var elder = new URLSearchParams(location.search).get("elder");
  if (elder === "1" || elder === "0") { prefs.elder = elder === "1"; save(prefs); }
  apply(prefs);
  window.portalPrefs = { read: read, save: save, apply: apply };
})();
