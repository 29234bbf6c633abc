// Reads what this tab has saved (IndexedDB, see src/state/savedStore.ts), as JSON text.
import type { Page } from '@playwright/test';

export function savedWorkspaceText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const id = sessionStorage.getItem('steplab.tab.workspace');
        const open = indexedDB.open('steplab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('saved').objectStore('saved').get(`ws:${id}`);
          request.onsuccess = () => resolve(request.result ? JSON.stringify(request.result.workspace) : null);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
