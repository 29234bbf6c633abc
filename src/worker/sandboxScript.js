// Runs inside the sandbox frame: receives the engine worker's code from the page, starts it
// from a blob: URL, and hands the page a MessagePort wired straight to the worker.
window.addEventListener('message', function (event) {
  if (event.source !== window.parent || !event.data || event.data.steplab !== 'start') return;
  var url = URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }));
  var worker = new Worker(url);
  var channel = new MessageChannel();
  worker.postMessage({ steplabPort: channel.port2 }, [channel.port2]);
  window.parent.postMessage({ steplab: 'ready' }, '*', [channel.port1]);
});
window.parent.postMessage({ steplab: 'loaded' }, '*');
