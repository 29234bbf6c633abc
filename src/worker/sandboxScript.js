// Runs inside the sandbox frame: receives the engine worker's code from the page, starts it
// from a blob: URL, and hands the page a MessagePort wired straight to the worker.
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
    worker.postMessage({ steplabPort: channel.port2 }, [channel.port2]);
    window.parent.postMessage({ steplab: 'ready' }, appOrigin, [channel.port1]);
  });
  window.parent.postMessage({ steplab: 'loaded' }, appOrigin);
})();
