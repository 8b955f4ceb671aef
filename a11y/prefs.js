/* The accessibility toolbar, the elder-mode switch and the language switcher.
 *
 * Runs in the browser only; every control is static HTML compiled per locale,
 * so all words come from the catalogue (data-say-* attributes) and nothing
 * here needs a round trip to the server. Preferences live in localStorage
 * through window.portalPrefs (a11y/boot.js). */
(function () {
  "use strict";
  var P = window.portalPrefs;
  var root = document.documentElement;
  var TEXT_STEPS = [1, 1.25, 1.5, 1.75, 2];
  var CONTRASTS = ["", "yellow-black", "black-white"];

  function announce(message) {
    var region = document.getElementById("a11y-status");
    if (!region || !message) return;
    region.textContent = "";
    // A fresh text node after a tick makes screen readers speak a repeated message again.
    setTimeout(function () { region.textContent = message; }, 50);
  }

  function stepIndex(scale) {
    var i = TEXT_STEPS.indexOf(Number(scale) || 1);
    return i < 0 ? 0 : i;
  }

  function percent(scale) { return Math.round((Number(scale) || 1) * 100) + "%"; }

  /* Reflect the preferences in every control's ARIA state (controls are
   * re-rendered on client-side navigation, so this runs after DOM changes). */
  function sync() {
    var prefs = P.read();
    var toggles = document.querySelectorAll("[data-pref]");
    for (var i = 0; i < toggles.length; i++) {
      var el = toggles[i];
      var name = el.getAttribute("data-pref");
      var pressed = name === "contrast"
        ? (prefs.contrast || "") === el.getAttribute("data-value")
        : !!prefs[name];
      if (el.getAttribute("aria-pressed") !== String(pressed)) el.setAttribute("aria-pressed", String(pressed));
    }
    var outputs = document.querySelectorAll("[data-text-size-output]");
    for (var j = 0; j < outputs.length; j++) {
      var value = percent(prefs.textScale);
      if (outputs[j].textContent !== value) outputs[j].textContent = value;
    }
    var index = stepIndex(prefs.textScale);
    var steppers = document.querySelectorAll("[data-text-step]");
    for (var k = 0; k < steppers.length; k++) {
      var up = steppers[k].getAttribute("data-text-step") === "up";
      var disabled = up ? index === TEXT_STEPS.length - 1 : index === 0;
      if (steppers[k].getAttribute("aria-disabled") !== String(disabled)) steppers[k].setAttribute("aria-disabled", String(disabled));
    }
  }

  function change(update, message) {
    var prefs = P.read();
    update(prefs);
    P.save(prefs);
    P.apply(prefs);
    sync();
    announce(message);
  }

  function onClick(event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (!target) return;

    var toggle = target.closest("[data-pref]");
    if (toggle) {
      var name = toggle.getAttribute("data-pref");
      if (name === "contrast") {
        var value = toggle.getAttribute("data-value");
        change(function (p) { p.contrast = CONTRASTS.indexOf(value) > 0 ? value : ""; }, toggle.getAttribute("data-say"));
      } else {
        var on = !P.read()[name];
        change(function (p) { p[name] = on; }, toggle.getAttribute(on ? "data-say-on" : "data-say-off"));
      }
      return;
    }

    var stepper = target.closest("[data-text-step]");
    if (stepper) {
      var up = stepper.getAttribute("data-text-step") === "up";
      var next = TEXT_STEPS[Math.min(TEXT_STEPS.length - 1, Math.max(0, stepIndex(P.read().textScale) + (up ? 1 : -1)))];
      change(function (p) { p.textScale = next; }, (stepper.getAttribute("data-say") || "").replace("{value}", percent(next)));
      return;
    }

    var reset = target.closest("[data-prefs-reset]");
    if (reset) {
      change(function (p) { Object.keys(p).forEach(function (key) { delete p[key]; }); }, reset.getAttribute("data-say"));
      return;
    }

    var disclosure = target.closest("[data-toolbar-toggle]");
    if (disclosure) {
      var panel = document.getElementById(disclosure.getAttribute("aria-controls"));
      var open = disclosure.getAttribute("aria-expanded") !== "true";
      disclosure.setAttribute("aria-expanded", String(open));
      if (panel) panel.hidden = !open;
      return;
    }

    var language = target.closest("a[data-locale]");
    if (language) {
      var code = language.getAttribute("data-locale");
      document.cookie = "portal_locale=" + code + "; path=/; max-age=31536000; SameSite=Lax";
      // Keep the page, its query and its fragment: only the locale segment changes.
      var rest = location.pathname.replace(/^\/[a-z]{2,3}(?=\/|$)/, "");
      language.setAttribute("href", "/" + code + (rest || "/") + location.search + location.hash);
    }
  }

  function onKeydown(event) {
    if (event.key !== "Escape") return;
    var disclosure = document.querySelector("[data-toolbar-toggle][aria-expanded='true']");
    if (!disclosure) return;
    var panel = document.getElementById(disclosure.getAttribute("aria-controls"));
    if (panel && panel.contains(document.activeElement) || document.activeElement === disclosure) {
      disclosure.setAttribute("aria-expanded", "false");
      if (panel) panel.hidden = true;
      disclosure.focus();
    }
  }

  function onPointerMove(event) {
    if (root.getAttribute("data-guide") !== "true") return;
    var guide = document.querySelector(".reading-guide");
    if (guide) guide.style.transform = "translateY(" + (event.clientY + 12) + "px)";
  }

  /* After client-side navigation, move focus to the new page's heading so
   * keyboard and screen-reader users start at the new content. */
  function onNavigate() {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (location.hash) return;
        var heading = document.querySelector("main h1");
        if (!heading) return;
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: false });
      });
    });
  }
  var pushState = history.pushState;
  history.pushState = function () {
    var result = pushState.apply(this, arguments);
    onNavigate();
    return result;
  };
  window.addEventListener("popstate", onNavigate);

  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKeydown);
  document.addEventListener("pointermove", onPointerMove, { passive: true });
  window.addEventListener("storage", function () { P.apply(P.read()); sync(); });

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; sync(); });
  }).observe(document.body, { childList: true, subtree: true });
  sync();
})();
