// Reads what this tab has saved (IndexedDB, see src/state/savedStore.ts), as JSON text, so a
// test can wait for a save to land instead of waiting a fixed time.
import type { Page } from '@playwright/test';

/** The value stored under `prefix` + this tab's workspace id, as JSON text, or null. */
function savedText(page: Page, prefix: 'ws:' | 'session:'): Promise<string | null> {
  return page.evaluate(
    (prefix) =>
      new Promise<string | null>((resolve, reject) => {
        const id = sessionStorage.getItem('steplab.tab.workspace');
        const open = indexedDB.open('steplab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('saved').objectStore('saved').get(`${prefix}${id}`);
          request.onsuccess = () => resolve(request.result ? JSON.stringify(prefix === 'ws:' ? request.result.workspace : request.result) : null);
          request.onerror = () => reject(request.error);
        };
      }),
    prefix,
  );
}

export const savedWorkspaceText = (page: Page) => savedText(page, 'ws:');

/** The saved runs and branches of this tab's workspace (src/state/sessionSaves.ts). */
export const savedSessionText = (page: Page) => savedText(page, 'session:');
