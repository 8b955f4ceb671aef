/* The kiosk in the browser: spoken prompts with captions, push-to-talk
 * streaming 16 kHz PCM to the server, acting on what was heard, the on-screen
 * keypads, and the idle reset that wipes the session for the next person. */
(function () {
  "use strict";
  if (!/(^|\/)kiosk(\/|$)/.test(location.pathname)) return;

  var state = { audio: null, muted: false, slow: true, socket: null, talking: false, idleTimer: null, warnTimer: null, countdown: null };
  // What each spoken command did and how long it took from release to action (benchmarks read it).
  var metrics = (window.kioskMetrics = JSON.parse(sessionStorage.getItem("kiosk.metrics") || '{"actions": []}'));

  function screen() { return document.querySelector("[data-kiosk-screen]"); }
  function localeOf() { var s = screen(); return (s && s.getAttribute("data-locale")) || (document.documentElement.lang || "zh").split("-")[0]; }
  function settings() { return document.getElementById("kiosk-config"); }
  // Run-time settings of this kiosk (PORTAL_KIOSK_*); the defaults hold until they arrive.
  var timing = { idle_seconds: 60, warning_seconds: 15, speech_rate: 140 };
  var timingLoaded = fetch("/_kiosk/settings").then(function (r) { return r.json(); })
    .then(function (loaded) { timing = loaded; }).catch(function () { /* keep the defaults */ });
  function rate() { return state.slow ? timing.speech_rate : 175; }
  function setCaption(text) {
    var el = document.querySelector("[data-caption]");
    if (el && text) el.textContent = text;
  }
  function setHeard(text) {
    var el = document.querySelector("[data-heard]");
    if (el) el.textContent = text || "";
  }

  /* ---- speech out ---- */
  function stopAudio() {
    if (state.audio) { state.audio.pause(); URL.revokeObjectURL(state.audio.src); state.audio = null; }
  }
  function play(blobPromise) {
    stopAudio();
    return blobPromise.then(function (blob) {
      if (!blob || state.muted) return;
      var audio = new Audio(URL.createObjectURL(blob));
      audio.setAttribute("data-kiosk-audio", "");
      state.audio = audio;
      metrics.lastPromptStarted = performance.now();
      return audio.play().catch(function () { /* autoplay blocked until a touch */ });
    });
  }
  function speakPrompt(key, locale) {
    var el = key === "idle" ? document.querySelector("[data-idle]") : screen();
    if (el && key !== "attract") setCaption(el.getAttribute("data-prompt"));
    var url = "/_kiosk/prompt/" + encodeURIComponent(key) + "?locale=" + (locale || localeOf()) + "&rate=" + rate();
    return play(fetch(url).then(function (r) { return r.ok ? r.blob() : null; }).catch(function () { return null; }));
  }
  // Personal words (a queue number, a name) are synthesised uncached.
  function say(text) {
    setCaption(text);
    return play(fetch("/_portal/speech", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, lang: localeOf(), rate: rate() }),
    }).then(function (r) { return r.ok ? r.blob() : null; }).catch(function () { return null; }));
  }

  /* ---- acting on a command ---- */
  function act(result, releasedAt) {
    var done = function (what) {
      metrics.actions.push({ intent: result.intent, text: result.text, ms: performance.now() - releasedAt, server_ms: result.ms, what: what });
      sessionStorage.setItem("kiosk.metrics", JSON.stringify(metrics));
      document.documentElement.setAttribute("data-last-intent", result.intent || "");
    };
    var dictated = document.querySelector("[data-voice-text]");
    if (dictated && result.text) {  // a screen that takes free speech (the question to the assistant)
      dictated.value = result.text.slice(0, Number(dictated.maxLength) > 0 ? dictated.maxLength : 500);
      if (dictated.form) dictated.form.requestSubmit();
      return done("dictation");
    }
    if (result.intent === "digits") {
      var field = document.querySelector("[data-voice-digits]");
      if (field) {
        field.value = (field.value + result.digits).slice(0, Number(field.maxLength) > 0 ? field.maxLength : 30);
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      return done("digits");
    }
    if (result.intent === "choose") {
      var choice = document.querySelector("[data-voice-choice][data-id='" + CSS.escape(result.choice || "") + "']");
      if (choice) { choice.click(); return done("choose"); }
    }
    if (result.intent === "repeat") { speakPrompt(screen().getAttribute("data-kiosk-screen")); return done("repeat"); }
    if (result.intent === "clear") {
      var target = document.querySelector("[data-voice-digits]");
      if (target) target.value = "";
      return done("clear");
    }
    if (result.intent) {
      var control = document.querySelector("[data-voice-intent='" + result.intent + "']");
      if (control) { control.click(); return done(result.intent); }
    }
    speakPrompt("not-understood-" + screen().getAttribute("data-kiosk-screen"));
    done("not-understood");
  }

  /* ---- speech in: hold to talk ---- */
  var WORKLET = "class Pcm extends AudioWorkletProcessor{process(inputs){var c=inputs[0][0];if(c){var o=new Int16Array(c.length);for(var i=0;i<c.length;i++){var s=Math.max(-1,Math.min(1,c[i]));o[i]=s<0?s*32768:s*32767;}this.port.postMessage(o.buffer,[o.buffer]);}return true;}}registerProcessor('pcm',Pcm);";
  var audioContext = null;
  var workletReady = null;

  function choices() {
    var map = {};
    document.querySelectorAll("[data-voice-choice]").forEach(function (el) { map[el.getAttribute("data-id")] = el.textContent.trim(); });
    return map;
  }

  function talkButton() { return document.querySelector("[data-kiosk-talk]"); }

  function startTalking() {
    if (state.talking) return;
    state.talking = true;
    stopAudio();
    resetIdle();
    var button = talkButton();
    if (button) button.setAttribute("aria-pressed", "true");
    setHeard("");
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_kiosk/listen");
    socket.binaryType = "arraybuffer";
    state.socket = socket;
    var screenName = screen().getAttribute("data-kiosk-screen");
    socket.onopen = function () { socket.send(JSON.stringify({ locale: localeOf(), screen: screenName, choices: choices() })); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "unavailable") { stopTalking(true); speakPrompt("no-voice"); setCaption(settings().getAttribute("data-no-voice")); }
      else if (message.type === "ready") { setCaption(button && button.getAttribute("data-say-listening")); captureAudio(socket); }
      else if (message.type === "partial") setHeard(message.text);
      else if (message.type === "final") { setHeard(message.text); act(message, state.releasedAt || performance.now()); socket.close(); }
    };
    socket.onerror = function () { stopTalking(true); };
  }

  function captureAudio(socket) {
    var constraints = { audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } };
    navigator.mediaDevices.getUserMedia(constraints).then(function (stream) {
      if (!state.talking) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
      audioContext = audioContext || new AudioContext({ sampleRate: 16000 });
      workletReady = workletReady || audioContext.audioWorklet.addModule(URL.createObjectURL(new Blob([WORKLET], { type: "application/javascript" })));
      return workletReady.then(function () {
        var source = audioContext.createMediaStreamSource(stream);
        var node = new AudioWorkletNode(audioContext, "pcm");
        node.port.onmessage = function (event) { if (socket.readyState === 1 && state.talking) socket.send(event.data); };
        source.connect(node);
        state.stopCapture = function () { source.disconnect(); node.disconnect(); stream.getTracks().forEach(function (t) { t.stop(); }); };
      });
    }).catch(function () {
      var button = talkButton();
      setCaption(button && button.getAttribute("data-say-no-microphone"));
      stopTalking(true);
    });
  }

  function stopTalking(abort) {
    if (!state.talking) return;
    state.talking = false;
    state.releasedAt = performance.now();
    var button = talkButton();
    if (button) button.setAttribute("aria-pressed", "false");
    if (state.stopCapture) { state.stopCapture(); state.stopCapture = null; }
    if (state.socket && state.socket.readyState === 1) {
      if (abort) state.socket.close();
      else state.socket.send(JSON.stringify({ type: "end" }));
    }
  }

  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("[data-kiosk-talk]")) { event.preventDefault(); startTalking(); }
  });
  ["pointerup", "pointercancel"].forEach(function (type) {
    document.addEventListener(type, function () { if (state.talking) stopTalking(false); });
  });
  document.addEventListener("keydown", function (event) {
    var button = talkButton();
    if (button && event.key === button.getAttribute("data-key") && !event.repeat) { event.preventDefault(); startTalking(); }
  });
  document.addEventListener("keyup", function (event) {
    var button = talkButton();
    if (button && event.key === button.getAttribute("data-key")) stopTalking(false);
  });

  /* ---- buttons of the bar, keypads, attract screen ---- */
  document.addEventListener("click", function (event) {
    var t = event.target.closest ? event.target : event.target.parentElement;
    if (!t) return;
    if (t.closest("[data-kiosk-repeat]")) { speakPrompt(screen().getAttribute("data-kiosk-screen")); return; }
    var mute = t.closest("[data-kiosk-mute]");
    if (mute) { state.muted = !state.muted; mute.setAttribute("aria-pressed", String(state.muted)); if (state.muted) stopAudio(); sessionStorage.setItem("kiosk.muted", String(state.muted)); return; }
    var slow = t.closest("[data-kiosk-rate]");
    if (slow) { state.slow = !state.slow; slow.setAttribute("aria-pressed", String(state.slow)); sessionStorage.setItem("kiosk.slow", String(state.slow)); return; }
    var key = t.closest("[data-key-target]");
    if (key) {
      var field = document.getElementById(key.getAttribute("data-key-target"));
      var value = key.getAttribute("data-key-value");
      if (!field) return;
      if (value === "clear") field.value = "";
      else if (value === "backspace") field.value = field.value.slice(0, -1);
      else if (!field.maxLength || field.maxLength < 0 || field.value.length < field.maxLength) field.value += value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    if (t.closest("[data-idle-continue]")) { resetIdle(); return; }
    var attract = document.querySelector("[data-kiosk-screen='attract']");
    if (attract && !t.closest("a")) location.assign(attract.getAttribute("data-start"));
  });

  /* ---- idle reset ---- */
  function idleBox() { return document.querySelector("[data-idle]"); }
  function resetIdle() {
    clearTimeout(state.idleTimer); clearTimeout(state.warnTimer); clearInterval(state.countdown);
    var box = idleBox();
    if (box) box.hidden = true;
    if (!screen() || document.querySelector("[data-kiosk-screen='attract']")) return;
    var idle = timing.idle_seconds * 1000;
    var warn = timing.warning_seconds * 1000;
    state.warnTimer = setTimeout(warnIdle, Math.max(0, idle - warn));
    state.idleTimer = setTimeout(wipe, idle);
  }
  function warnIdle() {
    var box = idleBox();
    if (!box) return;
    var left = timing.warning_seconds;
    var count = box.querySelector("[data-idle-count]");
    box.hidden = false;
    count.textContent = String(left);
    box.querySelector("[data-idle-continue]").focus();
    speakPrompt("idle");
    state.countdown = setInterval(function () { left -= 1; count.textContent = String(Math.max(0, left)); }, 1000);
  }
  function wipe() {
    clearInterval(state.countdown);
    stopAudio();
    var button = document.querySelector("[data-kiosk-wipe]");
    if (button) button.click(); else wiped();
    setTimeout(wiped, 3000);  // the server may be unreachable: wipe the browser anyway
  }
  // Everything the browser held goes: storage, cookies, audio; then the attract screen.
  function wiped() {
    try { localStorage.clear(); } catch (e) { /* ignore */ }
    try { sessionStorage.clear(); } catch (e) { /* ignore */ }
    document.cookie.split(";").forEach(function (c) {
      var name = c.split("=")[0].trim();
      if (name) document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
    });
    location.replace("/kiosk/");
  }
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (!(event.target.closest && event.target.closest("[data-idle-continue]"))) {
        var box = idleBox();
        if (!box || box.hidden) resetIdle();
      }
    }, true);
  });

  /* ---- on every screen ---- */
  var lastScreen = null;
  function onScreen() {
    var s = screen();
    if (!s || s === lastScreen) return;
    lastScreen = s;
    resetIdle();
    if (s.getAttribute("data-kiosk-screen") === "attract") {
      // The welcome in each language in turn.
      var buttons = Array.prototype.slice.call(document.querySelectorAll(".attract__button"));
      buttons.reduce(function (p, b) {
        return p.then(function () {
          setCaption(b.getAttribute("data-prompt"));
          return speakPrompt("attract", b.getAttribute("data-locale")).then(function () {
            return new Promise(function (resolve) { if (state.audio) state.audio.onended = resolve; else resolve(); });
          });
        });
      }, Promise.resolve());
    } else {
      speakPrompt(s.getAttribute("data-kiosk-screen"));
    }
  }
  state.muted = sessionStorage.getItem("kiosk.muted") === "true";
  state.slow = sessionStorage.getItem("kiosk.slow") !== "false";
  new MutationObserver(onScreen).observe(document.documentElement, { childList: true, subtree: true });
  timingLoaded.then(function () { if (lastScreen) resetIdle(); else onScreen(); });

  window.kiosk = { say: say, speakPrompt: speakPrompt, wiped: wiped, wipe: wipe };
})();
