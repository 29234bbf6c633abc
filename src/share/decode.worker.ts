// The decode worker: opens links, files and ZIPs off the page's main thread (see decodeInput.ts).
import { decodeInput, type DecodeRequest } from './decodeInput.ts';

self.onmessage = (event: MessageEvent<DecodeRequest>) => {
  decodeInput(event.data).then(
    (decoded) => self.postMessage({ ok: true, decoded }),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : 'the input could not be read' }),
  );
};
