/* The live app on an information page (frontend/page_server.py).
 *
 * An information page arrives whole as HTML, and its toolbar, menu, search
 * and read-aloud are plain scripts, so a reader who is not signed in needs
 * none of the app's modules: the server holds its boot script back
 * (type="text/plain", data-app-boot) and nothing of the app is fetched.
 * This starts the app when the page on show may be out of date: one brought
 * back by Back or Forward comes from the browser's cache or memory, and the
 * live state then renders its regions again if the content has changed
 * since (components/served.js). */
(function () {
  "use strict";

  function boot() {
    var held = document.querySelector("script[data-app-boot]:not([data-app-booted])");
    if (!held) return;
    held.setAttribute("data-app-booted", "");
    var script = document.createElement("script");
    script.type = "module";
    script.textContent = held.textContent;  // the same text: the page's policy allows it by its hash
    document.head.appendChild(script);
  }

  var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  if (navigation && navigation.type === "back_forward") boot();
  window.addEventListener("pageshow", function (event) { if (event.persisted) boot(); });
})();
