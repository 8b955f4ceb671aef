/* Hangul on the kiosk's touch keyboard: the keys type jamo (두벌식 layout) and
 * this script composes them into syllables in fields marked
 * data-compose="hangul" (ㅇ ㅕ ㄱ ㅝ ㄴ -> 여권), after every key. */
(function () {
  "use strict";
  var L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  var V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  var T = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
  var VOWELS = { "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ" };
  var FINALS = { "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ" };
  function joined(table, pair) { for (var k in table) if (table[k] === pair) return k; return null; }

  // Syllables back into the jamo they were typed as (compound vowels and finals split).
  function decompose(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i) - 0xac00;
      if (code < 0 || code > 11171) { out += VOWELS[text[i]] || FINALS[text[i]] || text[i]; continue; }
      var t = code % 28, v = ((code - t) / 28) % 21, l = Math.floor(code / 588);
      out += L[l] + (VOWELS[V[v]] || V[v]) + (FINALS[T[t]] || T[t]);
    }
    return out;
  }

  function compose(jamo) {
    var out = "", l = null, v = null, t = null;
    function flush() {
      if (l !== null && v !== null) out += String.fromCharCode(0xac00 + (L.indexOf(l) * 21 + V.indexOf(v)) * 28 + T.indexOf(t || ""));
      else out += (l || "") + (v || "");
      l = v = t = null;
    }
    for (var i = 0; i < jamo.length; i++) {
      var c = jamo[i];
      if (L.indexOf(c) >= 0 || T.indexOf(c) > 0) {
        if (l !== null && v !== null && t === null && T.indexOf(c) > 0) t = c;
        else if (l !== null && v !== null && t !== null && joined(FINALS, t + c)) t = joined(FINALS, t + c);
        else { flush(); l = L.indexOf(c) >= 0 ? c : null; if (l === null) out += c; }
      } else if (V.indexOf(c) >= 0) {
        if (l !== null && v === null) v = c;
        else if (l !== null && v !== null && t === null && joined(VOWELS, v + c)) v = joined(VOWELS, v + c);
        else if (l !== null && v !== null && t !== null) {
          // The final consonant starts the next syllable (여권 + ㅇ ㅣ -> 여궈니 ... 여권이).
          var parts = FINALS[t] || t;
          t = parts.length > 1 ? parts[0] : null;
          var next = parts[parts.length - 1];
          flush();
          l = next; v = c;
        } else { flush(); out += c; }
      } else { flush(); out += c; }
    }
    flush();
    return out;
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("[data-compose=hangul]")) return;
    var composed = compose(decompose(field.value));
    if (composed !== field.value) field.value = composed;
  });
  window.hangul = { compose: compose, decompose: decompose };
})();
