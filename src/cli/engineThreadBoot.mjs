// Worker-thread bootstrap: the engine is TypeScript, so load tsx in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./engineThread.ts');
