/* Voice search: where this server has a speech model for the page's language
 * (/_kiosk/voices), the search box's microphone button appears. Pressing it
 * starts listening (free dictation through the kiosk's speech-in service,
 * /_kiosk/listen, 16 kHz mono PCM); pressing it again, or MAX_SECONDS after
 * it is ready, stops, and what was heard is searched for. The words heard so
 * far show in a polite status line. Without a model the button stays hidden. */
(function () {
  "use strict";
  var MAX_SECONDS = 10;
  var voices = fetch("/_kiosk/voices").then(function (r) { return r.ok ? r.json() : { locales: [] }; }).catch(function () { return { locales: [] }; });
  var session = null;

  function locale() { return location.pathname.split("/")[1] || "zh"; }

  function reveal() {
    voices.then(function (v) {
      var here = v.locales.indexOf(locale()) >= 0;
      document.querySelectorAll("[data-voice-search]").forEach(function (button) { button.hidden = !here; });
    });
  }

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("data-status"));
    if (status) status.textContent = text || "";
  }

  function stop(abort) {
    if (!session) return;
    var s = session;
    session = null;
    clearTimeout(s.timer);
    s.button.setAttribute("aria-pressed", "false");
    if (s.release) s.release();
    if (s.socket.readyState === 1) {
      if (abort) s.socket.close();
      else s.socket.send(JSON.stringify({ type: "end" }));
    }
  }

  function start(button) {
    var field = document.getElementById(button.getAttribute("data-field"));
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_kiosk/listen");
    socket.binaryType = "arraybuffer";
    session = { button: button, socket: socket };
    var mine = session;
    button.setAttribute("aria-pressed", "true");
    // The speech model may still be loading (the first time, seconds): "listening" only once it is ready.
    say(button, button.getAttribute("data-say-starting"));
    socket.onopen = function () { socket.send(JSON.stringify({ locale: locale(), screen: "search", choices: {} })); };
    socket.onerror = function () { say(button, button.getAttribute("data-say-failed")); stop(true); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "unavailable") { say(button, button.getAttribute("data-say-failed")); stop(true); }
      else if (message.type === "ready") {
        say(button, button.getAttribute("data-say-listening"));
        mine.timer = setTimeout(function () { if (session === mine) stop(false); }, MAX_SECONDS * 1000);
        capture(mine, socket, button);
      }
      else if (message.type === "partial") say(button, message.text);
      else if (message.type === "final") {
        socket.close();
        if (message.text && field) {
          field.value = message.text;
          say(button, message.text);
          if (field.form) field.form.requestSubmit();
        } else {
          say(button, button.getAttribute("data-say-nothing"));
        }
      }
    };
  }

  function capture(mine, socket, button) {
    navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } }).then(function (stream) {
      if (session !== mine) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
      var context = new AudioContext({ sampleRate: 16000 });
      return context.audioWorklet.addModule(button.getAttribute("data-worklet")).then(function () {
        var source = context.createMediaStreamSource(stream);
        var node = new AudioWorkletNode(context, "pcm");
        node.port.onmessage = function (event) { if (socket.readyState === 1 && session === mine) socket.send(event.data); };
        source.connect(node);
        mine.release = function () { source.disconnect(); node.disconnect(); stream.getTracks().forEach(function (t) { t.stop(); }); context.close(); };
        if (session !== mine) mine.release();
      });
    }).catch(function () { say(button, button.getAttribute("data-say-no-microphone")); stop(true); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-voice-search]");
    if (!button) return;
    event.preventDefault();
    if (session) stop(false); else start(button);
  });

  // Pages arrive by client-side navigation too: show the button wherever a search box appears.
  new MutationObserver(function () { if (document.querySelector("[data-voice-search][hidden]")) reveal(); })
    .observe(document.documentElement, { childList: true, subtree: true });
  reveal();
})();
