/* The kiosk's microphone, as 16-bit PCM for the listening websocket
 * (kiosk.js loads it as an audio worklet; a file, since the page's policy
 * runs no script built in the page). */
class Pcm extends AudioWorkletProcessor {
  process(inputs) {
    var c = inputs[0][0];
    if (c) {
      var o = new Int16Array(c.length);
      for (var i = 0; i < c.length; i++) { var s = Math.max(-1, Math.min(1, c[i])); o[i] = s < 0 ? s * 32768 : s * 32767; }
      this.port.postMessage(o.buffer, [o.buffer]);
    }
    return true;
  }
}
registerProcessor("pcm", Pcm);
