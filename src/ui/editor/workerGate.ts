// Monaco's workers (TypeScript's alone is 6.7 MB) start only when IntelliSense may be wanted: when a
// pointer or the focus first reaches an editor, or once the page has been quiet after start-up.
// Until then Monaco's requests to them simply wait, so no feature is lost.
import { whenQuiet } from './whenQuiet.ts';

let open: () => void = () => {};
const opened = new Promise<void>((resolve) => (open = resolve));
let watching = false;

/** Lets Monaco's workers start now (an editor got the pointer or the focus). */
export function wantIntelliSense(): void {
  open();
}

/** A worker made by `make` once workers may start; starts watching for a quiet page on first use. */
export function gatedWorker(make: () => Worker): Promise<Worker> {
  if (!watching) {
    watching = true;
    void whenQuiet(2000, 15_000).then(open);
  }
  return opened.then(make);
}
