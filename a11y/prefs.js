/* The accessibility toolbar, the elder-mode switch, the site menu and the language switcher.
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
        : name === "readRate"
          ? String(prefs.readRate || 1) === el.getAttribute("data-value")
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
      } else if (name === "readRate") {
        var speed = Number(toggle.getAttribute("data-value"));
        change(function (p) { p.readRate = speed; }, toggle.getAttribute("data-say"));
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

    var reader = target.closest("[data-read-page]");
    if (reader) {
      if (reader.getAttribute("aria-pressed") === "true") stopReading(false);
      else readPage(reader);
      return;
    }

    var reset = target.closest("[data-prefs-reset]");
    if (reset) {
      change(function (p) { Object.keys(p).forEach(function (key) { delete p[key]; }); }, reset.getAttribute("data-say"));
      return;
    }

    // The site menu (folded away in senior mode on a phone): its content follows the button, so focus stays.
    var menu = target.closest("[data-menu-toggle]");
    if (menu) {
      menu.setAttribute("aria-expanded", String(menu.getAttribute("aria-expanded") !== "true"));
      return;
    }

    var disclosure = target.closest("[data-toolbar-toggle]");
    if (disclosure) {
      var panel = document.getElementById(disclosure.getAttribute("aria-controls"));
      var open = disclosure.getAttribute("aria-expanded") !== "true";
      disclosure.setAttribute("aria-expanded", String(open));
      if (panel) {
        panel.hidden = !open;
        // The panel sits below the whole utility bar: take the user to it.
        var title = panel.querySelector("h2");
        if (open && title) { title.setAttribute("tabindex", "-1"); title.focus(); }
      }
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
    // Keys pressed while an input method composes text are the input method's (keyCode 229 in Safari).
    if (event.isComposing || event.keyCode === 229) return;
    onShortcut(event);
    if (event.key !== "Escape") return;
    if (reading.token && document.querySelector("[data-read-page][aria-pressed=true]")) stopReading(false);
    var disclosure = document.querySelector("[data-toolbar-toggle][aria-expanded='true']");
    var panel = disclosure && document.getElementById(disclosure.getAttribute("aria-controls"));
    if (disclosure && (panel && panel.contains(document.activeElement) || document.activeElement === disclosure)) {
      disclosure.setAttribute("aria-expanded", "false");
      if (panel) panel.hidden = true;
      disclosure.focus();
      return;
    }
    // Escape in the open site menu (or on its button) folds it and returns to the button.
    var menu = document.querySelector("[data-menu-toggle][aria-expanded='true']");
    var content = menu && document.getElementById(menu.getAttribute("aria-controls"));
    if (menu && menu.checkVisibility() && (content && content.contains(document.activeElement) || document.activeElement === menu)) {
      menu.setAttribute("aria-expanded", "false");
      menu.focus();
    }
  }

  /* ---- Read aloud: the browser's voice for the text's language, else the
   * server's (POST /_portal/speech, espeak-ng). Continuous reading highlights
   * the current sentence with the CSS Custom Highlight API (no DOM changes). */
  var reading = { token: 0, audio: null };

  function langOf(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var owner = el && el.closest("[lang]");
    return ((owner && owner.getAttribute("lang")) || "zh").split("-")[0].toLowerCase();
  }

  function browserVoice(lang) {
    if (!window.speechSynthesis) return null;
    var voices = window.speechSynthesis.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(lang) === 0) return voices[i];
    }
    return null;
  }

  // The kiosk sets its own speech rate in words per minute (data-speech-rate, kiosk/kiosk.js).
  function rate() {
    var wpm = Number(root.getAttribute("data-speech-rate"));
    return wpm ? wpm / 170 : Number(P.read().readRate) || 1;
  }

  function speak(text, lang, token) {
    return new Promise(function (resolve) {
      if (token !== reading.token || !text.trim()) { resolve(); return; }
      // Whoever shows captions (the kiosk) shows what is being read.
      document.dispatchEvent(new CustomEvent("portal:speaking", { detail: { text: text, lang: lang } }));
      var voice = browserVoice(lang);
      if (voice) {
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = rate();
        utterance.onend = utterance.onerror = function () { resolve(); };
        window.speechSynthesis.speak(utterance);
        return;
      }
      var language = ["zh", "en", "ja", "ko", "fr"].indexOf(lang) >= 0 ? lang : "zh";
      fetch("/_portal/speech", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text.slice(0, 2000), lang: language, rate: Math.round(170 * rate()) }),
      })
        .then(function (response) { return response.ok ? response.blob() : null; })
        .then(function (blob) {
          if (!blob || token !== reading.token) { resolve(); return; }
          var audio = new Audio(URL.createObjectURL(blob));
          reading.audio = audio;
          audio.setAttribute("data-read-aloud", "");
          audio.onended = audio.onerror = function () { URL.revokeObjectURL(audio.src); resolve(); };
          audio.play().catch(function () { resolve(); });
        })
        .catch(function () { resolve(); });
    });
  }

  function highlight(range) {
    if (!window.CSS || !CSS.highlights) return;
    if (range) CSS.highlights.set("portal-reading", new Highlight(range));
    else CSS.highlights.delete("portal-reading");
  }

  function stopReading(silent) {
    reading.token += 1;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    if (reading.audio) { reading.audio.pause(); reading.audio = null; }
    highlight(null);
    setReadingButtons(false);
    if (!silent) announce(document.querySelector("[data-read-page]") && document.querySelector("[data-read-page]").getAttribute("data-say-off"));
  }

  function setReadingButtons(on) {
    var buttons = document.querySelectorAll("[data-read-page]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(on));
  }

  function sentences(root) {
    var parts = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var el = node.parentElement;
        if (!el || !node.textContent.trim()) return NodeFilter.FILTER_REJECT;
        if (el.closest("script, style, [aria-hidden=true], [hidden], .visually-hidden, button, select")) return NodeFilter.FILTER_REJECT;
        return el.checkVisibility && !el.checkVisibility() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    while (walker.nextNode()) {
      var node = walker.currentNode;
      var lang = langOf(node);
      var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(lang, { granularity: "sentence" }) : null;
      var pieces = segmenter ? Array.from(segmenter.segment(node.textContent)) : [{ segment: node.textContent, index: 0 }];
      pieces.forEach(function (piece) {
        if (!piece.segment.trim()) return;
        var range = document.createRange();
        range.setStart(node, piece.index);
        range.setEnd(node, piece.index + piece.segment.length);
        parts.push({ text: piece.segment, lang: lang, range: range });
      });
    }
    return parts;
  }

  function readPage(button) {
    var main = document.getElementById("main");
    if (!main) return;
    stopReading(true);
    var token = reading.token;
    setReadingButtons(true);
    announce(button && button.getAttribute("data-say-on"));
    var parts = sentences(main);
    parts.reduce(function (previous, part) {
      return previous.then(function () {
        if (token !== reading.token) return;
        highlight(part.range);
        var box = part.range.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) window.scrollBy({ top: box.top - window.innerHeight / 3 });
        return speak(part.text, part.lang, token);
      });
    }, new Promise(function (resolve) { setTimeout(resolve, 600); })).then(function () {
      if (token === reading.token) { highlight(null); setReadingButtons(false); }
    });
  }

  function readElement(el) {
    if (!el || !P.read().readHover) return;
    var text = (el.getAttribute("aria-label") || el.innerText || el.value || el.alt || "").trim().slice(0, 400);
    if (!text) return;
    stopReading(true);
    speak(text, langOf(el), reading.token);
  }

  var hoverTimer = null;
  document.addEventListener("focusin", function (event) { readElement(event.target); });
  document.addEventListener("mouseover", function (event) {
    if (!P.read().readHover) return;
    clearTimeout(hoverTimer);
    var target = event.target.closest && event.target.closest("p, h1, h2, h3, h4, li, a, button, label, dt, dd, td, th, legend, summary");
    hoverTimer = setTimeout(function () { readElement(target); }, 450);
  });

  /* ---- Keyboard shortcuts (listed on the accessibility statement). ---- */
  function onShortcut(event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    var key = event.code;
    var click = function (selector) {
      var el = document.querySelector(selector);
      if (!el) return;
      // A control in the folded site menu: unfold it first, so what the key opens is seen.
      var menu = document.querySelector("[data-menu-toggle][aria-expanded='false']");
      if (menu && menu.checkVisibility() && !el.checkVisibility()) menu.setAttribute("aria-expanded", "true");
      el.click();
    };
    var handled = true;
    if (key === "KeyA") click("[data-toolbar-toggle]");
    else if (key === "KeyE") click("[data-pref=elder]");
    else if (key === "Equal" || key === "NumpadAdd") click("[data-text-step=up]");
    else if (key === "Minus" || key === "NumpadSubtract") click("[data-text-step=down]");
    else if (key === "KeyC") {
      var current = CONTRASTS.indexOf(P.read().contrast || "");
      click("[data-pref=contrast][data-value='" + CONTRASTS[(current + 1) % CONTRASTS.length] + "']");
    } else if (key === "KeyR") click("[data-read-page]");
    else if (key === "KeyS") stopReading(false);
    else if (key === "Digit0") click("[data-prefs-reset]");
    else handled = false;
    if (handled) event.preventDefault();
  }

  function onPointerMove(event) {
    if (root.getAttribute("data-guide") !== "true") return;
    var guide = document.querySelector(".reading-guide");
    if (guide) guide.style.transform = "translateY(" + (event.clientY + 12) + "px)";
  }

  /* After client-side navigation, move focus to the new page's heading so
   * keyboard and screen-reader users start at the new content. */
  function onNavigate() {
    stopReading(true);
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
