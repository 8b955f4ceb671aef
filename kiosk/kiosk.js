/* The kiosk in the browser: spoken prompts with captions, push-to-talk
 * streaming 16 kHz PCM to the server, acting on what was heard, the on-screen
 * keypads and name keyboards, the lock-down of the browser, and the wipe that
 * leaves nothing for the next person - on every way back to the attract
 * screen (Start again, Language, Finished, the idle timer) and on the attract
 * screen's own timer. */
(function () {
  "use strict";
  if (!/(^|\/)kiosk(\/|$)/.test(location.pathname)) return;

  var root = document.documentElement;
  var ATTRACT = "/kiosk/";
  // A new document is a new person: sound on, slower speech, nothing remembered.
  var state = { audio: null, muted: false, slow: true, socket: null, talking: false, wiping: false, quiet: false,
    idleTimer: null, warnTimer: null, countdown: null, last: null, pending: null };
  // What each spoken command did and how long it took from release to action (benchmarks read it).
  var metrics = (window.kioskMetrics = JSON.parse(sessionStorage.getItem("kiosk.metrics") || '{"actions": []}'));

  function screen() { return document.querySelector("[data-kiosk-screen]"); }
  function screenName() { var s = screen(); return s ? s.getAttribute("data-kiosk-screen") : ""; }
  function onAttract() { return screenName() === "attract"; }
  function localeOf() { var s = screen(); return (s && s.getAttribute("data-locale")) || (root.lang || "zh").split("-")[0]; }
  function settings() { return document.getElementById("kiosk-config"); }
  function inField(target) { return !!(target && target.closest && target.closest("input, textarea, select")); }
  // Run-time settings of this kiosk (PORTAL_KIOSK_*); these defaults hold until they arrive.
  var timing = { idle_seconds: 90, warning_seconds: 30, speech_rate: 140, countdown: {} };
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
  // The words of each fixed sentence, so the caption always shows what is said.
  function promptText(key) {
    var config = settings();
    try { return JSON.parse(config.getAttribute("data-prompts"))[key] || ""; } catch (e) { return ""; }
  }

  /* ---- speech out ---- */
  function stopAudio() {
    if (state.audio) { state.audio.pause(); URL.revokeObjectURL(state.audio.src); state.audio = null; }
  }
  function speaking() { return !!(state.audio && !state.audio.paused && !state.audio.ended); }
  function play(blobPromise) {
    stopAudio();
    return blobPromise.then(function (blob) {
      if (!blob || state.muted || state.wiping) return;
      var audio = new Audio(URL.createObjectURL(blob));
      audio.setAttribute("data-kiosk-audio", "");
      state.audio = audio;
      // Speaking is activity: the idle warning waits until the kiosk has finished.
      audio.addEventListener("playing", activity);
      audio.addEventListener("ended", activity);
      metrics.lastPromptStarted = performance.now();
      return audio.play().catch(function () { /* autoplay blocked until a touch */ });
    });
  }
  function speakPrompt(key, locale) {
    if (["attract", "idle", "no-voice"].indexOf(key) < 0 && key.indexOf("not-understood-") !== 0) state.last = { key: key };
    if (key !== "attract") setCaption(key === "idle" ? document.querySelector("[data-idle]").getAttribute("data-prompt") : promptText(key));
    var url = "/_kiosk/prompt/" + encodeURIComponent(key) + "?locale=" + (locale || localeOf()) + "&rate=" + rate();
    return play(fetch(url).then(function (r) { return r.ok ? r.blob() : null; }).catch(function () { return null; }));
  }
  // Personal words (a queue number, a booking) are synthesised uncached.
  function say(text) {
    state.last = { text: text };
    setCaption(text);
    return play(fetch("/_portal/speech", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, lang: localeOf(), rate: rate() }),
    }).then(function (r) { return r.ok ? r.blob() : null; }).catch(function () { return null; }));
  }
  // Read aloud (a11y/prefs.js) speaks at the kiosk's rate, shows each sentence as the caption, and is activity.
  function syncRate() { root.setAttribute("data-speech-rate", String(rate())); }
  document.addEventListener("portal:speaking", function (event) { setCaption(event.detail && event.detail.text); activity(); });
  function reading() { return !!document.querySelector("[data-read-page][aria-pressed='true']"); }

  /* ---- asking before acting when the kiosk is not sure ---- */
  function questionBox() { return document.querySelector("[data-confirm]"); }
  function ask(result) {
    state.pending = result;
    var box = questionBox();
    if (box) { box.querySelector("[data-confirm-question]").textContent = result.question; box.hidden = false; }
    say(result.question);
  }
  function closeQuestion() {
    state.pending = null;
    var box = questionBox();
    if (box) box.hidden = true;
  }
  function answer(yes, releasedAt) {
    var pending = state.pending;
    closeQuestion();
    if (yes && pending) act(Object.assign({}, pending, { confirm: false }), releasedAt);
    else speakPrompt("nothing-done");
  }

  /* ---- acting on a command ---- */
  function act(result, releasedAt) {
    var done = function (what) {
      metrics.actions.push({ intent: result.intent, text: result.text, confirm: !!result.confirm, ms: performance.now() - releasedAt, server_ms: result.ms, what: what });
      sessionStorage.setItem("kiosk.metrics", JSON.stringify(metrics));
      root.setAttribute("data-last-intent", result.intent || "");
    };
    if (result.confirm) { ask(result); return done("asked"); }
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
    if (result.intent === "repeat") { repeat(); return done("repeat"); }
    if (result.intent === "clear") {
      var target = document.querySelector("[data-voice-digits]");
      if (target) target.value = "";
      return done("clear");
    }
    if (result.intent) {
      var control = document.querySelector("[data-voice-intent='" + result.intent + "']");
      if (control) { control.click(); return done(result.intent); }
    }
    speakPrompt("not-understood-" + screenName());
    done("not-understood");
  }
  // Say again what was said last on this screen (its prompt, a step's, or a result).
  function repeat() {
    var last = state.last;
    if (last && last.text) say(last.text);
    else speakPrompt(last ? last.key : screen().getAttribute("data-prompt-key"));
  }

  /* ---- speech in: hold to talk ---- */
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
    // While a question is open, the answer is listened for: yes or no.
    var asking = !!state.pending;
    var name = asking ? "confirm" : screenName();
    socket.onopen = function () { socket.send(JSON.stringify({ locale: localeOf(), screen: name, choices: asking ? {} : choices() })); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "unavailable") { stopTalking(true); speakPrompt("no-voice"); }
      else if (message.type === "ready") { setCaption(button && button.getAttribute("data-say-listening")); captureAudio(socket); }
      else if (message.type === "partial") setHeard(message.text);
      else if (message.type === "final") {
        setHeard(message.text);
        if (asking) answer(message.intent === "yes", state.releasedAt || performance.now());
        else act(message, state.releasedAt || performance.now());
        socket.close();
      }
    };
    socket.onerror = function () { stopTalking(true); };
  }

  function captureAudio(socket) {
    var constraints = { audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } };
    navigator.mediaDevices.getUserMedia(constraints).then(function (stream) {
      if (!state.talking) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
      audioContext = audioContext || new AudioContext({ sampleRate: 16000 });
      workletReady = workletReady || audioContext.audioWorklet.addModule(talkButton().getAttribute("data-worklet"));
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
    activity();  // listening was activity: the quiet time starts again now
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
  // Keys pressed while an input method composes text are the input method's (keyCode 229 in Safari).
  function composing(event) { return event.isComposing || event.keyCode === 229; }
  document.addEventListener("keydown", function (event) {
    var button = talkButton();
    if (button && !composing(event) && event.key === button.getAttribute("data-key") && !event.repeat) { event.preventDefault(); startTalking(); }
  });
  document.addEventListener("keyup", function (event) {
    var button = talkButton();
    if (button && !composing(event) && event.key === button.getAttribute("data-key")) stopTalking(false);
  });

  /* ---- name keyboards (kiosk/keypad.py) ---- */
  var pinyin = { table: null, buffer: "", page: 0 };
  var SMALL_KANA = { "ア": "ァ", "イ": "ィ", "ウ": "ゥ", "エ": "ェ", "オ": "ォ", "ツ": "ッ", "ヤ": "ャ", "ユ": "ュ", "ヨ": "ョ", "ワ": "ヮ", "カ": "ヵ", "ケ": "ヶ" };
  var CANDIDATES_PER_PAGE = 8;

  function withoutLast(text) { return Array.from(text).slice(0, -1).join(""); }
  function lastChar(text) { var chars = Array.from(text); return chars[chars.length - 1] || ""; }

  // A mark added to the last kana: ゛ and ゜ combine by Unicode normalisation (カ+゛=ガ), 小 to the small kana and back.
  function markKana(text, mark) {
    var last = lastChar(text);
    if (!last) return text;
    var marked;
    if (mark === "small") {
      marked = SMALL_KANA[last] || Object.keys(SMALL_KANA).filter(function (k) { return SMALL_KANA[k] === last; })[0] || last;
    } else {
      var base = last.normalize("NFD").charAt(0);
      marked = (base + (mark === "voiced" ? "\u3099" : "\u309A")).normalize("NFC");
      if (marked.length !== 1) marked = last;
    }
    return withoutLast(text) + marked;
  }

  function loadInputMethod() {
    var keyboard = document.querySelector("[data-input-method]");
    if (!keyboard) return;
    var method = keyboard.getAttribute("data-input-method");
    if (method === "hangul" && !window.Hangul && !document.querySelector("script[data-hangul]")) {
      var script = document.createElement("script");
      script.src = keyboard.getAttribute("data-script");
      script.setAttribute("data-hangul", "");
      document.head.appendChild(script);
    }
    if (method === "pinyin" && !pinyin.table) {
      pinyin.table = {};
      fetch("/_kiosk/input/pinyin").then(function (r) { return r.json(); }).then(function (table) { pinyin.table = table; renderCandidates(); })
        .catch(function () { pinyin.table = null; });
    }
    pinyin.buffer = ""; pinyin.page = 0;
    renderCandidates();
  }

  // The characters for the letters typed so far: the syllable's own, else the first of each syllable they begin.
  function candidates() {
    var table = pinyin.table || {};
    var typed = pinyin.buffer;
    if (!typed) return [];
    if (table[typed]) return Array.from(table[typed]);
    var lists = Object.keys(table).filter(function (s) { return s.indexOf(typed) === 0; }).map(function (s) { return Array.from(table[s]); });
    var merged = [];
    for (var i = 0; merged.length < 64 && lists.some(function (l) { return l.length > i; }); i++) {
      lists.forEach(function (l) { if (l[i] && merged.indexOf(l[i]) < 0) merged.push(l[i]); });
    }
    return merged;
  }

  function renderCandidates() {
    var row = document.querySelector("[data-candidates]");
    if (!row) return;
    var buffer = document.querySelector("[data-pinyin-buffer]");
    if (buffer) buffer.textContent = pinyin.buffer;
    var all = candidates();
    var pages = Math.max(1, Math.ceil(all.length / CANDIDATES_PER_PAGE));
    if (pinyin.page >= pages) pinyin.page = 0;
    row.textContent = "";
    all.slice(pinyin.page * CANDIDATES_PER_PAGE, (pinyin.page + 1) * CANDIDATES_PER_PAGE).forEach(function (character) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "key key--candidate";
      button.textContent = character;
      button.setAttribute("data-candidate", character);
      row.appendChild(button);
    });
    var more = document.querySelector("[data-candidates-more]");
    if (more) more.hidden = pages < 2;
  }

  function typeKey(key) {
    var field = document.getElementById(key.getAttribute("data-key-target"));
    if (!field) return;
    var value = key.getAttribute("data-key-value");
    var keyboard = key.closest("[data-input-method]");
    var method = keyboard ? keyboard.getAttribute("data-input-method") : "letters";
    var full = field.maxLength > 0 && Array.from(field.value).length >= field.maxLength;
    if (value === "clear") {
      field.value = ""; pinyin.buffer = "";
    } else if (value === "backspace") {
      if (method === "pinyin" && pinyin.buffer) pinyin.buffer = pinyin.buffer.slice(0, -1);
      else if (method === "hangul" && window.Hangul) field.value = window.Hangul.assemble(window.Hangul.disassemble(field.value).slice(0, -1));
      else field.value = withoutLast(field.value);
    } else if (method === "pinyin" && /^[a-z]$/.test(value)) {
      if (pinyin.buffer.length < 6) pinyin.buffer += value;
    } else if (method === "kana" && (value === "voiced" || value === "semi-voiced" || value === "small")) {
      field.value = markKana(field.value, value);
    } else if (method === "hangul" && window.Hangul && value !== " ") {
      var composed = window.Hangul.assemble(window.Hangul.disassemble(field.value).concat([value]));
      if (!(field.maxLength > 0 && composed.length > field.maxLength)) field.value = composed;
    } else if (!full) {
      field.value += value;
    }
    pinyin.page = 0;
    renderCandidates();
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /* ---- the wipe: nothing of this person is left for the next ---- */
  function wipe(quiet) {
    if (state.wiping) return;
    state.wiping = true;
    state.quiet = !!quiet;
    root.setAttribute("data-wiping", "");  // hide the screen at once, before the server has answered
    clearTimers();
    stopAudio();
    stopTalking(true);
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    // The server resets every state of the session and clears its cookie (as at log-out, components/session.js).
    window.portalSession.end().then(wiped);
    setTimeout(wiped, 3000);  // the server may be unreachable: wipe the browser anyway
  }
  // Everything the browser held goes: storage, cookies, audio; then a fresh attract screen.
  function wiped() {
    if (state.wiped) return;  // once: the server's answer and the fallback timer both call it
    state.wiped = true;
    window.portalSession.forget();
    try { localStorage.clear(); } catch (e) { /* ignore */ }
    document.cookie.split(";").forEach(function (c) {
      var name = c.split("=")[0].trim();
      if (name) document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
    });
    // The mark tells the new attract screen it was just wiped (and, when quiet, not to greet an empty room again).
    var target = ATTRACT + "#" + (state.quiet ? "quiet" : "wiped");
    if (location.pathname === ATTRACT) { history.replaceState(null, "", target); location.reload(); }
    else location.replace(target);
  }

  /* ---- touches: exits, the bar, keypads, the attract screen ---- */
  document.addEventListener("click", function (event) {
    var t = event.target.closest ? event.target : event.target.parentElement;
    if (!t) return;
    if (t.closest("[data-kiosk-exit]")) {
      // Before React Router or the browser follows the link: wipe first.
      event.preventDefault();
      event.stopPropagation();
      wipe(false);
    }
  }, true);

  document.addEventListener("click", function (event) {
    var t = event.target.closest ? event.target : event.target.parentElement;
    if (!t) return;
    if (t.closest("[data-kiosk-repeat]")) { repeat(); return; }
    var mute = t.closest("[data-kiosk-mute]");
    if (mute) { state.muted = !state.muted; syncBar(); if (state.muted) stopAudio(); return; }
    var slow = t.closest("[data-kiosk-rate]");
    if (slow) { state.slow = !state.slow; syncBar(); return; }
    var key = t.closest("[data-key-target]");
    if (key) { typeKey(key); return; }
    var candidate = t.closest("[data-candidate]");
    if (candidate) {
      var field = document.getElementById("kiosk-name");
      if (field && !(field.maxLength > 0 && Array.from(field.value).length >= field.maxLength)) {
        field.value += candidate.getAttribute("data-candidate");
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      pinyin.buffer = ""; pinyin.page = 0;
      renderCandidates();
      return;
    }
    if (t.closest("[data-candidates-more]")) { pinyin.page += 1; renderCandidates(); return; }
    if (t.closest("[data-idle-continue]")) { resetIdle(); return; }
    if (t.closest("[data-confirm-yes]")) { answer(true, performance.now()); return; }
    if (t.closest("[data-confirm-no]")) { answer(false, performance.now()); return; }
    var attract = document.querySelector("[data-kiosk-screen='attract']");
    if (attract && !state.wiping && !t.closest("a, button")) location.assign(attract.getAttribute("data-start"));
  });

  // The mute and speed buttons show the state of this person's session.
  function syncBar() {
    var mute = document.querySelector("[data-kiosk-mute]");
    if (mute) mute.setAttribute("aria-pressed", String(state.muted));
    var slow = document.querySelector("[data-kiosk-rate]");
    if (slow) slow.setAttribute("aria-pressed", String(state.slow));
    root.setAttribute("data-kiosk-muted", String(state.muted));
    syncRate();
  }

  /* ---- lock-down: a kiosk is not a browser. Fields keep their own behaviour. ---- */
  var TALK_KEY = "F8";
  document.addEventListener("contextmenu", function (event) { if (!inField(event.target)) event.preventDefault(); }, true);
  document.addEventListener("selectstart", function (event) { if (!inField(event.target)) event.preventDefault(); }, true);
  document.addEventListener("dragstart", function (event) { event.preventDefault(); }, true);
  document.addEventListener("keydown", function (event) {
    if (inField(event.target)) return;
    var functionKey = /^F\d{1,2}$/.test(event.key) && event.key !== TALK_KEY;
    if (event.ctrlKey || event.metaKey || event.altKey || functionKey) event.preventDefault();
  }, true);

  /* ---- idle: warn, then wipe; any touch, listening or speaking is activity ---- */
  function idleBox() { return document.querySelector("[data-idle]"); }
  function clearTimers() { clearTimeout(state.idleTimer); clearTimeout(state.warnTimer); clearInterval(state.countdown); }
  function resetIdle() {
    clearTimers();
    var box = idleBox();
    if (box) box.hidden = true;
    if (!screen() || state.wiping) return;
    var idle = timing.idle_seconds * 1000;
    // The attract screen wipes whatever may be left, on its own timer.
    if (onAttract()) { state.idleTimer = setTimeout(function () { wipe(true); }, idle); return; }
    state.warnTimer = setTimeout(warnIdle, Math.max(0, idle - timing.warning_seconds * 1000));
  }
  // Speaking and listening are activity on a screen in use; the attract screen counts touches only.
  function activity() {
    if (onAttract()) return;
    var box = idleBox();
    if (!box || box.hidden) resetIdle();
  }
  function countdownText(left) {
    var sentences = (timing.countdown || {})[localeOf()] || [];
    return sentences[Math.max(0, Math.min(left, sentences.length - 1))] || String(left);
  }
  function warnIdle() {
    var box = idleBox();
    if (!box) return;
    if (state.talking || speaking() || reading()) { resetIdle(); return; }  // someone is listening or speaking
    var left = timing.warning_seconds;
    var count = box.querySelector("[data-idle-count]");
    box.hidden = false;
    count.textContent = countdownText(left);
    box.querySelector("[data-idle-continue]").focus();
    speakPrompt("idle");
    state.countdown = setInterval(function () { left -= 1; count.textContent = countdownText(Math.max(0, left)); }, 1000);
    state.idleTimer = setTimeout(function () { wipe(false); }, timing.warning_seconds * 1000);
  }
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function () { resetIdle(); }, true);  // any touch, also on the warning, continues
  });

  /* ---- on every screen ---- */
  var lastScreen = null;
  function onScreen() {
    var s = screen();
    if (!s || s === lastScreen) return;
    lastScreen = s;
    state.last = null;
    syncBar();
    if (onAttract()) arriveAtAttract();
    else { resetIdle(); speakPrompt(s.getAttribute("data-prompt-key")); }
  }
  function arriveAtAttract() {
    var mark = location.hash.slice(1);
    // Reached without a wipe (typed address, redirect, restart): wipe now, before anyone starts.
    if (mark !== "wiped" && mark !== "quiet") { wipe(false); return; }
    history.replaceState(null, "", ATTRACT);
    resetIdle();
    if (mark === "quiet") return;
    // The welcome in each language in turn.
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".attract__button"));
    buttons.reduce(function (p, b) {
      return p.then(function () {
        return speakPrompt("attract", b.getAttribute("data-locale")).then(function () {
          return new Promise(function (resolve) { if (state.audio) state.audio.onended = resolve; else resolve(); });
        });
      });
    }, Promise.resolve());
  }
  // A name keyboard that appears (a booking step) gets its input method ready.
  var lastKeyboard = null;
  function watchKeyboard() {
    var keyboard = document.querySelector("[data-input-method]");
    if (keyboard !== lastKeyboard) { lastKeyboard = keyboard; loadInputMethod(); }
  }
  // The heights of the docks, for the menu's layout and for scrolling clear of them (kiosk.css).
  function measureTop() {
    [[".kiosk-top", "--kiosk-top-height"], [".kiosk-dock", "--kiosk-dock-height"]].forEach(function (pair) {
      var el = document.querySelector(pair[0]);
      var sticky = el && getComputedStyle(el).position === "sticky";
      var height = sticky ? el.offsetHeight + "px" : "0px";
      if (root.style.getPropertyValue(pair[1]) !== height) root.style.setProperty(pair[1], height);
    });
  }
  window.addEventListener("resize", measureTop);
  new MutationObserver(function () { onScreen(); watchKeyboard(); measureTop(); }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  timingLoaded.then(function () { if (lastScreen) resetIdle(); else onScreen(); });

  /* ---- cues: what a screen asks for once, when it appears (kiosk/screens.py: cue) ---- */
  function actOn(cue) {
    if (cue.kioskCued) return;
    cue.kioskCued = true;
    var what = cue.getAttribute("data-kiosk-cue");
    if (what === "say") say(cue.getAttribute("data-text"));
    else if (what === "prompt") speakPrompt(cue.getAttribute("data-text"));
    else if (what === "print") window.print();
  }
  new MutationObserver(function () { document.querySelectorAll("[data-kiosk-cue]").forEach(actOn); })
    .observe(document.documentElement, { childList: true, subtree: true });

  window.kiosk = { say: say, speakPrompt: speakPrompt, wiped: wiped, wipe: wipe };
})();
