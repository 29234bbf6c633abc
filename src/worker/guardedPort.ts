// The page's end of the engine port. Step code runs in the worker's realm and can post anything
// on it, so nothing received is trusted: comlink sees only well-formed replies (never a proxy),
// progress goes to its own listener after a shape check, and everything else is dropped.
import type { Endpoint } from 'comlink';
import { isComlinkReply, type ProgressMessage } from './messageGuards.ts';
import { fromWire } from './wireBeat.ts';

type Listener = (event: MessageEvent) => void;

export interface GuardedPort extends Endpoint {
  /** Called for each valid progress message; `onMalformed` for anything of the wrong shape. */
  onProgress: ((message: ProgressMessage) => void) | null;
  onMalformed: ((what: string) => void) | null;
}

export function guardPort(port: MessagePort): GuardedPort {
  const listeners = new Set<Listener>();
  const guarded: GuardedPort = {
    onProgress: null,
    onMalformed: null,
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer ?? []),
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => listeners.add(listener as Listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => listeners.delete(listener as Listener),
    start: () => port.start(),
  };
  port.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.ports.length > 0) guarded.onMalformed?.('a message carrying ports');
    else if (isComlinkReply(data)) for (const listener of listeners) listener(new MessageEvent('message', { data }));
    else {
      const beat = fromWire(data);
      if (beat) guarded.onProgress?.(beat);
      else guarded.onMalformed?.('a message of an unknown shape');
    }
  };
  return guarded;
}
