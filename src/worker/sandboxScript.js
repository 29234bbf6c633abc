// Runs inside the sandbox frame: receives the engine worker's code from the page, starts it
// from a blob: URL, and hands the page a MessagePort to it, through this frame (see relay).
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
    var toWorker = new MessageChannel();
    var toPage = new MessageChannel();
    worker.postMessage({ steplabPort: toWorker.port2 }, [toWorker.port2]);
    relay(toWorker.port1, toPage.port1);
    window.parent.postMessage({ steplab: 'ready' }, appOrigin, [toPage.port2]);
  });

  // The engine beats before every step run (and every variant of a batch): thousands of messages
  // a second. Each one sent straight to the page would cross processes, as this frame has its
  // own, and cost the page's main thread more than the step; to this frame they cost little. So
  // every message passes here: beats are merged (their events joined, the newest slice kept) and
  // go on at most every RELAY_MS; anything else (an answer) goes at once, after the beats before
  // it, so the page sees them in the order the worker sent them. This thread stays free while
  // step code hangs the worker, so the last beat before a hang still reaches the page's watchdog.
  var RELAY_MS = 20;
  function relay(worker, page) {
    var waiting = null;
    var timer = 0;
    var sentAt = -Infinity;
    function flush() {
      clearTimeout(timer);
      timer = 0;
      if (!waiting) return;
      page.postMessage(waiting);
      waiting = null;
      sentAt = performance.now();
    }
    page.onmessage = function (event) {
      worker.postMessage(event.data, event.ports.slice());
    };
    worker.onmessage = function (event) {
      var message = event.data;
      if (!isBeat(message) || event.ports.length > 0) {
        flush();
        page.postMessage(message, event.ports.slice());
        return;
      }
      // The newest beat, carrying every event since the last one sent.
      // Events are JSON text, the inside of an array (see wireBeat.ts), so merging is joining.
      if (waiting && waiting.events !== '') message.events = message.events === '' ? waiting.events : waiting.events + ',' + message.events;
      waiting = message;
      if (timer) return;
      var wait = sentAt + RELAY_MS - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    };
  }

  function isBeat(message) {
    return message !== null && typeof message === 'object' && message.steplab === 'progress' && typeof message.events === 'string';
  }
  window.parent.postMessage({ steplab: 'loaded' }, appOrigin);
})();
