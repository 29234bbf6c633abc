// Runs inside the sandbox frame: receives the engine worker's code from the page, starts it
// from a blob: URL, and hands the page a MessagePort wired straight to the worker, and one on
// which this frame relays the worker's batch beats.
// It starts nothing unless it is sandboxed (an opaque origin) and framed by the app's own
// origin: loaded directly, framed without `sandbox`, or framed by another site, it would run
// worker code with the app's origin and reach its storage.
(function () {
  var appOrigin = location.origin;
  var framed = window.parent !== window;
  var opaque = self.origin === 'null';
  var ancestors = location.ancestorOrigins;
  var parentIsApp = !ancestors || (ancestors.length > 0 && ancestors[0] === appOrigin);
  if (!framed || !opaque || !parentIsApp) {
    document.body.textContent = 'This page only runs inside Steplab, in a sandboxed frame.';
    return;
  }
  var started = false;
  window.addEventListener('message', function (event) {
    if (started || event.source !== window.parent || event.origin !== appOrigin) return;
    if (!event.data || event.data.steplab !== 'start' || typeof event.data.code !== 'string') return;
    started = true;
    var url = URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }));
    var worker = new Worker(url);
    var channel = new MessageChannel();
    var beats = new MessageChannel();
    var relay = new MessageChannel();
    worker.postMessage({ steplabPort: channel.port2, steplabBeats: beats.port2 }, [channel.port2, beats.port2]);
    relayBeats(beats.port1, relay.port1);
    window.parent.postMessage({ steplab: 'ready' }, appOrigin, [channel.port1, relay.port2]);
  });

  // A batch (tests, Explore) beats before every variant and step: thousands of messages a second.
  // Across to the page each would cross processes, as this frame has its own; to this frame they
  // cost little. This thread stays free while step code hangs the worker, so it passes the page
  // the newest beat at most every RELAY_MS: the last one before a hang still arrives, to name it.
  var RELAY_MS = 20;
  function relayBeats(from, to) {
    var newest = null;
    var waiting = false;
    var sentAt = -Infinity;
    function send() {
      waiting = false;
      sentAt = performance.now();
      to.postMessage(newest);
      newest = null;
    }
    from.onmessage = function (event) {
      newest = event.data;
      if (waiting) return;
      var wait = sentAt + RELAY_MS - performance.now();
      if (wait <= 0) send();
      else {
        waiting = true;
        setTimeout(send, wait);
      }
    };
  }
  window.parent.postMessage({ steplab: 'loaded' }, appOrigin);
})();
