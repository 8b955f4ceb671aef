/* The browser's side of a session boundary (frontend/session.py).
 *
 * - When a login has succeeded, the login page shows [data-session-begin]:
 *   the server is asked to put the token into its HttpOnly cookie and to
 *   reset the tab's state; then the next page loads afresh with a new Reflex
 *   client token. What the tab kept (typed form copies) stays only for the
 *   same person: a different owner tag means someone else's tab.
 * - <form data-session-end data-next="/zh/"> logs out: the server revokes
 *   the token, resets the tab's state and clears the cookie; the browser
 *   forgets everything it kept and loads the next page afresh.
 * - window.portalSession.end() and .forget() do the same for the kiosk's
 *   idle reset.
 *
 * sessionStorage holds what belongs to the person (kept form copies, Reflex's
 * client token); localStorage holds only the device's accessibility
 * preferences, which stay. */
(function () {
  "use strict";

  var PREFERENCES = "portal.prefs";

  function tab() { return sessionStorage.getItem("token") || ""; }  // Reflex's client token

  function forget() {
    try {
      sessionStorage.clear();
      Object.keys(localStorage).forEach(function (key) { if (key !== PREFERENCES) localStorage.removeItem(key); });
    } catch (e) { /* storage blocked: nothing was kept */ }
  }

  function post(url, headers) {
    return fetch(url, { method: "POST", headers: headers, credentials: "same-origin", cache: "no-store" });
  }

  function end() {
    return post("/_portal/session/end", { "X-Portal-Client": tab() })
      .then(function (response) { return response.ok; }, function () { return false; });
  }

  function randomHex() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function showProblem(container) {
    var problem = container && container.querySelector("[data-session-problem]");
    if (problem) problem.hidden = false;
  }

  var beginning = false;
  function begin(signal) {
    if (beginning) return;
    beginning = true;
    var salt = sessionStorage.getItem("portal.salt") || randomHex();
    post("/_portal/session", { "X-Portal-Client": tab(), "X-Portal-Salt": salt })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (answer) {
        var previous = sessionStorage.getItem("portal.owner");
        if (previous && previous !== answer.owner) forget();  // the last person's tab: nothing of theirs stays
        else sessionStorage.removeItem("token");  // theirs: keep what they typed, start a new state
        sessionStorage.setItem("portal.salt", salt);
        sessionStorage.setItem("portal.owner", answer.owner);
        location.replace(answer.next);
      })
      .catch(function () {
        beginning = false;
        showProblem(signal);
      });
  }

  function watch() {
    var signal = document.querySelector("[data-session-begin]");
    if (signal) begin(signal);
  }
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-session-end")) return;
    event.preventDefault();
    end().then(function (ended) {
      if (!ended) { showProblem(form); return; }
      forget();
      location.replace(form.getAttribute("data-next") || "/");
    });
  }, true);

  window.portalSession = { end: end, forget: forget };
})();
