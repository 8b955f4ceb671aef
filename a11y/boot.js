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
  // Touches <html> only where it differs, so applying again changes nothing (see the observer below).
  function set(name, value) {
    if (value === null) { if (root.hasAttribute(name)) root.removeAttribute(name); }
    else if (root.getAttribute(name) !== value) root.setAttribute(name, value);
  }
  // The kiosk is always in elder mode: large type and targets for everyone at the terminal.
  var kiosk = /(^|\/)kiosk(\/|$)/.test(location.pathname);
  function apply(prefs) {
    var scale = String(prefs.textScale || 1);
    set("data-kiosk", kiosk ? "true" : null);
    set("data-elder", prefs.elder || kiosk ? "true" : null);
    set("data-text-scale", scale);
    if (root.style.getPropertyValue("--text-scale") !== scale) root.style.setProperty("--text-scale", scale);
    set("data-contrast", prefs.contrast || null);
    set("data-cursor", prefs.cursor ? "large" : null);
    set("data-guide", prefs.guide ? "true" : null);
    set("data-text-only", prefs.textOnly ? "true" : null);
  }
  var prefs = read();
  var elder = new URLSearchParams(location.search).get("elder");
  if (elder === "1" || elder === "0") { prefs.elder = elder === "1"; save(prefs); }
  apply(prefs);
  // React renders <html> too. When it renders the document afresh (after a hydration
  // mismatch, e.g. from a browser extension that rewrote the page) it removes every
  // attribute it did not write itself: put the preferences straight back.
  new MutationObserver(function () { apply(read()); }).observe(root, {
    attributes: true,
    attributeFilter: ["style", "data-kiosk", "data-elder", "data-text-scale", "data-contrast", "data-cursor", "data-guide", "data-text-only"],
  });
  window.portalPrefs = { read: read, save: save, apply: apply };
})();
